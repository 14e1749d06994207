import { z } from 'zod';
import { ExternalCase } from '../schema/cases';
import { formatIssues } from '../knowledge/errors';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { VocabularyMatcher } from '../language/matcher';
import { ValueReader } from '../knowledge/valueReader';
import { CaseEvaluator, type EvaluatedCase } from './evaluate';
import type { ClinicalStaff } from './staff';

/** A written case of the open-world yardstick: an external case with the voice it is written in. */
export interface YardstickCase {
  case: ExternalCase;
  voice: 'vignette' | 'self';
  department: string;
}

const YardstickLine = ExternalCase.extend({ voice: z.enum(['vignette', 'self']), department: z.string() });

/** Reads a yardstick file (one case per line); a bad line is refused with its file, line and path. */
export function parseYardstick(text: string, file: string): YardstickCase[] {
  const out: YardstickCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = YardstickLine.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${formatIssues(parsed.error)}`);
    const { voice, department, ...c } = parsed.data;
    out.push({ case: c, voice, department });
  });
  return out;
}

export interface YardstickScore {
  cases: number;
  /** Cases whose diagnosis the knowledge base has (top-1 and top-3 are over these). */
  known: number;
  top1: number;
  top3: number;
  /** Cases whose diagnosis the knowledge base lacks. */
  outside: number;
  /** Share of those that the doctors said may be outside their knowledge. */
  saysUnknown: number;
  /** Share of the known cases wrongly said to be outside. */
  falseUnknown: number;
  /** The same figures per language and voice (top-1 only), for the note. */
  parts: Record<string, { known: number; top1: number }>;
  misses: { id: string; truth: string; said: string[]; outside: boolean }[];
}

/**
 * Scores the doctors on written cases as `evaluate` reads them: top-1 and top-3 over the cases
 * whose disease the knowledge base has, and how often the cases it lacks are flagged as outside.
 */
export function scoreYardstick(
  kb: KnowledgeBase,
  staff: ClinicalStaff,
  matcher: VocabularyMatcher,
  cases: readonly YardstickCase[],
): YardstickScore {
  const evaluator = new CaseEvaluator(kb, staff, matcher, new ValueReader(kb));
  const knows = (truth: { name?: string; icd10?: string }): boolean => kb.diseases.some((d) => evaluator.matches(d.id, truth));
  let known = 0;
  let top1 = 0;
  let top3 = 0;
  let outside = 0;
  let flagged = 0;
  let falseFlags = 0;
  const parts: YardstickScore['parts'] = {};
  const misses: YardstickScore['misses'] = [];
  for (const y of cases) {
    const truth = y.case.diagnosis ?? {};
    const result: EvaluatedCase = evaluator.evaluate(y.case);
    if (!knows(truth)) {
      outside++;
      if (result.saysUnknown) flagged++;
      continue;
    }
    known++;
    if (result.saysUnknown) falseFlags++;
    const hit = result.predictions.findIndex((p) => evaluator.matches(p.diseaseId, truth));
    if (hit === 0) top1++;
    if (hit >= 0 && hit < 3) top3++;
    else
      misses.push({
        id: y.case.id,
        truth: truth.name ?? truth.icd10 ?? '',
        said: result.predictions.slice(0, 3).map((p) => p.diseaseId),
        outside: result.saysUnknown,
      });
    const part = (parts[`${y.case.language}/${y.voice}`] ??= { known: 0, top1: 0 });
    part.known++;
    if (hit === 0) part.top1++;
  }
  for (const p of Object.values(parts)) p.top1 = p.known ? p.top1 / p.known : 0;
  return {
    cases: cases.length,
    known,
    top1: known ? top1 / known : 0,
    top3: known ? top3 / known : 0,
    outside,
    saysUnknown: outside ? flagged / outside : 0,
    falseUnknown: known ? falseFlags / known : 0,
    parts,
    misses,
  };
}
