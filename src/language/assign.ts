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
  // Per sentence, indexed once, so that each reading costs a lookup, not a walk of the sentence.
  const sentences = new Map<number, SentenceIndex>();
  spans.forEach((s, i) => {
    const key = where[i]?.sentence ?? 0;
    let x = sentences.get(key);
    if (!x)
      sentences.set(key, (x = { all: [], byClause: new Map(), presentByClause: new Map(), presentClauses: [], byStart: [], maxEnd: [] }));
    const entry = { s, i };
    const clause = where[i]?.clause ?? 0;
    x.all.push(entry);
    push(x.byClause, clause, entry);
    if (s.present) {
      if (!x.presentByClause.has(clause)) x.presentClauses.push(clause);
      push(x.presentByClause, clause, entry);
      x.firstPresent ??= entry;
    }
  });
  for (const x of sentences.values()) {
    x.presentClauses.sort((a, b) => a - b);
    x.byStart = [...x.all].sort((a, b) => a.s.start - b.s.start || a.i - b.i);
    let m = -Infinity;
    x.maxEnd = x.byStart.map(({ s }) => (m = Math.max(m, s.end)));
  }
  for (const r of readings) {
    const at = locate(seg, r.start);
    const x = sentences.get(at.sentence);
    if (!x) continue;
    if (r.kind === 'duration') {
      let targets = x.presentByClause.get(at.clause) ?? [];
      if (targets.length === 0) {
        const before = lastBelow(x.presentClauses, at.clause);
        targets = before === undefined ? [] : (x.presentByClause.get(before) ?? []);
      }
      if (targets.length === 0 && x.firstPresent) targets = [x.firstPresent];
      for (const { s } of targets) s.duration ??= { days: r.days, text: r.text };
      continue;
    }
    const near = nearest(x, r);
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
        for (const s of new Set([...(x.byClause.get(at.clause) ?? []).map((e) => e.s), near])) {
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

interface Entry {
  s: Span;
  i: number;
}

interface SentenceIndex {
  all: Entry[];
  byClause: Map<number, Entry[]>;
  presentByClause: Map<number, Entry[]>;
  /** Clauses holding a present complaint, ascending. */
  presentClauses: number[];
  firstPresent?: Entry;
  /** The spans by where they start, and the furthest end reached by each prefix of them. */
  byStart: Entry[];
  maxEnd: number[];
}

function push(map: Map<number, Entry[]>, key: number, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** The largest value below `limit` in an ascending list. */
function lastBelow(sorted: readonly number[], limit: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

/** The first index whose value passes `ok`, in a list where passing is monotone (false… then true…). */
function firstPassing(n: number, ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The complaint nearest a reading (one it overlaps first), earlier in the text on a tie. */
function nearest(x: SentenceIndex, r: { start: number; end: number }): Span {
  const n = x.byStart.length;
  // Spans starting before the reading ends may reach it; the rest lie after it.
  const after = firstPassing(n, (k) => (x.byStart[k] as Entry).s.start >= r.end);
  if (after > 0) {
    const reach = x.maxEnd[after - 1] as number;
    // The first span (by start) that ends past the reading's start overlaps it; otherwise the one ending last is nearest before.
    const target = reach > r.start ? r.start + 1e-9 : reach;
    const before = firstPassing(after, (k) => (x.maxEnd[k] as number) >= target);
    const dBefore = reach > r.start ? 0 : r.start - reach;
    const dAfter = after < n ? (x.byStart[after] as Entry).s.start - r.end : Infinity;
    if (dBefore <= dAfter) return (x.byStart[before] as Entry).s;
  }
  return (x.byStart[after] as Entry).s;
}
