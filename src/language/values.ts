/**
 * Measured values written into free text — "temp 38.9", "a fever of 102 F", "BP 180/110",
 * "sugar 15 mmol/L" or "270 mg/dL", "HbA1c 9%", "sats 88%", "心率120", "烧到39度" — read with
 * their analyte, converted to the knowledge base's unit, and judged against its reference
 * range. An abnormal value becomes its vocabulary finding; a normal one is kept as a value.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { ANALYTE_LABELS } from '../knowledge/valueReader';
import type { AnalyteId, TermId } from '../schema/ids';
import type { SpanValue } from '../schema/language';
import { foldChinese } from './chinese';
import { matchesOf } from './regex';

const HAN_CHAR = /\p{Script=Han}/u;

export interface ValueReading {
  analyte: AnalyteId;
  value: SpanValue;
  start: number;
  end: number;
}

/** Lay and shorthand labels people put before a value, beyond the analytes' own names. */
const EXTRA_LABELS: Record<string, string[]> = {
  temperature: [
    'temp',
    'temps',
    'fever of',
    'fever',
    'temperature of',
    'febrile to',
    'spiked to',
    'running',
    'tmax',
    '烧到',
    '发烧到',
    '发热到',
    '高烧',
    '体温',
    '发烧',
  ],
  glucose: [
    'sugar',
    'sugars',
    'sugar level',
    'blood sugars',
    'bm',
    'bms',
    'bg',
    'cbg',
    'fbg',
    'fasting sugar',
    'glucose level',
    'meter',
    'my meter',
    'glucometer',
    'finger prick',
    'sugar reading',
    '空腹血糖',
    '血糖',
  ],
  'hba1c-value': ['hb a1c', 'glycated haemoglobin', '糖化'],
  spo2: [
    'sats',
    'sat',
    'o2 sats',
    'oxygen',
    'oxygen level',
    'oxygen levels',
    'oxygen sats',
    'pulse ox',
    'pulse oximeter',
    'sp02',
    '血氧',
    '氧饱和度',
  ],
  'heart-rate': ['pulse of', 'heart rate of', 'hr of', 'heartrate', 'bpm', '心跳'],
  'respiratory-rate': ['breathing rate', 'resp', 'rr of'],
  haemoglobin: ['hgb', 'haemoglobin of', '血色素', '血红蛋白', '血紅素'],
  ldl: ['ldl', 'ldl c', 'ldl-c', 'bad cholesterol', '低密度脂蛋白', '低密度'],
  'total-cholesterol': ['cholesterol', 'total cholesterol', 'tc', 'chol', '胆固醇', '总胆固醇'],
  triglycerides: ['triglycerides', 'triglyceride', 'trigs', 'tg', '甘油三酯'],
  potassium: ['k+', '血钾'],
  sodium: ['na+', '血钠'],
  creatinine: ['血肌酐', '肌酸酐'],
  'uric-acid': ['血尿酸'],
  wbc: ['wcc', 'white count', '白血球', '白细胞计数'],
  platelets: ['plt count', 'platelet count', '血小板计数'],
};

/** Chinese numerals to digits, for values told in words ("一百八十多", "三万", "一万八"). */
const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
export function parseChineseNumber(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  for (const ch of run) {
    if (ch in ZH_DIGIT) {
      digit = ZH_DIGIT[ch];
      continue;
    }
    const unit = ZH_UNIT[ch];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
    } else section += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  // A digit after a unit is the next place down: 一百八 = 180, 一万八 = 18000.
  if (digit !== undefined) section += lastUnit >= 10 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

/** Rewrites Chinese numerals as digits, keeping a map to the offsets of `origin`. */
function digitsForChineseNumerals(text: string, origin: readonly number[]): { text: string; origin: number[] } {
  let out = '';
  const map: number[] = [];
  const re = /[零〇一二两三四五六七八九十百千万]{2,}|十/g;
  let last = 0;
  for (const m of matchesOf(re, text)) {
    const n = parseChineseNumber(m[0]);
    if (n === undefined) continue;
    for (let i = last; i < m.index; i++) {
      out += text[i];
      map.push(origin[i] as number);
    }
    const digits = String(n);
    for (let k = 0; k < digits.length; k++) map.push(origin[m.index] as number);
    out += digits;
    last = m.index + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    out += text[i];
    map.push(origin[i] as number);
  }
  map.push(origin[text.length] as number);
  return { text: out, origin: map };
}

/** Conversions from units people use to the knowledge base's unit, and how to guess a missing unit. */
interface Conversion {
  unit: RegExp;
  factor: (v: number) => number;
  /** When no unit is written, whether this value must be in that unit. */
  guess?: (v: number) => boolean;
}
const CONVERSIONS: Record<string, Conversion[]> = {
  temperature: [{ unit: /^(?:°\s*f|℉|f|degrees? f|fahrenheit)$/i, factor: (v) => ((v - 32) * 5) / 9, guess: (v) => v > 45 }],
  glucose: [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v / 18, guess: (v) => v > 35 }],
  'hba1c-value': [{ unit: /^mmol\s*\/\s*mol$/i, factor: (v) => v / 10.929 + 2.15, guess: (v) => v > 20 }],
  haemoglobin: [{ unit: /^g\s*\/\s*dl$/i, factor: (v) => v * 10, guess: (v) => v < 25 }],
  albumin: [{ unit: /^g\s*\/\s*dl$/i, factor: (v) => v * 10, guess: (v) => v < 7 }],
  creatinine: [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v * 88.4, guess: (v) => v < 20 }],
  urea: [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v * 0.357 }],
  'total-cholesterol': [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v / 38.67, guess: (v) => v > 25 }],
  ldl: [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v / 38.67, guess: (v) => v > 25 }],
  triglycerides: [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v / 88.57, guess: (v) => v > 30 }],
  'total-bilirubin': [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v * 17.1 }],
  calcium: [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v * 0.25, guess: (v) => v > 5 }],
  'uric-acid': [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v * 59.48, guess: (v) => v < 20 }],
  wbc: [{ unit: /^(?:\/\s*(?:µl|ul|mm3|mm³|cumm)|cells\s*\/\s*(?:µl|ul|mm3))$/i, factor: (v) => v / 1000, guess: (v) => v > 500 }],
  platelets: [{ unit: /^(?:\/\s*(?:µl|ul|mm3|mm³)|cells\s*\/\s*(?:µl|ul|mm3))$/i, factor: (v) => v / 1000, guess: (v) => v > 2000 }],
  troponin: [{ unit: /^ng\s*\/\s*ml$/i, factor: (v) => v * 1000 }],
  'crp-value': [{ unit: /^mg\s*\/\s*dl$/i, factor: (v) => v * 10 }],
  'vitamin-b12': [{ unit: /^pg\s*\/\s*ml$/i, factor: (v) => v * 0.738 }],
  ft4: [{ unit: /^ng\s*\/\s*dl$/i, factor: (v) => v * 12.87 }],
};

/** A number: thousands grouped by commas ("4,800"), or a decimal point or comma ("38,5"). */
const NUMBER = String.raw`(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:[.,]\d+)?)`;

/** The value of a number as written: "4,800" is four thousand eight hundred, "38,5" is 38.5. */
function numberOf(written: string): number {
  return Number(/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(written) ? written.replace(/,/g, '') : written.replace(',', '.'));
}
const UNIT = String.raw`(°\s*[cf]|℃|℉|度|degrees?(?:\s*[cf])?|fahrenheit|celsius|%|mmol\s*/\s*mol|mmol\s*/\s*l|mg\s*/\s*dl|g\s*/\s*dl|g\s*/\s*l|µmol\s*/\s*l|umol\s*/\s*l|ng\s*/\s*ml|ng\s*/\s*l|pg\s*/\s*ml|mg\s*/\s*l|/\s*min|bpm|beats(?:\s*(?:per|a|/)\s*min(?:ute)?)?|mmhg|/\s*(?:µl|ul|mm3|mm³)|cells\s*/\s*(?:µl|ul|mm3)|x\s*10\^?9\s*/\s*l|[cf]\b)?`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s*');
}

/** Values outside these bounds are not that analyte at all ("oxygen 2 L" is a flow, not a saturation). */
const PLAUSIBLE: Record<string, [number, number]> = {
  temperature: [30, 45],
  spo2: [40, 100],
  'heart-rate': [20, 260],
  'respiratory-rate': [4, 80],
  'systolic-bp': [50, 300],
  'diastolic-bp': [20, 200],
  glucose: [0.5, 80],
  'hba1c-value': [3, 20],
  haemoglobin: [20, 250],
  potassium: [1, 10],
  sodium: [90, 190],
};

export class ValueFinder {
  private readonly pattern: RegExp;
  private readonly labelOf = new Map<string, AnalyteId>();
  /** A temperature written without a label: "39.2°C", "102F", "39度". */
  private static readonly BARE_TEMPERATURE = /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(°\s*[cf]|℃|℉|度|degrees?\s*[cf]?)(?![a-z])/gi;
  private static readonly FEVER_NUMBER = /(?<![\d.])(3[5-9]\.\d|4[0-2]\.\d|9[89]\.\d|10[0-6](?:\.\d)?)()(?![\d.%])/g;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly t2s: ReadonlyMap<string, string> = new Map(),
  ) {
    const labels: [string, AnalyteId][] = [];
    const has = (id: string): boolean => kb.exams.some((e) => e.analytes.some((a) => a.id === id));
    for (const exam of kb.exams) for (const a of exam.analytes) labels.push([a.name.en.toLowerCase(), a.id], [a.name.zh, a.id]);
    for (const [id, list] of [...Object.entries(ANALYTE_LABELS), ...Object.entries(EXTRA_LABELS)]) {
      if (!has(id)) continue;
      for (const l of list) labels.push([l.toLowerCase(), id as AnalyteId]);
    }
    labels.push(['bp', 'systolic-bp' as AnalyteId], ['blood pressure', 'systolic-bp' as AnalyteId], ['血压', 'systolic-bp' as AnalyteId]);
    for (const [l, id] of labels) if (!this.labelOf.has(l)) this.labelOf.set(l, id);
    const sorted = [...this.labelOf.keys()].sort((a, b) => b.length - a.length);
    const latin = sorted.filter((l) => !HAN_CHAR.test(l)).map(escape);
    const han = sorted.filter((l) => HAN_CHAR.test(l)).map(escape);
    // A Latin label must stand as a word ("k 3.1", not the k of "work"); a Chinese one anywhere,
    // with a few words between it and the number ("眼压右眼48", "血压高达180/110").
    this.pattern = new RegExp(
      String.raw`(?:(?<![\p{Script=Latin}\p{N}])(${latin.join('|')})|(${han.join('|')}))(?:\s*(?:level|levels|reading|count|was|is|of|at|said|says|showed|shows|read|reads|=|:|：|,|，|达|为|是|到|高达|在|up to|around|about|~)\s*)*[\p{Script=Han}]{0,4}?\s*${NUMBER}(?:\s*/\s*(\d{2,3}))?\s*${UNIT}`,
      'giu',
    );
  }

  /** Every value in `text`. Blood pressure gives two readings (systolic and diastolic). */
  find(text: string): ValueReading[] {
    if (!/[\d０-９]|[一二三四五六七八九十]/.test(text)) return [];
    // Full-width digits, traditional labels and numerals in words read like the rest.
    const folded = foldChinese(text, this.t2s);
    const numeric = HAN_CHAR.test(text) ? digitsForChineseNumerals(folded.text, folded.origin) : folded;
    const lower = numeric.text;
    const at = (i: number): number => numeric.origin[i] as number;
    if (!/\d/.test(lower)) return [];
    const out: ValueReading[] = [];
    for (const m of matchesOf(this.pattern, lower)) {
      const label = (m[1] ?? m[2] ?? '').replace(/\s+/g, ' ');
      const analyte = this.labelOf.get(label) ?? this.labelOf.get(label.replace(/\s/g, ''));
      if (!analyte) continue;
      // A short label run into its digits names something else: "CA125", "CA19-9" are tumour markers, not calcium.
      if (m[1] && label.length <= 2 && /^\d/.test(m[0].slice(label.length))) continue;
      const raw = numberOf(m[3] ?? '');
      const second = m[4];
      const unit = (m[5] ?? '').trim();
      const start = at(m.index);
      const end = at(m.index + m[0].trimEnd().length);
      const written = text.slice(start, end);
      if (analyte === 'systolic-bp') {
        if (!second) continue;
        out.push(this.reading('systolic-bp' as AnalyteId, raw, 'mmHg', written, start, end));
        out.push(this.reading('diastolic-bp' as AnalyteId, Number(second), 'mmHg', written, start, end));
        continue;
      }
      if (second && analyte !== 'systolic-bp') continue;
      // "fever" alone reads a value only with a temperature's unit or range ("fever 3 days" is a duration).
      if (analyte === 'temperature' && !unit && !(raw >= 35 && raw <= 43) && !(raw >= 95 && raw <= 110)) continue;
      if (
        analyte === 'temperature' &&
        /^(?:fever|发烧|高烧|running)$/.test(label) &&
        !(raw >= 35 && raw <= 43) &&
        !(raw >= 95 && raw <= 110)
      )
        continue;
      out.push(this.reading(analyte, raw, unit, written, start, end));
    }
    // A temperature without a label: "39.2°C", "102F", "39度" — or, when the text speaks of fever, "37.8左右".
    const feverish = /发烧|发热|体温|烧到|fever|temp|febrile|pyrexi/i.test(lower);
    for (const re of feverish ? [ValueFinder.BARE_TEMPERATURE, ValueFinder.FEVER_NUMBER] : [ValueFinder.BARE_TEMPERATURE]) {
      for (const m of matchesOf(re, lower)) {
        const start = at(m.index);
        if (out.some((r) => r.start <= start && r.end > start)) continue;
        const raw = Number(m[1]);
        const unit = (m[2] ?? '').replace(/\s+/g, '');
        const celsius = /f|℉/.test(unit) || raw > 45 ? ((raw - 32) * 5) / 9 : raw;
        if (celsius < 34 || celsius > 43.5) continue;
        const end = at(m.index + m[0].length);
        out.push(this.reading('temperature' as AnalyteId, raw, unit, text.slice(start, end), start, end));
      }
    }
    return out
      .filter((r) => {
        const bounds = PLAUSIBLE[r.analyte];
        return Number.isFinite(r.value.value) && (!bounds || (r.value.value >= bounds[0] && r.value.value <= bounds[1]));
      })
      .sort((a, b) => a.start - b.start);
  }

  private reading(analyte: AnalyteId, raw: number, unit: string, written: string, start: number, end: number): ValueReading {
    const a = this.kb.analyte(analyte).analyte;
    let v = raw;
    for (const c of CONVERSIONS[analyte] ?? []) {
      const u = unit.replace(/\s+/g, ' ').trim();
      if ((u && c.unit.test(u)) || (!u && c.guess?.(raw))) v = c.factor(raw);
    }
    if (analyte === 'temperature' && /度|℃|°c|c$/.test(unit) && raw > 45) v = raw;
    const rounded = Math.round(v * 10 ** Math.max(a.decimals, 1)) / 10 ** Math.max(a.decimals, 1);
    return { analyte, value: { analyte, value: rounded, unit: a.unit, written }, start, end };
  }

  /** The finding an out-of-range value shows (adult reference range), or undefined when normal. */
  finding(r: ValueReading): TermId | undefined {
    const a = this.kb.analyte(r.analyte).analyte;
    const direction = r.value.value > a.high ? 'high' : r.value.value < a.low ? 'low' : undefined;
    return direction ? this.kb.findingForAnalyte(r.analyte, direction)?.id : undefined;
  }
}
