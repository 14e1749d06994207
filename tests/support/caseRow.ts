import type { CaseResult } from '../../src/modes/report';

/** A learner's finished case `i` of session "abc" (odd cases wrongly answered), for the report and progress tests. */
export const caseRow = (i: number, extra: Partial<CaseResult> = {}): CaseResult => ({
  session: 'abc',
  learner: 'Li Wei',
  caseIndex: i,
  role: 'doctor',
  patientId: `p-${i}`,
  truth: 'influenza',
  answer: i % 2 ? 'covid-19' : 'influenza',
  correct: i % 2 === 0,
  score: 90 - i * 10,
  questions: 5,
  keyQuestionsAsked: 2,
  keyQuestions: 3,
  exams: 2,
  keyExamOrdered: true,
  costCny: 180,
  minutes: 65,
  redFlagsMissed: 0,
  doctorAnswer: 'influenza',
  doctorCorrect: true,
  finishedAt: '2026-01-01T10:00:00.000Z',
  ...extra,
});
