import type { Severity } from '../schema/common';
import { ExamId, type DepartmentId, type TermId } from '../schema/ids';
import type { Disease } from '../schema/knowledge';
import type { KnowledgeBase } from './knowledgeBase';
import { HISTORY_BACKGROUND } from './epidemiology';

/**
 * The hospital's clinical rule book: what counts as the right treatment, when to escalate, which
 * examinations are bedside ones, what sends a person to Emergency. Every path that judges a
 * clinician imports it — the exam the doctors sit, the LLM doctor's outcome, the learner's debrief
 * and triage training — so a learner is marked by the same rule as the doctor shown beside them.
 *
 * The escalation rule (`escalationCall`), and why:
 * - A red flag of the disease that the patient has (a symptom they would report, a finding an
 *   examination would show) calls for escalation, whatever the course and whether or not the
 *   knowledge base lists a severe plan: a red flag is by definition the sign that routine
 *   first-line care is not safe (a rabies patient with hydrophobia is admitted; distorted vision
 *   in macular degeneration is referred at once).
 * - A severe course calls for escalation when the disease has an escalated plan (admission, IV
 *   therapy, surgery). When it has none (presbyopia, tension-type headache, most anxiety
 *   disorders) there is nothing to escalate to, so without a red flag either choice is defensible.
 * - A mild course without a red flag must not be escalated: admitting it is overtreatment, and
 *   that holds whether or not the disease has a severe plan.
 * - A moderate course without a red flag may go either way.
 */

/** Sim minutes in a day: the clock, the day's statistics and the follow-up delay count in it. */
export const MINUTES_PER_DAY = 24 * 60;

/** Examinations every consultation includes: the doctor looks at and measures the patient. */
export const BEDSIDE_EXAMS: readonly ExamId[] = ['vital-signs', 'physical-exam'].map((e) => ExamId.parse(e));

export function isBedside(exam: string): boolean {
  return (BEDSIDE_EXAMS as readonly string[]).includes(exam);
}

/**
 * A complaint a person can come with: a symptom, not a piece of their history (smoking, a known
 * diabetes, a journey). The chief complaint, the triage and the open-world doctor's "explain what
 * they came with" take only these.
 */
export function isPresentingComplaint(kb: KnowledgeBase, term: string): boolean {
  return kb.hasTerm(term) && kb.term(term).kind === 'symptom' && !(term in HISTORY_BACKGROUND);
}

/**
 * Paediatrics sees children under 14 (the Chinese hospital's line); a person older is seen in the
 * adult department for the same complaint, whatever the nurse's counts say.
 */
export const PAEDIATRICS = 'paediatrics' as DepartmentId;
export const PAEDIATRIC_AGE_LIMIT = 14;

/** Whether a person of this age (when known) is past Paediatrics. */
export function pastPaediatrics(ageYears: number | undefined): boolean {
  return ageYears !== undefined && ageYears >= PAEDIATRIC_AGE_LIMIT;
}

/** The chief complaint among terms told present, in order: the first presenting complaint, else the first symptom. */
export function chiefComplaintAmong(kb: KnowledgeBase, told: readonly string[]): string | undefined {
  return told.find((t) => isPresentingComplaint(kb, t)) ?? told.find((t) => kb.hasTerm(t) && kb.term(t).kind === 'symptom');
}

/**
 * Symptoms that on their own send a person to the emergency department now, whatever the rest
 * of the story: the textbook "call an ambulance" list (acute coronary syndrome, aortic
 * dissection, stroke, subarachnoid haemorrhage, upper GI bleeding, cauda equina, torsion,
 * priapism, reduced fetal movement, suicidal intent, rabies and tetanus after exposure…).
 * The knowledge base's own red flags are disease-specific (fever is one only for a neutropenic
 * patient), so a lay consultation cannot use them alone.
 */
export const EMERGENCY_SYMPTOMS = [
  'chest-pain',
  'rest-chest-pain',
  'tearing-chest-back-pain',
  'sudden-severe-headache',
  'loss-of-consciousness',
  'syncope',
  'seizure',
  'unilateral-weakness',
  'facial-droop',
  'slurred-speech',
  'transient-focal-deficit',
  'sudden-vision-loss',
  'haematemesis',
  'melaena',
  'haemoptysis',
  'frothy-pink-sputum',
  'cyanosis',
  'confusion',
  'suicidal-thoughts',
  'saddle-numbness',
  'urinary-retention',
  'scrotal-pain',
  'prolonged-erection',
  'reduced-fetal-movement',
  'hydrophobia',
  'difficulty-opening-mouth',
] as const;

/**
 * The red flags among what a person reports: the emergency list, and the knowledge base's red
 * flags of the diseases leading the differential (`leading`, when known) that are present.
 * Any of them sends the person to Emergency (triage training, the lay consultation). The triage
 * nurse's red-flag complaints are not used on their own: they come from emergency diseases
 * (hoarseness is one for anaphylaxis) and would send every sore throat to Emergency; they count
 * through `leading` when such a disease is in front.
 */
export function redFlagsAmong(check: { kb: KnowledgeBase }, present: readonly TermId[], leading: readonly string[] = []): TermId[] {
  const { kb } = check;
  const always = new Set<string>(EMERGENCY_SYMPTOMS.filter((t) => kb.hasTerm(t)));
  const contextual = new Set<string>(leading.flatMap((d) => (kb.hasDisease(d) ? kb.disease(d).redFlags : [])));
  return present.filter((t) => always.has(t) || contextual.has(t));
}

/** What the rule book needs of a patient: the course and what they have. */
export interface CaseFacts {
  severity: Severity;
  symptoms: readonly { term: TermId }[];
}

/**
 * The red flags of `disease` that the patient really has: symptoms they would report and
 * findings an examination would show, whether or not anyone elicited them.
 */
export function redFlagsPresent<P extends CaseFacts>(
  disease: Disease,
  patient: P,
  reader: { allFindings(patient: P): readonly TermId[] },
): TermId[] {
  // Most diseases list no red flag: then there is nothing to look for in the patient.
  if (disease.redFlags.length === 0) return [];
  const has = new Set<string>([...patient.symptoms.map((s) => s.term), ...reader.allFindings(patient)]);
  return disease.redFlags.filter((t) => has.has(t));
}

/** What the rule book says of escalating this patient's treatment. */
export type EscalationCall = 'escalate' | 'first-line' | 'either';

/** See the rule and its reasons at the top of this file. */
export function escalationCall(a: { disease: Disease; severity: Severity; redFlags: readonly TermId[] }): EscalationCall {
  if (a.redFlags.length > 0) return 'escalate';
  if (a.severity === 'severe') return a.disease.treatment.severe !== undefined ? 'escalate' : 'either';
  if (a.severity === 'mild') return 'first-line';
  return 'either';
}

/** Whether escalating (or not) fits the call. */
export function fitsCall(call: EscalationCall, escalated: boolean): boolean {
  return call === 'either' || (call === 'escalate') === escalated;
}

/** The same drugs, regardless of order: how both brains' and the learner's treatments are marked. */
export function sameDrugs(a: { treatment: { drugs: readonly { name: { en: string } }[] } }, b: typeof a): boolean {
  return drugsKey(a.treatment.drugs) === drugsKey(b.treatment.drugs);
}

/** Per drug list: its names in order, one string (lists are the knowledge base's, marked on every consultation). */
const drugKeys = new WeakMap<object, string>();

function drugsKey(drugs: readonly { name: { en: string } }[]): string {
  let key = drugKeys.get(drugs);
  if (key === undefined) {
    key = drugs
      .map((d) => d.name.en.toLowerCase())
      .sort()
      .join('|');
    drugKeys.set(drugs, key);
  }
  return key;
}

export interface TreatmentMark {
  /** The chosen disease's first-line drugs are the true disease's. */
  drugsRight: boolean;
  call: EscalationCall;
  /** Right drugs, and escalated (or not) as the call says. */
  right: boolean;
}

/**
 * Marks a treatment: the drugs of the diagnosed disease against the true one's, and the
 * escalation against the call. `escalated` undefined means no treatment was chosen (never right).
 */
export function markTreatment(a: {
  truth: Disease;
  chosen: Disease | undefined;
  escalated: boolean | undefined;
  severity: Severity;
  redFlags: readonly TermId[];
}): TreatmentMark {
  const drugsRight = a.chosen !== undefined && sameDrugs(a.chosen, a.truth);
  const call = escalationCall({ disease: a.truth, severity: a.severity, redFlags: a.redFlags });
  return { drugsRight, call, right: drugsRight && a.escalated !== undefined && fitsCall(call, a.escalated) };
}

/**
 * Marks the treatment a clinician chose for a generated patient: the one function every path
 * (the exam, the LLM doctor, the learner's debrief) calls, so the same plan gets the same mark.
 */
export function markTreatmentOf<P extends CaseFacts & { disease: string }>(
  check: { kb: KnowledgeBase; reader: { allFindings(patient: P): readonly TermId[] } },
  patient: P,
  plan: { chosen: Disease | undefined; escalated: boolean | undefined },
): TreatmentMark & { redFlags: TermId[] } {
  const truth = check.kb.disease(patient.disease);
  const redFlags = redFlagsPresent(truth, patient, check.reader);
  return { ...markTreatment({ truth, chosen: plan.chosen, escalated: plan.escalated, severity: patient.severity, redFlags }), redFlags };
}

/** A doctor refers a patient on when it is at least this sure the illness is another department's. */
export const REFER_AT = 0.6;

/**
 * The department a doctor refers its patient to, or undefined to treat it here: when its
 * leading diagnosis, held with at least REFER_AT, belongs to another department. Emergency treats
 * what comes to it (it stabilises and admits), and a patient is referred once a visit.
 */
export function referralFor(
  kb: KnowledgeBase,
  department: string,
  lead: { disease: string; probability: number } | undefined,
  alreadyReferred: boolean,
): DepartmentId | undefined {
  if (!lead || alreadyReferred || department === 'emergency' || lead.probability < REFER_AT) return undefined;
  const owner = kb.disease(lead.disease).department;
  return owner === department ? undefined : owner;
}
