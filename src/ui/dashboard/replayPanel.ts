import type { Lang } from '../../schema/common';
import { MAX_REPLAY } from '../../worker/protocol';
import type { AppContext } from '../appContext';
import { h } from '../dom';
import { replayController, type ReplayState } from './replayController';
import { ds, num } from './strings';

/** The replay sizes offered as one click; any other count goes through "custom". */
export const REPLAY_SIZES = [100, 1_000, 10_000, 100_000] as const;

function duration(seconds: number | null, lang: Lang): string {
  if (seconds === null || !Number.isFinite(seconds)) return '…';
  if (seconds < 60) return lang === 'zh' ? `${Math.ceil(seconds)} 秒` : `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return lang === 'zh' ? `${m} 分 ${s} 秒` : `${m} min ${s} s`;
}

/** Replay controls with a progress bar, the pace and the time left; cancel keeps what was learned. */
export function replayPanel(app: AppContext, lang: Lang): { el: HTMLElement; update: (state: ReplayState) => void } {
  const bar = h('progress', { attrs: { max: '1', value: '0', 'data-testid': 'replay-progress' } });
  const status = h('p', { attrs: { 'data-testid': 'replay-status', 'aria-live': 'polite' } });
  const start = (n: number): void => {
    replayController.start(app, n).catch((err: Error) => (status.textContent = `${ds('failed', lang)}: ${err.message}`));
  };
  const sizeButtons = REPLAY_SIZES.map((n) =>
    h('button', { attrs: { 'data-replay': String(n) }, on: { click: () => start(n) } }, ds('replayN', lang, { n: num(n, lang) })),
  );
  const custom = h('input', {
    attrs: {
      type: 'number',
      min: '1',
      max: String(MAX_REPLAY),
      step: '1',
      value: '2000',
      'data-testid': 'replay-custom',
      'aria-label': ds('customLabel', lang),
    },
  });
  const customStart = h(
    'button',
    {
      attrs: { 'data-testid': 'replay-custom-start' },
      on: {
        click: () => {
          const n = Number(custom.value);
          if (!Number.isInteger(n) || n < 1 || n > MAX_REPLAY)
            status.textContent = ds('invalidCount', lang, { max: num(MAX_REPLAY, lang) });
          else start(n);
        },
      },
    },
    ds('start', lang),
  );
  const cancel = h(
    'button',
    { attrs: { 'data-testid': 'replay-cancel' }, on: { click: () => replayController.cancel() } },
    ds('cancel', lang),
  );

  const update = (state: ReplayState): void => {
    const busy = state.kind === 'loading' || state.kind === 'running' || state.kind === 'restoring';
    for (const b of [...sizeButtons, customStart]) b.disabled = busy;
    cancel.disabled = state.kind !== 'running';
    bar.hidden = state.kind === 'idle';
    switch (state.kind) {
      case 'idle':
        status.textContent = '';
        break;
      case 'loading':
        bar.removeAttribute('value');
        status.textContent = ds('loadingWorker', lang);
        break;
      case 'running':
        bar.value = state.total > 0 ? state.done / state.total : 0;
        status.textContent = ds('progress', lang, {
          done: num(state.done, lang),
          total: num(state.total, lang),
          rate: num(state.perSecond, lang),
          eta: duration(state.etaSeconds, lang),
        });
        break;
      case 'restoring':
        status.textContent = ds('restoring', lang, { done: num(state.done, lang) });
        break;
      case 'finished':
        bar.value = state.cancelled ? bar.value : 1;
        status.textContent = state.cancelled
          ? ds('cancelled', lang, { done: num(state.done, lang) })
          : ds('finished', lang, { done: num(state.done, lang), seconds: state.seconds.toFixed(1), rate: num(state.perSecond, lang) });
        status.dataset['eventLogHash'] = state.eventLogHash;
        status.title = ds('fingerprint', lang, { hash: state.eventLogHash });
        break;
      case 'failed':
        status.textContent = `${ds('failed', lang)}: ${state.message}`;
        break;
      default:
        state satisfies never;
    }
    if (state.kind !== 'finished') {
      delete status.dataset['eventLogHash'];
      status.removeAttribute('title');
    }
    status.dataset['state'] = state.kind;
  };
  update(replayController.state);
  const el = h(
    'section',
    { class: 'panel replay' },
    h('h3', {}, ds('replay', lang)),
    h('div', { class: 'row' }, ...sizeButtons),
    h('div', { class: 'row' }, h('label', {}, `${ds('custom', lang)}: `, custom), customStart, cancel),
    bar,
    status,
  );
  return { el, update };
}
