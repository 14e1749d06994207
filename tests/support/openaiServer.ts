import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server for tests and the benchmark: `/v1/chat/completions`
 * (plain and streaming SSE) and `/v1/models`, on 127.0.0.1 and a free port. What it answers
 * is scripted per test; faults (malformed JSON, schema violations, 429 with Retry-After, 500,
 * replies slower than the client's timeout, dropped connections) are injected by the script.
 */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  response_format?: { type: string; json_schema?: { name: string } };
  max_tokens?: number;
}

export type Reply =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; content: string }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'slow'; ms: number; then: Reply }
  /** Answered only once `until` settles: a test holds a reply for as long as the state it checks needs. */
  | { kind: 'held'; until: Promise<unknown>; then: Reply }
  | { kind: 'reset' };

/** Decides the reply to the n-th chat request (0-based, counted across the server's life). */
export type Script = (req: ChatRequest, n: number, task: string) => Reply;

export interface LoggedRequest {
  n: number;
  task: string;
  at: number;
  authorization: string | undefined;
  url: string;
  body: ChatRequest;
  reply: Reply['kind'] | 'stream';
}

export interface ServerOptions {
  script?: Script;
  /** Added to every reply (ms): the latency of a real endpoint. */
  latencyMs?: number;
  /** When false, a request with a json_schema response format gets 400 (endpoints that lack it). */
  structuredOutput?: boolean;
  model?: string;
}

export interface TestServer {
  baseURL: string;
  requests: LoggedRequest[];
  /** Requests being answered right now, and the most at once. */
  inFlight: number;
  maxInFlight: number;
  setScript(script: Script): void;
  close(): Promise<void>;
}

/** Which task a request is, from its json_schema name or from the prompt's wording. */
export function taskOf(req: ChatRequest): string {
  const named = req.response_format?.json_schema?.name;
  if (named) return named.replace(/_/g, '-');
  const system = req.messages.find((m) => m.role === 'system')?.content ?? req.messages[0]?.content ?? '';
  const rules: [RegExp, string][] = [
    [/triage nurse|分诊护士/, 'triage'],
    [/taking a history|正在问诊/, 'doctor-inquiry'],
    [/Order the examinations|开具最能确诊/, 'doctor-examine'],
    [/making a diagnosis|正在做出诊断/, 'doctor-diagnose'],
    [/treating doctor|你是主治医生/, 'doctor-treat'],
    [/reviewing your own mistake|回顾自己误诊/, 'doctor-reflect'],
    [/You play a patient[\s\S]*Plain text|扮演一位患者[\s\S]*纯文本/, 'patient-dialogue'],
    [/You play a patient|扮演一位患者/, 'patient-roleplay'],
    [/one step of a simulated patient|虚拟患者病历/, 'patient-generate'],
    [/\{"ok": true\}/, 'connection-check'],
  ];
  return rules.find(([re]) => re.test(system))?.[1] ?? 'unknown';
}

/** About four characters a token for Latin text, one a token for Chinese (as BPE tokenizers do). */
function tokens(text: string): number {
  let cjk = 0;
  for (const ch of text) if (ch.charCodeAt(0) > 0x2e80) cjk++;
  return Math.ceil((text.length - cjk) / 4) + cjk;
}

/** Ids listed after `label` in "id: name; id: name" or "id | code | name; …" form. */
function listedIds(text: string, label: RegExp): string[] {
  const line = text.split('\n').find((l) => label.test(l));
  if (!line) return [];
  // The list starts after the header's "(id: name):" part.
  const header = /[)）]\s*[:：]/.exec(line);
  const list = header ? line.slice(header.index + header[0].length) : line;
  return [...list.matchAll(/(?:^|;\s*)\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?::|\|)/g)].map((m) => m[1] as string);
}

/**
 * Plays every role from what the request says: the doctor picks from the lists it is given,
 * the patient repeats its record's facts in plain words. Valid, KB-consistent answers.
 */
export const coherent: Script = (req, _n, task) => {
  const system = req.messages.find((m) => m.role === 'system')?.content ?? '';
  // The task's own user message (a repair request comes later and only restates the rules).
  const user = req.messages.find((m) => m.role === 'user')?.content ?? '';
  const zh = /[\u4e00-\u9fff]/.test(system);
  if (task.startsWith('patient-generate')) return { kind: 'json', value: writePatientStep(system, user) };
  switch (task) {
    case 'triage': {
      const line = system.split('\n').find((l) => /^(Departments|科室)/.test(l)) ?? '';
      const ids = line
        .slice(line.search(/[:：]/) + 1)
        .split(',')
        .map((x) => x.replace(/（[^）]*）/, '').trim());
      const complaint = user.toLowerCase();
      const pick = /chest|palpitation|胸/.test(complaint)
        ? 'cardiology'
        : /cough|breath|咳|气/.test(complaint)
          ? 'respiratory'
          : /rash|itch|皮疹|瘙痒/.test(complaint)
            ? 'dermatology'
            : /abdominal|vomit|diarr|腹|吐|泻/.test(complaint)
              ? 'gastroenterology'
              : /headache|dizz|weakness|头|晕/.test(complaint)
                ? 'neurology'
                : undefined;
      const fallback = ids.includes('emergency') ? 'emergency' : (ids[0] ?? 'emergency');
      return {
        kind: 'json',
        value: { department: pick && ids.includes(pick) ? pick : fallback, redFlag: false, reason: 'by the chief complaint' },
      };
    }
    case 'doctor-inquiry':
      return { kind: 'json', value: { questions: listedIds(system, /^(Candidate symptoms|候选症状)/).slice(0, 4), stop: true } };
    case 'patient-roleplay': {
      const lines = user.split('\n').filter((l) => /^\d+\. /.test(l));
      const replies = lines.map((l) => {
        const question = l.replace(/^\d+\. /, '').replace(/\s*\[[^\]]*\]$/, '');
        const fact = /\[([^\]]*)\]$/.exec(l)?.[1] ?? '';
        const symptom = /Do you have (.*)\?/.exec(question)?.[1] ?? /有没有(.*)？/.exec(question)?.[1] ?? question;
        const no = /^(no|无|没有)/i.test(fact);
        if (/[\u4e00-\u9fff]/.test(question))
          return { question, reply: no ? `没有${symptom}。` : `有${symptom}，${fact.replace(/^有，?/, '')}了，挺难受的。` };
        const since = fact.replace(/^yes,?\s*/, '');
        return { question, reply: no ? `No, no ${symptom}.` : `Yes, I have had ${symptom}${since ? ` ${since}` : ''}. It worries me.` };
      });
      return { kind: 'json', value: { replies } };
    }
    case 'doctor-examine':
      return {
        kind: 'json',
        value: { exams: listedIds(system, /^(Catalogue|检查目录)/).slice(0, 3), reason: 'to confirm the leading diagnoses' },
      };
    case 'doctor-diagnose': {
      const ids = listedIds(system, /^(Candidate diseases|候选疾病)/);
      return {
        kind: 'json',
        value: {
          thought: zh
            ? ['1. 症状与首位候选疾病相符。', '2. 检查结果支持首位候选。', '3. 相似病例与之一致。', '4. 没有经验与之矛盾。']
            : [
                '1. The symptoms fit the leading candidates.',
                '2. The examinations support the first.',
                '3. Similar cases agree.',
                '4. No experience contradicts it.',
              ],
          disease: ids[0] ?? 'unknown',
          differential: ids.slice(1, 3),
        },
      };
    }
    case 'doctor-treat':
      return {
        kind: 'json',
        value: {
          escalate: /(burden|自评负担) (?:[89]|10)\b/.test(user),
          plan: zh
            ? '开始一线治疗，一周后复诊；如加重请立即就诊。'
            : 'Start the first-line treatment and review in one week. Return at once if worse.',
        },
      };
    case 'doctor-reflect': {
      const cues = listedIds(system, /^(Findings of|.*的表现（id)/);
      const exams = listedIds(system, /^(Examinations|检查（id)/);
      return {
        kind: 'json',
        value: {
          lesson: {
            en: 'Look for the distinguishing findings before settling on the commoner disease.',
            zh: '在认定常见病之前，先寻找具有鉴别意义的表现。',
          },
          cues: cues.slice(0, 2),
          examine: exams[0],
        },
      };
    }
    case 'patient-dialogue':
      return { kind: 'text', content: 'It started a few days ago, doctor, and it has been getting worse since.' };
    case 'connection-check':
      return { kind: 'json', value: { ok: true } };
    default:
      return { kind: 'json', value: {} };
  }
};

/** One step of the multi-step patient writer, from the choices the prompt lists. */
function writePatientStep(system: string, user: string): unknown {
  const choices =
    system
      .split('\n')
      .find((l) => /^(Choices for this step|本步骤可选项)/.test(l))
      ?.replace(/^[^:：]*[:：]\s*/, '') ?? '';
  const step = /(?:Step|步骤)[:：]\s*(\w+)/.exec(user)?.[1];
  switch (step) {
    case 'basics': {
      const band = /age bands ([0-9]+)-([0-9]+)/.exec(choices);
      const sex = /sex ([MF])/.exec(choices)?.[1] ?? 'F';
      return { name: 'Lin Hua', age: band ? Math.round((Number(band[1]) + Number(band[2])) / 2) : 40, sex, occupation: 'teacher' };
    }
    case 'history':
      return {
        past: ['High blood pressure for ten years, on treatment'],
        lifestyle: ['Walks daily; does not smoke'],
        family: ['Father had type 2 diabetes'],
        vaccinations: ['Routine childhood vaccinations'],
      };
    case 'symptoms':
      return {
        symptoms: [...choices.matchAll(/([a-z0-9-]+) \(([0-9.]+)–([0-9.]+) days\)/g)]
          .slice(0, 3)
          .map((m) => ({ term: m[1], days: (Number(m[2]) + Number(m[3])) / 2 })),
      };
    case 'results': {
      const values = [...choices.matchAll(/([a-z0-9-]+) \([^,]*, reference ([0-9.-]+)–([0-9.]+); (high|low)/g)]
        .filter((m) => m[4] === 'high' || Number(m[2]) > 0)
        .map((m) => ({ analyte: m[1], value: m[4] === 'high' ? Number(m[3]) * 1.3 + 1 : Number(m[2]) * 0.7 }));
      const findings = (/findings: (.*)$/.exec(choices)?.[1] ?? '')
        .split(', ')
        .filter((f) => /^[a-z0-9-]+$/.test(f))
        .slice(0, 2);
      return { values, findings };
    }
    default:
      return {};
  }
}

function completion(model: string, content: string, req: ChatRequest): unknown {
  const prompt = tokens(req.messages.map((m) => m.content).join('\n'));
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: prompt, completion_tokens: tokens(content), total_tokens: prompt + tokens(content) },
  };
}

function contentOf(reply: Reply & { kind: 'json' | 'text' }): string {
  return reply.kind === 'json' ? JSON.stringify(reply.value) : reply.content;
}

export async function startOpenAiServer(options: ServerOptions = {}): Promise<TestServer> {
  let script = options.script ?? coherent;
  const model = options.model ?? 'test-model';
  const timers = new Set<NodeJS.Timeout>();
  const state: TestServer = {
    baseURL: '',
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    setScript: (s) => (script = s),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  let count = 0;

  const later = (ms: number, res: ServerResponse, fn: () => void): void => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) fn();
    }, ms);
    timers.add(t);
    res.on('close', () => {
      clearTimeout(t);
      timers.delete(t);
    });
  };

  const send = (req: ChatRequest, res: ServerResponse, reply: Reply, done: () => void): void => {
    switch (reply.kind) {
      case 'reset':
        res.socket?.destroy();
        return done();
      case 'slow':
        return later(reply.ms, res, () => send(req, res, reply.then, done));
      case 'held':
        return void reply.until.then(() => {
          if (!res.destroyed && !res.writableEnded) send(req, res, reply.then, done);
        });
      case 'status':
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body ?? { error: { message: `scripted ${reply.status}`, type: 'test' } }));
        return done();
      case 'json':
      case 'text': {
        const content = contentOf(reply);
        if (req.stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          const pieces = content.match(/.{1,12}/gs) ?? [''];
          for (const piece of pieces)
            res.write(
              `data: ${JSON.stringify({ id: 'chunk', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
            );
          const prompt = tokens(req.messages.map((m) => m.content).join('\n'));
          res.write(
            `data: ${JSON.stringify({ id: 'chunk', object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { prompt_tokens: prompt, completion_tokens: tokens(content), total_tokens: prompt + tokens(content) } })}\n\n`,
          );
          res.end('data: [DONE]\n\n');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(completion(model, content, req)));
        }
        return done();
      }
      default:
        reply satisfies never;
    }
  };

  const handle = (httpReq: IncomingMessage, res: ServerResponse, raw: string): void => {
    const url = httpReq.url ?? '';
    if (httpReq.method === 'GET' && url.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'test' }] }));
      return;
    }
    if (httpReq.method !== 'POST' || !url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${url}` } }));
      return;
    }
    let body: ChatRequest;
    try {
      body = JSON.parse(raw) as ChatRequest;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'request body is not JSON' } }));
      return;
    }
    const n = count++;
    const task = taskOf(body);
    const unsupported = options.structuredOutput === false && body.response_format?.type === 'json_schema';
    const reply: Reply = unsupported
      ? { kind: 'status', status: 400, body: { error: { message: 'response_format json_schema is not supported' } } }
      : script(body, n, task);
    state.requests.push({
      n,
      task,
      at: performance.now(),
      authorization: httpReq.headers.authorization,
      url,
      body,
      reply: body.stream && (reply.kind === 'json' || reply.kind === 'text') ? 'stream' : reply.kind,
    });
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      state.inFlight--;
    };
    res.on('close', done);
    later(options.latencyMs ?? 0, res, () => send(body, res, reply, done));
  };

  const server: Server = createServer((req, res) => {
    // A page calls the endpoint from its own origin (the settings panel): allow it, as
    // `OLLAMA_ORIGINS` or LM Studio's CORS switch do for a real local server.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? 'authorization, content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}
