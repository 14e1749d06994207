import type { Emitter } from 'mitt';
import type { Lang } from '../schema/common';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { VocabularyMatcher } from '../language/matcher';
import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import type { ClinicalStaff } from '../run/staff';

/**
 * What the page tells its views, past tense. Views subscribe; the shell and the views emit.
 * `staff:changed` says the hospital's doctors were replaced or merged (import, fast-forward,
 * start fresh) so views that show what the doctors know should redraw.
 */
export type AppEvents = {
  'lang:changed': { lang: Lang };
  'staff:changed': { reason: 'import' | 'replay' | 'reset' | 'restore' };
  'view:shown': { view: string };
};

/**
 * Everything a view of the page may use: the knowledge, the generator, and the hospital's
 * one evolving clinical staff (the doctors the world, the dashboard and the modes share).
 */
export interface AppContext {
  kb: KnowledgeBase;
  /**
   * The language layer that reads what people type: built on first call, after its lexicons
   * (data, not script) are fetched; views that read free text ask for it when they open.
   */
  language(): Promise<VocabularyMatcher>;
  generator: PatientGenerator;
  reader: ExamReader;
  staff: ClinicalStaff;
  bus: Emitter<AppEvents>;
  lang(): Lang;
}

/**
 * A view of the page (the hospital, the learning dashboard, a mode, the knowledge browser).
 * `mount` draws into `el` and returns the function that tears it down (timers, listeners,
 * Phaser games). Views redraw their own text on `lang:changed`.
 */
export interface View {
  id: string;
  title: { en: string; zh: string };
  /**
   * Optional: draws what the view can before the knowledge base has loaded (the hospital's
   * building), into the element `mount` is then given. `painted` resolves once it is on screen;
   * the page loads the knowledge base after that. `dispose` undoes it if `mount` never comes.
   */
  preview?(el: HTMLElement, lang: () => Lang): { painted: Promise<void>; dispose(): void };
  mount(el: HTMLElement, app: AppContext): () => void;
}
