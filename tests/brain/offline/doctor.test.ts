import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { DOCTOR, OfflineDoctor } from '../../../src/brain/offline/doctor';
import { BEDSIDE_EXAMS } from '../../../src/knowledge/clinicalRules';
import { buildTextbook } from '../../../src/knowledge/textbook';
import { PatientInterview } from '../../../src/patients/interview';
import type { Patient } from '../../../src/patients/types';
import type { DepartmentId } from '../../../src/schema/ids';

const ctx = defaultContext();
const { kb, reader } = ctx;
const textbook = buildTextbook(kb);
const RESPIRATORY = 'respiratory' as DepartmentId;
const respiratory = kb.diseases.filter((d) => d.department === RESPIRATORY).map((d) => d.id);

/** Patients of the department's diseases, in turn. */
function patients(seed: number, n: number): Patient[] {
  return Array.from({ length: n }, (_, i) => ctx.generator.generateWith(respiratory[i % respiratory.length]!, seed, i));
}

const interview = (p: Patient) => new PatientInterview(p, reader);
const accuracy = (doctor: OfflineDoctor, set: Patient[]) =>
  set.filter((p) => doctor.consult(interview(p)).diagnosis === p.disease).length / set.length;

describe('OfflineDoctor', () => {
  it('interviews within its limits, measures the patient at the bedside first and reports a ranked differential', () => {
    const doctor = new OfflineDoctor(kb, textbook, RESPIRATORY);
    for (const p of patients(3, 20)) {
      const view = interview(p);
      const r = doctor.consult(view);
      expect(r.questions[0]).toEqual({ term: view.chiefComplaint, present: true });
      // The history, then the screen for the diagnosis's red flags that were not yet asked about.
      const redFlagSymptoms = kb.disease(r.diagnosis).redFlags.filter((f) => kb.term(f).kind === 'symptom');
      expect(r.questions.length).toBeLessThanOrEqual(DOCTOR.maxQuestions + 1 + redFlagSymptoms.length);
      // Every answer is the patient's own.
      for (const q of r.questions.slice(1)) expect(q.present).toBe(view.ask(q.term));
      expect(r.exams.slice(0, BEDSIDE_EXAMS.length)).toEqual([...BEDSIDE_EXAMS]);
      expect(new Set(r.exams).size).toBe(r.exams.length);
      expect(r.differential[0]?.disease).toBe(r.diagnosis);
      const probabilities = r.differential.map((x) => x.probability);
      expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('asks after every red flag of its diagnosis before treating, and escalates for one that is there', () => {
    const doctor = new OfflineDoctor(kb, textbook, RESPIRATORY);
    let escalatedForFlag = 0;
    for (const p of patients(5, 40)) {
      const r = doctor.consult(interview(p));
      const asked = new Map(r.questions.map((q) => [q.term, q.present]));
      const flags = kb.disease(r.diagnosis).redFlags.filter((f) => kb.term(f).kind === 'symptom');
      for (const f of flags) expect(asked.has(f)).toBe(true);
      if (flags.some((f) => asked.get(f) === true)) {
        expect(r.severe).toBe(true);
        escalatedForFlag++;
      }
    }
    expect(escalatedForFlag).toBeGreaterThan(0);
  });

  it('pauses at each examination it orders and, resumed, reaches the same report as in one go', () => {
    const doctor = new OfflineDoctor(kb, textbook, RESPIRATORY);
    const p = patients(4, 1)[0]!;
    const steps = doctor.consultation(interview(p));
    const ordered: string[] = [];
    let step = steps.next();
    while (!step.done) {
      ordered.push(step.value.exam);
      step = steps.next();
    }
    const once = doctor.consult(interview(p));
    expect(step.value.diagnosis).toBe(once.diagnosis);
    expect(step.value.exams).toEqual(once.exams);
    // The bedside examinations are done there and then; every other one was a pause.
    expect(ordered).toEqual(once.exams.filter((e) => !BEDSIDE_EXAMS.includes(e)));
  });

  it('diagnoses unseen patients better after learning from follow-ups', () => {
    const doctor = new OfflineDoctor(kb, textbook, RESPIRATORY);
    const exam = patients(9_000_001, 2 * respiratory.length);
    const before = accuracy(doctor, exam);
    for (const p of patients(5, 40 * respiratory.length)) {
      const view = interview(p);
      doctor.learn(kb.diseaseIndex(p.disease), doctor.consult(view), view.ageBand, view.male);
    }
    expect(accuracy(doctor, exam)).toBeGreaterThan(before);
  });

  it('escalates when it has seen a red flag of its diagnosis, whatever its severity judge says', () => {
    const doctor = new OfflineDoctor(kb, textbook, RESPIRATORY);
    // Follow-ups teach its severity judge what mild and severe courses look like.
    for (const p of patients(7, 30 * respiratory.length)) {
      const r = doctor.consult(interview(p));
      const present = [...r.observations.values()].filter(Boolean).length;
      doctor.severity.learn(kb.diseaseIndex(p.disease), r.severityEvidence, present, p.severity);
    }
    let seen = 0;
    for (const p of patients(6, 400)) {
      const r = doctor.consult(interview(p));
      const flagged = kb.disease(r.diagnosis).redFlags.some((f) => r.observations.get(kb.termIndex(f)) === true);
      if (!flagged) continue;
      seen++;
      expect(r.severe).toBe(true);
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('takes a lesson of absences as "not the leader", bringing forward only a disease in the running', () => {
    const doctor = new OfflineDoctor(kb, textbook, RESPIRATORY);
    const p = patients(6, 1)[0]!;
    const report = doctor.consult(interview(p));
    const observations = new Map(report.observations);
    const leader = kb.diseaseIndex(report.diagnosis);
    const absent = [...observations].find(([, present]) => !present)?.[0];
    const present = [...observations].find(([, seen]) => seen)?.[0];
    expect(absent).toBeDefined();
    // A disease far from this picture: another department's, outside the differential.
    const far = kb.diseases.findIndex((d) => d.department === 'dermatology' && !report.differential.some((x) => x.disease === d.id));
    const before = doctor.diagnoseFrom(observations, 3, true).diagnosis;
    expect(kb.diseaseIndex(before)).toBe(leader);
    const text = { en: 'lesson', zh: '经验' };
    const onlyAbsence = doctor.experiences.add({
      from: leader,
      to: far,
      rule: { kind: 'prefer', cues: [{ term: absent!, present: false }] },
      text,
      learnedAt: 1,
    });
    expect(doctor.diagnoseFrom(observations, 3, true).diagnosis).toBe(before);
    doctor.experiences.remove(onlyAbsence);
    // A lesson that names what is there may point anywhere.
    doctor.experiences.add({
      from: leader,
      to: far,
      rule: { kind: 'prefer', cues: [{ term: present!, present: true }] },
      text,
      learnedAt: 2,
    });
    expect(doctor.diagnoseFrom(observations, 3, true).diagnosis).toBe(kb.diseases[far]!.id);
  });
});
