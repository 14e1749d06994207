/**
 * Gives each attribute reading (duration, severity, onset, character, triggers) to the
 * complaints it speaks of: a duration to the present complaints of its clause, or, when its
 * clause names none ("…my knee is swollen, been like that 3 days"), to those of the clause
 * before; the others to the nearest complaint of the same sentence.
 */
import type { Span } from '../schema/language';
import type { AttributeReading } from './attributes';
import type { Segmented } from './passes';

/** The clause and sentence an offset of the text falls in, from the units around it. */
function locate(seg: Segmented, offset: number): { clause: number; sentence: number } {
  let lo = 0;
  let hi = seg.units.length - 1;
  if (hi < 0) return { clause: 0, sentence: 0 };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((seg.units[mid] as { start: number }).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { clause: seg.clauseOf[lo] as number, sentence: seg.sentenceOf[lo] as number };
}

export function assignAttributes(spans: Span[], readings: readonly AttributeReading[], seg: Segmented): void {
  if (spans.length === 0 || readings.length === 0) return;
  const where = spans.map((s) => locate(seg, s.start));
  const bySentence = new Map<number, { s: Span; i: number }[]>();
  spans.forEach((s, i) => {
    const key = where[i]?.sentence ?? 0;
    const list = bySentence.get(key);
    if (list) list.push({ s, i });
    else bySentence.set(key, [{ s, i }]);
  });
  for (const r of readings) {
    const at = locate(seg, r.start);
    const inSentence = bySentence.get(at.sentence) ?? [];
    if (inSentence.length === 0) continue;
    if (r.kind === 'duration') {
      let targets = inSentence.filter(({ s, i }) => where[i]?.clause === at.clause && s.present);
      if (targets.length === 0) {
        const before = inSentence.filter(({ s, i }) => (where[i]?.clause ?? 0) < at.clause && s.present);
        const lastClause = Math.max(...before.map(({ i }) => where[i]?.clause ?? -1));
        targets = before.filter(({ i }) => where[i]?.clause === lastClause);
      }
      if (targets.length === 0) targets = inSentence.filter(({ s }) => s.present).slice(0, 1);
      for (const { s } of targets) s.duration ??= { days: r.days, text: r.text };
      continue;
    }
    const near = inSentence.reduce((a, b) => (distance(a.s, r) <= distance(b.s, r) ? a : b)).s;
    const attrs = (near.attributes ??= {});
    switch (r.kind) {
      case 'severity':
        attrs.severity ??= r.value;
        break;
      case 'onset':
        attrs.onset ??= r.value;
        break;
      case 'character':
        attrs.character ??= r.value;
        break;
      case 'trigger':
        for (const { s, i } of inSentence) {
          if (where[i]?.clause !== at.clause && s !== near) continue;
          const a = (s.attributes ??= {});
          a.triggers = [...new Set([...(a.triggers ?? []), r.value])];
        }
        break;
      case 'reliever':
        attrs.relievers = [...new Set([...(attrs.relievers ?? []), r.value])];
        break;
      default:
        r satisfies never;
    }
  }
}

function distance(s: Span, r: { start: number; end: number }): number {
  return r.start >= s.end ? r.start - s.end : s.start >= r.end ? s.start - r.end : 0;
}
