/**
 * Measured values written into free text — "temp 38.9", "a fever of 102 F", "BP 180/110",
 * "sugar 15 mmol/L" or "270 mg/dL", "HbA1c 9%", "sats 88%", "心率120", "烧到39度" — read with
 * their analyte, converted to the knowledge base's unit, and judged against its reference
 * range. An abnormal value becomes its vocabulary finding; a normal one is kept as a value.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { ANALYTE_LABELS } from '../knowledge/valueReader';
import type { AnalyteId } from '../schema/ids';
import type { SpanValue } from '../schema/language';

export interface ValueReading {
  analyte: AnalyteId;
  value: SpanValue;
  start: number;
  end: number;
}

/** Lay and shorthand labels people put before a value, beyond the analytes' own names. */
const EXTRA_LABELS: Record<string, string[]> = {
  temperature: ['temp', 'temps', 'fever of', 'fever', 'temperature of', 'febrile to', 'spiked to', 'running', 'tmax', '烧到', '发烧到', '发热到', '高烧', '体温', '发烧'],
  glucose: ['sugar', 'sugars', 'sugar level', 'blood sugars', 'bm', 'bms', 'bg', 'cbg', 'fbg', 'fasting sugar', 'glucose level', '空腹血糖', '血糖'],
  'hba1c-value': ['hb a1c', 'glycated haemoglobin', '糖化'],
  spo2: ['sats', 'sat', 'o2 sats', 'oxygen', 'oxygen level', 'oxygen levels', 'oxygen sats', 'pulse ox', 'pulse oximeter', 'sp02', '血氧', '氧饱和度'],
  'heart-rate': ['pulse of', 'heart rate of', 'hr of', 'heartrate', 'bpm', '心跳'],
  'respiratory-rate': ['breathing rate', 'resp', 'rr of'],
  haemoglobin: ['hgb', 'haemoglobin of', '血色素'],
};

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

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)`;
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

  constructor(private readonly kb: KnowledgeBase) {
    const labels: [string, AnalyteId][] = [];
    const has = (id: string): boolean => kb.exams.some((e) => e.analytes.some((a) => a.id === id));
    for (const exam of kb.exams) for (const a of exam.analytes) labels.push([a.name.en.toLowerCase(), a.id], [a.name.zh, a.id]);
    for (const [id, list] of [...Object.entries(ANALYTE_LABELS), ...Object.entries(EXTRA_LABELS)]) {
      if (!has(id)) continue;
      for (const l of list) labels.push([l.toLowerCase(), id as AnalyteId]);
    }
    labels.push(['bp', 'systolic-bp' as AnalyteId], ['blood pressure', 'systolic-bp' as AnalyteId], ['血压', 'systolic-bp' as AnalyteId]);
    for (const [l, id] of labels) if (!this.labelOf.has(l)) this.labelOf.set(l, id);
    const alternatives = [...this.labelOf.keys()].sort((a, b) => b.length - a.length).map(escape);
    // A Latin label must stand as a word ("k 3.1", not the k of "work"); a Chinese one anywhere.
    this.pattern = new RegExp(
      String.raw`(?<![\p{L}\p{N}])(${alternatives.join('|')})(?:\s*(?:level|levels|reading|count|was|is|of|at|=|:|：|达|为|是|到|高达|在|up to|around|about|~)\s*)*\s*${NUMBER}(?:\s*/\s*(\d{2,3}))?\s*${UNIT}`,
      'giu',
    );
  }

  /** Every value in `text`. Blood pressure gives two readings (systolic and diastolic). */
  find(text: string): ValueReading[] {
    if (!/\d/.test(text)) return [];
    const out: ValueReading[] = [];
    const lower = text.toLowerCase();
    this.pattern.lastIndex = 0;
    for (const m of lower.matchAll(this.pattern)) {
      const label = (m[1] ?? '').replace(/\s+/g, ' ');
      const analyte = this.labelOf.get(label) ?? this.labelOf.get(label.replace(/\s/g, ''));
      if (!analyte) continue;
      const raw = Number((m[2] ?? '').replace(',', '.'));
      const second = m[3];
      const unit = (m[4] ?? '').trim();
      const start = m.index;
      const end = m.index + m[0].trimEnd().length;
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
      if (analyte === 'temperature' && /^(?:fever|发烧|高烧|running)$/.test(label) && !(raw >= 35 && raw <= 43) && !(raw >= 95 && raw <= 110)) continue;
      out.push(this.reading(analyte, raw, unit, written, start, end));
    }
    ValueFinder.BARE_TEMPERATURE.lastIndex = 0;
    for (const m of lower.matchAll(ValueFinder.BARE_TEMPERATURE)) {
      if (out.some((r) => r.start <= m.index && r.end >= m.index)) continue;
      const raw = Number(m[1]);
      const unit = (m[2] ?? '').replace(/\s+/g, '');
      const celsius = /f|℉/.test(unit) ? ((raw - 32) * 5) / 9 : raw;
      if (celsius < 34 || celsius > 43.5) continue;
      const end = m.index + m[0].length;
      out.push(this.reading('temperature' as AnalyteId, raw, unit, text.slice(m.index, end), m.index, end));
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
  finding(r: ValueReading): string | undefined {
    const a = this.kb.analyte(r.analyte).analyte;
    const direction = r.value.value > a.high ? 'high' : r.value.value < a.low ? 'low' : undefined;
    return direction ? this.kb.findingForAnalyte(r.analyte, direction)?.id : undefined;
  }
}
