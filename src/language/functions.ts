/**
 * A body function said to be normal rules its complaints out: "Hearing: fine", "bowels regular",
 * "good appetite", "no problems with my waterworks", "胃口好", "大小便正常". Review-of-systems notes
 * and questionnaires are written this way. A function named without such a word says nothing.
 */
import type { TermId } from '../schema/ids';
import type { BodyFunction } from '../schema/language';
import type { CueFound } from './context';
import type { Segmented } from './passes';

/** Words that may stand between a function and its "normal" ("bowels have been regular"). */
const GAP = 2;

export interface FunctionReading {
  term: TermId;
  first: number;
  last: number;
  anchor: number;
  /** True when a denial stands between ("hearing not normal"): the complaint is there after all. */
  denied: boolean;
}

/**
 * The complaints ruled out (or, when denied, told) by the functions found in one pass. `found`:
 * the functions found, each with its units; `inCue`: 1 inside a cue; `consumed`: 1 where a term or complaint stands (updated
 * for the functions read, so context reading treats them as complaints).
 */
export function readFunctions(
  found: readonly { id: string; first: number; last: number }[],
  functions: readonly BodyFunction[],
  cues: readonly CueFound[],
  inCue: Uint8Array,
  seg: Segmented,
  consumed: Uint8Array,
): FunctionReading[] {
  const normalFrom = new Map<number, CueFound>();
  const normalTo = new Map<number, CueFound>();
  for (const c of cues)
    if (c.kind === 'normal') {
      normalFrom.set(c.first, c);
      normalTo.set(c.last, c);
    }
  if (normalFrom.size === 0) return [];
  const out: FunctionReading[] = [];
  for (const f of found) {
    const cue = after(f, seg, consumed, inCue, normalFrom) ?? before(f, seg, consumed, normalTo);
    if (!cue) continue;
    const first = Math.min(f.first, cue.first);
    const last = Math.max(f.last, cue.last);
    const denied = cues.some((c) => c.kind === 'negate' && c.first > first && c.last < last);
    for (const term of functions[Number(f.id)]?.terms ?? []) out.push({ term, first, last, anchor: f.first, denied });
    consumed.fill(1, f.first, f.last + 1);
  }
  return out;
}

/** "Hearing: fine", "bowels have been regular": a "normal" after the function, in its clause or answering it. */
function after(
  f: { first: number; last: number },
  seg: Segmented,
  consumed: Uint8Array,
  inCue: Uint8Array,
  normalFrom: ReadonlyMap<number, CueFound>,
): CueFound | undefined {
  const clause = seg.clauseOf[f.first] as number;
  let plain = 0;
  for (let u = f.last + 1; u < seg.units.length && plain <= GAP; u++) {
    const cue = normalFrom.get(u);
    if (cue) return seg.sentenceOf[u] === seg.sentenceOf[f.first] && (seg.clauseOf[u] === clause || plain === 0) ? cue : undefined;
    if (consumed[u] === 1) return undefined;
    // Only the next clause's first words may answer ("Appetite: good").
    if (seg.clauseOf[u] !== clause && plain > 0) return undefined;
    if (!inCue[u]) plain++;
  }
  return undefined;
}

/** "Normal hearing", "good appetite", "no problems with my waterworks". */
function before(f: { first: number }, seg: Segmented, consumed: Uint8Array, normalTo: ReadonlyMap<number, CueFound>): CueFound | undefined {
  const clause = seg.clauseOf[f.first] as number;
  for (let u = f.first - 1; u >= 0 && u >= f.first - 1 - GAP && seg.clauseOf[u] === clause; u--) {
    const cue = normalTo.get(u);
    if (cue) return cue;
    if (consumed[u] === 1) return undefined;
  }
  return undefined;
}
