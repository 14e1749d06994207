import type { TermId } from '../schema/ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';

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
 * The triage nurse's red-flag complaints are not used on their own: they come from emergency
 * diseases (hoarseness is one for anaphylaxis) and would send every sore throat to Emergency;
 * they count through `leading` when such a disease is in front.
 */
export function redFlagsAmong(check: { kb: KnowledgeBase }, present: readonly TermId[], leading: readonly string[] = []): TermId[] {
  const { kb } = check;
  const always = new Set<string>(EMERGENCY_SYMPTOMS.filter((t) => kb.hasTerm(t)));
  const contextual = new Set<string>(leading.flatMap((d) => (kb.hasDisease(d) ? kb.disease(d).redFlags : [])));
  return present.filter((t) => always.has(t) || contextual.has(t));
}
