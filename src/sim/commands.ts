import { z } from 'zod';
import { DepartmentId, DiseaseId, ExamId, PatientId, TermId } from '../schema/ids';
import type { World } from './world';
import { OutbreakSpec } from './outbreak';
import { TriageRule } from './config';

/**
 * What a command answers: done, or refused with the reason (the `command:refused` event says
 * the same to whoever listens), so a caller need not listen for the event to know.
 */
export type CommandResult = { ok: true } | { ok: false; reason: string };

/**
 * Everything that changes the world from outside is a command: a name, zod-checked arguments
 * and a handler. The brain's answers come back this way too.
 */
export interface CommandContext {
  world: World;
  answerTriage(patient: PatientId, request: number, department: DepartmentId, redFlag: boolean): CommandResult;
  answerConsult(args: ConsultAnswer): CommandResult;
  setArrivalRate(perHour: number): CommandResult;
  setCapacity(service: string, count: number): CommandResult;
  setTriageRules(rules: TriageRule[]): CommandResult;
  startOutbreak(spec: OutbreakSpec): CommandResult;
}

export const ConsultAnswer = z.strictObject({
  request: z.number().int(),
  patient: PatientId,
  /** Questions asked since the last answer, with the patient's replies. */
  dialogue: z.array(z.strictObject({ term: TermId, present: z.boolean() })),
  /** Either the next examination to order… */
  order: ExamId.optional(),
  /** …or the conclusion… */
  diagnosis: z.strictObject({ disease: DiseaseId, probability: z.number().min(0).max(1), severe: z.boolean() }).optional(),
  /** …or a referral to another department's doctor, whom the patient walks to. */
  refer: DepartmentId.optional(),
});
export type ConsultAnswer = z.infer<typeof ConsultAnswer>;

interface CommandDef<A extends z.ZodType> {
  args: A;
  handle(ctx: CommandContext, args: z.infer<A>): CommandResult;
}

function defineCommand<A extends z.ZodType>(def: CommandDef<A>): CommandDef<A> {
  return def;
}

export const COMMANDS = {
  'triage.decided': defineCommand({
    args: z.strictObject({ request: z.number().int(), patient: PatientId, department: DepartmentId, redFlag: z.boolean() }),
    handle: (ctx, a) => ctx.answerTriage(a.patient, a.request, a.department, a.redFlag),
  }),
  'consult.answered': defineCommand({
    args: ConsultAnswer.refine((a) => [a.order, a.diagnosis, a.refer].filter(Boolean).length === 1, {
      message: 'give one of an examination order, a diagnosis or a referral',
    }),
    handle: (ctx, a) => ctx.answerConsult(a),
  }),
  'hospital.setArrivalRate': defineCommand({
    args: z.strictObject({ perHour: z.number().min(0).max(600) }),
    handle: (ctx, a) => ctx.setArrivalRate(a.perHour),
  }),
  /** Staff a service for more patients at once (a fever clinic, extra doctors, a second triage desk). */
  'hospital.setCapacity': defineCommand({
    args: z.strictObject({
      service: z
        .string()
        .regex(
          /^(triage|registration|pharmacy|consult:[a-z0-9-]+|exam:[a-z0-9-]+)$/,
          'a service such as "triage" or "consult:respiratory"',
        ),
      count: z.number().int().min(1).max(50),
    }),
    handle: (ctx, a) => ctx.setCapacity(a.service, a.count),
  }),
  'hospital.setTriageRules': defineCommand({
    args: z.strictObject({ rules: z.array(TriageRule).max(20) }),
    handle: (ctx, a) => ctx.setTriageRules(a.rules),
  }),
  'hospital.startOutbreak': defineCommand({
    args: OutbreakSpec,
    handle: (ctx, a) => ctx.startOutbreak(a),
  }),
} as const;

export type CommandName = keyof typeof COMMANDS;
/** What a caller passes: plain strings where the world's ids are expected; they are parsed (and branded) on the way in. */
export type CommandArgs<N extends CommandName> = z.input<(typeof COMMANDS)[N]['args']>;
