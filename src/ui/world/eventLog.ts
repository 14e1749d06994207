import type { Lang } from '../../schema/common';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import { h } from '../dom';
import type { HospitalRun, LoggedEvent } from './hospitalRun';
import { describe } from './lines';
import { w } from './strings';
import { clockText } from './timeControls';

const SHOWN = 120;

export interface LogFilter {
  department: string;
  agent: string;
}

/** Whether a logged event passes the filter: by department (its own or its patient's) and by agent name or id. */
export function passes(e: LoggedEvent, run: HospitalRun, f: LogFilter): boolean {
  if (e.event.type === 'brain:requested') return false;
  const p = e.event.payload;
  const patient = 'patient' in p ? p.patient : undefined;
  if (f.department) {
    const dep = 'department' in p ? p.department : patient ? run.sim.world.patients.get(patient)?.department : undefined;
    if (dep !== f.department) return false;
  }
  if (f.agent) {
    const q = f.agent.toLowerCase();
    const name = patient ? run.sim.patientRecord(patient)?.persona.name : undefined;
    const hay = [patient ?? '', name?.en ?? '', name?.zh ?? ''].join(' ').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** The event log, newest first, filterable by department and agent. */
export function eventLog(run: HospitalRun, kb: KnowledgeBase, lang: () => Lang): { el: HTMLElement; refresh(): void } {
  const filter: LogFilter = { department: '', agent: '' };
  const select = h('select', { attrs: { 'aria-label': 'department', 'data-testid': 'log-department' } });
  const input = h('input', { class: 'search', attrs: { type: 'search', 'data-testid': 'log-agent' } });
  // Focusable: it scrolls, and a keyboard must be able to scroll it.
  const list = h('ol', { class: 'event-log', attrs: { 'data-testid': 'event-log', tabindex: '0' } });
  let drawnSeq = -1;
  let drawnLang: Lang | undefined;
  const options = (): void => {
    const l = lang();
    select.replaceChildren(
      h('option', { attrs: { value: '' } }, w('allDepartments', l)),
      ...kb.departments.map((d) => h('option', { attrs: { value: d.id } }, d.name[l])),
    );
    select.value = filter.department;
    input.placeholder = w('agentFilter', l);
    input.setAttribute('aria-label', w('agentFilter', l));
    list.setAttribute('aria-label', w('log', l));
  };
  select.addEventListener('change', () => {
    filter.department = select.value;
    drawnSeq = -1;
    refresh();
  });
  input.addEventListener('input', () => {
    filter.agent = input.value.trim();
    drawnSeq = -1;
    refresh();
  });
  const refresh = (): void => {
    const l = lang();
    const last = run.log[run.log.length - 1]?.seq ?? 0;
    if (l !== drawnLang) options();
    if (last === drawnSeq && l === drawnLang) return;
    drawnSeq = last;
    drawnLang = l;
    const rows: HTMLElement[] = [];
    for (let i = run.log.length - 1; i >= 0 && rows.length < SHOWN; i--) {
      const e = run.log[i] as LoggedEvent;
      if (!passes(e, run, filter)) continue;
      rows.push(
        h(
          'li',
          { attrs: { 'data-type': e.event.type } },
          h('time', {}, clockText(e.time, l).replace(/^.*?(\d\d:\d\d)$/, '$1')),
          ' ',
          describe(e.event, run.voice, l),
        ),
      );
    }
    list.replaceChildren(...rows);
  };
  options();
  refresh();
  return { el: h('div', { class: 'log-panel' }, h('div', { class: 'log-filters' }, select, input), list), refresh };
}
