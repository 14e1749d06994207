import './ui/style.css';
import type { Lang } from './schema/common';
import { loadKnowledge } from './knowledge/load';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { VocabularyMatcher } from './knowledge/matcher';
import { fetchKbFiles, fetchPeople } from './knowledge/viteFiles';
import { PatientGenerator } from './patients/generator';
import { ExamReader } from './patients/results';
import { clear, h } from './ui/dom';
import { t } from './ui/i18n';
import { kbBrowser, type BrowserState } from './ui/kbBrowser';
import { matcherPanel } from './ui/matcherPanel';
import { examCatalogue } from './ui/examCatalogue';
import { patientPanel } from './ui/patientPanel';

/** Composition root of the page: loads the knowledge base, builds the panels, owns the language. */
const LANG_KEY = 'agent-hospital.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface App {
  kb: KnowledgeBase;
  matcher: VocabularyMatcher;
  generator: PatientGenerator;
  reader: ExamReader;
}

const root = document.getElementById('app') as HTMLElement;
let lang = initialLang();
const browser: BrowserState = { department: undefined, query: '', disease: undefined };
const patientState = { index: 0 };

function render(app: App | undefined, error?: Error): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('title', lang)} — ${t('knowledge', lang)}`;
  clear(root);
  const switcher = h(
    'div',
    { class: 'lang-switch', attrs: { role: 'group', 'aria-label': 'Language / 语言' } },
    ...(['en', 'zh'] as const).map((l) =>
      h('button', { class: l === lang ? 'active' : '', attrs: { 'data-lang': l }, on: { click: () => { lang = l; localStorage.setItem(LANG_KEY, l); render(app, error); } } }, l === 'en' ? 'English' : '中文'),
    ),
  );
  root.append(
    h('header', { class: 'top' }, h('div', {}, h('h1', {}, t('title', lang)), h('p', { class: 'subtitle' }, t('subtitle', lang))), switcher),
    h('p', { class: 'disclaimer', attrs: { role: 'note', 'data-testid': 'disclaimer' } }, t('disclaimer', lang)),
  );
  if (error) {
    root.append(h('pre', { class: 'error', attrs: { role: 'alert' } }, `${t('loadFailed', lang)}:\n${error.message}`));
    return;
  }
  if (!app) {
    root.append(h('p', { class: 'muted' }, t('loading', lang)));
    return;
  }
  const rerender = (): void => render(app);
  root.append(
    h('h2', {}, t('knowledge', lang)),
    kbBrowser(app.kb, lang, browser, rerender),
    h('div', { class: 'row' }, h('section', { class: 'panel' }, h('h2', {}, t('generate', lang)), patientPanel(app.generator, app.reader, lang, patientState)), h('section', { class: 'panel' }, h('h2', {}, t('vocabulary', lang)), matcherPanel(app.kb, app.matcher, lang))),
    h('details', { class: 'panel' }, h('summary', {}, `${t('exams', lang)} (${app.kb.exams.length})`), examCatalogue(app.kb, lang)),
  );
}

async function start(): Promise<void> {
  render(undefined);
  try {
    const [files, people] = await Promise.all([fetchKbFiles(), fetchPeople()]);
    const kb = loadKnowledge(files);
    const generator = new PatientGenerator(kb, people);
    const app: App = { kb, matcher: new VocabularyMatcher(kb), generator, reader: new ExamReader(kb, generator.slots) };
    render(app);
    document.body.dataset['ready'] = 'true';
  } catch (err) {
    render(undefined, err as Error);
    document.body.dataset['ready'] = 'error';
  }
}

void start();
