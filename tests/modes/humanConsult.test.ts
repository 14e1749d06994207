import { describe, expect, it } from 'vitest';
import { cuesOnly } from '../helpers/language';
import { defaultContext } from '../../src/cli/context';
import { VocabularyMatcher } from '../../src/language/matcher';
import { ClinicalStaff } from '../../src/run/staff';
import { HumanConsultation } from '../../src/modes/humanConsult';
import { DoctorAssistant } from '../../src/modes/assistant';
import { scoreTriage } from '../../src/modes/triageTraining';
import type { DepartmentId, TermId } from '../../src/schema/ids';

const ctx = defaultContext();
const staff = new ClinicalStaff(ctx.kb, ctx.reader);
const matcher = new VocabularyMatcher(ctx.kb, cuesOnly());

describe('consultation: a real person and the virtual doctor', () => {
  it('flags crushing chest pain at once, in English and Chinese', () => {
    for (const [text, lang] of [
      ['crushing chest pain since an hour', 'en'],
      ['突然胸痛，出冷汗', 'zh'],
    ] as const) {
      const c = new HumanConsultation(staff, matcher, { age: 58, sex: 'M', lang });
      c.tell(text);
      const step = c.next();
      expect(step.kind).toBe('advice');
      if (step.kind !== 'advice') continue;
      expect(step.advice.emergency).toBe(true);
      expect(step.advice.redFlags).toContain('chest-pain');
      expect(step.advice.department).toBe('emergency');
    }
  });

  it('interviews a person answering by hand until it reaches a red flag it asked about', () => {
    // A person with a headache who, when asked, has every symptom the doctor asks about among the
    // danger signs of a headache (neck stiffness, confusion…) and nothing else.
    const c = new HumanConsultation(staff, matcher, { age: 35, sex: 'F', lang: 'en' });
    expect(c.tell('I have a bad headache and I feel sick')).toContain('headache');
    let flagged = false;
    const danger = new Set([
      'neck-stiffness',
      'confusion',
      'seizure',
      'photophobia',
      'fever',
      'vomiting',
      'sudden-severe-headache',
      'loss-of-consciousness',
      'unilateral-weakness',
      'slurred-speech',
    ]);
    const asked: TermId[] = [];
    for (let i = 0; i < 20; i++) {
      const step = c.next();
      if (step.kind === 'advice') {
        flagged = step.advice.emergency;
        break;
      }
      expect(step.kind).toBe('question');
      if (step.kind !== 'question') break;
      expect(asked).not.toContain(step.term);
      asked.push(step.term);
      c.answer(step.term, danger.has(step.term));
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(flagged).toBe(true);
  });

  it('without a red flag gives a differential with reasons, examinations and a department', () => {
    const c = new HumanConsultation(staff, matcher, { age: 30, sex: 'M', lang: 'en' });
    c.tell('fever, cough and aching muscles for two days, no chest pain');
    let step = c.next();
    for (let i = 0; i < 12 && step.kind === 'question'; i++) {
      c.answer(step.term, ['headache', 'sore-throat', 'chills', 'fatigue'].includes(step.term));
      step = c.next();
    }
    expect(step.kind).toBe('advice');
    if (step.kind !== 'advice') return;
    const a = step.advice;
    expect(a.emergency).toBe(false);
    expect(a.differential.length).toBeGreaterThanOrEqual(3);
    const sum = a.differential.reduce((s, x) => s + x.probability, 0);
    expect(sum).toBeLessThanOrEqual(1.0001);
    expect(a.differential[0]!.supporting).toContain('fever');
    expect(a.exams.length).toBeGreaterThan(0);
    expect(['infectious-diseases', 'respiratory']).toContain(a.department);
  });

  it('does not send an everyday hoarse voice to Emergency', () => {
    const c = new HumanConsultation(staff, matcher, { age: 30, sex: 'F', lang: 'en' });
    c.tell('hoarse voice and sore throat for 3 days');
    let step = c.next();
    for (let i = 0; i < 12 && step.kind === 'question'; i++) {
      c.answer(step.term, step.term === 'cough');
      step = c.next();
    }
    expect(step.kind).toBe('advice');
    if (step.kind !== 'advice') return;
    expect(step.advice.emergency).toBe(false);
    expect(step.advice.department).toBe('ent');
  });

  it('sends an adult to an adult department, and takes the complaint, not the history, as the chief complaint', () => {
    const dept = (age: number, text: string): string | undefined => {
      const c = new HumanConsultation(staff, matcher, { age, sex: 'M', lang: 'en' });
      c.tell(text);
      return (c as unknown as { department?: string }).department;
    };
    // The nurse's counts send vomiting to Paediatrics (where most of its textbook diseases are).
    expect(staff.nurse.triage('vomiting' as TermId)).toBe('paediatrics');
    expect(dept(3, 'he keeps vomiting')).toBe('paediatrics');
    expect(dept(30, 'I keep vomiting')).not.toBe('paediatrics');
    // "Smoked for 40 years" is history: the cough is what brought him.
    expect(dept(65, 'I smoked for 40 years and cough up phlegm every morning')).toBe('respiratory');
  });

  it('never asks a woman about symptoms only men have, nor offers her a disease only men get', () => {
    const c = new HumanConsultation(staff, matcher, { age: 30, sex: 'F', lang: 'en' });
    c.tell('painful urination, need to go often');
    const asked: string[] = [];
    let step = c.next();
    for (let i = 0; i < 12 && step.kind === 'question'; i++) {
      asked.push(step.term);
      c.answer(step.term, ['urinary-frequency', 'urinary-urgency'].includes(step.term));
      step = c.next();
    }
    for (const t of asked) expect(ctx.kb.term(t).sex, t).not.toBe('M');
    if (step.kind !== 'advice') throw new Error('no advice');
    for (const d of step.advice.differential) expect(ctx.kb.disease(d.disease).population.male, d.disease).toBeLessThan(1);
    expect(step.advice.differential[0]!.disease).toBe('acute-cystitis');
  });

  it('says so when it understands nothing', () => {
    const c = new HumanConsultation(staff, matcher, { age: 30, sex: 'M', lang: 'en' });
    c.tell('blorp zzz');
    expect(c.next().kind).toBe('not-understood');
    expect(c.unread).toEqual(['blorp zzz']);
  });
});

describe('the doctor assistant', () => {
  it('returns a differential, the separating examinations and what it mapped', () => {
    const a = new DoctorAssistant(staff, matcher).assess({
      age: 67,
      sex: 'M',
      lang: 'en',
      complaint: 'productive cough and fever for 3 days',
      history: 'chills\nshortness of breath\nno haemoptysis',
      findings: 'chest X-ray: lobar consolidation\nCRP: 120 mg/L',
    });
    expect(a.department).toBeDefined();
    expect(a.differential.slice(0, 3).map((d) => d.disease)).toContain('community-acquired-pneumonia');
    expect(a.exams.length).toBeGreaterThan(0);
    expect(a.mapped.some((m) => m.terms.some((t) => t.id === 'chest-xray-lobar-consolidation'))).toBe(true);
    expect(() =>
      new DoctorAssistant(staff, matcher).assess({ age: -3, sex: 'M', lang: 'en', complaint: 'cough', history: '', findings: '' }),
    ).toThrow(/age: -3/);
  });
});

describe('triage-nurse training', () => {
  it('scores against the true department, and a red flag must go to Emergency', () => {
    let flagged = 0;
    let plain = 0;
    for (let i = 0; i < 300 && (flagged < 2 || plain < 2); i++) {
      const p = ctx.generator.generate(21, i);
      const truth = ctx.kb.disease(p.disease);
      const d = scoreTriage(staff, p, truth.department);
      if (d.redFlags.length > 0) {
        flagged++;
        expect(d.expected).toBe('emergency');
        expect(d.correct).toBe(truth.department === 'emergency');
        expect(scoreTriage(staff, p, 'emergency' as DepartmentId).correct).toBe(true);
        expect(d.redFlagMissed).toBe(truth.department !== 'emergency');
      } else {
        plain++;
        expect(d.correct).toBe(true);
        const other = ctx.kb.departments.find((x) => x.id !== truth.department)!.id;
        expect(scoreTriage(staff, p, other).correct).toBe(false);
      }
    }
    expect(flagged).toBeGreaterThanOrEqual(2);
    expect(plain).toBeGreaterThanOrEqual(2);
  });
});
