import type { Lang } from '../../schema/common';
import type { Snapshot } from '../../sim/snapshot';
import type { ClinicalStaff } from '../../run/staff';
import { h } from '../dom';
import type { HospitalRun } from './hospitalRun';
import { departmentName, diseaseName, examName, lineOf, termName } from './lines';
import { reportView } from './reportView';
import { PLACES, ROLES, STAGES, w } from './strings';
import { departmentOfDoctor, parseService, roomOfStaff, serviceOfRoom, type ServiceId } from '../../sim/services';
import { patientIdIn, type PatientId } from '../../schema/ids';

/** The name of a place a patient is bound for (`at` of the sim's stages). */
export function placeName(run: HospitalRun, at: ServiceId | undefined, lang: Lang): string {
  if (!at) return '';
  const service = parseService(at);
  if (service.kind === 'consult') return departmentName(run.voice, service.department, lang);
  if (service.kind === 'exam') return PLACES[service.room]?.[lang] ?? service.room;
  return PLACES[at]?.[lang] ?? at;
}

/** Whose portrait: a patient, or a member of staff at their post. */
export type PortraitOf = { patient: PatientId } | { staff: string; role: string };

export interface InspectorDeps {
  run: HospitalRun;
  staff: ClinicalStaff;
  portrait(agent: PortraitOf): HTMLCanvasElement | null;
}

/** The inspector's content for one agent (re-drawn while it is open). */
export function inspect(id: string, snap: Snapshot, deps: InspectorDeps, lang: Lang): HTMLElement {
  const { run } = deps;
  const staff = snap.staff.find((s) => s.id === id);
  if (staff) return staffView(staff, deps, lang);
  const patient = patientIdIn(id);
  const p = snap.patients.find((x) => x.id === patient);
  const record = patient && run.sim.patientRecord(patient);
  if (!patient || !record) return h('p', { class: 'muted' }, w('clickSomeone', lang));
  const persona = record.persona;
  const journal = run.journals.get(patient);
  const stage = p ? `${STAGES[p.stage]?.[lang] ?? p.stage} ${placeName(run, p.at, lang)}` : (STAGES['home']?.[lang] ?? '');
  const sep = lang === 'en' ? ', ' : '、';
  return h(
    'div',
    { class: 'inspect patient', attrs: { 'data-testid': 'inspect-patient', 'data-id': id } },
    h(
      'div',
      { class: 'who' },
      deps.portrait({ patient }),
      h(
        'div',
        {},
        h('h3', {}, persona.name[lang]),
        h(
          'p',
          {},
          `${persona.sex === 'M' ? w('male', lang) : w('female', lang)} · ${persona.age} ${w('age', lang)} · ${persona.nationality[lang]} · ${persona.occupation[lang]}`,
        ),
        h('p', { class: 'muted' }, persona.personality[lang]),
      ),
    ),
    h(
      'p',
      {},
      h('strong', {}, `${w('state', lang)}: `),
      stage,
      p?.department ? ` · ${departmentName(run.voice, p.department, lang)}` : '',
      p?.severe ? h('span', { class: 'severe' }, lang === 'en' ? ' · severe' : ' · 重症') : null,
    ),
    h('h5', {}, w('dialogue', lang)),
    h(
      'ol',
      { class: 'dialogue', attrs: { tabindex: '0' } },
      ...(journal?.dialogue ?? []).map((d) => {
        const line = lineOf(d.event, run.voice, lang);
        const fromPatient = line?.speaker === id;
        return line ? h('li', { class: fromPatient ? 'from-patient' : 'from-staff' }, line.text) : null;
      }),
    ),
    h('h5', {}, w('examsDone', lang)),
    journal?.exams.length
      ? h(
          'ul',
          {},
          ...journal.exams.map((e) =>
            h(
              'li',
              {},
              `${examName(run.voice, e.exam, lang)}: ${e.findings.length ? e.findings.map((f) => termName(run.voice, f, lang)).join(sep) : w('normal', lang)}`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, '—'),
    journal?.diagnosis
      ? h(
          'p',
          {},
          h('strong', {}, `${w('doctorSaid', lang)}: `),
          `${diseaseName(run.voice, journal.diagnosis.disease, lang)} (${Math.round(journal.diagnosis.probability * 100)}%)`,
        )
      : null,
    h('h5', {}, w('truth', lang)),
    journal?.outcome
      ? h(
          'p',
          { class: 'truth' },
          diseaseName(run.voice, journal.outcome.truth, lang),
          ` — ${journal.outcome.correct ? w('right', lang) : w('wrong', lang)}`,
        )
      : h('p', { class: 'muted' }, w('truthHidden', lang)),
    journal?.report
      ? h('details', {}, h('summary', {}, w('latestReport', lang)), reportView(run.voice, patient, journal.report, journal, lang))
      : null,
  );
}

function staffView(s: Snapshot['staff'][number], deps: InspectorDeps, lang: Lang): HTMLElement {
  const { run, staff } = deps;
  const room = roomOfStaff(s.id);
  const service = serviceOfRoom(room);
  // The doctor's department, read from the post's id: the map names a department's consulting room after it.
  const department = s.role === 'doctor' ? departmentOfDoctor(s.id) : undefined;
  // An examiner's `department` is the map's kind of examination room, shown as the map spells it.
  const where = department
    ? departmentName(run.voice, department, lang)
    : s.department
      ? s.department
      : service
        ? placeName(run, service, lang)
        : (PLACES[room]?.[lang] ?? room);
  const head = h(
    'div',
    { class: 'who' },
    deps.portrait({ staff: s.id, role: s.role }),
    h('div', {}, h('h3', {}, `${ROLES[s.role]?.[lang] ?? s.role}`), h('p', {}, where)),
  );
  if (!department) {
    return h(
      'div',
      { class: 'inspect staff', attrs: { 'data-testid': 'inspect-staff' } },
      head,
      h('p', {}, `${(service && run.sim.world.queues.get(service)?.length) ?? 0} ${w('queue', lang)}`),
    );
  }
  const doctor = staff.doctor(department);
  const latest = run.reports.get(department);
  const accuracy = doctor.consultations > 0 ? `${Math.round((doctor.correct / doctor.consultations) * 100)}%` : w('none', lang);
  return h(
    'div',
    { class: 'inspect doctor', attrs: { 'data-testid': 'inspect-doctor', 'data-department': department } },
    head,
    h(
      'dl',
      { class: 'stats' },
      h('dt', {}, w('casesSeen', lang)),
      h('dd', {}, String(doctor.consultations)),
      h('dt', {}, w('doctorAccuracy', lang)),
      h('dd', {}, accuracy),
      h('dt', {}, w('caseBase', lang)),
      h('dd', {}, String(doctor.cases.size)),
      h('dt', {}, w('experiences', lang)),
      h('dd', {}, String(doctor.experiences.active)),
    ),
    h('h4', {}, w('latestReport', lang)),
    latest
      ? reportView(run.voice, latest.patient, latest.report, run.journals.get(latest.patient), lang)
      : h('p', { class: 'muted' }, w('noReport', lang)),
  );
}
