import { bundledPromptBook } from '../../brain/llm/vitePrompts';
import { createLlmBrainPort } from '../../run/llmBrainPort';
import type { AppContext } from '../appContext';
import { currentLlmSettings, llmConfigOf, setLlmFiguresSource } from '../llmSettings';
import type { BrainFactory } from './hospitalRun';

/**
 * The world's brain as the settings choose it: undefined for the offline brain (the default),
 * else a factory of LLM ports for each new simulation. Settings that cannot make a client (a
 * malformed URL, say) leave the offline brain answering and say why through `notice`.
 */
export function worldBrainFactory(app: AppContext, notice: (text: string) => void): BrainFactory | undefined {
  const { settings, key } = currentLlmSettings();
  if (settings.brain !== 'llm') return undefined;
  let config: ReturnType<typeof llmConfigOf>;
  try {
    config = llmConfigOf(settings, key);
  } catch (err) {
    notice(err instanceof Error ? err.message : String(err));
    return undefined;
  }
  return (sim) => {
    const port = createLlmBrainPort({ staff: app.staff, sim, config, prompts: bundledPromptBook(), lang: app.lang() });
    setLlmFiguresSource(() => port.figures());
    return port;
  };
}
