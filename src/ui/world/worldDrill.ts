import { patientSeedOf } from '../../schema/ids';
import { applyDrill, DrillSpec, FEVER_CLINIC_DEPARTMENT, OUTBREAKS, outbreakSeedOf } from '../../modes/drill';
import type { Lang } from '../../schema/common';
import { h } from '../dom';
import { mt } from '../modes/i18n';
import type { HospitalRun } from './hospitalRun';
import { clockParts } from './hospitalRun';
import { consultService } from '../../sim/services';

/** The surge on the map: it peaks two sim hours after the page opens and is over after eight. */
const PEAK_AFTER_HOURS = 2;
const OVER_AFTER_HOURS = 8;

/**
 * The drill of the address (`?drill=influenza|norovirus|measles|novel`, with `fever=1` for a
 * fever clinic, `feverTriage=1` for its triage rule, `surge=N` extra arrivals per hour at the
 * peak), undefined when there is none. A bad value throws naming the parameter.
 */
export function drillFromAddress(params: URLSearchParams, seed: number): DrillSpec | undefined {
  const outbreak = params.get('drill');
  if (outbreak === null) return undefined;
  const flag = (name: string): boolean => {
    const v = params.get(name);
    if (v === null || v === '0') return false;
    if (v === '1') return true;
    throw new Error(`?${name}=${v}: expected 1 or 0`);
  };
  const surge = params.get('surge');
  const parsed = DrillSpec.safeParse({
    seed,
    outbreak,
    feverClinic: flag('fever'),
    feverTriage: flag('feverTriage'),
    ...(surge === null ? {} : { surgePeakPerHour: Number(surge) }),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name =
    issue?.path[0] === 'outbreak' ? 'drill' : issue?.path[0] === 'surgePeakPerHour' ? 'surge' : String(issue?.path[0] ?? 'drill');
  throw new Error(
    `?${name}=${params.get(name) ?? ''}: ${name === 'drill' ? `expected one of ${Object.keys(OUTBREAKS).join(', ')}` : (issue?.message ?? 'not valid')}`,
  );
}

/**
 * Starts the drill in the world now and returns the banner that follows it: what was set up,
 * when the surge peaks, and how many outbreak patients have come so far.
 */
export function startWorldDrill(run: HospitalRun, spec: DrillSpec): { el: HTMLElement; refresh: (lang: Lang) => void } {
  const outbreakSeed = outbreakSeedOf(spec.seed);
  let surge = { startHour: 0, peakHour: 0, endHour: 0 };
  let arrived = 0;
  // The world is rebuilt when new doctors arrive (an import, a reset): the drill starts again in it.
  const apply = (): void => {
    const sim = run.sim;
    const now = sim.world.time / 60;
    surge = { startHour: now, peakHour: now + PEAK_AFTER_HOURS, endHour: now + OVER_AFTER_HOURS };
    applyDrill(sim, run.staff.kb, spec, surge);
    arrived = 0;
    sim.events.on('patient:registered', (e) => {
      if (patientSeedOf(e.patient) === outbreakSeed) arrived++;
    });
  };
  apply();
  run.bus.on('restarted', apply);
  const el = h('section', { class: 'panel world-drill', attrs: { 'data-testid': 'world-drill', role: 'status' } });
  const at = (hour: number): string => {
    const { hh, mm } = clockParts(hour * 60);
    return `${hh}:${mm}`;
  };
  const refresh = (lang: Lang): void => {
    const outbreak = spec.outbreak ? OUTBREAKS[spec.outbreak] : undefined;
    const waiting = run.sim.world.queues.get(consultService(FEVER_CLINIC_DEPARTMENT))?.length ?? 0;
    el.dataset['arrived'] = String(arrived);
    const lines: HTMLElement[] = [h('h4', {}, mt('mapDrillTitle', lang))];
    if (outbreak)
      lines.push(
        h(
          'p',
          {},
          `${outbreak.name[lang]} (${outbreak.icd10}): ${mt('mapDrillSurge', lang, { start: at(surge.startHour), peak: at(surge.peakHour), end: at(surge.endHour) })}`,
        ),
      );
    if (spec.feverClinic)
      lines.push(
        h(
          'p',
          {},
          mt('mapDrillFever', lang, { n: spec.feverClinicDoctors }) + (spec.feverTriage ? `; ${mt('mapDrillFeverTriage', lang)}` : ''),
        ),
      );
    lines.push(
      h(
        'p',
        { attrs: { 'data-testid': 'world-drill-count' } },
        `${mt('mapDrillArrived', lang, { n: arrived })} · ${mt('mapDrillWaiting', lang, { n: waiting })}`,
      ),
    );
    el.replaceChildren(...lines);
  };
  return { el, refresh };
}

/** The heading of the notice shown when the address's drill is refused. */
export function badDrillTitle(lang: Lang): string {
  return mt('mapDrillBad', lang);
}
