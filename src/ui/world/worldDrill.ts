import { applyDrill, DrillSpec, FEVER_CLINIC_DEPARTMENT, OUTBREAKS, outbreakSeedOf } from '../../modes/drill';
import type { Lang } from '../../schema/common';
import { h } from '../dom';
import type { HospitalRun } from './hospitalRun';
import { clockParts } from './hospitalRun';

/** The surge on the map: it peaks two sim hours after the page opens and is over after eight. */
const PEAK_AFTER_HOURS = 2;
const OVER_AFTER_HOURS = 8;

const T = {
  title: { en: 'Outbreak drill on the map', zh: '地图上的疫情演练' },
  surge: { en: 'surge from {start}, peaking at {peak}, over by {end}', zh: '{start} 开始激增，{peak} 达到高峰，{end} 结束' },
  fever: { en: 'Fever clinic open (Infectious Diseases: {n} doctors, a second triage desk)', zh: '发热门诊已开（感染科 {n} 名医生，第二个分诊台）' },
  feverTriage: { en: 'its complaints go straight to the fever clinic', zh: '相关主诉直接分诊到发热门诊' },
  arrived: { en: 'Outbreak patients so far: {n}', zh: '疫情患者累计：{n}' },
  waiting: { en: 'waiting in Infectious Diseases: {n}', zh: '感染科候诊：{n}' },
  bad: { en: 'The drill in the address could not start', zh: '地址中的演练无法开始' },
} as const;

function t(key: keyof typeof T, lang: Lang, vars: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

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
  const name = issue?.path[0] === 'outbreak' ? 'drill' : issue?.path[0] === 'surgePeakPerHour' ? 'surge' : String(issue?.path[0] ?? 'drill');
  throw new Error(`?${name}=${params.get(name) ?? ''}: ${name === 'drill' ? `expected one of ${Object.keys(OUTBREAKS).join(', ')}` : (issue?.message ?? 'not valid')}`);
}

/**
 * Starts the drill in the world now and returns the banner that follows it: what was set up,
 * when the surge peaks, and how many outbreak patients have come so far.
 */
export function startWorldDrill(run: HospitalRun, spec: DrillSpec): { el: HTMLElement; refresh: (lang: Lang) => void } {
  const prefix = `P${outbreakSeedOf(spec.seed)}-`;
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
      if (e.patient.startsWith(prefix)) arrived++;
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
    const waiting = run.sim.world.queues.get(`consult:${FEVER_CLINIC_DEPARTMENT}` as never)?.length ?? 0;
    el.dataset['arrived'] = String(arrived);
    const lines: HTMLElement[] = [h('h4', {}, t('title', lang))];
    if (outbreak) lines.push(h('p', {}, `${outbreak.name[lang]} (${outbreak.icd10}): ${t('surge', lang, { start: at(surge.startHour), peak: at(surge.peakHour), end: at(surge.endHour) })}`));
    if (spec.feverClinic) lines.push(h('p', {}, t('fever', lang, { n: spec.feverClinicDoctors }) + (spec.feverTriage ? `; ${t('feverTriage', lang)}` : '')));
    lines.push(h('p', { attrs: { 'data-testid': 'world-drill-count' } }, `${t('arrived', lang, { n: arrived })} · ${t('waiting', lang, { n: waiting })}`));
    el.replaceChildren(...lines);
  };
  return { el, refresh };
}

/** The heading of the notice shown when the address's drill is refused. */
export function badDrillTitle(lang: Lang): string {
  return t('bad', lang);
}
