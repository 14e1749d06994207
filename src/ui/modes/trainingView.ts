import './modes.css';
import type { Lang } from '../../schema/common';
import type { DepartmentId } from '../../schema/ids';
import type { View } from '../appContext';
import { decodeSession, encodeSession, sessionPatient, sessionUrl, TrainingSession } from '../../modes/session';
import { debrief, SCORE, TrainingCase, type Debrief } from '../../modes/training';
import { scoreTriage, triagePresentation, type TriageDebrief } from '../../modes/triageTraining';
import { ProgressStore } from '../../modes/progressStore';
import { toCsv, toHtml, type CaseResult } from '../../modes/report';
import type { Patient } from '../../patients/types';
import { basicInfo } from '../../patients/record';
import { clear, h } from '../dom';
import { download, field, termName } from './common';
import { debriefPanel, triageDebriefPanel } from './debriefPanel';
import { doctorCasePanel } from './doctorCase';
import { mt } from './i18n';
import { formatIssues } from '../../knowledge/errors';

const LEARNER_KEY = 'agent-hospital.learner';
const DEFAULT_SESSION: TrainingSession = TrainingSession.parse({ v: 1 });

interface State {
  session: TrainingSession;
  code: string;
  error?: string;
  index: number;
  patient?: Patient;
  doctorCase?: TrainingCase;
  outcome?: { kind: 'doctor'; d: Debrief } | { kind: 'triage'; d: TriageDebrief };
  results: CaseResult[];
  deadline?: number;
  storeProblem?: string;
  timedOut?: boolean;
  /** When the learner met the current patient (wall clock, ms). */
  startedAt: number;
}

/** Training for doctors and triage nurses on virtual patients, one class session at a time. */
export function trainingView(id = 'training', role?: TrainingSession['role']): View {
  return {
    id,
    title: role === 'triage' ? { en: 'Triage training', zh: '分诊培训' } : { en: 'Training', zh: '临床培训' },
    mount(el, app) {
      const root = h('div', { class: 'mode', attrs: { 'data-testid': `mode-${id}` } });
      el.append(root);
      const params = new URLSearchParams(location.search);
      const state: State = {
        session: { ...DEFAULT_SESSION, ...(role ? { role } : {}) },
        code: '',
        index: 0,
        results: [],
        startedAt: Date.now(),
      };
      const fromUrl = params.get('view') === id ? params.get('session') : null;
      if (fromUrl) {
        try {
          state.session = decodeSession(fromUrl, app.kb);
          if (role) state.session.role = role;
        } catch (err) {
          state.error = (err as Error).message;
        }
      }
      state.code = encodeSession(state.session);
      let store: ProgressStore | undefined;
      let disposed = false;
      ProgressStore.open()
        .then(async (s) => {
          if (disposed) return s.close();
          store = s;
          // Coming back to a session: the finished cases are restored and the learner resumes at the first unfinished one.
          const { rows, damaged } = await s.results(state.code, learner());
          if (damaged > 0) state.storeProblem = `${damaged} damaged record(s) skipped`;
          const untouched =
            !state.outcome &&
            (state.doctorCase?.questions.length ?? 0) === 0 &&
            (state.doctorCase?.exams.length ?? 0) === 0 &&
            state.index === 0;
          if (rows.length === 0 || !untouched || disposed) return;
          state.results = rows;
          const next = [...Array(state.session.cases).keys()].find((i) => !rows.some((r) => r.caseIndex === i));
          // A session already finished stays on its first case, with the report of what was done below.
          if (next !== undefined) {
            state.index = next;
            startCase();
          }
          render();
        })
        .catch((err: Error) => void (state.storeProblem = err.message));
      let timer: ReturnType<typeof setInterval> | undefined;

      const learner = (): string => localStorage.getItem(LEARNER_KEY) ?? '';
      const startCase = (): void => {
        state.patient = sessionPatient(app.generator, state.session, state.index);
        state.doctorCase = state.session.role === 'doctor' ? new TrainingCase(app.staff, state.patient) : undefined;
        // The patient speaks in everyday words once the word lists have arrived.
        const forCase = state.doctorCase;
        if (forCase)
          void app
            .language()
            .then((m) => {
              if (forCase.words || disposed) return;
              forCase.words = m.words;
              if (state.doctorCase === forCase) render();
            })
            .catch(() => undefined);
        state.outcome = undefined;
        state.timedOut = false;
        state.startedAt = Date.now();
        state.deadline = state.session.timeLimitMinutes > 0 ? Date.now() + state.session.timeLimitMinutes * 60_000 : undefined;
      };
      const record = (
        r: Omit<CaseResult, 'session' | 'learner' | 'caseIndex' | 'finishedAt' | 'role' | 'patientId'>,
        steps: Record<string, number>,
      ): void => {
        const now = Date.now();
        const row: CaseResult = {
          session: state.code,
          learner: learner(),
          caseIndex: state.index,
          role: state.session.role,
          patientId: state.patient?.id ?? '',
          finishedAt: new Date(now).toISOString(),
          ...r,
        };
        state.results = [...state.results.filter((x) => x.caseIndex !== state.index), row];
        // One record in the hospital's store: progress travels with its export and dashboard.
        store
          ?.save(row, { seed: state.session.seed, steps, startedAt: state.startedAt, finishedAt: now })
          .catch((err: Error) => void (state.storeProblem = err.message));
      };
      const finishDoctor = (): void => {
        const c = state.doctorCase;
        if (!c || state.outcome) return;
        const d = debrief(c);
        state.outcome = { kind: 'doctor', d };
        record(
          {
            truth: d.truth.disease,
            answer: d.diagnosis.chosen ?? '',
            correct: d.diagnosis.correct,
            score: d.score,
            questions: c.questions.length,
            keyQuestionsAsked: d.keyQuestions.filter((q) => q.asked).length,
            keyQuestions: d.keyQuestions.length,
            exams: c.exams.length,
            keyExamOrdered: d.keyExams.some((e) => e.ordered),
            costCny: d.cost,
            minutes: d.minutes,
            redFlagsMissed: d.redFlagsMissed.length,
            doctorAnswer: d.doctor.diagnosis,
            doctorCorrect: d.doctor.correct,
          },
          Object.fromEntries((Object.keys(SCORE) as (keyof typeof SCORE)[]).map((k) => [k, d.parts[k] / SCORE[k]])),
        );
        render();
      };
      const finishTriage = (chosen: DepartmentId): void => {
        if (!state.patient || state.outcome) return;
        const d = scoreTriage(app.staff, state.patient, chosen);
        state.outcome = { kind: 'triage', d };
        record(
          {
            truth: d.expected,
            answer: d.chosen,
            correct: d.correct,
            score: d.correct ? 100 : 0,
            questions: 0,
            keyQuestionsAsked: 0,
            keyQuestions: 0,
            exams: 0,
            keyExamOrdered: false,
            costCny: 0,
            minutes: 0,
            redFlagsMissed: d.redFlagMissed ? 1 : 0,
            doctorAnswer: d.nurse,
            doctorCorrect: d.nurseCorrect,
          },
          { triage: d.correct ? 1 : 0, redFlags: d.redFlagMissed ? 0 : 1 },
        );
        render();
      };

      const sessionForm = (lang: Lang): HTMLElement => {
        const s = state.session;
        const roleSel = h(
          'select',
          { attrs: { 'data-testid': 'session-role' } },
          h('option', { attrs: { value: 'doctor' } }, mt('roleDoctor', lang)),
          h('option', { attrs: { value: 'triage' } }, mt('roleTriage', lang)),
        );
        roleSel.value = s.role;
        const deps = h(
          'select',
          { attrs: { multiple: '', size: '5', 'data-testid': 'session-departments' } },
          ...app.kb.departments.map((d) =>
            h('option', { attrs: { value: d.id, ...(s.departments.includes(d.id) ? { selected: '' } : {}) } }, d.name[lang]),
          ),
        );
        const diseases = h('input', { attrs: { type: 'text', value: s.diseases.join(', '), 'data-testid': 'session-diseases' } });
        const diff = h(
          'select',
          { attrs: { 'data-testid': 'session-difficulty' } },
          h('option', { attrs: { value: '' } }, mt('anyDifficulty', lang)),
          ...(['easy', 'medium', 'hard'] as const).map((x) => h('option', { attrs: { value: x } }, mt(x, lang))),
        );
        diff.value = s.difficulty ?? '';
        const realistic = h('input', {
          attrs: { type: 'checkbox', 'data-testid': 'session-realistic', ...(s.population === 'realistic' ? { checked: '' } : {}) },
        });
        const num = (value: number, testid: string): HTMLInputElement =>
          h('input', { attrs: { type: 'number', value: String(value), 'data-testid': testid } });
        const cases = num(s.cases, 'session-cases');
        const seed = num(s.seed, 'session-seed');
        const limit = num(s.timeLimitMinutes, 'session-time');
        const link = h('input', {
          class: 'session-link',
          attrs: {
            type: 'text',
            readonly: '',
            value: sessionUrl(location.href, state.session, id),
            'data-testid': 'session-link',
            'aria-label': mt('classLink', lang),
          },
        });
        const problem = h('p', { class: 'bad', attrs: { role: 'alert' } });
        const start = (): void => {
          try {
            const next = {
              v: 1,
              role: role ?? roleSel.value,
              departments: [...deps.selectedOptions].map((o) => o.value),
              diseases: diseases.value.split(/[,，\s]+/).filter(Boolean),
              ...(diff.value ? { difficulty: diff.value } : {}),
              cases: Number(cases.value),
              seed: Number(seed.value),
              lang,
              timeLimitMinutes: Number(limit.value),
              population: realistic.checked ? 'realistic' : 'balanced',
            };
            const parsed = TrainingSession.safeParse(next);
            if (!parsed.success) throw new Error(formatIssues(parsed.error));
            state.session = decodeSession(encodeSession(parsed.data), app.kb);
            state.code = encodeSession(state.session);
            state.error = undefined;
            state.index = 0;
            state.results = [];
            history.replaceState(null, '', sessionUrl(location.href, state.session, id));
            startCase();
            render();
          } catch (err) {
            problem.textContent = (err as Error).message;
          }
        };
        return h(
          'details',
          { class: 'mode-card', attrs: state.error ? { open: '' } : {} },
          h('summary', {}, mt('teacher', lang)),
          role ? null : field(mt('role', lang), roleSel),
          field(mt('departments', lang), deps),
          field(mt('diseases', lang), diseases),
          field(mt('difficulty', lang), diff),
          field(mt('realisticClinic', lang), realistic),
          h(
            'div',
            { class: 'mode-row' },
            field(mt('cases', lang), cases),
            field(mt('seed', lang), seed),
            field(mt('timeLimit', lang), limit),
          ),
          h('button', { class: 'primary', attrs: { 'data-testid': 'session-start' }, on: { click: start } }, mt('makeLink', lang)),
          problem,
          field(mt('classLink', lang), link),
        );
      };

      const triagePanel = (lang: Lang, p: Patient): HTMLElement => {
        const told = triagePresentation(app.staff, p);
        return h(
          'section',
          { class: 'mode-card', attrs: { 'data-testid': 'training-case' } },
          h('h3', { attrs: { 'data-testid': 'patient-name' } }, `${p.persona.name[lang]} · ${basicInfo(p, lang)}`),
          h(
            'p',
            {},
            `${mt('tells', lang)}: `,
            h('strong', {}, told.map((t) => termName(app.kb, t, lang)).join(lang === 'zh' ? '、' : ', ')),
          ),
          h('h4', {}, mt('sendTo', lang)),
          h(
            'div',
            { class: 'dep-buttons' },
            ...app.kb.departments.map((d) =>
              h('button', { attrs: { 'data-department': d.id }, on: { click: () => finishTriage(d.id) } }, d.name[lang]),
            ),
          ),
        );
      };

      const reportPanel = (lang: Lang): HTMLElement => {
        const rows = [...state.results].sort((a, b) => a.caseIndex - b.caseIndex);
        const mean = rows.length ? Math.round(rows.reduce((s, r) => s + r.score, 0) / rows.length) : 0;
        return h(
          'section',
          { class: 'mode-card', attrs: { 'data-testid': 'session-report' } },
          h('h3', {}, mt('sessionReport', lang)),
          h('p', {}, `${mt('score', lang)}: ${mean} · ${rows.filter((r) => r.correct).length}/${rows.length} ${mt('correct', lang)}`),
          h(
            'div',
            { class: 'mode-row' },
            h(
              'button',
              {
                attrs: { 'data-testid': 'export-csv' },
                on: { click: () => download('training-session.csv', toCsv(rows), 'text/csv;charset=utf-8') },
              },
              mt('exportCsv', lang),
            ),
            h(
              'button',
              {
                attrs: { 'data-testid': 'export-html' },
                on: { click: () => download('training-session.html', toHtml(app.kb, rows, lang), 'text/html;charset=utf-8') },
              },
              mt('exportHtml', lang),
            ),
          ),
          state.storeProblem ? h('p', { class: 'bad' }, `${mt('progressNotSaved', lang)}: ${state.storeProblem}`) : null,
        );
      };

      const render = (): void => {
        const lang = app.lang();
        clear(root);
        root.append(h('h2', {}, role === 'triage' ? mt('triageTitle', lang) : mt('trainingTitle', lang)));
        if (state.error)
          root.append(
            h(
              'div',
              { class: 'session-error', attrs: { role: 'alert', 'data-testid': 'session-error' } },
              h('strong', {}, `${mt('badSession', lang)}: `),
              state.error,
            ),
          );
        const name = h('input', { attrs: { type: 'text', value: learner(), 'data-testid': 'learner-name' } });
        name.addEventListener('change', () => localStorage.setItem(LEARNER_KEY, name.value.slice(0, 200)));
        root.append(h('div', { class: 'mode-row' }, field(mt('learner', lang), name)), sessionForm(lang));
        if (!state.patient) return;
        const progress = h(
          'p',
          { class: 'muted', attrs: { 'data-testid': 'case-progress' } },
          mt('caseOf', lang, { i: state.index + 1, n: state.session.cases }),
        );
        const clock = h('span', { attrs: { 'data-testid': 'time-left' } });
        root.append(h('div', { class: 'mode-row' }, progress, state.deadline && !state.outcome ? clock : null));
        if (!state.outcome) {
          root.append(state.doctorCase ? doctorCasePanel(app, state.doctorCase, lang, finishDoctor) : triagePanel(lang, state.patient));
          if (state.results.length > 0) root.append(reportPanel(lang));
          tick(clock, lang);
          return;
        }
        if (state.timedOut) root.append(h('p', { class: 'notice', attrs: { role: 'status' } }, mt('timeUp', lang)));
        root.append(
          state.outcome.kind === 'doctor' ? debriefPanel(app, state.outcome.d, lang) : triageDebriefPanel(app, state.outcome.d, lang),
        );
        if (state.index + 1 < state.session.cases) {
          root.append(
            h(
              'button',
              {
                class: 'primary',
                attrs: { 'data-testid': 'next-case' },
                on: {
                  click: () => {
                    state.index += 1;
                    startCase();
                    render();
                  },
                },
              },
              mt('nextCase', lang),
            ),
          );
        }
        root.append(reportPanel(lang));
      };

      // The time limit: a countdown in the learner's own time; at zero the case is handed in as it is.
      const tick = (clock: HTMLElement, lang: Lang): void => {
        if (timer) clearInterval(timer);
        if (!state.deadline || state.outcome) return;
        const update = (): void => {
          const left = Math.max(0, (state.deadline ?? 0) - Date.now());
          clock.textContent = `${mt('timeLeft', lang)}: ${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, '0')}`;
          if (left > 0) return;
          clearInterval(timer);
          state.timedOut = true;
          if (state.doctorCase) finishDoctor();
          else if (state.patient) finishTriage('none' as DepartmentId);
        };
        update();
        timer = setInterval(update, 1000);
      };

      startCase();
      render();
      const onLang = (): void => render();
      app.bus.on('lang:changed', onLang);
      return () => {
        disposed = true;
        app.bus.off('lang:changed', onLang);
        if (timer) clearInterval(timer);
        store?.close();
        root.remove();
      };
    },
  };
}

export const TRAINING_VIEW = trainingView('training');
export const TRIAGE_TRAINING_VIEW = trainingView('triage-training', 'triage');
