import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { PlainEntry } from '../schema/language';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';

/**
 * Everyday words for the vocabulary (assets/language/plain.json): the doctor asks "Does it hurt
 * when you pass urine?", not "Do you have dysuria?", and the patient says "it burns when I pee".
 * A term with no entry falls back to its catalogue name, so nothing is ever left unsaid.
 */
export class PlainWords {
  private readonly byTerm = new Map<string, PlainEntry>();

  constructor(
    private readonly kb: KnowledgeBase,
    entries: readonly PlainEntry[],
  ) {
    for (const e of entries) this.byTerm.set(e.term, e);
  }

  has(term: TermId | string): boolean {
    return this.byTerm.has(term);
  }

  /** The question a doctor asks a lay person about the term. */
  ask(term: TermId | string, lang: Lang): string {
    const e = this.byTerm.get(term);
    if (e) return e.ask[lang];
    const name = this.catalogue(term, lang);
    return lang === 'en' ? `Do you have ${name}?` : `有没有${name}？`;
  }

  /** The patient saying they have it, in the first person ("it burns when I pee"). */
  say(term: TermId | string, lang: Lang): string {
    return this.byTerm.get(term)?.say[lang] ?? this.catalogue(term, lang);
  }

  /** A plain noun phrase for the term ("pain or burning when passing urine"). */
  name(term: TermId | string, lang: Lang): string {
    return this.byTerm.get(term)?.name[lang] ?? this.catalogue(term, lang);
  }

  private catalogue(term: TermId | string, lang: Lang): string {
    const name = this.kb.term(term).name[lang];
    return lang === 'en' && !/^[A-Z0-9]{2,}/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  }
}
