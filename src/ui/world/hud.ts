import type { Lang } from '../../schema/common';
import { h } from '../dom';
import type { HospitalRun } from './hospitalRun';
import { departmentName } from './lines';
import { w } from './strings';
import { figuresLine } from '../llmSettings';
import { departmentOfService, type ServiceId } from '../../sim/services';

/** Follow-up accuracy as a percentage, or undefined before anyone has been followed up. */
export function accuracyOf(stats: { followedUp: number; correct: number }): number | undefined {
  return stats.followedUp > 0 ? (stats.correct / stats.followedUp) * 100 : undefined;
}

/** The head-up display: who is in, who waits where, consultations today, accuracy so far, and the model's spend when it answers. */
export function hud(run: HospitalRun, lang: Lang): HTMLElement {
  const snap = run.sim.snapshot();
  const s = snap.stats;
  const acc = accuracyOf(s);
  const figures = run.port.figures?.();
  const waiting = Object.entries(snap.queues)
    .flatMap(([at, n]) => {
      const department = departmentOfService(at as ServiceId);
      return department && n > 0 ? [[department, n] as const] : [];
    })
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return h(
    'div',
    { class: 'hud', attrs: { 'data-testid': 'hud' } },
    h(
      'div',
      { class: 'figure' },
      h('span', { class: 'n', attrs: { 'data-testid': 'hud-inside' } }, String(s.inside)),
      h('span', {}, w('inside', lang)),
    ),
    h('div', { class: 'figure' }, h('span', { class: 'n' }, String(s.consultationsToday)), h('span', {}, w('consultationsToday', lang))),
    h(
      'div',
      { class: 'figure' },
      h('span', { class: 'n' }, acc === undefined ? '—' : `${acc.toFixed(0)}%`),
      h('span', {}, `${w('accuracy', lang)} (${s.followedUp} ${w('followedUp', lang)})`),
    ),
    h(
      'div',
      { class: 'queues' },
      h('h5', {}, w('waitingPer', lang)),
      waiting.length
        ? h(
            'ul',
            {},
            ...waiting.map(([department, n]) => h('li', {}, `${departmentName(run.voice, department, lang)} `, h('b', {}, String(n)))),
          )
        : h('p', { class: 'muted' }, w('none', lang)),
    ),
    ...(figures
      ? [h('p', { class: 'llm-figures', attrs: { 'data-testid': 'hud-llm' } }, `${w('llmBrain', lang)} — ${figuresLine(figures, lang)}`)]
      : []),
  );
}
