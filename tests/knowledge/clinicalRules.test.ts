import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { LlmClient } from '../../src/brain/llm/client';
import { parseLlmConfig } from '../../src/brain/llm/config';
import { LlmDoctor } from '../../src/brain/llm/doctor';
import { loadPromptBook } from '../../src/brain/llm/nodePrompts';
import { OfflineDoctor } from '../../src/brain/offline/doctor';
import { escalationCall, redFlagsPresent, sameDrugs, type EscalationCall } from '../../src/knowledge/clinicalRules';
import { debrief, TrainingCase } from '../../src/modes/training';
import type { Patient } from '../../src/patients/types';
import { LlmClinician } from '../../src/run/llmClinician';
import { ClinicalStaff } from '../../src/run/staff';
import type { DiseaseId } from '../../src/schema/ids';
import { coherent, startOpenAiServer, type TestServer } from '../support/openaiServer';

const ctx = defaultContext();
const kb = ctx.kb;
let server: TestServer;

beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const flagsOf = (p: Patient) => redFlagsPresent(kb.disease(p.disease), p, ctx.reader);

/** The first generated patient, over diseases matching `disease`, for whom `fits` holds. */
function findPatient(disease: (id: DiseaseId) => boolean, fits: (p: Patient) => boolean): Patient {
  for (const d of kb.diseases.filter((x) => disease(x.id)))
    for (let i = 0; i < 200; i++) {
      const p = ctx.generator.generateWith(d.id, 41, i);
      if (fits(p)) return p;
    }
  throw new Error('no such patient');
}

const hasSeverePlan = (id: DiseaseId) => kb.disease(id).treatment.severe !== undefined;
const PATIENTS: { name: string; patient: Patient; call: EscalationCall }[] = [
  {
    name: 'a red flag on a mild course',
    patient: findPatient(
      (id) => kb.disease(id).redFlags.length > 0,
      (p) => p.severity === 'mild' && flagsOf(p).length > 0,
    ),
    call: 'escalate',
  },
  {
    name: 'a severe course of a disease with no escalated plan',
    patient: findPatient(
      (id) => !hasSeverePlan(id),
      (p) => p.severity === 'severe' && flagsOf(p).length === 0,
    ),
    call: 'either',
  },
  {
    name: 'a severe course with an escalated plan',
    patient: findPatient(hasSeverePlan, (p) => p.severity === 'severe' && flagsOf(p).length === 0),
    call: 'escalate',
  },
  {
    name: 'a mild course without a red flag',
    patient: findPatient(
      () => true,
      (p) => p.severity === 'mild' && flagsOf(p).length === 0,
    ),
    call: 'first-line',
  },
];

interface Plan {
  disease: DiseaseId;
  escalate: boolean;
}

/** The exam's path: the offline doctor's consultation, made to reach `plan`. */
function examMark(patient: Patient, plan: Plan): boolean {
  const staff = new ClinicalStaff(kb, ctx.reader);
  steer(plan);
  return staff.consult(patient, false).treatmentRight;
}

const consult = OfflineDoctor.prototype.consult;
function steer(plan: Plan): void {
  vi.spyOn(OfflineDoctor.prototype, 'consult').mockImplementation(function (this: OfflineDoctor, interview) {
    return { ...consult.call(this, interview), diagnosis: plan.disease, severe: plan.escalate };
  });
}

/** The LLM doctor's path: the model answers the diagnosis and the treatment with `plan`. */
async function llmMark(patient: Patient, plan: Plan): Promise<boolean> {
  server.setScript((req, n, task) =>
    task === 'doctor-diagnose'
      ? { kind: 'json', value: { thought: ['1. It fits.'], disease: plan.disease, differential: [] } }
      : task === 'doctor-treat'
        ? { kind: 'json', value: { escalate: plan.escalate, plan: 'As planned.' } }
        : coherent(req, n, task),
  );
  const client = new LlmClient(
    parseLlmConfig({ baseURL: server.baseURL, model: 'test-model', apiKey: 'sk-rule-key-0000000000', backoffMs: 5 }),
  );
  const staff = new ClinicalStaff(kb, ctx.reader);
  const o = await new LlmClinician(staff, new LlmDoctor(kb, client, loadPromptBook())).consult(patient, { learn: false });
  expect(o.meter.fallbacks).toBe(0);
  expect(o.report.diagnosis).toBe(plan.disease);
  return o.treatmentRight;
}

/** The learner's path (training), and the evolved doctor as the debrief shows it beside them. */
function trainingMarks(patient: Patient, plan: Plan): { learner: boolean; doctorInDebrief: boolean } {
  const staff = new ClinicalStaff(kb, ctx.reader);
  const c = new TrainingCase(staff, patient);
  c.diagnose(plan.disease);
  c.treat(plan.escalate ? 'escalate' : 'first-line');
  steer(plan);
  const d = debrief(c);
  return { learner: d.treatment.right, doctorInDebrief: d.doctor.treatmentRight };
}

describe('one clinical rule book', () => {
  for (const { name, patient, call } of PATIENTS) {
    it(`marks the same plan alike on every path: ${name}`, async () => {
      const truth = kb.disease(patient.disease);
      expect(escalationCall({ disease: truth, severity: patient.severity, redFlags: flagsOf(patient) })).toBe(call);
      const otherDrugs = kb.diseases.find((d) => d.department === truth.department && !sameDrugs(d, truth));
      const plans: Plan[] = [
        { disease: truth.id, escalate: true },
        { disease: truth.id, escalate: false },
        { disease: otherDrugs!.id, escalate: call === 'escalate' },
      ];
      for (const plan of plans) {
        const expected = plan.disease === truth.id && (call === 'either' || (call === 'escalate') === plan.escalate);
        const marks = { exam: examMark(patient, plan), ...trainingMarks(patient, plan), llm: await llmMark(patient, plan) };
        expect(marks, `${plan.disease} ${plan.escalate ? 'escalated' : 'first-line'}`).toEqual({
          exam: expected,
          learner: expected,
          doctorInDebrief: expected,
          llm: expected,
        });
        vi.restoreAllMocks();
      }
    });
  }
});
