import { fetchMapText } from '../mapFile';
import './modes.css';
import type { Lang } from '../../schema/common';
import { ExamRoom } from '../../schema/knowledge';
import type { AppContext, View } from '../appContext';
import { parseLayout, type Layout } from '../../sim/layout';
import { DrillRun, OUTBREAKS, type DrillResult, type DrillSnapshot, type DrillSpec, type OutbreakKind } from '../../modes/drill';
import { clear, h } from '../dom';
import { lineChart } from '../lineChart';
import { departmentName, field, pct } from './common';
import { mt } from './i18n';

/** Patients waiting per hour, one line per run (the hours of the drill along the bottom). */
function waitingChart(cols: readonly { label: string; r: DrillResult }[], title: string): SVGSVGElement {
  const hours = Math.max(1, ...cols.map((c) => c.r.waitingByHour.length));
  const x = Array.from({ length: hours }, (_, i) => i);
  const series = cols.map((c, i) => ({ label: c.label, values: c.r.waitingByHour, color: ['#26a269', '#c01c28', '#1a5fb4'][i] as string }));
  const xTicks = x.filter((i) => i % 6 === 0);
  return lineChart(series, { title, x, xTicks, xTick: (i) => `${i + 1}h`, width: 720, height: 260 }, { 'data-testid': 'drill-chart' });
}

/** The hospital map for the headless drill (the same map the world view draws). */
async function loadDrillLayout(app: AppContext): Promise<Layout> {
  const mapText = await fetchMapText();
  return parseLayout(
    JSON.parse(mapText) as unknown,
    'maps/hospital.tmj',
    app.kb.departments.map((d) => d.id),
    ExamRoom.options.filter((r) => r !== 'consulting-room'),
  );
}

/** The animated hospital with this drill's outbreak and fever clinic (see src/ui/world/worldDrill.ts). */
function mapAddress(spec: Partial<DrillSpec> & { outbreak: OutbreakKind }, lang: Lang): string {
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('view', 'world');
  url.searchParams.set('lang', lang);
  url.searchParams.set('drill', spec.outbreak);
  url.searchParams.set('surge', String(spec.surgePeakPerHour ?? 20));
  if (spec.feverClinic) url.searchParams.set('fever', '1');
  if (spec.feverTriage) url.searchParams.set('feverTriage', '1');
  return url.toString();
}

interface Outcome {
  baseline: DrillResult;
  surge: DrillResult;
  drill?: DrillResult;
}

/** Public-health drill: an outbreak on top of normal traffic, the staff's answer to it, and what it cost in waiting. */
export const DRILL_VIEW: View = {
  id: 'drill',
  title: { en: 'Public-health drill', zh: '公共卫生演练' },
  mount(el, app) {
    const root = h('div', { class: 'mode', attrs: { 'data-testid': 'mode-drill' } });
    el.append(root);
    let layout: Layout | undefined;
    let problem = '';
    let outcome: Outcome | undefined;
    let busy = false;
    let disposed = false;
    const spec: Partial<DrillSpec> & { outbreak: OutbreakKind; extraDep: string; extra: number } = {
      seed: 1,
      hours: 24,
      outbreak: 'influenza',
      surgePeakPerHour: 20,
      feverClinic: false,
      feverTriage: false,
      extraDep: 'infectious-diseases',
      extra: 0,
    };

    /** The runs in progress: advanced an hour per frame so the queues can be watched as they grow. */
    let live: { runs: { label: 'baseline' | 'surge' | 'drill'; run: DrillRun }[]; snapshot?: DrillSnapshot } | undefined;

    const run = (): void => {
      if (!layout || busy) return;
      try {
        const world = { kb: app.kb, generator: app.generator, reader: app.reader, layout };
        const common = { seed: spec.seed ?? 1, hours: spec.hours ?? 24 };
        const outbreak = { ...common, outbreak: spec.outbreak, surgePeakPerHour: spec.surgePeakPerHour ?? 20 };
        const measures = spec.feverClinic || spec.feverTriage || spec.extra > 0;
        live = {
          runs: [
            { label: 'baseline', run: new DrillRun(world, common) },
            { label: 'surge', run: new DrillRun(world, outbreak) },
            ...(measures
              ? [
                  {
                    label: 'drill' as const,
                    run: new DrillRun(world, {
                      ...outbreak,
                      feverClinic: spec.feverClinic ?? false,
                      feverTriage: spec.feverTriage ?? false,
                      extraDoctors: spec.extra > 0 ? { [spec.extraDep]: spec.extra } : {},
                    }),
                  },
                ]
              : []),
          ],
        };
      } catch (err) {
        problem = (err as Error).message;
        render();
        return;
      }
      busy = true;
      outcome = undefined;
      problem = '';
      const hour = (): void => {
        if (disposed || !live) return;
        try {
          let snapshot: DrillSnapshot | undefined;
          for (const r of live.runs) snapshot = r.run.runHours(1);
          live.snapshot = snapshot;
          if (live.runs.every((r) => r.run.done)) {
            const get = (label: string): DrillResult | undefined => live?.runs.find((r) => r.label === label)?.run.result();
            const drill = get('drill');
            outcome = { baseline: get('baseline') as DrillResult, surge: get('surge') as DrillResult, ...(drill ? { drill } : {}) };
            busy = false;
            live = undefined;
          } else setTimeout(hour, 0);
        } catch (err) {
          problem = (err as Error).message;
          busy = false;
          live = undefined;
        }
        render();
      };
      render();
      setTimeout(hour, 0);
    };

    /** While the drill runs: the hour and the queues of the run with the measures (or the outbreak's). */
    const watching = (lang: Lang): HTMLElement | null => {
      const snap = live?.snapshot;
      if (!snap) return null;
      const deps = Object.entries(snap.waitingByDepartment).sort((a, b) => b[1] - a[1]);
      return h(
        'section',
        { class: 'mode-card', attrs: { 'data-testid': 'drill-live' } },
        h(
          'p',
          {},
          `${mt('hourNow', lang, { h: snap.hour })} · ${mt('arrived', lang)}: ${snap.arrived} · ${mt('inside', lang)}: ${snap.inside}`,
        ),
        h('h4', {}, mt('byDepartment', lang)),
        deps.length
          ? h(
              'div',
              { class: 'm-bars' },
              ...deps.map(([dep, n]) =>
                h(
                  'div',
                  { class: 'm-bar' },
                  h('span', { class: 'm-fill', attrs: { style: `width:${Math.min(400, n * 8)}px` } }),
                  `${departmentName(app.kb, dep, lang)} ${n}`,
                ),
              ),
            )
          : h('p', { class: 'muted' }, '—'),
      );
    };

    const results = (lang: Lang, o: Outcome): HTMLElement => {
      const cols: { label: string; r: DrillResult; testid: string }[] = [
        { label: mt('baseline', lang), r: o.baseline, testid: 'baseline' },
        { label: `${OUTBREAKS[spec.outbreak].name[lang]}, ${mt('noMeasures', lang)}`, r: o.surge, testid: 'surge' },
        ...(o.drill ? [{ label: mt('withOutbreak', lang), r: o.drill, testid: 'drill' }] : []),
      ];
      const row = (label: string, f: (r: DrillResult) => string, key: string): HTMLElement =>
        h('tr', {}, h('th', {}, label), ...cols.map((c) => h('td', { attrs: { 'data-testid': `${key}-${c.testid}` } }, f(c.r))));
      const last = (o.drill ?? o.surge).waitByDepartment;
      const busiest = Object.entries(last)
        .sort((a, b) => b[1].meanWait - a[1].meanWait)
        .slice(0, 6);
      return h(
        'section',
        { class: 'mode-card', attrs: { 'data-testid': 'drill-results' } },
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', {}), ...cols.map((c) => h('th', {}, c.label)))),
          h(
            'tbody',
            {},
            row(mt('arrived', lang), (r) => `${r.arrived} (+${r.outbreakArrived})`, 'arrived'),
            row(mt('meanWait', lang), (r) => `${r.meanWait.toFixed(1)} ${mt('minutes', lang)}`, 'wait'),
            row(mt('maxQueue', lang), (r) => String(r.maxQueue), 'queue'),
            row(mt('utilisation', lang), (r) => pct(r.utilisation), 'util'),
            row(mt('missed', lang), (r) => `${r.missed} / ${r.outbreakDiagnosed}`, 'missed'),
          ),
        ),
        h('h4', {}, mt('byDepartment', lang)),
        h(
          'ul',
          {},
          ...busiest.map(([dep, w]) =>
            h('li', {}, `${departmentName(app.kb, dep, lang)}: ${w.meanWait.toFixed(1)} ${mt('minutes', lang)} (${w.seen})`),
          ),
        ),
        waitingChart(cols, mt('chartTitle', lang)),
      );
    };

    const render = (): void => {
      const lang = app.lang();
      clear(root);
      const outbreak = h(
        'select',
        { attrs: { 'data-testid': 'drill-outbreak' } },
        ...(Object.keys(OUTBREAKS) as OutbreakKind[]).map((k) =>
          h('option', { attrs: { value: k } }, `${OUTBREAKS[k].name[lang]} (${OUTBREAKS[k].icd10})`),
        ),
      );
      outbreak.value = spec.outbreak;
      outbreak.addEventListener('change', () => void (spec.outbreak = outbreak.value as OutbreakKind));
      const num = (key: 'surgePeakPerHour' | 'hours' | 'seed', testid: string): HTMLInputElement => {
        const input = h('input', { attrs: { type: 'number', value: String(spec[key]), 'data-testid': testid } });
        input.addEventListener('change', () => void (spec[key] = Number(input.value)));
        return input;
      };
      const clinic = h('input', {
        attrs: { type: 'checkbox', 'data-testid': 'drill-fever-clinic', ...(spec.feverClinic ? { checked: '' } : {}) },
      });
      clinic.addEventListener('change', () => void (spec.feverClinic = clinic.checked));
      const rule = h('input', {
        attrs: { type: 'checkbox', 'data-testid': 'drill-fever-triage', ...(spec.feverTriage ? { checked: '' } : {}) },
      });
      rule.addEventListener('change', () => void (spec.feverTriage = rule.checked));
      const dep = h(
        'select',
        { attrs: { 'data-testid': 'drill-extra-dep' } },
        ...app.kb.departments.map((d) => h('option', { attrs: { value: d.id } }, d.name[lang])),
      );
      dep.value = spec.extraDep;
      dep.addEventListener('change', () => void (spec.extraDep = dep.value));
      const extra = h('input', {
        attrs: {
          type: 'number',
          min: '0',
          max: '20',
          value: String(spec.extra),
          'data-testid': 'drill-extra',
          'aria-label': mt('extraStaff', lang),
        },
      });
      extra.addEventListener('change', () => void (spec.extra = Math.max(0, Math.min(20, Math.round(Number(extra.value) || 0)))));
      root.append(
        h('h2', {}, mt('drillTitle', lang)),
        h(
          'section',
          { class: 'mode-card' },
          field(mt('outbreak', lang), outbreak),
          h(
            'div',
            { class: 'mode-row' },
            field(mt('surgePeak', lang), num('surgePeakPerHour', 'drill-peak')),
            field(mt('hours', lang), num('hours', 'drill-hours')),
            field(mt('seed', lang), num('seed', 'drill-seed')),
          ),
          h('label', {}, clinic, ` ${mt('feverClinic', lang)}`),
          h('label', {}, rule, ` ${mt('triageRule', lang)}`),
          h('div', { class: 'mode-row' }, field(mt('extraStaff', lang), dep), extra),
          h(
            'div',
            { class: 'mode-row' },
            h(
              'button',
              { class: 'primary', attrs: { 'data-testid': 'drill-run', ...(layout && !busy ? {} : { disabled: '' }) }, on: { click: run } },
              busy ? mt('running', lang) : mt('run', lang),
            ),
            h(
              'button',
              {
                attrs: { 'data-testid': 'drill-watch', title: mt('watchOnMapHint', lang) },
                on: { click: () => location.assign(mapAddress(spec, lang)) },
              },
              mt('watchOnMap', lang),
            ),
          ),
          problem ? h('p', { class: 'bad', attrs: { role: 'alert' } }, problem) : null,
        ),
      );
      const watch = watching(lang);
      if (watch) root.append(watch);
      if (outcome) root.append(results(lang, outcome));
    };

    render();
    loadDrillLayout(app).then(
      (l) => {
        layout = l;
        if (!disposed) render();
      },
      (err: Error) => {
        problem = err.message;
        if (!disposed) render();
      },
    );
    const onLang = (): void => render();
    app.bus.on('lang:changed', onLang);
    return () => {
      disposed = true;
      app.bus.off('lang:changed', onLang);
      root.remove();
    };
  },
};
