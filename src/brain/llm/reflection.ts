import type { Bilingual } from '../../schema/common';
import type { DiseaseId } from '../../schema/ids';
import type { ExperienceRule } from '../../evolution/experienceBase';
import type { DiagnosisReport, OfflineDoctor } from '../offline/doctor';
import type { PatientView } from '../offline/patientView';
import type { LlmDoctor, StepContext } from './doctor';
import { keepIfItHelps } from '../offline/reflection';

export type ModelReflection =
  | { kept: true; lesson: Bilingual; rule: ExperienceRule }
  | { kept: false; lesson?: Bilingual; reason: 'no-cue-in-this-case' | 'did-not-fix-the-case' | 'broke-solved-cases' };

/**
 * MedAgent-Zero's reflection with the model writing the lesson: after a wrong diagnosis the model
 * compares its answer with the truth and writes a principle, in words (both languages) and in a
 * structured form — cues that point to the truth, or the examination that separates the two.
 * The lesson is validated exactly as the offline doctor's own (keepIfItHelps).
 */
export async function reflectWithModel(
  llm: LlmDoctor,
  doctor: OfflineDoctor,
  a: { report: DiagnosisReport; truth: DiseaseId; interview: PatientView; consultation: number },
  ctx: StepContext,
): Promise<ModelReflection> {
  const kb = doctor.kb;
  const chosen = kb.diseaseIndex(a.report.diagnosis);
  const truth = kb.diseaseIndex(a.truth);
  const present = [...a.report.observations].filter(([, p]) => p).map(([t]) => kb.terms[t]?.name[ctx.lang] ?? '');
  const r = await llm.reflect(ctx, { chosen: a.report.diagnosis, truth: a.truth, presentation: present.join(', ') });
  // Only cues this patient showed can be checked against this case.
  const cues = r.cues
    .map((t) => kb.termIndex(t))
    .filter((t) => a.report.observations.get(t) === true)
    .slice(0, 2)
    .map((term) => ({ term, present: true }));
  let rule: ExperienceRule;
  if (cues.length > 0) rule = { kind: 'prefer', cues };
  else if (r.examine && !a.report.exams.includes(r.examine)) rule = { kind: 'examine', exam: r.examine };
  else return { kept: false, lesson: r.lesson, reason: 'no-cue-in-this-case' };

  const kept = keepIfItHelps(doctor, {
    chosen,
    truth,
    rule,
    text: r.lesson,
    consultation: a.consultation,
    report: a.report,
    interview: a.interview,
  });
  return 'rejected' in kept ? { kept: false, lesson: r.lesson, reason: kept.rejected } : { kept: true, lesson: r.lesson, rule };
}
