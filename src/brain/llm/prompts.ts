import type { Lang } from '../../schema/common';
import type { ChatMessage } from './client';

/** One prompt file, parsed: `<task>.v<version>.md` with en and zh system/user parts. */
export interface PromptTemplate {
  task: string;
  version: number;
  file: string;
  slots: readonly string[];
  parts: Record<Lang, { system: string; user: string }>;
}

const FILE_NAME = /(?:^|\/)([a-z0-9-]+)\.v(\d+)\.md$/;

/** Parses one prompt file; a malformed file is refused with its name and what is missing. */
export function parsePrompt(file: string, text: string): PromptTemplate {
  const name = FILE_NAME.exec(file);
  if (!name) throw new Error(`prompt file "${file}": the name must be <task>.v<version>.md`);
  const body = text.replace(/\r\n/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  const slotsLine = front?.[1]?.split('\n').find((l) => l.startsWith('slots:'));
  const slots = slotsLine
    ? slotsLine
        .slice('slots:'.length)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const parts = {} as PromptTemplate['parts'];
  for (const lang of ['en', 'zh'] as const) {
    const section = new RegExp(`^## ${lang}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(body)?.[1];
    if (!section) throw new Error(`prompt file "${file}": no "## ${lang}" section`);
    const system = /^### system\n([\s\S]*?)(?=^### |(?![\s\S]))/m.exec(section)?.[1];
    const user = /^### user\n([\s\S]*?)(?=^### |(?![\s\S]))/m.exec(section)?.[1];
    if (system === undefined || user === undefined)
      throw new Error(`prompt file "${file}": section "## ${lang}" needs "### system" and "### user"`);
    parts[lang] = { system: system.trim(), user: user.trim() };
  }
  for (const lang of ['en', 'zh'] as const) {
    for (const used of `${parts[lang].system}\n${parts[lang].user}`.matchAll(/\{\{(\w+)\}\}/g)) {
      if (!slots.includes(used[1] as string))
        throw new Error(`prompt file "${file}": slot "{{${used[1]}}}" (${lang}) is not declared in "slots:"`);
    }
  }
  return { task: name[1] as string, version: Number(name[2]), file, slots, parts };
}

/**
 * The prompts the hospital knows, from whatever loaded the files (Node's fs or Vite's glob).
 * `render` fills a task's latest version (or a pinned one) in one language.
 */
export class PromptBook {
  private readonly byTask = new Map<string, PromptTemplate[]>();

  constructor(files: Record<string, string>) {
    for (const [file, text] of Object.entries(files)) {
      if (!FILE_NAME.test(file)) continue;
      const p = parsePrompt(file, text);
      const list = this.byTask.get(p.task) ?? [];
      list.push(p);
      list.sort((a, b) => b.version - a.version);
      this.byTask.set(p.task, list);
    }
  }

  get tasks(): string[] {
    return [...this.byTask.keys()].sort();
  }

  template(task: string, version?: number): PromptTemplate {
    const list = this.byTask.get(task);
    const found = version === undefined ? list?.[0] : list?.find((p) => p.version === version);
    if (!found) throw new Error(`no prompt "${task}"${version === undefined ? '' : ` version ${version}`} in prompts/`);
    return found;
  }

  /** System and user messages of a task with every slot filled; a missing slot is an error. */
  render(task: string, lang: Lang, slots: Record<string, string | number>, version?: number): ChatMessage[] {
    const t = this.template(task, version);
    const fill = (s: string): string =>
      s.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const v = slots[name];
        if (v === undefined) throw new Error(`prompt "${t.file}": slot "${name}" was not given`);
        return String(v);
      });
    return [
      { role: 'system', content: fill(t.parts[lang].system) },
      { role: 'user', content: fill(t.parts[lang].user) },
    ];
  }
}
