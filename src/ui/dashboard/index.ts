import type { MetricPoint } from '../../schema/store';
import { listMetrics } from '../../store/staffStore';
import { MAX_REPLAY } from '../../worker/protocol';
import type { AppContext, View } from '../appContext';
import { h } from '../dom';
import { caseBrowser, experienceBrowser, type BrowserFilter } from './baseBrowsers';
import { accuracyChart, accuracyData, growthChart, growthData, type ChartLabels } from './charts';
import { confusionTable } from './confusionTable';
import { reloadStaff, sharedDb, startFresh } from './hospitalState';
import { memoryPanel, type MemoryNotice } from './memoryPanel';
import { replayController } from './replayController';
import { replayPanel } from './replayPanel';
import { compactCount, ds, num, pct } from './strings';
import './dashboard.css';

/*
 * The learning dashboard (view id `learning`): how the doctors' accuracy grows with the
 * consultations they learn from, the case and experience bases, the confusions left, and the
 * hospital's memory (fast-forward, export, import, start fresh).
 *
 * Page start-up (called by the page shell, in this order):
 *   await restoreHospital(app);  // the shared staff learns what IndexedDB holds ('restore')
 *   await handleUrl(app);        // then the URL parameters:
 *     ?reset=1    start from the textbook doctors (forget stored bases and checkpoints)
 *     ?replay=N   fast-forward N consultations (1 … 1,000,000) in a Web Worker on load
 */

/** Why the stored bases could not be restored at start-up (shown on the dashboard), if they could not. */
export let restoreProblem: string | undefined;

/**
 * Restores the page's shared staff from IndexedDB; emits `staff:changed` with reason 'restore' when bases were stored.
 * Never throws: when the store is unreadable the doctors start from the textbook, the stored
 * records are left as they are, and the dashboard says why.
 */
export async function restoreHospital(app: AppContext): Promise<void> {
  try {
    await reloadStaff(app, 'restore');
    restoreProblem = undefined;
  } catch (err) {
    restoreProblem = (err as Error)?.message ?? String(err);
  }
}

/**
 * Applies `?reset=1` and `?replay=N` (see above). Returns once a replay has been started, not
 * finished. Never throws: a bad parameter is reported in the dashboard's fast-forward status.
 */
export async function handleUrl(app: AppContext, search: string = location.search): Promise<void> {
  const params = new URLSearchParams(search);
  // One-shot: a reload of the page must not forget the bases again or replay again.
  if (typeof history !== 'undefined' && (params.has('reset') || params.has('replay'))) {
    const kept = new URLSearchParams(search);
    kept.delete('reset');
    kept.delete('replay');
    const query = kept.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
  try {
    if (params.get('reset') === '1') await startFresh(app);
  } catch (err) {
    replayController.fail(`?reset=1: ${(err as Error).message}`);
    return;
  }
  const replay = params.get('replay');
  if (replay !== null) {
    const n = Number(replay);
    if (!Number.isInteger(n) || n < 1 || n > MAX_REPLAY)
      replayController.fail(`?replay=${replay}: expected a whole number of consultations from 1 to ${MAX_REPLAY.toLocaleString('en-US')}`);
    else void replayController.start(app, n).catch(() => undefined);
  }
}

interface DashboardState {
  department: string;
  experiences: BrowserFilter;
  cases: BrowserFilter;
  notice: MemoryNotice;
}

export const learningView: View = {
  id: 'learning',
  title: { en: 'Learning', zh: '学习进展' },
  mount(el: HTMLElement, app: AppContext): () => void {
    const state: DashboardState = {
      department: '',
      experiences: { department: '', query: '' },
      cases: { department: '', query: '' },
      notice: {},
    };
    let points: MetricPoint[] = [];
    let unsubscribe: () => void = () => undefined;
    let disposed = false;

    const draw = (): void => {
      unsubscribe();
      const lang = app.lang();
      const staff = app.staff;
      const last = points[points.length - 1];
      const labels: ChartLabels = {
        top1: ds('top1', lang),
        top3: ds('top3', lang),
        realistic: ds('realisticTop1', lang),
        caseBase: ds('caseBase', lang),
        experienceBase: ds('experienceBase', lang),
        consultations: ds('consultations', lang),
      };
      const stat = (label: string, value: string, id: string): HTMLElement =>
        h('div', { class: 'stat' }, h('span', { class: 'muted' }, label), h('strong', { attrs: { 'data-testid': id } }, value));
      const summary = h(
        'div',
        { class: 'stats' },
        stat(ds('summary', lang), num(staff.consultations, lang), 'summary-consultations'),
        stat(ds('caseBase', lang), num(staff.caseBaseSize, lang), 'summary-cases'),
        stat(ds('experienceBase', lang), num(staff.experienceBaseSize, lang), 'summary-experiences'),
        stat(ds('accuracyNow', lang), last ? `${pct(last.diagnosisTop1)} / ${pct(last.diagnosisTop3)}` : '—', 'summary-accuracy'),
      );
      const replay = replayPanel(app, lang);
      const accuracyEl = h('div', { class: 'chart', attrs: { 'data-testid': 'accuracy-chart' } });
      const growthEl = h('div', { class: 'chart', attrs: { 'data-testid': 'growth-chart' } });
      const departmentSelect = h(
        'select',
        {
          attrs: { 'data-testid': 'chart-department', 'aria-label': ds('accuracy', lang) },
          on: { change: (e) => ((state.department = (e.target as HTMLSelectElement).value), draw()) },
        },
        h('option', { attrs: { value: '' } }, ds('overall', lang)),
        ...app.kb.departments.map((d) => h('option', { attrs: { value: d.id } }, d.name[lang])),
      );
      departmentSelect.value = state.department;
      const confusions = [...points].reverse().find((p) => p.confusions.length > 0)?.confusions ?? [];
      el.replaceChildren(
        h(
          'div',
          { class: 'dashboard', attrs: { 'data-testid': 'learning-dashboard' } },
          h('h2', {}, ds('title', lang)),
          h('p', { class: 'muted' }, ds('intro', lang)),
          restoreProblem
            ? h(
                'pre',
                { class: 'error', attrs: { role: 'alert', 'data-testid': 'restore-error' } },
                `${ds('restoreFailed', lang)}\n${restoreProblem}`,
              )
            : null,
          summary,
          replay.el,
          h(
            'section',
            { class: 'panel' },
            h('div', { class: 'row' }, h('h3', {}, ds('accuracy', lang)), departmentSelect),
            points.length === 0 ? h('p', { class: 'muted' }, ds('noCurve', lang)) : null,
            h('div', { class: 'charts' }, accuracyEl, growthEl),
          ),
          confusionTable(app.kb, lang, confusions, state.department),
          h('div', { class: 'row browsers' }, experienceBrowser(staff, lang, state.experiences), caseBrowser(staff, lang, state.cases)),
          memoryPanel(app, lang, state.notice),
        ),
      );
      const department = state.department || undefined;
      const accuracyTitle = `${ds('accuracy', lang)} — ${department ? app.kb.department(department).name[lang] : ds('overall', lang)}`;
      const count = compactCount(lang);
      // Redrawn whole at each checkpoint: a few hundred points at most.
      const plot = (): void => {
        accuracyEl.replaceChildren(accuracyChart(accuracyData(points, department), labels, accuracyTitle, count));
        growthEl.replaceChildren(growthChart(growthData(points), labels, ds('growth', lang), count));
        accuracyEl.dataset['points'] = String(points.length);
      };
      plot();
      // Live during a fast-forward: checkpoints extend the curve as the worker sends them.
      unsubscribe = replayController.subscribe((s, live) => {
        replay.update(s);
        if (live) {
          points = [...points, live].sort((a, b) => a.consultations - b.consultations);
          plot();
        }
        if (s.kind === 'running') {
          summary.querySelector('[data-testid="summary-cases"]')?.replaceChildren(num(s.caseBase, lang));
          summary.querySelector('[data-testid="summary-experiences"]')?.replaceChildren(num(s.experienceBase, lang));
        }
      });
    };

    const refresh = async (): Promise<void> => {
      points = await listMetrics(await sharedDb());
      if (!disposed) draw();
    };
    const onStaff = (): void => void refresh();
    const onLang = (): void => draw();
    app.bus.on('staff:changed', onStaff);
    app.bus.on('lang:changed', onLang);
    draw();
    void refresh();
    return () => {
      disposed = true;
      app.bus.off('staff:changed', onStaff);
      app.bus.off('lang:changed', onLang);
      unsubscribe();
      el.replaceChildren();
    };
  },
};
