/**
 * Endpoints the settings panel and the CLI offer by name. Every one speaks the OpenAI chat
 * completions protocol; the hospital only needs a base URL, a model and (for hosted ones) a key.
 */
export interface LlmPreset {
  id: 'openai' | 'deepseek' | 'qwen' | 'ollama' | 'lmstudio' | 'vllm' | 'custom';
  label: string;
  baseURL: string;
  model: string;
  /** Hosted services need a key; local servers accept any. */
  needsKey: boolean;
}

export const PRESETS: readonly LlmPreset[] = [
  { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true },
  { id: 'deepseek', label: 'DeepSeek', baseURL: 'https://api.deepseek.com/v1', model: 'deepseek-chat', needsKey: true },
  {
    id: 'qwen',
    label: 'Qwen (DashScope, compatible mode)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    model: 'qwen-plus',
    needsKey: true,
  },
  { id: 'ollama', label: 'Ollama (local)', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', needsKey: false },
  { id: 'lmstudio', label: 'LM Studio (local)', baseURL: 'http://127.0.0.1:1234/v1', model: 'local-model', needsKey: false },
  { id: 'vllm', label: 'vLLM (local)', baseURL: 'http://127.0.0.1:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct', needsKey: false },
  { id: 'custom', label: 'Custom', baseURL: '', model: '', needsKey: false },
];

export function preset(id: string): LlmPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
