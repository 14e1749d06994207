import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { Extraction, Span } from '../schema/language';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { clear, h } from './dom';
import { t } from './i18n';

/**
 * What the hospital understood in a person's words, shown back to them: one chip per reading
 * (the term, present or denied, whose, where, how long, the value), a × that removes a wrong
 * reading in one click, and the parts it did not understand with words to try instead. Every
 * view that reads free text shows one, so a misreading is seen and undone, not silently used.
 */
export interface ReadingChips {
  el: HTMLElement;
  /** Shows a reading (replacing the previous one); removals are kept while the same terms come back. */
  show(reading: Extraction | undefined, names?: SiteNames): void;
  /** The readings the person has not removed. */
  kept(): Span[];
  /** Terms the person removed. */
  removed(): ReadonlySet<TermId>;
}

function status(s: Span, lang: Lang): string {
  if (s.subject === 'family') return t('chipFamily', lang);
  if (s.temporality === 'past') return t('chipPast', lang);
  if (!s.present) return t('chipAbsent', lang);
  return s.certainty === 'hedged' ? t('chipMaybe', lang) : '';
}

/** Names body sites in the reader's language (the language layer knows them). */
export interface SiteNames {
  siteName(id: string, lang: Lang): string;
}

export function readingChips(kb: KnowledgeBase, lang: () => Lang, onChange?: () => void, testId = 'reading'): ReadingChips {
  const list = h('ul', { class: 'chips', attrs: { 'data-testid': `${testId}-chips`, 'aria-label': t('understoodWords', lang()) } });
  const unread = h('div', { class: 'unread', attrs: { 'data-testid': `${testId}-unread`, role: 'status' } });
  const el = h('div', { class: 'reading' }, list, unread);
  const removedTerms = new Set<TermId>();
  let current: Extraction | undefined;
  let sites: SiteNames | undefined;
  const siteLabel = (id: string, l: Lang): string => sites?.siteName(id, l) ?? id.replace(/-/g, ' ');

  const render = (): void => {
    const l = lang();
    clear(list);
    clear(unread);
    if (!current) return;
    for (const s of current.spans.filter((x) => !removedTerms.has(x.term))) {
      const term = kb.term(s.term);
      const bits = [
        status(s, l),
        s.site ? `${s.site.side ? `${t(`side_${s.site.side}` as const, l)} ` : ''}${siteLabel(s.site.id, l)}` : '',
        s.duration ? s.duration.text : '',
        s.value ? `${s.value.value} ${s.value.unit}` : '',
      ].filter(Boolean);
      const kind = s.subject === 'family' ? 'family' : s.temporality === 'past' ? 'past' : s.present ? 'present' : 'absent';
      const remove = h(
        'button',
        {
          class: 'chip-remove',
          attrs: {
            type: 'button',
            'aria-label': t('removeReading', l, { s: term.name[l] }),
            'data-testid': 'chip-remove',
            title: `“${s.text}”`,
          },
          on: {
            click: () => {
              removedTerms.add(s.term);
              render();
              onChange?.();
            },
          },
        },
        '×',
      );
      list.append(
        h(
          'li',
          { class: `chip chip-${kind}`, attrs: { 'data-term': s.term, 'data-present': String(s.present), title: `“${s.text}”` } },
          h('span', { class: 'chip-term' }, term.name[l]),
          bits.length ? h('span', { class: 'chip-detail' }, bits.join(' · ')) : null,
          remove,
        ),
      );
    }
    const values = current.normalValues.map((v) => `${v.written} (${t('chipNormal', l)})`);
    if (values.length) list.append(...values.map((v) => h('li', { class: 'chip chip-normal' }, v)));
    if (current.unread.length > 0) {
      unread.append(
        h('p', {}, h('strong', {}, `${t('notUnderstoodParts', l)}: `), current.unread.map((u) => `“${u}”`).join(', ')),
        h('p', { class: 'muted' }, t('tryWords', l)),
      );
    } else if (current.spans.length === 0 && current.normalValues.length === 0) {
      unread.append(h('p', { class: 'muted' }, t('tryWords', l)));
    }
  };

  return {
    el,
    show(reading, names) {
      current = reading;
      if (names) sites = names;
      // A removed term stays removed only while the text still says it.
      for (const term of [...removedTerms]) if (!reading?.spans.some((s) => s.term === term)) removedTerms.delete(term);
      render();
    },
    kept: () => (current?.spans ?? []).filter((s) => !removedTerms.has(s.term)),
    removed: () => removedTerms,
  };
}
