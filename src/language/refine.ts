/**
 * A few complaints become a more specific term when the words around them say how they behave,
 * as a clinician would write them down: chest pain that comes on walking uphill is exertional
 * chest pain; chest pain on breathing in is pleuritic; a sudden, worst-ever headache is a
 * thunderclap headache. Only to terms the knowledge base has.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Span } from '../schema/language';

interface Rule {
  from: string;
  to: string;
  when: (s: Span) => boolean;
}

const severe = (s: Span): boolean => {
  const v = s.attributes?.severity;
  return v === 'severe' || (typeof v === 'number' && v >= 8);
};

const RULES: readonly Rule[] = [
  { from: 'chest-pain', to: 'tearing-chest-back-pain', when: (s) => s.attributes?.character === 'tearing' },
  { from: 'chest-pain', to: 'pleuritic-chest-pain', when: (s) => s.attributes?.triggers?.includes('breathing') === true },
  { from: 'chest-pain', to: 'exertional-chest-pain', when: (s) => s.attributes?.triggers?.includes('exertion') === true },
  { from: 'chest-pain', to: 'rest-chest-pain', when: (s) => s.attributes?.triggers?.includes('rest') === true },
  { from: 'headache', to: 'sudden-severe-headache', when: (s) => s.attributes?.onset === 'sudden' && severe(s) },
  { from: 'headache', to: 'throbbing-headache', when: (s) => s.attributes?.character === 'throbbing' },
  { from: 'headache', to: 'band-like-headache', when: (s) => s.attributes?.character === 'band-like' },
  { from: 'shortness-of-breath', to: 'orthopnoea', when: (s) => s.attributes?.triggers?.includes('lying-flat') === true },
  {
    from: 'abdominal-pain',
    to: 'right-lower-quadrant-pain',
    when: (s) => s.attributes?.migratedFrom !== undefined && s.site?.id === 'right-lower-quadrant',
  },
];

/** How long ago a "recent" exposure may be: surgery, travel, a new drug five years back is history, not a recent event. */
const RECENT_DAYS = 90;

export function refine(span: Span, kb: KnowledgeBase): Span {
  if (span.term.startsWith('recent-') && (span.duration?.days ?? 0) > RECENT_DAYS && span.temporality === 'current')
    return { ...span, temporality: 'past' };
  for (const r of RULES) {
    const to = r.to;
    if (span.term === r.from && r.when(span) && kb.hasTerm(to)) return { ...span, term: to };
  }
  return span;
}
