import { deleteDB } from 'idb';
import type { Lang } from '../../schema/common';
import { startReplay } from '../../worker/client';
import { h } from '../dom';
import { w } from './strings';

/** Consultations each study interlude fast-forwards, from the textbook. */
export const STUDY_CONSULTATIONS = 2_000;
/** The kiosk's own database: emptied before each study, so storage stays flat and the visitor's bases are never touched. */
export const KIOSK_DB = 'agent-hospital-kiosk';
/** How long the result stays on screen after the study ends. */
const SHOW_RESULT_MS = 8_000;

/**
 * The attract mode's learning interlude: while the tour goes on, the doctors "study" — a
 * fast-forward of STUDY_CONSULTATIONS consultations from the textbook runs in the worker and
 * a card shows their exam accuracy rising, checkpoint by checkpoint.
 */
export class KioskStudy {
  readonly el: HTMLElement;
  private running = false;
  studies = 0;

  constructor(private readonly lang: () => Lang) {
    this.el = h('div', { class: 'kiosk-study', attrs: { 'data-testid': 'kiosk-study', hidden: '' } });
  }

  /** Starts a study unless one is under way; never throws (a failed study just hides the card). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.study()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        window.setTimeout(() => {
          if (!this.running) this.el.hidden = true;
        }, SHOW_RESULT_MS);
      });
  }

  private async study(): Promise<void> {
    await deleteDB(KIOSK_DB);
    const points: { consultations: number; top1: number }[] = [];
    this.el.hidden = false;
    this.draw(points, false);
    const run = startReplay(
      { consultations: STUDY_CONSULTATIONS, dbName: KIOSK_DB, checkpoints: 5 },
      {
        onMessage: (m) => {
          if (m.type !== 'checkpoint') return;
          points.push({ consultations: m.point.consultations, top1: m.point.diagnosisTop1 });
          this.draw(points, false);
        },
      },
    );
    await run.finished;
    this.studies += 1;
    this.draw(points, true);
    // The last finished study's figures, for the soak test (the next study redraws the card).
    this.el.dataset['studies'] = String(this.studies);
    this.el.dataset['studiedFrom'] = String(points[0]?.top1 ?? '');
    this.el.dataset['studiedTo'] = String(points[points.length - 1]?.top1 ?? '');
  }

  /** The card: a title, the accuracy from the first checkpoint to the latest, and a small line chart. */
  private draw(points: readonly { consultations: number; top1: number }[], done: boolean): void {
    const l = this.lang();
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const first = points[0];
    const last = points[points.length - 1];
    const figure = first && last ? `${w('studyAccuracy', l)} ${pct(first.top1)} → ${pct(last.top1)}` : '…';
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 100 40');
    svg.setAttribute('aria-hidden', 'true');
    if (points.length > 1) {
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
      const maxX = Math.max(1, last?.consultations ?? 1);
      line.setAttribute(
        'points',
        points.map((p) => `${((p.consultations / maxX) * 100).toFixed(1)},${(40 - p.top1 * 40).toFixed(1)}`).join(' '),
      );
      svg.append(line);
    }
    const title = done
      ? w('studyDone', l).replace('{n}', STUDY_CONSULTATIONS.toLocaleString(l === 'zh' ? 'zh-CN' : 'en-US'))
      : w('studying', l).replace('{n}', STUDY_CONSULTATIONS.toLocaleString(l === 'zh' ? 'zh-CN' : 'en-US'));
    this.el.replaceChildren(h('strong', {}, title), h('span', {}, figure), svg);
  }
}
