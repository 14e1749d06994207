import type { PatientId } from '../../schema/ids';
import type { Lang } from '../../schema/common';
import type { DiagnosisReport } from '../../brain/offline/doctor';
import { h } from '../dom';
import type { Journal } from './hospitalRun';
import { diseaseName, examName, termName, type Voice } from './lines';
import { w } from './strings';

const pct = (p: number): string => `${Math.round(p * 100)}%`;

/**
 * A doctor's diagnosis report laid out as in the Agent Hospital paper: general information,
 * symptoms, examination reports, what was retrieved from the case and experience bases, then
 * a numbered thought and the disease, with the differential and its probabilities.
 */
export function reportView(v: Voice, patientId: PatientId, report: DiagnosisReport, journal: Journal | undefined, lang: Lang): HTMLElement {
  const record = v.patient(patientId);
  const present = report.questions.filter((q) => q.present).map((q) => termName(v, q.term, lang));
  const denied = report.questions.filter((q) => !q.present).map((q) => termName(v, q.term, lang));
  const exams = journal?.exams ?? [];
  const abnormal = exams.flatMap((e) => e.findings.map((f) => termName(v, f, lang)));
  const cases = report.retrievedCases.map((c) => `${diseaseName(v, c.disease, lang)} (${w('similarity', lang)} ${pct(c.similarity)})`);
  const lessons = report.experiences.map((e) => e.text[lang]);
  const top = report.differential[0];
  const sep = lang === 'en' ? ', ' : '、';
  const comma = lang === 'en' ? ', ' : '，';
  const thought = [
    `${w('thoughtSymptoms', lang)}: ${present.join(sep) || '—'}${denied.length ? `; ${w('denies', lang)} ${denied.join(sep)}` : ''}.`,
    `${w('thoughtExams', lang)}: ${abnormal.length ? abnormal.join(sep) : `${report.exams.map((e) => examName(v, e, lang)).join(sep)} — ${w('normal', lang)}`}.`,
    `${w('thoughtCases', lang)}: ${cases.length ? cases.join(sep) : w('nothingRetrieved', lang)}.`,
    `${w('thoughtExperience', lang)}: ${lessons.length ? lessons.join(' ') : w('nothingRetrieved', lang)}`,
  ];
  return h(
    'div',
    { class: 'report', attrs: { 'data-testid': 'diagnosis-report' } },
    h('h5', {}, w('general', lang)),
    record
      ? h(
          'p',
          {},
          `${record.persona.name[lang]}${comma}${record.persona.sex === 'M' ? w('male', lang) : w('female', lang)}${comma}${record.persona.age}${lang === 'en' ? ' ' : ''}${w('age', lang)}${record.history.past.length ? ` · ${w('history', lang)}: ${record.history.past.map((x) => x[lang]).join(sep)}` : ''}`,
        )
      : null,
    h('h5', {}, w('symptoms', lang)),
    h(
      'p',
      {},
      present.join(sep) || '—',
      denied.length ? h('span', { class: 'muted' }, ` · ${w('denies', lang)}: ${denied.join(sep)}`) : null,
    ),
    h('h5', {}, w('examReports', lang)),
    h(
      'ul',
      {},
      ...report.exams.map((e) => {
        const found = exams.find((x) => x.exam === e);
        return h(
          'li',
          {},
          `${examName(v, e, lang)}: `,
          found && found.findings.length ? found.findings.map((f) => termName(v, f, lang)).join(sep) : w('normal', lang),
        );
      }),
    ),
    h('h5', {}, w('fromCases', lang)),
    cases.length
      ? h('ol', { attrs: { 'data-testid': 'retrieved-cases' } }, ...cases.map((c) => h('li', {}, c)))
      : h('p', { class: 'muted' }, w('nothingRetrieved', lang)),
    h('h5', {}, w('fromExperience', lang)),
    lessons.length
      ? h(
          'ol',
          {},
          ...report.experiences.map((e) => h('li', {}, e.text[lang], e.fired ? h('span', { class: 'tag' }, w('applied', lang)) : null)),
        )
      : h('p', { class: 'muted' }, w('nothingRetrieved', lang)),
    h('h5', {}, w('thought', lang)),
    h('ol', { class: 'thought' }, ...thought.map((t) => h('li', {}, t))),
    h('h5', {}, w('disease', lang)),
    h(
      'p',
      { class: 'diagnosis' },
      h('strong', {}, diseaseName(v, report.diagnosis, lang)),
      top ? ` (${pct(top.probability)})` : '',
      report.severe ? h('span', { class: 'severe' }, lang === 'en' ? ' · severe' : ' · 重症') : null,
    ),
    h('h5', {}, w('differential', lang)),
    h(
      'table',
      { class: 'differential' },
      ...report.differential
        .slice(0, 5)
        .map((d) =>
          h(
            'tr',
            {},
            h('td', {}, diseaseName(v, d.disease, lang)),
            h('td', { class: 'num' }, pct(d.probability)),
            h('td', {}, h('span', { class: 'bar', attrs: { style: `width:${Math.max(2, Math.round(d.probability * 80))}px` } })),
          ),
        ),
    ),
  );
}
