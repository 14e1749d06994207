import 'fake-indexeddb/auto';
import mitt from 'mitt';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { VocabularyMatcher } from '../../../src/language/matcher';
import { exportBundle, loadBundle, parseBundle } from '../../../src/run/bundle';
import { simulate } from '../../../src/run/simulate';
import { ClinicalStaff } from '../../../src/run/staff';
import type { AppContext, AppEvents } from '../../../src/ui/appContext';
import { buildStaff } from '../../../src/ui/dashboard/hospitalState';

describe('loading a large base in small steps', () => {
  it('gives the same doctors as loading the bundle at once', async () => {
    const ctx = defaultContext();
    const learned = exportBundle(
      simulate(ctx.generator, ctx.reader, { consultations: 1_500, seed: 61, examPerDisease: 0, checkpoints: 0, clock: () => 0 }).staff,
    );
    const app: AppContext = {
      ...ctx,
      language: () => Promise.resolve(new VocabularyMatcher(ctx.kb)),
      staff: new ClinicalStaff(ctx.kb, ctx.reader),
      bus: mitt<AppEvents>(),
      lang: () => 'en',
    };
    const stepped = await buildStaff(app, learned);
    const direct = new ClinicalStaff(ctx.kb, ctx.reader);
    loadBundle(direct, parseBundle(ctx.kb, learned));
    expect(stepped.caseBaseSize).toBeGreaterThan(1_000);
    expect(exportBundle(stepped)).toEqual(exportBundle(direct));
    // And they reason alike: the same diagnosis for unseen patients.
    for (let i = 0; i < 30; i++) {
      const p = ctx.generator.generate(62, i);
      expect(stepped.consult(p, false).report.diagnosis).toBe(direct.consult(p, false).report.diagnosis);
    }
  });
});
