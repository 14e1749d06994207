/**
 * A phrase set: lines of what people say, each with the terms a careful clinician reads in it —
 * the yardstick of the language layer (tests/fixtures/language/). Scored as recall and precision
 * over (term, status) pairs, where status says present, absent, a relative's or past history, so
 * that a denial read as a complaint, or a mother's diabetes read as the patient's, counts wrong.
 */
import { z } from 'zod';
import { formatPath } from '../knowledge/errors';
import { AnalyteId, TermId } from '../schema/ids';
import type { Extraction, Span } from '../schema/language';

export const PhraseExpectation = z.strictObject({
  term: TermId.nullable(),
  present: z.boolean(),
  subject: z.enum(['patient', 'family']).optional(),
  temporality: z.enum(['current', 'past']).optional(),
  certainty: z.enum(['certain', 'hedged']).optional(),
  site: z.string().optional(),
  side: z.enum(['left', 'right', 'both']).optional(),
  days: z.number().nonnegative().optional(),
  value: z.strictObject({ analyte: AnalyteId, value: z.number() }).optional(),
});
export type PhraseExpectation = z.infer<typeof PhraseExpectation>;

export const PhraseLine = z.strictObject({ id: z.string(), text: z.string(), expect: z.array(PhraseExpectation) });
export type PhraseLine = z.infer<typeof PhraseLine>;

type Status = 'present' | 'absent' | 'family' | 'past';
function status(x: { present: boolean; subject?: string; temporality?: string }): Status {
  if (x.subject === 'family') return 'family';
  if (x.temporality === 'past') return 'past';
  return x.present ? 'present' : 'absent';
}

export interface PhraseScore {
  lines: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  recall: number;
  precision: number;
  /** Lines that name at least one term of which nothing at all was read. */
  unmappedLines: number;
  unmappedShare: number;
  /** Of the right terms whose line gives a site, a duration or a value, the share read right. */
  site: { checked: number; right: number };
  duration: { checked: number; right: number };
  value: { checked: number; right: number };
  /** Each line's misses and extras, for reading what went wrong. */
  mistakes: { id: string; text: string; missed: string[]; extra: string[] }[];
}

export function scorePhrases(lines: readonly PhraseLine[], read: (text: string) => Extraction): PhraseScore {
  const s: PhraseScore = {
    lines: 0,
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    recall: 0,
    precision: 0,
    unmappedLines: 0,
    unmappedShare: 0,
    site: { checked: 0, right: 0 },
    duration: { checked: 0, right: 0 },
    value: { checked: 0, right: 0 },
    mistakes: [],
  };
  let namingLines = 0;
  for (const line of lines) {
    s.lines++;
    const x = read(line.text);
    const expected = new Map<string, PhraseExpectation>();
    for (const e of line.expect) if (e.term) expected.set(`${e.term}|${status(e)}`, e);
    const predicted = new Map<string, Span>();
    for (const sp of x.spans) predicted.set(`${sp.term}|${status(sp)}`, sp);
    const missed = [...expected.keys()].filter((k) => !predicted.has(k));
    const extra = [...predicted.keys()].filter((k) => !expected.has(k));
    s.falseNegatives += missed.length;
    s.falsePositives += extra.length;
    s.truePositives += expected.size - missed.length;
    if (expected.size > 0) {
      namingLines++;
      if (x.spans.length === 0) s.unmappedLines++;
    }
    if (missed.length > 0 || extra.length > 0) s.mistakes.push({ id: line.id, text: line.text, missed, extra });
    for (const [k, e] of expected) {
      const sp = predicted.get(k);
      if (!sp) continue;
      if (e.site) {
        s.site.checked++;
        if (sp.site?.id === e.site && (!e.side || sp.site.side === e.side)) s.site.right++;
      }
      if (e.days !== undefined) {
        s.duration.checked++;
        const d = sp.duration?.days;
        if (d !== undefined && Math.abs(d - e.days) <= Math.max(0.5, e.days * 0.25)) s.duration.right++;
      }
      if (e.value) {
        s.value.checked++;
        const v = sp.value;
        if (v && v.analyte === e.value.analyte && Math.abs(v.value - e.value.value) <= Math.max(0.15, Math.abs(e.value.value) * 0.03))
          s.value.right++;
      }
    }
  }
  s.recall = s.truePositives / Math.max(1, s.truePositives + s.falseNegatives);
  s.precision = s.truePositives / Math.max(1, s.truePositives + s.falsePositives);
  s.unmappedShare = s.unmappedLines / Math.max(1, namingLines);
  return s;
}

/** Reads a JSON Lines phrase set; a bad line is refused with its number and what was wrong. */
export function parsePhraseSet(text: string, name: string): PhraseLine[] {
  const out: PhraseLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (err) {
      throw new Error(`${name}:${i + 1}: not valid JSON (${(err as Error).message})`, { cause: err });
    }
    const r = PhraseLine.safeParse(data);
    if (!r.success) throw new Error(`${name}:${i + 1}: ${r.error.issues.map((x) => `${formatPath(x.path)}: ${x.message}`).join('; ')}`);
    out.push(r.data);
  });
  return out;
}
