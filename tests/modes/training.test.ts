import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { ClinicalStaff } from '../../src/run/staff';
import { closeness, debrief, TrainingCase } from '../../src/modes/training';
import type { DiseaseId, TermId } from '../../src/schema/ids';

const ctx = defaultContext();
const staff = new ClinicalStaff(ctx.kb, ctx.reader);

/** A learner who follows the textbook for the true disease (what a good student would do). */
function diligent(c: TrainingCase) {
  const truth = ctx.kb.disease(c.patient.disease);
  const entry = staff.textbook[ctx.kb.diseaseIndex(truth.id)]!;
  for (const t of entry.typicalSymptoms) c.ask(t);
  // …and screens for the disease's red flags.
  for (const t of truth.redFlags) {
    const term = ctx.kb.term(t);
    if (term.kind === 'symptom') c.ask(t);
    else if (term.exam) c.order(term.exam as never);
  }
  for (const e of truth.keyExams) if (!ctx.kb.exam(e).sex || ctx.kb.exam(e).sex === c.patient.persona.sex) c.order(e);
  c.diagnose(truth.id);
  const redFlag = truth.redFlags.some((t) => c.patient.symptoms.some((s) => s.term === t) || ctx.reader.allFindings(c.patient).includes(t));
  c.treat(c.patient.severity === 'severe' || redFlag ? 'escalate' : 'first-line');
  return debrief(c);
}

describe('training: a virtual patient and a learner', () => {
  it('the patient answers from its record and never names its disease, in either language', () => {
    for (let i = 0; i < 40; i++) {
      const p = ctx.generator.generate(11, i);
      const c = new TrainingCase(staff, p);
      const truth = ctx.kb.disease(p.disease);
      const names = [
        truth.name.en.toLowerCase(),
        truth.name.zh,
        ...truth.synonyms.en.map((s) => s.toLowerCase()),
        ...truth.synonyms.zh,
      ].filter((n) => n.length >= 4 || /\p{Script=Han}/u.test(n));
      const has = p.symptoms[1]?.term ?? p.symptoms[0]!.term;
      const yes = c.ask(has);
      expect(yes.present).toBe(true);
      const not = ctx.kb.terms.find(
        (t) => t.kind === 'symptom' && !p.symptoms.some((s) => s.term === t.id) && !p.riskTerms.includes(t.id),
      )!;
      expect(c.ask(not.id as TermId).present).toBe(false);
      for (const lang of ['en', 'zh'] as const) {
        const said = [c.opening(lang), ...c.questions.map((q) => c.reply(q, lang))].join(' ').toLowerCase();
        for (const n of names) expect(said, `${p.id} ${lang}`).not.toContain(n.toLowerCase());
      }
    }
  });

  it('counts a repeated question once and charges an examination once', () => {
    const c = new TrainingCase(staff, ctx.generator.generate(3, 1));
    c.ask('fever' as TermId);
    c.ask('fever' as TermId);
    c.order('cbc' as never);
    c.order('cbc' as never);
    expect(c.questions).toHaveLength(1);
    expect(c.cost).toBe(ctx.kb.exam('cbc').costCny);
    expect(() => c.ask('leukocytosis' as TermId)).toThrow(/not a symptom/);
  });

  it('gives a diligent learner a high score and a careless one a low score, with the reasons', () => {
    const good: number[] = [];
    const bad: number[] = [];
    for (let i = 0; i < 20; i++) {
      const p = ctx.generator.generate(7, i);
      const d = diligent(new TrainingCase(staff, p));
      expect(d.diagnosis.correct).toBe(true);
      expect(d.keyExams.every((e) => e.ordered || ctx.kb.exam(e.exam).sex)).toBe(true);
      expect(d.redFlagsMissed).toEqual([]);
      good.push(d.score);

      const careless = new TrainingCase(staff, p);
      // Two costly examinations that are not this disease's key ones.
      const [e1, e2] = ['mri-brain', 'ctpa', 'colonoscopy', 'dexa'].filter((e) => !ctx.kb.disease(p.disease).keyExams.includes(e as never));
      careless.order(e1 as never);
      careless.order(e2 as never);
      const wrong = ctx.kb.diseases.find((x) => x.department !== ctx.kb.disease(p.disease).department)!;
      careless.diagnose(wrong.id);
      careless.treat('first-line');
      const b = debrief(careless);
      expect(b.diagnosis.closeness).toBe('wrong');
      expect(b.keyQuestions.filter((q) => q.asked).length).toBeLessThanOrEqual(1);
      expect(b.cost).toBe(ctx.kb.exam(e1!).costCny + ctx.kb.exam(e2!).costCny);
      bad.push(b.score);
    }
    expect(Math.min(...good)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...bad)).toBeLessThanOrEqual(25);
  });

  it('grades how close a wrong diagnosis came', () => {
    const mi = ctx.kb.diseases.find((d) => d.confusedWith.length > 0)!;
    const confusable = ctx.kb.disease(mi.confusedWith[0]!);
    const sameCategory = ctx.kb.diseases.find((d) => d.id !== mi.id && d.icd10.slice(0, 3) === mi.icd10.slice(0, 3));
    expect(closeness(mi, mi)).toBe('exact');
    if (sameCategory) expect(closeness(mi, sameCategory)).toBe('same-category');
    expect(['in-differential', 'same-category']).toContain(closeness(mi, confusable));
    expect(closeness(mi, undefined)).toBe('none');
  });

  it('lays the evolved virtual doctor’s work beside the learner’s, on the same patient', () => {
    const p = ctx.generator.generate(5, 2);
    const c = new TrainingCase(staff, p);
    c.diagnose(ctx.kb.diseases[0]!.id as DiseaseId);
    c.treat('first-line');
    const d = debrief(c);
    expect(d.doctor.questions.length).toBeGreaterThan(0);
    expect(d.doctor.exams).toContain('vital-signs');
    expect(ctx.kb.hasDisease(d.doctor.diagnosis)).toBe(true);
    expect(d.doctor.correct).toBe(d.doctor.diagnosis === p.disease);
    expect(d.doctor.minutes).toBeGreaterThan(0);
    expect(d.teaching.en.length).toBeGreaterThan(10);
    expect(d.minutes).toBeGreaterThan(0);
  });

  it('counts a present red flag as missed unless it was elicited and the patient escalated', () => {
    let checked = 0;
    for (let i = 0; i < 400 && checked < 3; i++) {
      const p = ctx.generator.generate(9, i);
      const truth = ctx.kb.disease(p.disease);
      const flag = truth.redFlags.find((t) => p.symptoms.some((s) => s.term === t));
      if (!flag) continue;
      checked++;
      const lax = new TrainingCase(staff, p);
      lax.diagnose(truth.id);
      lax.treat('first-line');
      expect(debrief(lax).redFlagsMissed).toContain(flag);
      const careful = new TrainingCase(staff, p);
      careful.ask(flag);
      careful.diagnose(truth.id);
      careful.treat('escalate');
      expect(debrief(careful).redFlagsMissed).not.toContain(flag);
    }
    expect(checked).toBe(3);
  });
});
