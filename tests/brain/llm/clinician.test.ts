import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { LlmClient } from '../../../src/brain/llm/client';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { LlmDoctor } from '../../../src/brain/llm/doctor';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';
import { LlmClinician } from '../../../src/run/llmClinician';
import { ClinicalStaff } from '../../../src/run/staff';
import { coherent, startOpenAiServer, type Script, type TestServer } from '../../support/openaiServer';

const ctx = defaultContext();
const prompts = loadPromptBook();
let server: TestServer;

beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

function clinician(extra: Record<string, unknown> = {}, lang: 'en' | 'zh' = 'en') {
  const client = new LlmClient(
    parseLlmConfig({ baseURL: server.baseURL, model: 'test-model', apiKey: 'sk-clinic-key-000000000000', backoffMs: 5, ...extra }),
  );
  const staff = new ClinicalStaff(ctx.kb, ctx.reader);
  return { client, staff, clinician: new LlmClinician(staff, new LlmDoctor(ctx.kb, client, prompts), lang) };
}

describe('LlmClinician', () => {
  it('runs a whole consultation through the model in at most six calls, and the doctors learn from it', async () => {
    server.setScript(coherent);
    const { client, staff, clinician: c } = clinician();
    const patient = ctx.generator.generate(7, 0);
    const o = await c.consult(patient, { learn: true });
    expect(o.meter.calls).toBe(6);
    expect(o.meter.fallbacks).toBe(0);
    expect(o.meter.promptTokens).toBeGreaterThan(500);
    expect(ctx.kb.hasDisease(o.report.diagnosis)).toBe(true);
    expect(o.report.exams.slice(0, 2)).toEqual(['vital-signs', 'physical-exam']);
    expect(o.transcript.filter((l) => l.speaker === 'patient').length).toBe(o.report.questions.length);
    expect(o.transcript.every((l) => l.fromModel)).toBe(true);
    expect(o.thought.length).toBe(4);
    expect(staff.consultations).toBe(1);
    expect(staff.caseBaseSize + (o.correct ? 0 : 1)).toBeGreaterThanOrEqual(1);
    expect(client.stats.calls).toBe(6);
    const tasks = server.requests.slice(-6).map((r) => r.task);
    expect(tasks).toEqual(['triage', 'doctor-inquiry', 'patient-roleplay', 'doctor-examine', 'doctor-diagnose', 'doctor-treat']);
  });

  it('never shows the patient or the doctor the hidden disease in a prompt, and asks the patient only from its record', async () => {
    server.setScript(coherent);
    const { clinician: c } = clinician();
    const patient = ctx.generator.generate(7, 1);
    const before = server.requests.length;
    await c.consult(patient, { learn: false });
    const disease = ctx.kb.disease(patient.disease);
    const roleplay = server.requests.slice(before).find((r) => r.task === 'patient-roleplay');
    const text = roleplay?.body.messages.map((m) => m.content).join('\n') ?? '';
    expect(text).not.toContain(disease.name.en);
    expect(text).not.toContain(disease.icd10);
    // Every "yes" the patient is told to give is a symptom it has.
    const symptoms = new Set(patient.symptoms.map((s) => ctx.kb.term(s.term).name.en.toLowerCase()));
    for (const line of text.split('\n').filter((l) => /^\d+\. .*\[yes/.test(l))) {
      const asked = /Do you have (.*)\?/.exec(line)?.[1] ?? '';
      expect(symptoms.has(asked)).toBe(true);
    }
  });

  it('puts the cases and experiences the doctor retrieved into the diagnosis prompt', async () => {
    server.setScript(coherent);
    const { staff, clinician: c } = clinician();
    for (let i = 0; i < 1500; i++) staff.consult(ctx.generator.generate(21, i), true);
    const before = server.requests.length;
    let seen = 0;
    for (let i = 0; i < 5; i++) {
      const o = await c.consult(ctx.generator.generate(22, i), { learn: false });
      const prompt =
        server.requests
          .slice(before)
          .filter((r) => r.task === 'doctor-diagnose')
          .at(-1)?.body.messages[0]?.content ?? '';
      if (o.report.retrievedCases.length > 0) {
        seen++;
        const first = ctx.kb.disease(o.report.retrievedCases[0]!.disease).name.en;
        expect(prompt).toContain(`Similar cases from your case base: ${first} (`);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('with reflect on, the model writes a lesson after each mistake, kept only when it fixes the case', async () => {
    server.setScript(coherent);
    const client = new LlmClient(parseLlmConfig({ baseURL: server.baseURL, model: 'test-model' }));
    const staff = new ClinicalStaff(ctx.kb, ctx.reader);
    const c = new LlmClinician(staff, new LlmDoctor(ctx.kb, client, prompts), 'en', { reflect: true });
    let wrong = 0;
    let kept = 0;
    for (let i = 0; i < 40 && wrong < 6; i++) {
      const o = await c.consult(ctx.generator.generate(31, i), { learn: true });
      if (o.correct) {
        expect(o.modelLesson).toBeUndefined();
        expect(o.meter.calls).toBeLessThanOrEqual(6);
        continue;
      }
      wrong++;
      expect(o.meter.calls).toBeLessThanOrEqual(7);
      expect(o.modelLesson?.lesson?.zh).toMatch(/[\u4e00-\u9fff]/);
      if (o.modelLesson?.kept) {
        kept++;
        const lessons = [...staff.doctor(o.department).experiences.about(ctx.kb.diseaseIndex(o.report.diagnosis))].map((e) => e.text.en);
        expect(lessons).toContain(o.modelLesson.lesson.en);
      }
    }
    expect(wrong).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(wrong);
  });

  it('speaks Chinese when the hospital does', async () => {
    server.setScript(coherent);
    const { clinician: c } = clinician({}, 'zh');
    const before = server.requests.length;
    const o = await c.consult(ctx.generator.generate(7, 2), { learn: false });
    expect(o.meter.fallbacks).toBe(0);
    expect(server.requests[before]?.body.messages[0]?.content).toContain('分诊护士');
  });

  it('lets the offline brain answer a step the model keeps getting wrong, and counts it', async () => {
    const broken: Script = (req, n, task) =>
      task === 'doctor-diagnose'
        ? { kind: 'json', value: { thought: ['1. hm'], disease: 'moon fever', differential: [] } }
        : coherent(req, n, task);
    server.setScript(broken);
    const { client, clinician: c } = clinician({ maxRepairs: 1 });
    const patient = ctx.generator.generate(7, 3);
    const o = await c.consult(patient, { learn: true });
    expect(o.meter.fallbacks).toBe(1);
    expect(o.meter.retries).toBe(1);
    expect(client.stats.fallbacksBy.invalid).toBe(1);
    expect(ctx.kb.hasDisease(o.report.diagnosis)).toBe(true);
    expect(o.transcript.find((l) => l.text.includes(ctx.kb.disease(o.report.diagnosis).icd10))?.fromModel).toBe(false);
  });

  it('with the endpoint down, the whole consultation is the offline brain, every step counted', async () => {
    const client = new LlmClient(parseLlmConfig({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', maxRetries: 1, backoffMs: 1 }));
    const staff = new ClinicalStaff(ctx.kb, ctx.reader);
    const c = new LlmClinician(staff, new LlmDoctor(ctx.kb, client, prompts));
    const patient = ctx.generator.generate(7, 4);
    const o = await c.consult(patient, { learn: false });
    const offline = new ClinicalStaff(ctx.kb, ctx.reader).consult(patient, false);
    expect(o.meter.fallbacks).toBe(6);
    expect(client.stats.fallbacksBy.connection).toBe(6);
    expect(o.report.diagnosis).toBe(offline.report.diagnosis);
    expect(o.department).toBe(offline.department);
  });

  it('streams the patient’s spoken reply, and stops it the moment it names the disease', async () => {
    const patient = ctx.generator.generate(7, 0);
    const name = ctx.kb.disease(patient.disease).name.en;
    const meter = { calls: 0, promptTokens: 0, completionTokens: 0, fallbacks: 0, retries: 0 };
    server.setScript(coherent);
    const said: string[] = [];
    for await (const s of clinician().clinician.streamReply(patient, 'What brings you in today?', { lang: 'en', meter })) said.push(s);
    expect(said.length).toBeGreaterThan(3);
    expect(said.every((s, i) => i === 0 || s.startsWith(said[i - 1]!))).toBe(true);
    expect(said.at(-1)).toBe('It started a few days ago, doctor, and it has been getting worse since.');
    server.setScript((req, n, task) =>
      task === 'patient-dialogue' ? { kind: 'text', content: `I think I have ${name}, doctor.` } : coherent(req, n, task),
    );
    const leaked: string[] = [];
    await expect(
      (async () => {
        for await (const s of clinician().clinician.streamReply(patient, 'What brings you in today?', { lang: 'en', meter }))
          leaked.push(s);
      })(),
    ).rejects.toThrow(/named its disease/);
    expect(leaked.some((s) => s.toLowerCase().includes(name.toLowerCase()))).toBe(false);
  });
});
