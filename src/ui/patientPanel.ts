import type { Lang } from '../schema/common';
import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import { toPatientRecord } from '../patients/record';
import { clear, h } from './dom';
import { t } from './i18n';

/**
 * "Generate a patient": one AI patient from the generator, shown as the seed's record with
 * the disease hidden until the visitor asks, as it is hidden from the doctors.
 */
export function patientPanel(generator: PatientGenerator, reader: ExamReader, lang: Lang, state: { index: number }): HTMLElement {
  const body = h('div', { class: 'patient-body', attrs: { 'data-testid': 'patient' } });
  const render = (): void => {
    clear(body);
    const patient = generator.generate(2024, state.index);
    const r = toPatientRecord(generator, reader, patient, lang);
    const abnormal = r.examResults.filter((e) => e.finding !== (lang === 'zh' ? '正常' : 'normal'));
    const list = (items: string[]): string => items.join(lang === 'zh' ? '；' : '; ') || '—';
    const truth = h('p', { class: 'truth hidden' }, `${r.disease.name} (${r.disease.icd10}) · ${r.severity}`);
    body.append(
      h('h4', {}, `${r.name} · ${r.basicInfo}`),
      h('p', { class: 'muted' }, r.speakingStyle),
      h('h5', {}, t('symptoms', lang)),
      h('ul', {}, ...r.symptoms.map((s) => h('li', {}, `${s.name} — ${s.duration}`))),
      h('h5', {}, t('history', lang)),
      h(
        'ul',
        {},
        h('li', {}, list(r.history.pastIllness)),
        h('li', {}, list(r.history.lifestyle)),
        h('li', {}, list(r.history.familyHistory)),
        h('li', {}, list([...r.history.exposures, ...r.history.medications])),
      ),
      h('h5', {}, t('results', lang)),
      h(
        'ul',
        {},
        ...abnormal.map((e) =>
          h('li', {}, `${e.exam}: ${e.value}${e.unit ? ` ${e.unit}` : ''}${e.referenceRange ? ` (${e.referenceRange})` : ''}`),
        ),
      ),
      h('p', { class: 'muted' }, t('hiddenDisease', lang)),
      h('button', { on: { click: () => truth.classList.remove('hidden') } }, t('reveal', lang)),
      truth,
    );
  };
  render();
  const next = h(
    'button',
    {
      class: 'primary',
      on: {
        click: () => {
          state.index += 1;
          render();
        },
      },
    },
    t('generate', lang),
  );
  return h('div', { class: 'patient-panel' }, next, body);
}
