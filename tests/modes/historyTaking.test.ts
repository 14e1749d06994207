import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { loadDefaultMatcher } from '../../src/language/nodeFiles';
import { readQuestion } from '../../src/language/intents';
import { ClinicalStaff } from '../../src/run/staff';
import { TrainingCase, debrief } from '../../src/modes/training';
import { HISTORY_CHECKLIST } from '../../src/modes/historyTaking';
import { HumanConsultation } from '../../src/modes/humanConsult';
import { DoctorAssistant } from '../../src/modes/assistant';
import type { TermId } from '../../src/schema/ids';

const ctx = defaultContext();
const staff = new ClinicalStaff(ctx.kb, ctx.reader);
const matcher = loadDefaultMatcher(ctx.kb);

describe('history taking in the learner’s own words', () => {
  it('recognises what an ordinary question asks, beyond the symptoms it names', () => {
    const intents = (q: string, lang: 'en' | 'zh' = 'en') =>
      readQuestion(
        q,
        lang,
        matcher.match(q, lang).map((m) => m.term),
      ).intents;
    expect(intents('What brings you in today?')).toContain('open');
    expect(intents('When did it start?')).toContain('onset');
    expect(intents('Are you on any medication?')).toContain('medications');
    expect(intents('Could you be pregnant?')).toContain('pregnancy');
    expect(intents('Any allergies?')).toContain('allergies');
    expect(intents('Does anyone in your family have heart trouble?')).toContain('family-history');
    expect(intents('What are you worried it might be?')).toContain('concerns');
    expect(intents('什么时候开始的？', 'zh')).toContain('onset');
    expect(intents('平时吃什么药吗？', 'zh')).toContain('medications');
  });

  it('answers from the record in lay words, never naming the disease, and ticks the OSCE checklist', () => {
    for (let i = 0; i < 30; i++) {
      const patient = ctx.generator.generate(77, i);
      const c = new TrainingCase(staff, patient, matcher.words);
      const disease = ctx.kb.disease(patient.disease);
      for (const q of [
        'What brings you in today?',
        'When did it start?',
        'Any other symptoms?',
        'Do you smoke?',
        'Any medical problems?',
      ]) {
        const { replies } = c.askInWords(q, 'en', matcher);
        expect(replies.length, q).toBeGreaterThan(0);
        for (const r of replies) expect(r.toLowerCase()).not.toContain(disease.name.en.toLowerCase());
      }
      const mark = debrief(c).historyTaking;
      const covered = new Set(mark.items.filter((x) => x.covered).map((x) => x.id));
      expect([...covered]).toEqual(expect.arrayContaining(['opening', 'onset', 'associated', 'social', 'past']));
      expect(covered.has('allergies')).toBe(false);
      expect(mark.coverage).toBeGreaterThan(0);
      expect(mark.coverage).toBeLessThan(1);
      const applicable = HISTORY_CHECKLIST.filter((x) => !x.applies || x.applies(patient)).length;
      expect(mark.items).toHaveLength(applicable);
    }
  });

  it('asks and answers in plain words when the word list is there', () => {
    const patient = ctx.generator.generate(5, 3);
    const c = new TrainingCase(staff, patient, matcher.words);
    const reply = c.askTerm('dysuria' as TermId, 'en');
    expect(reply.toLowerCase()).not.toContain('dysuria');
    expect(c.log.at(-2)?.text).toMatch(/urine|pee/i);
  });
});

describe('a wrong reading taken back', () => {
  it('the consultation forgets a removed complaint and chooses the complaint again', () => {
    const c = new HumanConsultation(staff, matcher, { age: 30, sex: 'F', lang: 'en' });
    c.tell('sore throat and a cough');
    expect(c.chiefComplaint).toBe('sore-throat');
    c.forget('sore-throat' as TermId);
    expect(c.chiefComplaint).toBe('cough');
    expect(c.answers.has('sore-throat' as TermId)).toBe(false);
    const d = new HumanConsultation(staff, matcher, { age: 30, sex: 'F', lang: 'en' });
    d.tell('sore throat and a cough', new Set(['sore-throat' as TermId]));
    expect(d.chiefComplaint).toBe('cough');
  });

  it('the assistant leaves out a reading the clinician removed', () => {
    const assistant = new DoctorAssistant(staff, matcher);
    const base = {
      age: 45,
      sex: 'F' as const,
      lang: 'en' as const,
      complaint: 'it burns when I pee',
      history: 'fever, loin pain',
      findings: '',
    };
    const all = assistant.assess(base);
    const without = assistant.assess({ ...base, exclude: ['dysuria' as TermId] });
    const terms = (a: typeof all) => a.mapped.flatMap((m) => m.terms.map((t) => t.id));
    expect(terms(all)).toContain('dysuria');
    expect(all.differential).not.toEqual(without.differential);
  });
});
