import mitt from 'mitt';
import type { Lang } from '../schema/common';
import { loadKnowledge } from '../knowledge/load';
import type { VocabularyMatcher } from '../language/matcher';
import { fetchKbFiles, fetchPeople } from '../knowledge/viteFiles';
import { fetchJson } from './assetFiles';
import { PatientGenerator } from '../patients/generator';
import { ExamReader } from '../patients/results';
import { ClinicalStaff } from '../run/staff';
import type { AppContext, AppEvents, View } from './appContext';
import { h } from './dom';
import { handleUrl, restoreHospital } from './dashboard';
import { sharedDb } from './dashboard/hospitalState';
import { t } from './i18n';

const LANG_KEY = 'agent-hospital.lang';

/** The language: `?lang=` first, then the visitor's last choice, then the browser's. */
export function initialLang(search: string, saved: string | null, browser: string): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  if (saved === 'en' || saved === 'zh') return saved;
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The view to open: `?view=<id>` when it names one, else the first. */
export function initialView(search: string, views: readonly View[]): View {
  const id = new URLSearchParams(search).get('view');
  const found = views.find((v) => v.id === id);
  if (!found) {
    if (views.length === 0) throw new Error('the page has no views (src/ui/views.ts is empty)');
    return views[0] as View;
  }
  return found;
}

/** How long the knowledge base waits for a view's first frame before it is read anyway (a hidden tab draws none). */
const PAINT_WAIT_MS = 3000;

/**
 * Loads the knowledge base and builds the one AppContext all views share (one clinical staff).
 * The files download at once; reading them (a long task) waits until `painted`, so a view that
 * can draw without them (the hospital's building) is on screen first.
 */
async function buildContext(lang: () => Lang, painted: Promise<void>): Promise<AppContext> {
  const [files, people] = await Promise.all([fetchKbFiles(fetchJson), fetchPeople(fetchJson)]);
  await Promise.race([painted, new Promise((resolve) => setTimeout(resolve, PAINT_WAIT_MS))]);
  const kb = loadKnowledge(files);
  const generator = new PatientGenerator(kb, people);
  const reader = new ExamReader(kb, generator.slots);
  // Built on first use: the hospital's first frame waits for neither the language layer (only the
  // panels that read free text need it) nor textbook doctors that stored ones would replace.
  let matcher: Promise<VocabularyMatcher> | undefined;
  let staff: ClinicalStaff | undefined;
  return {
    kb,
    language() {
      // A failed fetch is not kept: the next view that asks tries again.
      // Its code and its lexicons are both loaded on first use: the first frame carries neither.
      return (matcher ??= import('../language/viteFiles')
        .then((m) => m.loadLanguage(kb, fetchJson))
        .catch((err: unknown) => {
          matcher = undefined;
          throw err;
        }));
    },
    generator,
    reader,
    get staff() {
      return (staff ??= new ClinicalStaff(kb, reader));
    },
    set staff(s: ClinicalStaff) {
      staff = s;
    },
    bus: mitt<AppEvents>(),
    lang,
  };
}

/**
 * The page shell: title, the disclaimer that never goes away, the language switch and the view
 * switcher. It paints before anything heavy loads, then loads the knowledge base once and
 * mounts the chosen view. The URL keeps `?view=` and `?lang=` so any view can be linked.
 */
export function startShell(root: HTMLElement, views: readonly View[]): void {
  let lang = initialLang(location.search, localStorage.getItem(LANG_KEY), navigator.language);
  let current = initialView(location.search, views);
  let app: AppContext | undefined;
  let unmount: (() => void) | undefined;
  /** The view drawn before the knowledge base, and the element its `mount` will be given. */
  let previewed: { view: View; holder: HTMLElement; dispose(): void } | undefined;

  const title = h('h1', {});
  const subtitle = h('p', { class: 'subtitle' });
  const nav = h('nav', { class: 'view-switch', attrs: { 'aria-label': 'views', id: 'view-switch' } });
  // On a small screen the views fold behind this button (CSS shows it only there).
  const menu = h('button', {
    class: 'menu-toggle',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'view-switch', 'data-testid': 'menu-toggle' },
  });
  const langButtons = (['en', 'zh'] as const).map((l) => h('button', { attrs: { 'data-lang': l } }, l === 'en' ? 'English' : '中文'));
  const disclaimer = h('p', { class: 'disclaimer', attrs: { role: 'note', 'data-testid': 'disclaimer' } });
  const body = h('div', { class: 'view', attrs: { 'data-testid': 'view' } });
  const header = h('header', { class: 'top' });
  const setMenu = (open: boolean): void => {
    header.classList.toggle('menu-open', open);
    menu.setAttribute('aria-expanded', String(open));
  };
  menu.addEventListener('click', () => setMenu(!header.classList.contains('menu-open')));
  header.append(
    h('div', { class: 'brand' }, title, subtitle),
    menu,
    nav,
    h('div', { class: 'lang-switch', attrs: { role: 'group', 'aria-label': 'Language / 语言' } }, ...langButtons),
  );
  root.replaceChildren(header, disclaimer, body);

  const setUrl = (): void => {
    const params = new URLSearchParams(location.search);
    params.set('view', current.id);
    params.set('lang', lang);
    history.replaceState(null, '', `${location.pathname}?${params.toString()}${location.hash}`);
  };

  const paintChrome = (): void => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('title', lang)} — ${current.title[lang]}`;
    title.textContent = t('title', lang);
    subtitle.textContent = t('subtitle', lang);
    disclaimer.textContent = t('disclaimer', lang);
    for (const b of langButtons) b.classList.toggle('active', b.dataset['lang'] === lang);
    menu.textContent = `☰ ${current.title[lang]}`;
    menu.setAttribute('aria-label', `${t('views', lang)}: ${current.title[lang]}`);
    nav.replaceChildren(
      ...views.map((v) => {
        const b = h(
          'button',
          { class: v === current ? 'active' : '', attrs: { 'data-view': v.id, ...(v === current ? { 'aria-current': 'page' } : {}) } },
          v.title[lang],
        );
        b.addEventListener('click', () => {
          setMenu(false);
          show(v);
        });
        return b;
      }),
    );
  };

  const show = (view: View): void => {
    current = view;
    paintChrome();
    setUrl();
    const kept = previewed?.view === view ? previewed.holder : undefined;
    if (previewed && !kept) {
      previewed.dispose();
      previewed = undefined;
      body.replaceChildren(h('p', { class: 'muted' }, t('loading', lang)));
    }
    if (!app) return;
    previewed = undefined;
    unmount?.();
    const holder = kept ?? h('div', { class: `view-${view.id}` });
    if (!kept) body.replaceChildren(holder);
    try {
      unmount = view.mount(holder, app);
    } catch (err) {
      unmount = undefined;
      holder.append(h('pre', { class: 'error', attrs: { role: 'alert' } }, `${view.title[lang]}: ${(err as Error).message}`));
    }
    app.bus.emit('view:shown', { view: view.id });
  };

  for (const b of langButtons)
    b.addEventListener('click', () => {
      lang = b.dataset['lang'] === 'zh' ? 'zh' : 'en';
      localStorage.setItem(LANG_KEY, lang);
      paintChrome();
      setUrl();
      app?.bus.emit('lang:changed', { lang });
    });

  paintChrome();
  let painted = Promise.resolve();
  if (current.preview) {
    const holder = h('div', { class: `view-${current.id}` });
    body.append(holder);
    const p = current.preview(holder, () => lang);
    previewed = { view: current, holder, dispose: p.dispose };
    painted = p.painted;
  } else body.append(h('p', { class: 'muted' }, t('loading', lang)));
  // The database opens while the knowledge base loads (a failure is reported when the doctors are restored).
  sharedDb().catch(() => undefined);
  buildContext(() => lang, painted)
    .then(async (ctx) => {
      performance.mark('app:context-ready');
      app = ctx;
      await restoreHospital(ctx); // the doctors remember what IndexedDB holds (src/ui/dashboard)
      show(current);
      document.body.dataset['ready'] = 'true';
      await handleUrl(ctx); // ?reset=1, ?replay=N
    })
    .catch((err: unknown) => {
      previewed?.dispose();
      body.replaceChildren(h('pre', { class: 'error', attrs: { role: 'alert' } }, `${t('loadFailed', lang)}:\n${(err as Error).message}`));
      document.body.dataset['ready'] = 'error';
    });
}
