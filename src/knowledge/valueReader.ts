import type { TermId } from '../schema/ids';
import type { KnowledgeBase } from './knowledgeBase';

/**
 * Reads measured results written by people — "WBC: 15.2 x10^9/L", "Temperature 38.9°C",
 * "BP 150/95 mmHg", "血红蛋白 85 g/L" — and turns an out-of-range value into its vocabulary
 * finding. The label is matched to an analyte by its names and the usual abbreviations.
 */
export const ANALYTE_LABELS: Record<string, string[]> = {
  wbc: ['wbc', 'white blood cell', 'white blood cells', 'white cell count', 'leukocytes', 'leucocytes', '白细胞'],
  haemoglobin: ['hb', 'hgb', 'hemoglobin', 'haemoglobin', '血红蛋白'],
  platelets: ['plt', 'platelet', 'platelets', '血小板'],
  neutrophils: ['neutrophils', 'neutrophil', 'neut', '中性粒细胞'],
  mcv: ['mcv'],
  eosinophils: ['eosinophils', 'eosinophil', 'eos', '嗜酸性粒细胞'],
  lymphocytes: ['lymphocytes', 'lymphocyte', 'lymph', '淋巴细胞'],
  'fev1-fvc': ['fev1/fvc', 'fev1 fvc', 'fev1/fvc ratio', '一秒率'],
  'fev1-percent': ['fev1', 'fev1 % predicted'],
  iop: ['iop', 'intraocular pressure', '眼压'],
  'cortisol-value': ['cortisol', '皮质醇'],
  'vitamin-b12': ['b12', 'vitamin b12'],
  c3: ['c3', 'complement c3'],
  'total-ige': ['ige', 'total ige'],
  lvef: ['lvef', 'ejection fraction', 'ef'],
  'crp-value': ['crp', 'c reactive protein', 'c-reactive protein'],
  'esr-value': ['esr', 'sed rate', '血沉'],
  pct: ['pct', 'procalcitonin'],
  alt: ['alt', 'sgpt'],
  ast: ['ast', 'sgot'],
  alp: ['alp', 'alkaline phosphatase'],
  ggt: ['ggt', 'gamma gt'],
  'total-bilirubin': ['bilirubin', 'total bilirubin', 'tbil', '总胆红素'],
  albumin: ['albumin', 'alb', '白蛋白'],
  creatinine: ['creatinine', 'cr', 'scr', '肌酐'],
  urea: ['urea', 'bun', '尿素', '尿素氮'],
  sodium: ['sodium', 'na', '钠'],
  potassium: ['potassium', 'k', '钾'],
  calcium: ['calcium', 'ca', '钙'],
  glucose: ['glucose', 'blood glucose', 'fasting glucose', 'blood sugar', '血糖'],
  'hba1c-value': ['hba1c', 'a1c', '糖化血红蛋白'],
  tsh: ['tsh'],
  ft4: ['ft4', 'free t4', 'free thyroxine'],
  troponin: ['troponin', 'troponin i', 'troponin t', 'hs troponin', 'tni', 'tnt', '肌钙蛋白'],
  'nt-probnp': ['bnp', 'nt probnp', 'nt-probnp'],
  'd-dimer-value': ['d dimer', 'd-dimer', 'd二聚体'],
  inr: ['inr'],
  lipase: ['lipase', 'amylase', '淀粉酶', '脂肪酶'],
  ck: ['ck', 'cpk', 'creatine kinase'],
  ph: ['ph'],
  pao2: ['pao2', 'po2'],
  paco2: ['paco2', 'pco2'],
  lactate: ['lactate', 'lactic acid', '乳酸'],
  temperature: ['temperature', 'temp', 't', 'body temperature', '体温'],
  'heart-rate': ['heart rate', 'hr', 'pulse', 'pulse rate', '心率', '脉搏'],
  'respiratory-rate': ['respiratory rate', 'rr', 'resp rate', '呼吸', '呼吸频率'],
  spo2: ['spo2', 'oxygen saturation', 'o2 sat', 'o2 saturation', 'sao2', '血氧饱和度'],
  bmi: ['bmi', 'body mass index'],
  psa: ['psa'],
  cea: ['cea'],
  afp: ['afp'],
  'beta-hcg': ['hcg', 'beta hcg', 'β-hcg'],
  ferritin: ['ferritin', '铁蛋白'],
  'uric-acid': ['uric acid', 'urate', '尿酸'],
};

/** Lower case, British "ae"/"oe" folded, plurals to singular: "Haemoglobins" meets "hemoglobin". */
function normaliseEnglishToken(word: string): string {
  let w = word.toLowerCase();
  if (w.length >= 5) w = w.replace(/ae/g, 'e').replace(/oe/g, 'e');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[_:：]/g, ' ')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .map(normaliseEnglishToken)
    .join(' ');
}

export class ValueReader {
  private readonly byLabel = new Map<string, string>();

  constructor(private readonly kb: KnowledgeBase) {
    for (const exam of kb.exams) {
      for (const a of exam.analytes) {
        this.byLabel.set(normaliseLabel(a.name.en), a.id);
        this.byLabel.set(a.name.zh, a.id);
      }
    }
    for (const [id, labels] of Object.entries(ANALYTE_LABELS)) {
      if (!kb.exams.some((e) => e.analytes.some((a) => a.id === id))) continue;
      for (const l of labels) this.byLabel.set(/\p{Script=Han}/u.test(l) ? l : normaliseLabel(l), id);
    }
  }

  /** Findings shown by "label: value" (blood pressure gives two), or none when the value is normal or unreadable. */
  read(label: string, value: string): TermId[] {
    const key = normaliseLabel(label);
    if (/\b(blood pressure|bp)\b/.test(key) || label.includes('血压')) {
      const m = /(\d{2,3})\s*\/\s*(\d{2,3})/.exec(value);
      if (!m) return [];
      return [...this.judge('systolic-bp', Number(m[1])), ...this.judge('diastolic-bp', Number(m[2]))];
    }
    const analyte = this.byLabel.get(key) ?? this.byLabel.get(label.trim());
    if (!analyte) return [];
    const m = /(-?\d+(?:\.\d+)?)/.exec(value.replace(/,(?=\d{3}\b)/g, ''));
    if (!m) return [];
    let v = Number(m[1]);
    if (analyte === 'temperature' && (v > 45 || /°?\s*F\b/.test(value))) v = ((v - 32) * 5) / 9;
    return this.judge(analyte, v);
  }

  private judge(analyte: string, value: number): TermId[] {
    const { analyte: a } = this.kb.analyte(analyte);
    const direction = value > a.high ? 'high' : value < a.low ? 'low' : undefined;
    if (!direction) return [];
    const term = this.kb.findingForAnalyte(analyte, direction);
    return term ? [term.id] : [];
  }
}
