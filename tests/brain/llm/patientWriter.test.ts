import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { LlmClient } from '../../../src/brain/llm/client';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { LlmError } from '../../../src/brain/llm/errors';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';
import { LlmPatientWriter } from '../../../src/brain/llm/patientWriter';
import { newMeter } from '../../../src/brain/llm/stats';
import { coherent, startOpenAiServer, type TestServer } from '../../support/openaiServer';

const { kb } = defaultContext();
let server: TestServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

const writer = () =>
  new LlmPatientWriter(kb, new LlmClient(parseLlmConfig({ baseURL: server.baseURL, model: 'm', maxRepairs: 1 })), loadPromptBook());

describe('LlmPatientWriter', () => {
  it('writes a patient in four checked steps, consistent with the knowledge base', async () => {
    server.setScript(coherent);
    const meter = newMeter();
    const d = kb.diseases.find((x) => x.findings.some((f) => kb.term(f.term).direction === 'high'))!;
    const p = await writer().write({ lang: 'en', meter }, d.id, 'moderate');
    expect(meter.calls).toBe(4);
    expect(p.symptoms.length).toBeGreaterThan(0);
    for (const s of p.symptoms) expect(d.symptoms.map((x) => x.term)).toContain(s.term);
    expect(p.results.values.length).toBeGreaterThan(0);
    for (const v of p.results.values) {
      const finding = d.findings.map((f) => kb.term(f.term)).find((t) => t.analyte === v.analyte)!;
      const range = kb.analyte(v.analyte).analyte;
      if (finding.direction === 'high') expect(v.value).toBeGreaterThan(range.high);
      else expect(v.value).toBeLessThan(range.low);
    }
    const steps = server.requests.slice(-4).map((r) => r.task);
    expect(steps).toEqual(['patient-generate-basics', 'patient-generate-history', 'patient-generate-symptoms', 'patient-generate-results']);
  });

  it('sends back a history that names the disease, and a symptom the disease does not have', async () => {
    const d = kb.diseases[0]!;
    let n = 0;
    server.setScript((req, i, task) => {
      if (task === 'patient-generate-history' && n++ === 0)
        return { kind: 'json', value: { past: [`Known ${d.name.en}`], lifestyle: [], family: [], vaccinations: [] } };
      if (task === 'patient-generate-symptoms') return { kind: 'json', value: { symptoms: [{ term: 'toothache-of-the-soul', days: 2 }] } };
      return coherent(req, i, task);
    });
    const err = await writer()
      .write({ lang: 'en' }, d.id, 'mild')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    const repairs = server.requests
      .map((r) => r.body.messages.at(-1)?.content ?? '')
      .filter((c) => c.startsWith('Your answer was not valid'));
    expect(repairs.some((c) => c.includes('names the disease'))).toBe(true);
    expect(repairs.some((c) => c.includes('toothache-of-the-soul'))).toBe(true);
  });
});
