/**
 * What people say about a complaint besides its name: how long (duration and time course), how
 * bad (severity), how it began (onset), what it is like (character) and what brings it on
 * (triggers) or eases it. Read with patterns over the original text; each reading keeps its
 * offsets so it can be given to the nearest complaint.
 */
import type { Lang } from '../schema/common';
import { matchesOf } from './regex';

export type AttributeReading =
  | { kind: 'duration'; days: number; text: string; start: number; end: number }
  | { kind: 'severity'; value: number | 'mild' | 'moderate' | 'severe'; start: number; end: number }
  | { kind: 'onset'; value: 'sudden' | 'gradual'; start: number; end: number }
  | { kind: 'character'; value: string; start: number; end: number }
  | { kind: 'trigger'; value: string; start: number; end: number }
  | { kind: 'reliever'; value: string; start: number; end: number };

const EN_NUMBER: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  few: 3,
  'a few': 3,
  couple: 2,
  'a couple': 2,
  'a couple of': 2,
  'couple of': 2,
  several: 4,
  some: 3,
  half: 0.5,
  'a half': 0.5,
};
const UNIT_DAYS: Record<string, number> = { h: 1 / 24, m: 1 / 1440, d: 1, w: 7, mo: 30, y: 365 };

function enUnit(u: string): number | undefined {
  const w = u.toLowerCase();
  if (/^(hours?|hrs?|h)$/.test(w)) return UNIT_DAYS.h;
  if (/^(minutes?|mins?)$/.test(w)) return UNIT_DAYS.m;
  if (/^(days?|d|nights?)$/.test(w)) return UNIT_DAYS.d;
  if (/^(weeks?|wks?|w)$/.test(w)) return UNIT_DAYS.w;
  if (/^(months?|mths?|mos?)$/.test(w)) return UNIT_DAYS.mo;
  if (/^(years?|yrs?|y)$/.test(w)) return UNIT_DAYS.y;
  return undefined;
}

const EN_AMOUNT = String.raw`(\d+(?:\.\d+)?|a couple of|a couple|couple of|a few|a half|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|few|couple|several|some)`;
const EN_DURATION = new RegExp(
  String.raw`\b(?:for|over|past|last|x|since|about|around|almost|nearly|the past|the last|for the past|for the last|for about|for over|for nearly)?\s*` +
    EN_AMOUNT +
    String.raw`\s*(?:and a half\s*)?(hours?|hrs?|h|minutes?|mins?|days?|d|nights?|weeks?|wks?|w|months?|mths?|mos?|years?|yrs?|y)\b`,
  'gi',
);
/** Clinicians' shorthand: 3/7 days, 2/52 weeks, 6/12 months. */
const EN_SLASH = /\b(\d{1,2})\s*\/\s*(7|52|12)\b(?!\s*\/)/g;
const EN_SINCE: [RegExp, number][] = [
  [/\bsince (?:last night|yesterday evening|overnight)\b|\bovernight\b|\blast night\b/gi, 1],
  [/\bsince (?:this morning|today|earlier today|lunchtime|this afternoon)\b|\bthis morning\b/gi, 0.3],
  [/\bsince yesterday\b|\byesterday\b/gi, 1],
  [/\bsince the day before yesterday\b|\bday before yesterday\b/gi, 2],
  [/\bsince last week\b|\blast week\b/gi, 7],
  [/\bsince last month\b|\blast month\b/gi, 30],
  [/\bsince (?:the )?weekend\b|\bat the weekend\b/gi, 3],
  [/\bfor ages\b|\bfor months\b/gi, 90],
  [/\bfor weeks\b/gi, 21],
  [/\bfor days\b/gi, 4],
];

const ZH_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  半: 0.5,
  几: 3,
  数: 3,
};
function zhNumber(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === '十几' || s === '十来') return 12;
  if (s === '几十') return 30;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const n = ZH_NUM[ch];
    if (n === undefined) return undefined;
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = n;
  }
  return total + current;
}
const ZH_DURATION =
  /(\d+(?:\.\d+)?|[一二两三四五六七八九十半几数]+)\s*(?:多|来)?\s*(个)?\s*(小时|钟头|分钟|天|日|晚|周|星期|礼拜|月|年)(?:多|左右|了)?/g;
const ZH_UNIT: Record<string, number> = {
  小时: 1 / 24,
  钟头: 1 / 24,
  分钟: 1 / 1440,
  天: 1,
  日: 1,
  晚: 1,
  周: 7,
  星期: 7,
  礼拜: 7,
  月: 30,
  年: 365,
};
const ZH_SINCE: [RegExp, number][] = [
  [/昨晚|昨天晚上|昨夜|夜里开始/g, 1],
  [/今天早上|今早|今天上午|早上起来|今天/g, 0.3],
  [/前天/g, 2],
  [/昨天/g, 1],
  [/半个月/g, 15],
  [/大半年/g, 240],
  [/上周|上个星期|上礼拜/g, 7],
  [/上个月/g, 30],
];

const EN_SEVERITY: [RegExp, 'mild' | 'moderate' | 'severe'][] = [
  [
    /\b(?:severe|terrible|horrible|excruciating|unbearable|agony|agonising|agonizing|worst|really bad|very bad|awful|crippling|intense)\b/gi,
    'severe',
  ],
  [/\b(?:moderate|quite bad|pretty bad)\b/gi, 'moderate'],
  [/\b(?:mild|slight|slightly|a bit|a little|a touch of|niggling|minor)\b/gi, 'mild'],
];
const ZH_SEVERITY: [RegExp, 'mild' | 'moderate' | 'severe'][] = [
  [/剧烈|剧痛|非常|特别|厉害|受不了|难以忍受|要命|严重|很重|最痛/g, 'severe'],
  [/比较|挺/g, 'moderate'],
  [/轻微|有点|一点|稍微|轻度|隐隐/g, 'mild'],
];
const SCORE = /(\d{1,2})\s*(?:\/|out of|分之|over)\s*10\b|(?:打|评)?\s*(\d{1,2})\s*分/g;

const EN_ONSET: [RegExp, 'sudden' | 'gradual'][] = [
  [
    /\b(?:sudden(?:ly)?|all of a sudden|out of (?:nowhere|the blue)|came on (?:quickly|fast|all at once)|abrupt(?:ly)?|like a thunderclap|started suddenly)\b/gi,
    'sudden',
  ],
  [/\b(?:gradual(?:ly)?|slowly|over time|crept up|getting worse over|bit by bit|insidious)\b/gi, 'gradual'],
];
const ZH_ONSET: [RegExp, 'sudden' | 'gradual'][] = [
  [/突然|突发|一下子|猛地|骤然|急性/g, 'sudden'],
  [/逐渐|慢慢|渐渐|缓慢|越来越/g, 'gradual'],
];

const EN_CHARACTER: [RegExp, string][] = [
  [/\b(?:throbbing|pounding|pulsing|pulsating)\b/gi, 'throbbing'],
  [/\b(?:burning|burns?|scalding|stinging)\b/gi, 'burning'],
  [/\b(?:crushing|squeezing|pressure|heavy|heaviness|like an elephant|vice|tightness|tight)\b/gi, 'pressing'],
  [/\b(?:stabbing|sharp|knife-like|like a knife|piercing)\b/gi, 'sharp'],
  [/\b(?:dull|aching|achy|nagging|gnawing)\b/gi, 'dull'],
  [/\b(?:colicky|comes and goes in waves|cramping|crampy|griping|in waves)\b/gi, 'colicky'],
  [/\b(?:tearing|ripping)\b/gi, 'tearing'],
  [/\b(?:shooting|electric|like an electric shock|lancinating)\b/gi, 'shooting'],
  [/\b(?:band|like a band|band-like|vice-like)\b/gi, 'band-like'],
];
const ZH_CHARACTER: [RegExp, string][] = [
  [/跳痛|搏动|一跳一跳|突突/g, 'throbbing'],
  [/烧灼|灼痛|火辣辣|灼热|烧心/g, 'burning'],
  [/压榨|压迫|压着|紧缩|闷痛|憋闷|像石头压/g, 'pressing'],
  [/刺痛|针扎|刀割|锐痛/g, 'sharp'],
  [/钝痛|隐痛|酸痛|胀痛/g, 'dull'],
  [/绞痛|阵发|一阵一阵|痉挛/g, 'colicky'],
  [/撕裂/g, 'tearing'],
  [/放电|电击样|过电/g, 'shooting'],
  [/紧箍|箍着|戴了个紧箍/g, 'band-like'],
];

const EN_TRIGGER: [RegExp, string][] = [
  [
    /\b(?:on exertion|exertional|when i (?:walk|run|exercise|climb|go up|do anything|exert)|walking (?:uphill|up hills?|up stairs)|climbing stairs|going up stairs|with exercise|on exercise|during exercise|after exercise|when exercising|exercise|activity|physical effort|SOBOE|DOE)\b/gi,
    'exertion',
  ],
  [/\b(?:at night|in the night|nocturnal|overnight|wakes? me (?:up)?|woken|at bedtime|in bed)\b/gi, 'night'],
  [/\b(?:after (?:eating|meals?|food|a meal|fatty food|a big meal)|when i eat|postprandial|after i eat)\b/gi, 'meals'],
  [
    /\b(?:when i (?:breathe in|take a (?:deep )?breath|cough|sneeze)|on (?:deep )?inspiration|deep breath(?:ing)?|breathing in|pleuritic)\b/gi,
    'breathing',
  ],
  [/\b(?:lying (?:flat|down)|lie (?:flat|down)|when i lie)\b/gi, 'lying-flat'],
  [/\b(?:in the cold|cold weather|cold air|when it is cold|when its cold)\b/gi, 'cold'],
  [/\b(?:when i move|on movement|moving it|with movement|bending|twisting|lifting)\b/gi, 'movement'],
  [/\b(?:in the morning|mornings?|on waking|first thing)\b/gi, 'morning'],
  [
    /\b(?:at rest|while (?:resting|sitting|watching|lying|asleep|reading)|when (?:resting|sitting still)|sitting down|woke me from sleep|in my sleep)\b/gi,
    'rest',
  ],
];
const ZH_TRIGGER: [RegExp, string][] = [
  [/活动后|活动时|运动后|运动时|走路|爬楼|上楼|劳累后|用力|干活/g, 'exertion'],
  [/夜间|夜里|晚上|半夜|睡觉时|憋醒/g, 'night'],
  [/饭后|餐后|吃完饭|吃饭后|进食后|吃东西后|吃油腻/g, 'meals'],
  [/深呼吸|吸气|咳嗽时|呼吸时/g, 'breathing'],
  [/平躺|躺下|躺平/g, 'lying-flat'],
  [/受凉|遇冷|冷空气|天冷/g, 'cold'],
  [/活动关节|弯腰|转身|动一下|一动就/g, 'movement'],
  [/早上|晨起|清晨|早晨/g, 'morning'],
  [/休息时|静息|安静时|坐着(?:的时候)?|睡觉中|睡梦中/g, 'rest'],
];
const EN_RELIEVER: [RegExp, string][] = [
  [/\b(?:better|eases|settles|goes away|relieved) (?:with|after|on) rest(?:ing)?\b|\brest helps\b/gi, 'rest'],
  [/\b(?:leaning forward|sitting forward)\b/gi, 'leaning-forward'],
  [/\b(?:better|eases|relieved) (?:with|after) (?:eating|food)\b/gi, 'meals'],
];
const ZH_RELIEVER: [RegExp, string][] = [
  [/休息后(?:缓解|好转|能缓解|好些)|歇一会儿?就好/g, 'rest'],
  [/前倾(?:缓解|好转)/g, 'leaning-forward'],
  [/吃东西后?(?:缓解|好转)/g, 'meals'],
];

/** One test of all a table's patterns at once, so a text that has none costs one scan, not ten. */
const anyOf = new WeakMap<object, RegExp>();
function quickTest(rules: readonly [RegExp, unknown][], text: string): boolean {
  let re = anyOf.get(rules);
  if (!re) {
    re = new RegExp(rules.map(([r]) => `(?:${r.source})`).join('|'), 'i');
    anyOf.set(rules, re);
  }
  return re.test(text);
}

function scan<T extends string | number>(
  text: string,
  rules: readonly [RegExp, T][],
  make: (value: T, start: number, end: number) => AttributeReading,
  out: AttributeReading[],
): void {
  if (!quickTest(rules, text)) return;
  for (const [re, value] of rules) for (const m of matchesOf(re, text)) out.push(make(value, m.index, m.index + m[0].length));
}

/** One language's word tables, read alike. */
interface Tables {
  since: readonly [RegExp, number][];
  severity: readonly [RegExp, 'mild' | 'moderate' | 'severe'][];
  onset: readonly [RegExp, 'sudden' | 'gradual'][];
  character: readonly [RegExp, string][];
  trigger: readonly [RegExp, string][];
  reliever: readonly [RegExp, string][];
}
const EN_TABLES: Tables = {
  since: EN_SINCE,
  severity: EN_SEVERITY,
  onset: EN_ONSET,
  character: EN_CHARACTER,
  trigger: EN_TRIGGER,
  reliever: EN_RELIEVER,
};
const ZH_TABLES: Tables = {
  since: ZH_SINCE,
  severity: ZH_SEVERITY,
  onset: ZH_ONSET,
  character: ZH_CHARACTER,
  trigger: ZH_TRIGGER,
  reliever: ZH_RELIEVER,
};

/** Every attribute reading in `text`, in order of position. */
export function readAttributes(text: string, lang: Lang | 'both'): AttributeReading[] {
  const out: AttributeReading[] = [];
  const en = lang !== 'zh' || /[a-z]/i.test(text);
  const zh = lang !== 'en';
  if (
    /\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|several|some|half)\b|[一二两三四五六七八九十半几数]/i.test(
      text,
    )
  ) {
    if (en) {
      for (const m of matchesOf(EN_DURATION, text)) {
        const amount = m[1]?.toLowerCase() ?? '';
        const n = /^\d/.test(amount) ? Number(amount) : EN_NUMBER[amount];
        const unit = enUnit(m[2] ?? '');
        if (n === undefined || unit === undefined) continue;
        // "a day" after "times" is a frequency, not a duration ("three times a day").
        if (/times?\s+(?:a|per|an)?\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index + (m[0].indexOf(m[1] ?? '') || 0)))) continue;
        // "every 10 min", "each hour" is how often, not how long.
        if (/\b(?:every|each)\s*$/i.test(text.slice(Math.max(0, m.index - 8), m.index + (m[0].indexOf(m[1] ?? '') || 0)))) continue;
        if (/^(?:a|an|one)$/i.test(amount) && !/\b(?:for|since|over|past|last|about)\b/i.test(m[0])) continue;
        // An age ("35 years old"), a time ago ("5 years ago") or a gestation ("32 weeks pregnant") is no duration.
        if (
          /^[\s-]*(?:old|of age|ago|back|pregnant|gestation|along|postpartum|post partum|postnatal)\b/i.test(
            text.slice(m.index + m[0].length),
          )
        )
          continue;
        if (/-?(?:year|yr)-?old/i.test(text.slice(m.index, m.index + m[0].length + 5))) continue;
        const half = /and a half/i.test(m[0]) ? 0.5 : 0;
        out.push({ kind: 'duration', days: round((n + half) * unit), text: m[0].trim(), start: m.index, end: m.index + m[0].length });
      }
      for (const m of matchesOf(EN_SLASH, text)) {
        const unit = m[2] === '7' ? 1 : m[2] === '52' ? 7 : 30;
        out.push({ kind: 'duration', days: Number(m[1]) * unit, text: m[0], start: m.index, end: m.index + m[0].length });
      }
    }
    if (zh) {
      for (const m of matchesOf(ZH_DURATION, text)) {
        const n = zhNumber(m[1] ?? '');
        const unit = ZH_UNIT[m[3] ?? ''];
        if (n === undefined || unit === undefined) continue;
        // "一天三次" is a frequency; "每天" is not a duration.
        if (/[每]$/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
        // A gestation ("孕32周", "怀孕8周") or a time ago ("三年前") is no duration.
        if (/孕$/.test(text.slice(Math.max(0, m.index - 2), m.index)) || /^前/.test(text.slice(m.index + m[0].length))) continue;
        const more = /多/.test(m[0]) ? 0.3 : 0;
        out.push({ kind: 'duration', days: round(n * unit * (1 + more)), text: m[0], start: m.index, end: m.index + m[0].length });
      }
    }
    for (const m of matchesOf(SCORE, text)) {
      const v = Number(m[1] ?? m[2]);
      if (v <= 10 && (m[1] !== undefined || /分/.test(m[0])))
        out.push({ kind: 'severity', value: v, start: m.index, end: m.index + m[0].length });
    }
  }
  for (const t of [en ? EN_TABLES : undefined, zh ? ZH_TABLES : undefined]) {
    if (!t) continue;
    // Most texts name no time at all: one scan of the whole table says so.
    for (const [re, days] of quickTest(t.since, text) ? t.since : []) {
      for (const m of matchesOf(re, text)) {
        if (out.some((r) => r.kind === 'duration' && r.start <= m.index && r.end >= m.index)) continue;
        out.push({ kind: 'duration', days, text: m[0], start: m.index, end: m.index + m[0].length });
      }
    }
    scan(text, t.severity, (value, start, end) => ({ kind: 'severity', value, start, end }), out);
    scan(text, t.onset, (value, start, end) => ({ kind: 'onset', value, start, end }), out);
    scan(text, t.character, (value, start, end) => ({ kind: 'character', value, start, end }), out);
    scan(text, t.trigger, (value, start, end) => ({ kind: 'trigger', value, start, end }), out);
    scan(text, t.reliever, (value, start, end) => ({ kind: 'reliever', value, start, end }), out);
  }
  return out.sort((a, b) => a.start - b.start);
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}

/**
 * A pregnancy told by its weeks: "I'm 34 weeks", "at 28 weeks", "32/40", "G2P1 36+2 weeks", "孕32周",
 * "怀孕8周". A duration ("for 3 weeks", "三周了") is not a gestation.
 */
export function readGestation(text: string): { weeks: number; start: number; end: number }[] {
  const out: { weeks: number; start: number; end: number }[] = [];
  if (!/\d/.test(text) || !/week|wk|\/40|周|週/i.test(text)) return out;
  const en =
    /(?:\b(?:i['’]?m|i am|she['’]?s|she is|at|about|around|now|currently|nearly)\s+|^\s*|[,;]\s*)(\d{1,2})(?:\s*\+\s*\d)?\s*(?:weeks?|wks?|\/40)(?:\s+(?:pregnant|gestation|along))?\b(?!\s*(?:ago|old|of|now|later|after|before|postpartum))/gi;
  for (const m of matchesOf(en, text)) {
    const weeks = Number(m[1]);
    if (weeks < 4 || weeks > 43) continue;
    if (
      /\b(?:for|since|over|past|last|x)\s*$/i.test(text.slice(Math.max(0, m.index - 8), m.index + (m[0].length - m[0].trimStart().length)))
    )
      continue;
    const start = m.index + m[0].indexOf(m[1] as string);
    out.push({ weeks, start, end: m.index + m[0].length });
  }
  for (const m of matchesOf(
    /(?:孕|怀孕|妊娠|懷孕)\s*(\d{1,2})(?:\s*\+\s*\d)?\s*(?:周|週|w)|(\d{1,2})\s*(?:周|週)(?:的)?(?:身孕|孕)/g,
    text,
  )) {
    const weeks = Number(m[1] ?? m[2]);
    if (weeks >= 4 && weeks <= 43) out.push({ weeks, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
