import { z } from 'zod';
import type { Lang, Severity } from '../../schema/common';
import type { DiseaseId, TermId } from '../../schema/ids';
import { AGE_BANDS } from '../../schema/knowledge';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { LlmClient } from './client';
import type { StepContext } from './doctor';
import type { PromptBook } from './prompts';

/** A patient written by the model in the paper's steps, every step checked against the knowledge base. */
export interface WrittenPatient {
  disease: DiseaseId;
  severity: Severity;
  basics: { name: string; age: number; sex: 'M' | 'F'; occupation: string };
  history: { past: string[]; lifestyle: string[]; family: string[]; vaccinations: string[] };
  symptoms: { term: TermId; days: number }[];
  results: { values: { analyte: string; value: number }[]; findings: TermId[] };
}

const Basics = z.object({
  name: z.string().min(1).max(80),
  age: z.number().int().min(0).max(100),
  sex: z.enum(['M', 'F']),
  occupation: z.string().min(1).max(80),
});
const Items = z.array(z.string().min(1).max(200)).max(6);
const History = z.object({ past: Items, lifestyle: Items, family: Items, vaccinations: Items });
const Symptoms = z.object({
  symptoms: z
    .array(z.object({ term: z.string(), days: z.number().min(0) }))
    .min(1)
    .max(12),
});
const Results = z.object({
  values: z.array(z.object({ analyte: z.string(), value: z.number() })).max(20),
  findings: z.array(z.string()).max(12),
});

type Verdict<T> = { ok: true; value: T } | { ok: false; error: string };

function bandRange(band: string): [number, number] {
  const [lo, hi] = band.split('-').map(Number);
  return [lo ?? 0, hi ?? 100];
}

/**
 * Writes a patient step by step (basics → history → symptoms → results), as the paper's
 * generator does: each step is told the disease, the severity and what is already written, and
 * each answer is checked (age in the disease's age bands, sex possible, symptoms and findings the
 * disease has, values on the side of the reference range the finding implies, no disease named
 * in the history). A step that fails its checks is sent back with the reason.
 */
export class LlmPatientWriter {
  constructor(
    readonly kb: KnowledgeBase,
    readonly client: LlmClient,
    readonly prompts: PromptBook,
  ) {}

  async write(ctx: StepContext, diseaseId: DiseaseId, severity: Severity): Promise<WrittenPatient> {
    const kb = this.kb;
    const lang: Lang = ctx.lang;
    const d = kb.disease(diseaseId);
    const names = [d.name.en, d.name.zh, ...d.synonyms.en, ...d.synonyms.zh].map((n) => n.toLowerCase()).filter((n) => n.length >= 3);
    const slots = (step: string, choices: string, basics: string, known: string): Record<string, string> => ({
      step,
      disease: d.name[lang],
      severity,
      basics,
      known,
      choices,
    });

    const bands = Object.entries(d.population.ageBands)
      .filter(([, w]) => (w ?? 0) > 0)
      .map(([b]) => b);
    const sexes = d.population.male === 0 ? ['F'] : d.population.male === 1 ? ['M'] : ['M', 'F'];
    const basics = await this.step(
      'basics',
      ctx,
      slots('basics', `age bands ${bands.join(', ')}; sex ${sexes.join('/')}`, '-', '-'),
      Basics,
      (v): Verdict<WrittenPatient['basics']> => {
        if (!bands.some((b) => AGE_BANDS.includes(b as (typeof AGE_BANDS)[number]) && v.age >= bandRange(b)[0] && v.age <= bandRange(b)[1]))
          return { ok: false, error: `age ${v.age} is outside the disease's age bands ${bands.join(', ')}` };
        if (!sexes.includes(v.sex)) return { ok: false, error: `sex ${v.sex} cannot have this disease` };
        return { ok: true, value: v };
      },
    );
    const who = `${basics.name}, ${basics.age}, ${basics.sex}, ${basics.occupation}`;
    const risks = d.riskFactors.map((r) => r.text[lang]).join('; ') || '-';
    const history = await this.step('history', ctx, slots('history', risks, who, '-'), History, (v): Verdict<WrittenPatient['history']> => {
      const text = [...v.past, ...v.lifestyle, ...v.family, ...v.vaccinations].join(' ').toLowerCase();
      const named = names.find((n) => text.includes(n));
      return named ? { ok: false, error: `the history names the disease ("${named}"); describe, do not diagnose` } : { ok: true, value: v };
    });
    const symptomChoices = d.symptoms.map((s) => `${s.term} (${s.days[0]}–${s.days[1]} days)`).join('; ');
    const symptoms = await this.step(
      'symptoms',
      ctx,
      slots('symptoms', symptomChoices, who, JSON.stringify(history)),
      Symptoms,
      (v): Verdict<WrittenPatient['symptoms']> => {
        const out: WrittenPatient['symptoms'] = [];
        for (const s of v.symptoms) {
          const known = d.symptoms.find((x) => x.term === s.term);
          if (!known) return { ok: false, error: `"${s.term}" is not a symptom of this disease; use the listed ids` };
          if (s.days > known.days[1] * 3 + 1)
            return { ok: false, error: `${s.term}: ${s.days} days is far beyond the typical ${known.days[0]}–${known.days[1]}` };
          out.push({ term: known.term, days: s.days });
        }
        return { ok: true, value: out };
      },
    );
    const analyteFindings = d.findings.filter((f) => kb.term(f.term).analyte);
    const qualitative = d.findings.filter((f) => !kb.term(f.term).analyte).map((f) => f.term);
    const resultChoices = [
      ...analyteFindings.map((f) => {
        const t = kb.term(f.term);
        const a = kb.analyte(t.analyte as string).analyte;
        return `${a.id} (${a.unit}, reference ${a.low}–${a.high}; ${t.direction}${f.value ? `, ${f.value[0]}–${f.value[1]}` : ''})`;
      }),
      `findings: ${qualitative.join(', ') || '-'}`,
    ].join('; ');
    const known = JSON.stringify({ history, symptoms });
    const results = await this.step(
      'results',
      ctx,
      slots('results', resultChoices, who, known),
      Results,
      (v): Verdict<WrittenPatient['results']> => {
        for (const x of v.values) {
          const f = analyteFindings.find((y) => kb.term(y.term).analyte === x.analyte);
          if (!f) return { ok: false, error: `analyte "${x.analyte}" is not among the listed ones` };
          const t = kb.term(f.term);
          const a = kb.analyte(x.analyte).analyte;
          if (t.direction === 'high' && x.value <= a.high)
            return { ok: false, error: `${x.analyte} ${x.value} should be above ${a.high} ${a.unit} in this disease` };
          if (t.direction === 'low' && x.value >= a.low)
            return { ok: false, error: `${x.analyte} ${x.value} should be below ${a.low} ${a.unit} in this disease` };
        }
        const bad = v.findings.find((f) => !qualitative.includes(f as TermId));
        if (bad) return { ok: false, error: `finding "${bad}" is not one of this disease's; use the listed ids` };
        return { ok: true, value: { values: v.values, findings: v.findings as TermId[] } };
      },
    );
    return { disease: d.id, severity, basics, history, symptoms, results };
  }

  private step<S extends z.ZodType, T>(
    step: string,
    ctx: StepContext,
    slots: Record<string, string>,
    schema: S,
    check: (v: z.infer<S>) => Verdict<T>,
  ): Promise<T> {
    return this.client.complete({
      task: `patient-generate-${step}`,
      messages: this.prompts.render('patient-generate', ctx.lang, slots),
      schema,
      check,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.meter ? { meter: ctx.meter } : {}),
    });
  }
}
