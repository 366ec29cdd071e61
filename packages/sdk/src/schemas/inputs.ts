import * as z from 'zod/mini';
import type { FieldIssue } from '../errors.js';
import { CarePlanInputSchema, CarePlanUpdateSchema, GoalInputSchema, GoalUpdateSchema, ProgressNoteInputSchema, TaskInputSchema, TaskUpdateSchema } from './care-plan.js';
import { ContactUpdateSchema, ContactInputSchema } from './contact.js';
import { AlertInputSchema, SignCheckInputSchema, WarningSignPlanInputSchema, WarningSignPlanUpdateSchema } from './relapse.js';
import { toFieldIssues } from './parse.js';
import { KeyContactInputSchema, KeyContactUpdateSchema, ReferralInputSchema, ReferralUpdateSchema } from './pathway-input.js';
import { SupervisionInputSchema, SupervisionNoteInputSchema, TrainingInputSchema } from './staff.js';
import { CareTeamInputSchema, CareTeamUpdateSchema, ReallocationInputSchema } from './team.js';

/** What each client write takes, by name: widgets check a form before they send it, hosts before they call. */
export const INPUT_SCHEMAS = {
  contact: ContactInputSchema,
  contactUpdate: ContactUpdateSchema,
  carePlan: CarePlanInputSchema,
  carePlanUpdate: CarePlanUpdateSchema,
  goal: GoalInputSchema,
  goalUpdate: GoalUpdateSchema,
  task: TaskInputSchema,
  taskUpdate: TaskUpdateSchema,
  progressNote: ProgressNoteInputSchema,
  warningSignPlan: WarningSignPlanInputSchema,
  warningSignPlanUpdate: WarningSignPlanUpdateSchema,
  signCheck: SignCheckInputSchema,
  alert: AlertInputSchema,
  careTeam: CareTeamInputSchema,
  careTeamUpdate: CareTeamUpdateSchema,
} as const;
export type InputKind = keyof typeof INPUT_SCHEMAS;

/** The staff writes (`teamClient(client)`) and a reallocation's reason: the team lead's, checked apart so a person's widget does not carry them. */
export const STAFF_INPUT_SCHEMAS = {
  supervision: SupervisionInputSchema,
  supervisionNote: SupervisionNoteInputSchema,
  training: TrainingInputSchema,
  reallocation: ReallocationInputSchema,
} as const;
export type StaffInputKind = keyof typeof STAFF_INPUT_SCHEMAS;

/** The care pathway's writes (`pathwayClient`), checked apart so a widget without the pathway does not carry them. */
export const PATHWAY_INPUT_SCHEMAS = {
  keyContact: KeyContactInputSchema,
  keyContactUpdate: KeyContactUpdateSchema,
  referral: ReferralInputSchema,
  referralUpdate: ReferralUpdateSchema,
} as const;
export type PathwayInputKind = keyof typeof PATHWAY_INPUT_SCHEMAS;

/**
 * The problems with an input by the zod schemas the client parses with. The SDK exports the zod-free `inputIssues`
 * (input-check.ts) instead; this one is what the equivalence test holds it to.
 */
export function zodInputIssues(kind: InputKind | StaffInputKind | PathwayInputKind, value: unknown): FieldIssue[] {
  const schemas: Record<string, unknown> = { ...INPUT_SCHEMAS, ...STAFF_INPUT_SCHEMAS, ...PATHWAY_INPUT_SCHEMAS };
  try {
    if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, kind)) return [{ path: '', code: 'invalid', message: 'Unknown input kind' }];
    const result = z.safeParse(schemas[kind] as z.ZodMiniType, value);
    return result.success ? [] : toFieldIssues(result.error);
  } catch {
    return [{ path: '', code: 'unreadable', message: 'This value could not be read' }];
  }
}
