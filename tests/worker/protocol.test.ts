import { describe, expect, it } from 'vitest';
import { FromWorker, MAX_REPLAY, parseMessage, ToWorker } from '../../src/worker/protocol';

describe('the fast-forward message protocol', () => {
  it('accepts a start request and fills the exam defaults', () => {
    const m = parseMessage(ToWorker, { type: 'start', consultations: 2000 }, 'worker');
    expect(m).toEqual({ type: 'start', consultations: 2000, examPerDisease: 1, checkpoints: 8 });
  });

  it('refuses a replay outside 1…MAX_REPLAY, naming the field', () => {
    expect(() => parseMessage(ToWorker, { type: 'start', consultations: 0 }, 'worker')).toThrow(
      /worker: refused a malformed message at consultations/,
    );
    expect(() => parseMessage(ToWorker, { type: 'start', consultations: MAX_REPLAY + 1 }, 'worker')).toThrow(/consultations/);
    expect(() => parseMessage(ToWorker, { type: 'start', consultations: 1.5 }, 'worker')).toThrow(/consultations/);
  });

  it('refuses unknown message types and unknown fields', () => {
    expect(() => parseMessage(ToWorker, { type: 'explode' }, 'worker')).toThrow(/at type/);
    expect(() => parseMessage(ToWorker, { type: 'cancel', now: true }, 'worker')).toThrow(/refused/);
    expect(() => parseMessage(ToWorker, 'cancel', 'worker')).toThrow(/\(root\)/);
  });

  it('parses what the worker sends back, checkpoints included', () => {
    const checkpoint = parseMessage(
      FromWorker,
      {
        type: 'checkpoint',
        point: {
          runId: 'r',
          consultations: 200,
          diagnosisTop1: 0.5,
          diagnosisTop3: 0.7,
          examination: 0.9,
          treatment: 0.6,
          byDepartment: { cardiology: { top1: 0.5, top3: 1 } },
        },
      },
      'page',
    );
    expect(checkpoint.type === 'checkpoint' && checkpoint.point.confusions).toEqual([]);
    expect(
      parseMessage(
        FromWorker,
        { type: 'progress', done: 10, total: 100, perSecond: 5, etaSeconds: null, caseBase: 3, experienceBase: 1 },
        'page',
      ).type,
    ).toBe('progress');
  });

  it('refuses an out-of-range score from the worker', () => {
    expect(() =>
      parseMessage(
        FromWorker,
        { type: 'checkpoint', point: { consultations: 1, diagnosisTop1: 1.5, diagnosisTop3: 1, examination: 1, treatment: 1 } },
        'page',
      ),
    ).toThrow(/page: refused a malformed message at point\.diagnosisTop1/);
  });
});
