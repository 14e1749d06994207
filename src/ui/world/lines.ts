import type { DepartmentId, DiseaseId, ExamId, PatientId, TermId } from '../../schema/ids';
import type { Lang } from '../../schema/common';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { SimEvents } from '../../sim/events';
import type { Patient } from '../../patients/types';
import { doctorIdOf } from '../../sim/services';

/** What a bubble or a log line needs to know besides the event: names in both languages. */
export interface Voice {
  kb: KnowledgeBase;
  /** The patient's record (persona and symptoms); undefined once forgotten. */
  patient(id: PatientId): Patient | undefined;
}

/** A line of speech: who says it (an agent id) and what, in the reader's language. */
export interface Line {
  speaker: string;
  text: string;
}

export type AnyEvent = { [K in keyof SimEvents]: { type: K; payload: SimEvents[K] } }[keyof SimEvents];

const safe = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

export function departmentName(v: Voice, id: DepartmentId, lang: Lang): string {
  return safe(() => v.kb.department(id).name[lang], id);
}
export function diseaseName(v: Voice, id: DiseaseId, lang: Lang): string {
  return safe(() => v.kb.disease(id).name[lang], id);
}
export function examName(v: Voice, id: ExamId, lang: Lang): string {
  return safe(() => v.kb.exam(id).name[lang], id);
}
/** A term as a doctor says it (the textbook name, lower-case in English). */
export function termName(v: Voice, id: TermId, lang: Lang): string {
  const name = safe(() => v.kb.term(id).name[lang], id);
  return lang === 'en' ? name.toLowerCase() : name;
}
/** A term as a patient says it: the first lay synonym when there is one. */
function layTerm(v: Voice, id: TermId, lang: Lang): string {
  const term = safe(() => v.kb.term(id), undefined);
  if (!term) return id;
  const lay = term.synonyms[lang][0];
  return lay ?? (lang === 'en' ? term.name.en.toLowerCase() : term.name.zh);
}

/** "3 days", "2 weeks", "a few hours": how a patient says how long. */
function duration(days: number, lang: Lang): string {
  if (days < 1) return lang === 'en' ? 'a few hours' : '几个小时';
  if (days < 14) return lang === 'en' ? `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'}` : `${Math.round(days)}天`;
  if (days < 60) return lang === 'en' ? `${Math.round(days / 7)} weeks` : `${Math.round(days / 7)}周`;
  return lang === 'en' ? `${Math.round(days / 30)} months` : `${Math.round(days / 30)}个月`;
}

/** The patient's answer, voiced by their persona's speaking style. */
function answer(v: Voice, patient: PatientId, term: TermId, present: boolean, lang: Lang): string {
  const record = v.patient(patient);
  const style = record?.persona.style ?? 'polite';
  const lay = layTerm(v, term, lang);
  const days = record?.symptoms.find((s) => s.term === term)?.days;
  const en = lang === 'en';
  if (!present) {
    if (style === 'terse') return en ? 'No.' : '没有。';
    if (style === 'anxious') return en ? `No ${lay}… is that bad?` : `没有${lay}……严重吗？`;
    if (style === 'irritable') return en ? 'No. How much longer?' : '没有。还要等多久？';
    return en ? `No, no ${lay}.` : `没有${lay}。`;
  }
  const when = days === undefined ? '' : duration(days, lang);
  switch (style) {
    case 'terse':
      return en ? 'Yes.' : '有。';
    case 'stoic':
      return en ? `A little ${lay}, nothing much.` : `有点${lay}，不要紧。`;
    case 'anxious':
      return en ? `Yes, ${lay}${when ? ` for ${when}` : ''}. Is it serious?` : `有，${lay}${when ? `${when}了` : ''}。严重吗？`;
    case 'precise':
      return en ? `Yes: ${lay}${when ? `, exactly ${when}` : ''}.` : `有，${lay}${when ? `，整整${when}` : ''}。`;
    case 'vague':
      return en ? `I think so… ${lay}, for a while.` : `好像有……${lay}，有一阵子了。`;
    case 'talkative':
      return en
        ? `Oh yes, ${lay}${when ? ` for ${when} now` : ''}, and it keeps me up at night.`
        : `是啊，${lay}${when ? `已经${when}了` : ''}，晚上都睡不好。`;
    default:
      return en ? `Yes, ${lay}${when ? ` for ${when}` : ''}.` : `是的，${lay}${when ? `${when}了` : ''}。`;
  }
}

/** Speaker ids, as the sim names its staff: `${role}:${room}`. */
export const speakers = {
  doctor: (department: DepartmentId) => doctorIdOf(department),
  triage: 'triage-nurse:triage',
  registration: 'registration-nurse:registration',
  pharmacist: 'pharmacist:pharmacy',
  examiner: (room: string) => `examiner:exam-${room}`,
};

/** The words an event puts in someone's mouth, or undefined for events nobody says aloud. */
export function lineOf(e: AnyEvent, v: Voice, lang: Lang): Line | undefined {
  const en = lang === 'en';
  switch (e.type) {
    case 'patient:arrived': {
      const p = e.payload;
      const c = p.complaint ? layTerm(v, p.complaint, lang) : '';
      if (p.visit > 1) return { speaker: p.patient, text: en ? "I'm back, it got worse." : '我又来了，病情加重了。' };
      // Lay terms are phrases ("head hurts", "short of breath"), so the line is built to take any of them.
      return { speaker: p.patient, text: en ? `Hello. ${c.charAt(0).toUpperCase()}${c.slice(1)}: that is why I came.` : `你好，我${c}。` };
    }
    case 'patient:triaged': {
      const d = departmentName(v, e.payload.department, lang);
      return {
        speaker: speakers.triage,
        text: e.payload.redFlag
          ? en
            ? `Urgent: straight to ${d}!`
            : `情况紧急，请马上去${d}！`
          : en
            ? `Please register for ${d}.`
            : `请挂${d}的号。`,
      };
    }
    case 'patient:registered':
      return { speaker: speakers.registration, text: en ? 'Registered. Please wait to be called.' : '挂号好了，请候诊。' };
    case 'consultation:started':
      return {
        speaker: speakers.doctor(e.payload.department),
        text:
          e.payload.visit > 1
            ? en
              ? 'Welcome back. How are you feeling?'
              : '您回来了，现在感觉怎么样？'
            : en
              ? 'Hello, what brings you in today?'
              : '你好，哪里不舒服？',
      };
    case 'doctor:asked':
      return {
        speaker: speakers.doctor(e.payload.department),
        text: en ? `Any ${termName(v, e.payload.term, lang)}?` : `有没有${termName(v, e.payload.term, lang)}？`,
      };
    case 'patient:answered':
      return { speaker: e.payload.patient, text: answer(v, e.payload.patient, e.payload.term, e.payload.present, lang) };
    case 'exam:ordered':
      return {
        speaker: speakers.doctor(e.payload.department),
        text: en ? `Let's do ${examName(v, e.payload.exam, lang)}.` : `我们做个${examName(v, e.payload.exam, lang)}。`,
      };
    case 'exam:started':
      if (e.payload.room === 'consulting-room') return undefined;
      return {
        speaker: speakers.examiner(e.payload.room),
        text: en ? `${examName(v, e.payload.exam, lang)}: please stay still.` : `${examName(v, e.payload.exam, lang)}，请保持不动。`,
      };
    case 'exam:reported': {
      const n = e.payload.findings.length;
      return {
        speaker: e.payload.patient,
        text:
          n === 0
            ? en
              ? 'My report came back normal.'
              : '报告正常。'
            : en
              ? `My report shows ${n} finding${n === 1 ? '' : 's'}.`
              : `报告有${n}项异常。`,
      };
    }
    case 'patient:diagnosed': {
      const d = diseaseName(v, e.payload.disease, lang);
      return {
        speaker: speakers.doctor(e.payload.department),
        text: e.payload.severe
          ? en
            ? `This is ${d}, and it is serious.`
            : `诊断是${d}，病情较重。`
          : en
            ? `I think it is ${d}.`
            : `考虑是${d}。`,
      };
    }
    case 'patient:referred': {
      const d = departmentName(v, e.payload.to, lang);
      return {
        speaker: speakers.doctor(e.payload.from),
        text: en ? `This looks like one for ${d}: please go and see them.` : `这更像是${d}的病，请到${d}就诊。`,
      };
    }
    case 'patient:dispensed':
      return { speaker: speakers.pharmacist, text: en ? 'Here is your medicine. Get well soon!' : '这是您的药，祝早日康复！' };
    case 'patient:returned':
      return { speaker: e.payload.patient, text: en ? 'It got worse, I came back.' : '病情加重，我又来了。' };
    default:
      return undefined;
  }
}

/** One line of the event log: what happened, in words, whoever says it. */
export function describe(e: AnyEvent, v: Voice, lang: Lang): string {
  const en = lang === 'en';
  const who = 'patient' in e.payload ? (v.patient(e.payload.patient)?.persona.name[lang] ?? e.payload.patient) : '';
  switch (e.type) {
    case 'patient:arrived':
      return en ? `${who} arrived${e.payload.visit > 1 ? ' again' : ''}` : `${who}${e.payload.visit > 1 ? '再次' : ''}到院`;
    case 'patient:triaged':
      return en
        ? `${who} triaged to ${departmentName(v, e.payload.department, lang)}${e.payload.redFlag ? ' (red flag)' : ''}`
        : `${who}分诊至${departmentName(v, e.payload.department, lang)}${e.payload.redFlag ? '（危险信号）' : ''}`;
    case 'patient:registered':
      return en ? `${who} registered` : `${who}已挂号`;
    case 'consultation:started':
      return en
        ? `${who} sees the ${departmentName(v, e.payload.department, lang)} doctor`
        : `${who}进入${departmentName(v, e.payload.department, lang)}诊室`;
    case 'doctor:asked':
    case 'patient:answered':
      return `${who}: ${lineOf(e, v, lang)?.text ?? ''}`;
    case 'exam:ordered':
      return en ? `${examName(v, e.payload.exam, lang)} ordered for ${who}` : `为${who}开具${examName(v, e.payload.exam, lang)}`;
    case 'exam:started':
      return en ? `${who}: ${examName(v, e.payload.exam, lang)} begins` : `${who}开始${examName(v, e.payload.exam, lang)}`;
    case 'exam:reported':
      return en
        ? `${who}: ${examName(v, e.payload.exam, lang)} reported, ${e.payload.findings.length} abnormal`
        : `${who}：${examName(v, e.payload.exam, lang)}报告，${e.payload.findings.length}项异常`;
    case 'patient:diagnosed':
      return en
        ? `${who} diagnosed with ${diseaseName(v, e.payload.disease, lang)} (${Math.round(e.payload.probability * 100)}%)`
        : `${who}诊断为${diseaseName(v, e.payload.disease, lang)}（${Math.round(e.payload.probability * 100)}%）`;
    case 'patient:referred':
      return en
        ? `${who} referred from ${departmentName(v, e.payload.from, lang)} to ${departmentName(v, e.payload.to, lang)}`
        : `${who}由${departmentName(v, e.payload.from, lang)}转诊至${departmentName(v, e.payload.to, lang)}`;
    case 'patient:dispensed':
      return en ? `${who} collected medicine` : `${who}已取药`;
    case 'patient:left':
      return en ? `${who} went home` : `${who}离院`;
    case 'patient:went-home-for-results':
      return en
        ? `${who} went home to wait for ${examName(v, e.payload.exam, lang)}`
        : `${who}回家等待${examName(v, e.payload.exam, lang)}结果`;
    case 'patient:followed-up':
      return e.payload.correct
        ? en
          ? `Follow-up: ${who} recovered (${diseaseName(v, e.payload.truth, lang)})`
          : `随访：${who}已康复（${diseaseName(v, e.payload.truth, lang)}）`
        : en
          ? `Follow-up: ${who} got worse; it was ${diseaseName(v, e.payload.truth, lang)}, not ${diseaseName(v, e.payload.diagnosed, lang)}`
          : `随访：${who}病情加重；实为${diseaseName(v, e.payload.truth, lang)}，而非${diseaseName(v, e.payload.diagnosed, lang)}`;
    case 'patient:returned':
      return en ? `${who} came back` : `${who}复诊`;
    case 'patient:discharged':
      return en ? `${who} discharged` : `${who}结案`;
    case 'brain:requested':
      return en ? `request ${e.payload.id}: ${e.payload.kind}` : `请求 ${e.payload.id}：${e.payload.kind}`;
    case 'command:refused':
      return en ? `refused ${e.payload.name}: ${e.payload.message}` : `拒绝 ${e.payload.name}：${e.payload.message}`;
    default:
      // An event this view does not describe yet reads as its name rather than vanishing.
      return (e as { type: string }).type;
  }
}
