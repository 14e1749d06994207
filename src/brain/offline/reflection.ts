import type { Bilingual } from '../../schema/common';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Textbook } from '../../knowledge/textbook';
import type { OfflineDoctor, DiagnosisReport } from './doctor';
import type { PatientView } from './patientView';
import type { Experience, ExperienceRule } from '../../evolution/experienceBase';

/** A cue must shift the odds between the two diseases by at least this much (log-odds) to be a lesson. */
const MIN_CUE_WEIGHT = 0.7;
/** Solved cases of the mistaken-for disease a new lesson must not break. */
const REGRESSION_CASES = 10;

export interface ReflectionOutcome {
  experience?: Experience;
  /** Why no lesson was kept, when none was. */
  rejected?: 'no-distinguishing-feature' | 'did-not-fix-the-case' | 'broke-solved-cases';
}

function cueText(kb: KnowledgeBase, cues: { term: number; present: boolean }[]): Bilingual {
  const en = cues.map((c) => `${c.present ? '' : 'no '}${kb.terms[c.term]?.name.en.toLowerCase()}`).join(' and ');
  const zh = cues.map((c) => `${c.present ? '' : '无'}${kb.terms[c.term]?.name.zh}`).join('、');
  return { en, zh };
}

/**
 * MedAgent-Zero's reflection: after a wrong diagnosis the doctor compares the disease it chose
 * with the truth the follow-up revealed, writes the principle that separates them, and keeps
 * the lesson only if re-answering with it fixes the case without breaking solved ones.
 */
export function reflect(
  doctor: OfflineDoctor,
  textbook: Textbook,
  report: DiagnosisReport,
  truth: number,
  interview: PatientView,
  consultation: number,
): ReflectionOutcome {
  const kb = doctor.kb;
  const chosen = kb.diseaseIndex(report.diagnosis);
  const nameOf = (d: number): Bilingual => kb.diseases[d]?.name ?? { en: '?', zh: '?' };
  const cues = [...report.observations]
    .map(([term, present]) => ({
      term,
      present,
      weight: doctor.beliefs.logLikelihood(truth, term, present) - doctor.beliefs.logLikelihood(chosen, term, present),
    }))
    .filter((c) => c.weight >= MIN_CUE_WEIGHT)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 2)
    .map(({ term, present }) => ({ term, present }));

  let rule: ExperienceRule;
  let text: Bilingual;
  if (cues.length > 0) {
    rule = { kind: 'prefer', cues };
    const because = cueText(kb, cues);
    text = {
      en: `Diagnosed ${nameOf(chosen).en}, but it was ${nameOf(truth).en}: ${because.en} point to ${nameOf(truth).en}.`,
      zh: `曾诊断为${nameOf(chosen).zh}，实为${nameOf(truth).zh}：${because.zh}提示${nameOf(truth).zh}。`,
    };
  } else {
    const keyExam = textbook[truth]?.keyExams.find((e) => !report.exams.includes(e));
    if (!keyExam) return { rejected: 'no-distinguishing-feature' };
    rule = { kind: 'examine', exam: keyExam };
    const exam = kb.exam(keyExam).name;
    text = {
      en: `Diagnosed ${nameOf(chosen).en}, but it was ${nameOf(truth).en}: when ${nameOf(chosen).en} is suspected, order ${exam.en} to rule out ${nameOf(truth).en}.`,
      zh: `曾诊断为${nameOf(chosen).zh}，实为${nameOf(truth).zh}：怀疑${nameOf(chosen).zh}时应行${exam.zh}以排除${nameOf(truth).zh}。`,
    };
  }

  const kept = keepIfItHelps(doctor, { chosen, truth, rule, text, consultation, report, interview });
  return 'rejected' in kept ? { rejected: kept.rejected } : { experience: kept.experience };
}

/**
 * The validation both brains' lessons pass: the lesson joins the experience base only if,
 * re-answering with it, the doctor gets this case right and still gets its recent solved cases
 * of the mistaken-for disease right; otherwise it is removed again.
 */
export function keepIfItHelps(
  doctor: OfflineDoctor,
  a: {
    chosen: number;
    truth: number;
    rule: ExperienceRule;
    text: Bilingual;
    consultation: number;
    report: DiagnosisReport;
    interview: PatientView;
  },
): { experience: Experience } | { rejected: 'did-not-fix-the-case' | 'broke-solved-cases' } {
  const kb = doctor.kb;
  const { chosen, truth, rule } = a;
  const experience = doctor.experiences.add({ from: chosen, to: truth, rule, text: a.text, learnedAt: a.consultation });
  const fixed =
    rule.kind === 'prefer'
      ? doctor.rediagnose(a.report.observations, a.interview.ageBand, a.interview.male)
      : doctor.consult(a.interview).diagnosis;
  if (kb.diseaseIndex(fixed) !== truth) {
    doctor.experiences.remove(experience);
    return { rejected: 'did-not-fix-the-case' };
  }
  if (rule.kind === 'prefer') {
    for (const id of doctor.cases.recent(chosen, REGRESSION_CASES)) {
      const c = doctor.cases.get(id);
      const obs = new Map<number, boolean>();
      for (const t of c.present) obs.set(t, true);
      for (const t of c.absent) obs.set(t, false);
      if (kb.diseaseIndex(doctor.rediagnose(obs, c.ageBand, c.male)) !== chosen) {
        doctor.experiences.remove(experience);
        return { rejected: 'broke-solved-cases' };
      }
    }
  }
  return { experience };
}
