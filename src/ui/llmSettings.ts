import { z } from 'zod';
import type { Lang } from '../schema/common';
import { LlmClient } from '../brain/llm/client';
import { parseLlmConfig, type LlmConfig } from '../brain/llm/config';
import { PRESETS, preset } from '../brain/llm/presets';
import type { LlmRunStats } from '../brain/llm/stats';
import type { View } from './appContext';
import { h } from './dom';
import { formatIssues } from '../knowledge/errors';

/**
 * The brain settings: offline (the default) or a language model at an OpenAI-compatible
 * endpoint. Everything but the key is remembered on this device; the key is held in memory
 * only, unless the user ticks "remember" — and it never goes into an export, a log or an error.
 */
export const LlmSettings = z.object({
  brain: z.enum(['offline', 'llm']).default('offline'),
  preset: z.string().default('ollama'),
  baseURL: z.string().default('http://127.0.0.1:11434/v1'),
  model: z.string().default('qwen2.5:7b'),
  /** Tokens the run may spend before the offline brain takes over (0: no cap). */
  spendCapTokens: z.number().int().min(0).default(200_000),
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Whether the key is kept in this browser's localStorage. */
  remember: z.boolean().default(false),
});
export type LlmSettings = z.infer<typeof LlmSettings>;

const SETTINGS_KEY = 'agent-hospital.llm.settings';
const KEY_KEY = 'agent-hospital.llm.key';

/** The key for this session (memory only unless remembered). */
let sessionKey = '';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads the saved settings; unreadable ones are set aside (not deleted) and defaults used. */
export function loadLlmSettings(storage: Store): { settings: LlmSettings; key: string; problem?: string } {
  const raw = storage.getItem(SETTINGS_KEY);
  let settings = LlmSettings.parse({});
  let problem: string | undefined;
  if (raw !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const r = LlmSettings.safeParse(parsed);
    if (r.success) settings = r.data;
    else {
      const why = formatIssues(r.error);
      problem = `saved LLM settings (${SETTINGS_KEY}) could not be read: ${why}; defaults are used and the saved text is kept under ${SETTINGS_KEY}.unreadable`;
      storage.setItem(`${SETTINGS_KEY}.unreadable`, raw);
    }
  }
  const key = settings.remember ? (storage.getItem(KEY_KEY) ?? sessionKey) : sessionKey;
  sessionKey = key;
  return problem ? { settings, key, problem } : { settings, key };
}

/** Saves the settings; the key is written only when `remember` is ticked, and erased otherwise. */
export function saveLlmSettings(storage: Store, settings: LlmSettings, key: string): void {
  sessionKey = key;
  storage.setItem(SETTINGS_KEY, JSON.stringify(LlmSettings.parse(settings)));
  if (settings.remember && key) storage.setItem(KEY_KEY, key);
  else storage.removeItem(KEY_KEY);
}

/** The client config the settings describe, or the error naming the field that is wrong. */
export function llmConfigOf(settings: LlmSettings, key: string): LlmConfig {
  return parseLlmConfig({
    baseURL: settings.baseURL,
    model: settings.model,
    apiKey: key,
    spendCapTokens: settings.spendCapTokens,
    concurrency: settings.concurrency,
  });
}

/** The settings the page runs with now (read by whoever builds the world's brain). */
export function currentLlmSettings(storage: Store = localStorage): { settings: LlmSettings; key: string } {
  const { settings, key } = loadLlmSettings(storage);
  return { settings, key };
}

/** Where the view reads the running brain's figures (set by whoever builds the world's LLM brain). */
let figuresSource: (() => LlmRunStats | undefined) | undefined;

export function setLlmFiguresSource(source: (() => LlmRunStats | undefined) | undefined): void {
  figuresSource = source;
}

/** One line of figures: the DESIGN's "fallbacks are counted and shown". */
export function figuresLine(f: LlmRunStats, lang: Lang): string {
  const cap = f.spendCapReached ? (lang === 'zh' ? '；已达用量上限，离线大脑作答' : '; spend cap reached: the offline brain answers') : '';
  return lang === 'zh'
    ? `本次运行：调用${f.calls}次，token ${f.promptTokens}+${f.completionTokens}，重试${f.retries}次，离线回退${f.fallbacks}次${cap}`
    : `This run: ${f.calls} calls, ${f.promptTokens}+${f.completionTokens} tokens, ${f.retries} retries, ${f.fallbacks} offline fallbacks${cap}`;
}

const S = {
  title: { en: 'Brain settings', zh: '大脑设置' },
  brain: { en: 'Who reasons for the doctors, nurses and patients', zh: '由谁为医生、护士和患者推理' },
  offline: { en: 'Offline (built in: no key, no network)', zh: '离线（内置：无需密钥、无需联网）' },
  llm: { en: 'A language model (OpenAI-compatible endpoint)', zh: '大语言模型（OpenAI兼容接口）' },
  preset: { en: 'Preset', zh: '预设' },
  baseURL: { en: 'Base URL', zh: '接口地址' },
  model: { en: 'Model', zh: '模型' },
  key: { en: 'API key', zh: 'API密钥' },
  remember: { en: 'Remember the key on this device', zh: '在此设备上记住密钥' },
  spendCap: { en: 'Spend cap per run (tokens, 0 = none)', zh: '每次运行的用量上限（token，0为不限）' },
  concurrency: { en: 'Requests at once', zh: '并发请求数' },
  save: { en: 'Save', zh: '保存' },
  saved: { en: 'Saved.', zh: '已保存。' },
  test: { en: 'Test connection', zh: '测试连接' },
  testing: { en: 'Testing…', zh: '测试中…' },
  connected: { en: 'Connected', zh: '已连接' },
  failed: { en: 'Could not connect', zh: '无法连接' },
  structured: { en: 'structured output (json_schema)', zh: '结构化输出（json_schema）' },
  yes: { en: 'supported', zh: '支持' },
  no: { en: 'not supported: JSON is read from the text', zh: '不支持：将从文本中提取JSON' },
  privacy: {
    en: 'Your key is sent from this browser directly to the endpoint you chose, with every request. It is kept in memory only, unless you tick "remember" (then in this browser\'s local storage). It is never put in exports, logs or error messages. Use a local server (Ollama, LM Studio, vLLM) to keep everything on your machine.',
    zh: '密钥会随每次请求从本浏览器直接发送到您选择的接口。除非勾选"记住"（此时保存在本浏览器的本地存储中），密钥只保存在内存里。密钥不会出现在导出文件、日志或错误信息中。使用本地服务（Ollama、LM Studio、vLLM）可让一切留在您自己的电脑上。',
  },
  fallback: {
    en: 'When the model cannot give a valid answer, the offline brain answers instead; every fallback is counted.',
    zh: '当模型无法给出有效回答时，由离线大脑作答；每次回退都会被计数。',
  },
} as const;

/** One labelled input per line (inline layout: the page stylesheet belongs to the shell). */
function field(label: string, input: HTMLElement): HTMLElement {
  return h(
    'label',
    { class: 'field', attrs: { style: 'display:flex;flex-direction:column;gap:2px;margin:8px 0;max-width:34rem' } },
    h('span', {}, label),
    input,
  );
}

/** The settings view (id `settings`). */
export const llmSettingsView: View = {
  id: 'settings',
  title: { en: 'Settings', zh: '设置' },
  mount(el, app) {
    const { settings, key, problem } = loadLlmSettings(localStorage);
    const state = { ...settings, key };
    /** A message in both languages (redrawn on a language switch), or text as it came. */
    let status: string | { en: string; zh: string } = problem ?? '';
    let abort: AbortController | undefined;

    const render = (): void => {
      const lang: Lang = app.lang();
      const tx = (k: keyof typeof S): string => S[k][lang];
      const radio = (value: 'offline' | 'llm'): HTMLElement => {
        const input = h('input', {
          attrs: {
            type: 'radio',
            name: 'brain',
            value,
            'data-testid': `brain-${value}`,
            ...(state.brain === value ? { checked: '' } : {}),
          },
        });
        input.addEventListener('change', () => {
          state.brain = value;
          render();
        });
        return h('label', { class: 'choice' }, input, ` ${tx(value)}`);
      };
      const presetSelect = h(
        'select',
        { attrs: { 'data-testid': 'preset' } },
        ...PRESETS.map((p) => h('option', { attrs: { value: p.id, ...(p.id === state.preset ? { selected: '' } : {}) } }, p.label)),
      );
      presetSelect.addEventListener('change', () => {
        const p = preset(presetSelect.value);
        state.preset = presetSelect.value;
        if (p && p.id !== 'custom') {
          state.baseURL = p.baseURL;
          state.model = p.model;
        }
        render();
      });
      const text = (k: 'baseURL' | 'model' | 'key', type = 'text'): HTMLInputElement => {
        const input = h('input', { attrs: { type, 'data-testid': k, autocomplete: 'off', spellcheck: 'false' } });
        // The value as a property, not an attribute: the key must not appear in the page's markup.
        input.value = String(state[k]);
        input.addEventListener('input', () => (state[k] = input.value));
        return input;
      };
      const num = (k: 'spendCapTokens' | 'concurrency', min: number, max: number): HTMLInputElement => {
        const input = h('input', {
          attrs: { type: 'number', min: String(min), max: String(max), value: String(state[k]), 'data-testid': k },
        });
        input.addEventListener('input', () => (state[k] = Number(input.value)));
        return input;
      };
      const remember = h('input', { attrs: { type: 'checkbox', 'data-testid': 'remember', ...(state.remember ? { checked: '' } : {}) } });
      remember.addEventListener('change', () => (state.remember = remember.checked));
      const statusLine = h(
        'p',
        { class: 'status', attrs: { 'data-testid': 'status', role: 'status' } },
        typeof status === 'string' ? status : status[lang],
      );
      const save = h('button', { attrs: { 'data-testid': 'save' } }, tx('save'));
      save.addEventListener('click', () => {
        const r = LlmSettings.safeParse(state);
        if (!r.success) {
          status = formatIssues(r.error);
        } else {
          saveLlmSettings(localStorage, r.data, state.key);
          status = S.saved;
        }
        statusLine.textContent = typeof status === 'string' ? status : status[lang];
      });
      const test = h('button', { attrs: { 'data-testid': 'test' } }, tx('test'));
      test.addEventListener('click', () => {
        abort?.abort();
        abort = new AbortController();
        let config: LlmConfig;
        try {
          config = llmConfigOf(LlmSettings.parse(state), state.key);
        } catch (err) {
          statusLine.textContent = status = (err as Error).message;
          return;
        }
        statusLine.textContent = tx('testing');
        const client = new LlmClient({ ...config, timeoutMs: 20_000 });
        void client.testConnection(abort.signal).then((r) => {
          status = r.ok
            ? `${tx('connected')}: ${r.model}, ${r.latencyMs} ms; ${tx('structured')}: ${r.structuredOutput ? tx('yes') : tx('no')}`
            : `${tx('failed')}: ${r.error ?? ''}`;
          statusLine.textContent = status;
        });
      });
      const llmFields =
        state.brain === 'llm'
          ? h(
              'fieldset',
              { class: 'llm-fields' },
              field(tx('preset'), presetSelect),
              field(tx('baseURL'), text('baseURL', 'url')),
              field(tx('model'), text('model')),
              field(tx('key'), text('key', 'password')),
              h('label', { class: 'choice' }, remember, ` ${tx('remember')}`),
              field(tx('spendCap'), num('spendCapTokens', 0, 1_000_000_000)),
              field(tx('concurrency'), num('concurrency', 1, 64)),
              h('div', { class: 'actions' }, test),
              h('p', { class: 'privacy', attrs: { 'data-testid': 'privacy' } }, tx('privacy')),
              h('p', { class: 'muted' }, tx('fallback')),
            )
          : null;
      figures.textContent = figuresText();
      el.replaceChildren(
        h(
          'section',
          { class: 'llm-settings', attrs: { 'data-testid': 'llm-settings' } },
          h('h2', {}, tx('title')),
          h('fieldset', {}, h('legend', {}, tx('brain')), radio('offline'), radio('llm')),
          llmFields,
          h('div', { class: 'actions' }, save),
          statusLine,
          figures,
        ),
      );
    };
    const figures = h('p', { class: 'muted', attrs: { 'data-testid': 'llm-figures' } });
    const figuresText = (): string => {
      const f = figuresSource?.();
      return f ? figuresLine(f, app.lang()) : '';
    };
    const timer = setInterval(() => (figures.textContent = figuresText()), 1000);

    const onLang = (): void => render();
    app.bus.on('lang:changed', onLang);
    render();
    return () => {
      clearInterval(timer);
      abort?.abort();
      app.bus.off('lang:changed', onLang);
    };
  },
};
