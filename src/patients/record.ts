import type { Lang } from '../schema/common';
import type { PatientRecord } from '../schema/patient';
import { formatDuration } from './duration';
import type { PatientGenerator } from './generator';
import type { ExamReader } from './results';
import type { Patient } from './types';

const SEX_WORD = {
  en: { M: ['man', 'boy'], F: ['woman', 'girl'] },
  zh: { M: ['男性', '男孩'], F: ['女性', '女孩'] },
} as const;

export function basicInfo(patient: Patient, lang: Lang): string {
  const p = patient.persona;
  const child = p.age < 15 ? 1 : 0;
  if (lang === 'zh') return `${p.age}岁${p.nationality.zh}${SEX_WORD.zh[p.sex][child]}，${p.occupation.zh}，${p.personality.zh}`;
  return `${p.age}-year-old ${p.nationality.en} ${SEX_WORD.en[p.sex][child]}, ${p.occupation.en.toLowerCase()}, ${p.personality.en}`;
}

/** The patient as the public record in one language (`agent-hospital patients --json`). */
export function toPatientRecord(generator: PatientGenerator, reader: ExamReader, patient: Patient, lang: Lang): PatientRecord {
  const kb = generator.kb;
  const disease = kb.disease(patient.disease);
  const text = (items: readonly { en: string; zh: string }[]): string[] => items.map((i) => i[lang]);
  const p = patient.persona;
  return {
    id: patient.id,
    language: lang,
    name: p.name[lang],
    age: p.age,
    sex: p.sex,
    nationality: p.nationality[lang],
    occupation: p.occupation[lang],
    personality: p.personality[lang],
    speakingStyle: p.speakingStyle[lang],
    disease: { id: disease.id, name: disease.name[lang], icd10: disease.icd10 },
    severity: patient.severity,
    basicInfo: basicInfo(patient, lang),
    history: {
      pastIllness: text(patient.history.past),
      lifestyle: text(patient.history.lifestyle),
      familyHistory: text(patient.history.family),
      vaccinations: text(patient.history.vaccinations),
      exposures: text(patient.history.exposures),
      medications: text(patient.history.medications),
    },
    symptoms: patient.symptoms.map((s) => ({
      id: s.term,
      name: kb.term(s.term).name[lang],
      duration: formatDuration(s.days, lang),
      days: Math.round(s.days * 100) / 100,
    })),
    examResults: kb.exams.flatMap((e) => reader.records(patient, e.id, lang)),
  };
}
