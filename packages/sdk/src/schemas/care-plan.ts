import * as z from 'zod/mini';
import { EnvelopeShape } from './envelope.js';
import { externalId, isoDate, noteText, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// Care plan, goal, task and progress note (issue 6). These lists are STR Kit's own, not a national code system:
// life areas are the areas of the STR role (issue 6), task status words follow the NHS design system's task list
// (https://service-manual.nhs.uk/design-system/components/task-list), and the plan and goal statuses
// are FHIR R4 value sets (http://hl7.org/fhir/R4/valueset-request-status.html,
// http://hl7.org/fhir/R4/valueset-goal-status.html) so the FHIR mapping is one to one.

const labelled = <C extends string>(list: readonly { readonly code: C; readonly label: string }[]) => list;
const codes = <C extends string>(list: readonly { readonly code: C }[]) => list.map((c) => c.code) as unknown as readonly [C, ...C[]];

export const LIFE_AREAS = labelled([
  { code: 'housing', label: 'Housing' },
  { code: 'work-and-learning', label: 'Work and learning' },
  { code: 'money-and-benefits', label: 'Money and benefits' },
  { code: 'relationships', label: 'Relationships' },
  { code: 'physical-health', label: 'Physical health' },
  { code: 'daily-living', label: 'Daily living' },
  { code: 'leisure', label: 'Leisure' },
  { code: 'mental-health', label: 'Mental health' },
] as const);
export type LifeArea = (typeof LIFE_AREAS)[number]['code'];

// FHIR R4 RequestStatus, the codes a care plan moves through here.
export const CARE_PLAN_STATUSES = labelled([
  { code: 'draft', label: 'Draft, not yet agreed' },
  { code: 'active', label: 'Agreed and in use' },
  { code: 'on-hold', label: 'On hold' },
  { code: 'completed', label: 'Completed' },
  { code: 'revoked', label: 'Stopped' },
] as const);
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number]['code'];

// FHIR R4 GoalLifecycleStatus, the codes a person's goal moves through here.
export const GOAL_STATUSES = labelled([
  { code: 'active', label: 'Working on it' },
  { code: 'on-hold', label: 'Paused' },
  { code: 'completed', label: 'Achieved' },
  { code: 'cancelled', label: 'No longer a goal' },
] as const);
export type GoalStatus = (typeof GOAL_STATUSES)[number]['code'];

// NHS task list pattern words ("Not yet started", "In progress", "Completed", "Cannot start yet"), plus cancelled.
export const TASK_STATUSES = labelled([
  { code: 'not-started', label: 'Not yet started' },
  { code: 'in-progress', label: 'In progress' },
  { code: 'completed', label: 'Completed' },
  { code: 'cannot-start-yet', label: 'Cannot start yet' },
  { code: 'cancelled', label: 'Cancelled' },
] as const);
export type TaskStatus = (typeof TASK_STATUSES)[number]['code'];

export const TASK_REPEATS = labelled([
  { code: 'daily', label: 'Every day' },
  { code: 'weekly', label: 'Every week' },
  { code: 'fortnightly', label: 'Every 2 weeks' },
  { code: 'monthly', label: 'Every month' },
] as const);
export type TaskRepeat = (typeof TASK_REPEATS)[number]['code'];

export const TASK_OWNER_KINDS = labelled([
  { code: 'worker', label: 'A worker' },
  { code: 'service-user', label: 'The person' },
  { code: 'carer', label: 'A carer' },
  { code: 'other-service', label: 'Another service' },
] as const);
export type TaskOwnerKind = (typeof TASK_OWNER_KINDS)[number]['code'];

/**
 * How often the person and the team agreed to meet (issue 21; docs/adr/0023-caseload-summary.md), with the longest
 * gap it allows in days: twice a week is every 3 or 4 days, so a gap of 4 is still within it. "Monthly" is the same
 * date next month (or the month's last day), worked out by the caseload rules, not a fixed number of days.
 */
export const CONTACT_FREQUENCIES = labelled([
  { code: 'twice-weekly', label: 'Twice a week' },
  { code: 'weekly', label: 'Weekly' },
  { code: 'fortnightly', label: 'Every 2 weeks' },
  { code: 'four-weekly', label: 'Every 4 weeks' },
  { code: 'monthly', label: 'Monthly' },
] as const);
export type ContactFrequencyCode = (typeof CONTACT_FREQUENCIES)[number]['code'];

const frequencyCode = z.enum(codes(CONTACT_FREQUENCIES), { error: 'Choose how often to see the person: twice a week, weekly, every 2 weeks, every 4 weeks or monthly' });
const frequencyFrom = isoDate;

/** The agreed contact frequency as stored on the care plan: how often, from when, and who agreed it with the person. */
export const ContactFrequencySchema = z.object({
  every: frequencyCode,
  /** The UK date it applies from. */
  from: frequencyFrom,
  /** The sign-in id of the worker who agreed it with the person. */
  agreedBy: externalId,
});
export type ContactFrequency = z.infer<typeof ContactFrequencySchema>;
/** What a host passes: `agreedBy` defaults to the signed-in actor. */
export const ContactFrequencyInputSchema = z.strictObject({
  every: frequencyCode,
  from: frequencyFrom,
  agreedBy: z.optional(externalId),
});
export type ContactFrequencyInput = z.input<typeof ContactFrequencyInputSchema>;

export const GOAL_TEXT_MAX = 1000;
export const TASK_TEXT_MAX = 500;
export const PROGRESS_NOTE_MAX = 5000;

/** Someone the plan was agreed with: the person, and a carer where the person wishes. */
export const AgreedWithSchema = z.object({
  kind: z.enum(['service-user', 'carer'], { error: 'Choose the person or a carer' }),
  name: z.optional(singleLine(200, 'Enter their name')),
});

/** Goal id → its task ids in the agreed order. */
const TaskOrderSchema = z.record(uuid, z.array(uuid).check(z.maxLength(2000, { error: 'A goal can hold 2,000 tasks or fewer' })));

/**
 * 2: the agreed contact frequency (issue 21). A plan is read with a schema that keeps only the fields it knows, so an
 * STR Kit from before the frequency (an open tab not yet reloaded) would drop it on its next save; at 2 that tab
 * refuses the plan as made by a newer version instead (docs/safety/hazard-log.md, H37).
 */
export const CARE_PLAN_SCHEMA_VERSION = 2;
export const CarePlanFields = {
  serviceUserId: uuid,
  coordinatorId: externalId,
  agreedWith: z.array(AgreedWithSchema).check(z.maxLength(10, { error: 'List 10 people or fewer' })),
  agreedOn: z.optional(isoDate),
  nextReviewOn: z.optional(isoDate),
  lastReviewedOn: z.optional(isoDate),
  status: z.enum(codes(CARE_PLAN_STATUSES), { error: 'Choose the plan status' }),
  /**
   * The agreed order. Goals and tasks not listed follow the listed ones, oldest first, so a new goal or task is
   * one write and a failed reorder can never lose or duplicate one.
   */
  goalOrder: z.array(uuid).check(z.maxLength(500, { error: 'A plan can hold 500 goals or fewer' })),
  taskOrder: TaskOrderSchema,
  /** How often the team sees the person, as agreed with them (docs/adr/0023-caseload-summary.md). */
  contactFrequency: z.optional(ContactFrequencySchema),
};
export const CarePlanSchema = z.object({ ...EnvelopeShape, ...CarePlanFields });
export type CarePlan = z.infer<typeof CarePlanSchema>;
export const CarePlanInputSchema = z.strictObject({
  id: z.optional(uuid),
  serviceUserId: CarePlanFields.serviceUserId,
  coordinatorId: z.optional(CarePlanFields.coordinatorId),
  agreedWith: z.optional(CarePlanFields.agreedWith),
  agreedOn: z.optional(isoDate),
  nextReviewOn: z.optional(isoDate),
  status: z.optional(CarePlanFields.status),
  contactFrequency: z.optional(ContactFrequencyInputSchema),
});
export type CarePlanInput = z.input<typeof CarePlanInputSchema>;
/** `null` clears an optional field. */
export const CarePlanUpdateSchema = z.strictObject({
  coordinatorId: z.optional(CarePlanFields.coordinatorId),
  agreedWith: z.optional(CarePlanFields.agreedWith),
  agreedOn: z.optional(z.nullable(isoDate)),
  nextReviewOn: z.optional(z.nullable(isoDate)),
  status: z.optional(CarePlanFields.status),
  contactFrequency: z.optional(z.nullable(ContactFrequencyInputSchema)),
});
export type CarePlanUpdate = z.input<typeof CarePlanUpdateSchema>;

export const GOAL_SCHEMA_VERSION = 1;
export const GoalFields = {
  serviceUserId: uuid,
  carePlanId: uuid,
  /** The person's own words, kept exactly as written. */
  text: noteText(GOAL_TEXT_MAX, true, 'Enter the goal in the person’s own words'),
  lifeArea: z.enum(codes(LIFE_AREAS), { error: 'Choose the area of life this goal is about' }),
  targetDate: z.optional(isoDate),
  status: z.enum(codes(GOAL_STATUSES), { error: 'Choose the goal status' }),
};
export const GoalSchema = z.object({ ...EnvelopeShape, ...GoalFields });
export type Goal = z.infer<typeof GoalSchema>;
export const GoalInputSchema = z.strictObject({
  id: z.optional(uuid),
  carePlanId: GoalFields.carePlanId,
  text: GoalFields.text,
  lifeArea: GoalFields.lifeArea,
  targetDate: z.optional(isoDate),
  status: z.optional(GoalFields.status),
});
export type GoalInput = z.input<typeof GoalInputSchema>;
export const GoalUpdateSchema = z.strictObject({
  text: z.optional(GoalFields.text),
  lifeArea: z.optional(GoalFields.lifeArea),
  targetDate: z.optional(z.nullable(isoDate)),
  status: z.optional(GoalFields.status),
});
export type GoalUpdate = z.input<typeof GoalUpdateSchema>;

/** Who does a task: a worker (by id), the person, a carer, or another service (named). */
export const TaskOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('worker'), workerId: externalId }),
  z.object({ kind: z.literal('service-user') }),
  z.object({ kind: z.literal('carer'), name: z.optional(singleLine(200, 'Enter the carer’s name')) }),
  z.object({ kind: z.literal('other-service'), name: singleLine(200, 'Enter the name of the service') }),
], { error: 'Choose who does this task' });
export type TaskOwner = z.infer<typeof TaskOwnerSchema>;

export const TASK_SCHEMA_VERSION = 1;
export const TaskFields = {
  serviceUserId: uuid,
  carePlanId: uuid,
  goalId: uuid,
  text: singleLine(TASK_TEXT_MAX, 'Enter what needs doing'),
  owner: TaskOwnerSchema,
  dueDate: z.optional(isoDate),
  repeat: z.optional(z.enum(codes(TASK_REPEATS), { error: 'Choose how often it repeats' })),
  status: z.enum(codes(TASK_STATUSES), { error: 'Choose the task status' }),
  /** Why it cannot start yet or was cancelled (required when cancelled). */
  statusReason: z.optional(singleLine(500, 'Enter the reason')),
  /** The UK date it was last done: completion of a one-off task, or the latest round of a repeating one. */
  lastDoneOn: z.optional(isoDate),
  /**
   * The due date a repeating task's rhythm counts from, kept when it moves on (so a monthly task due 31 January is
   * next due 29 February, then 31 March, not 29 March). Set by the first completion; an edit of the due date or the
   * repeat clears it, and the new due date becomes the rhythm.
   */
  repeatAnchor: z.optional(isoDate),
};
const reasonWhenCancelled = z.refine<{ status: TaskStatus; statusReason?: string | undefined }>(
  (t) => t.status !== 'cancelled' || !!t.statusReason,
  { error: 'Enter why the task was cancelled', path: ['statusReason'] },
);
export const TaskSchema = z.object({ ...EnvelopeShape, ...TaskFields }).check(reasonWhenCancelled);
export type Task = z.infer<typeof TaskSchema>;
export const TaskInputSchema = z.strictObject({
  id: z.optional(uuid),
  carePlanId: TaskFields.carePlanId,
  goalId: TaskFields.goalId,
  text: TaskFields.text,
  owner: TaskFields.owner,
  dueDate: z.optional(isoDate),
  repeat: z.optional(TaskFields.repeat),
});
export type TaskInput = z.input<typeof TaskInputSchema>;
/** `null` clears an optional field. */
export const TaskUpdateSchema = z.strictObject({
  goalId: z.optional(TaskFields.goalId),
  text: z.optional(TaskFields.text),
  owner: z.optional(TaskFields.owner),
  dueDate: z.optional(z.nullable(isoDate)),
  repeat: z.optional(z.nullable(TaskFields.repeat)),
});
export type TaskUpdate = z.input<typeof TaskUpdateSchema>;

export const PROGRESS_NOTE_SCHEMA_VERSION = 1;
export const ProgressNoteFields = {
  serviceUserId: uuid,
  carePlanId: uuid,
  /** What the note is about: a task or a goal of the plan. */
  about: z.object({ kind: z.enum(['task', 'goal'], { error: 'Choose a task or goal' }), id: uuid }),
  text: noteText(PROGRESS_NOTE_MAX, true, 'Enter the progress note'),
};
export const ProgressNoteSchema = z.object({ ...EnvelopeShape, ...ProgressNoteFields });
export type ProgressNote = z.infer<typeof ProgressNoteSchema>;
export const ProgressNoteInputSchema = z.strictObject({
  id: z.optional(uuid),
  about: ProgressNoteFields.about,
  text: ProgressNoteFields.text,
});
export type ProgressNoteInput = z.input<typeof ProgressNoteInputSchema>;

schemasBuilt();
