import * as z from 'zod/mini';
import { EnvelopeShape } from './envelope.js';
import { externalId, isoDate, isoDateTime, noteText, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// Relapse signature, sign checks and alerts (issue 7). No licensed instrument is encoded here: the signs are the
// person's own words. The 0–3 rating words, stages and functioning levels are STR Kit's own lists (issue 7).

const labelled = <C extends string | number>(list: readonly { readonly code: C; readonly label: string }[]) => list;

export const SIGN_STAGES = labelled([
  { code: 'early', label: 'Early signs' },
  { code: 'middle', label: 'Middle signs' },
  { code: 'late', label: 'Late signs' },
] as const);
export type SignStage = (typeof SIGN_STAGES)[number]['code'];

export const RATINGS = labelled([
  { code: 0, label: 'Not noticed' },
  { code: 1, label: 'A little' },
  { code: 2, label: 'Quite a lot' },
  { code: 3, label: 'A lot' },
] as const);
export type Rating = 0 | 1 | 2 | 3;
export const NOT_ASKED = 'not-asked';
export type SignRating = Rating | typeof NOT_ASKED;

export const FUNCTIONING_AREAS = labelled([
  { code: 'sleep', label: 'Sleep' },
  { code: 'eating', label: 'Eating' },
  { code: 'self-care', label: 'Self-care' },
  { code: 'social-contact', label: 'Social contact' },
  { code: 'activity', label: 'Activity' },
] as const);
export type FunctioningArea = (typeof FUNCTIONING_AREAS)[number]['code'];

export const FUNCTIONING_LEVELS = labelled([
  { code: 'usual', label: 'As usual' },
  { code: 'more', label: 'More than usual' },
  { code: 'less', label: 'Less than usual' },
  { code: 'much-less', label: 'Much less than usual' },
] as const);
export type FunctioningLevel = (typeof FUNCTIONING_LEVELS)[number]['code'];

export const SIGN_TEXT_MAX = 500;
export const RESPONSE_TEXT_MAX = 1000;
export const MAX_SIGNS = 300;

export const WarningSignSchema = z.object({
  id: uuid,
  /** In the person's own words, kept exactly. */
  text: noteText(SIGN_TEXT_MAX, true, 'Enter the sign in the person’s own words'),
  stage: z.enum(['early', 'middle', 'late'], { error: 'Choose early, middle or late' }),
  /** What was agreed to do when this sign shows. */
  response: noteText(RESPONSE_TEXT_MAX, true, 'Enter the agreed response'),
});
export type WarningSign = z.infer<typeof WarningSignSchema>;

/** Who to contact and how, in the person's agreed words. */
export const CrisisContactSchema = z.object({
  who: singleLine(200, 'Enter who to contact'),
  how: noteText(500, true, 'Enter how to contact them'),
});
export type CrisisContact = z.infer<typeof CrisisContactSchema>;

/** The alert rule's thresholds (issue 7 defaults). */
export const AlertRuleSchema = z.object({
  /** A late-stage sign rated at least this fires. */
  lateSignAtLeast: z.int().check(z.gte(1), z.lte(3)),
  /** The total rising at least this many per cent … */
  risePercent: z.int().check(z.gte(1), z.lte(1000)),
  /** … and at least this many points over the baseline fires. */
  risePoints: z.int().check(z.gte(1), z.lte(1000)),
  /** Any sign rated at least this … */
  repeatRating: z.int().check(z.gte(1), z.lte(3)),
  /** … on this many checks in a row fires. */
  repeatChecks: z.int().check(z.gte(2), z.lte(10)),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export const DEFAULT_ALERT_RULE: AlertRule = { lateSignAtLeast: 2, risePercent: 50, risePoints: 3, repeatRating: 3, repeatChecks: 2 };

export const WARNING_SIGN_PLAN_SCHEMA_VERSION = 1;
export const WarningSignPlanFields = {
  serviceUserId: uuid,
  coordinatorId: externalId,
  signs: z.array(WarningSignSchema).check(
    z.maxLength(MAX_SIGNS, { error: `A plan can hold ${MAX_SIGNS} signs or fewer` }),
    z.refine((signs) => new Set(signs.map((s) => s.id)).size === signs.length, { error: 'Each sign needs its own id' }),
  ),
  contacts: z.array(CrisisContactSchema).check(z.maxLength(20, { error: 'List 20 contacts or fewer' })),
  rule: AlertRuleSchema,
  /** The agreed baseline total, set by the co-ordinator from checks when the person was well. */
  agreedBaseline: z.optional(z.object({
    total: z.number().check(z.gte(0), z.lte(3 * MAX_SIGNS)),
    fromCheckIds: z.array(uuid).check(z.maxLength(20)),
    /** The signs the total covers (docs/adr/0005-alert-baseline.md); absent on older plans: all the plan's signs. */
    signIds: z.optional(z.array(uuid).check(z.maxLength(MAX_SIGNS))),
  })),
  agreedOn: z.optional(isoDate),
  reviewOn: z.optional(isoDate),
};
export const WarningSignPlanSchema = z.object({ ...EnvelopeShape, ...WarningSignPlanFields });
export type WarningSignPlan = z.infer<typeof WarningSignPlanSchema>;
export const WarningSignPlanInputSchema = z.strictObject({
  id: z.optional(uuid),
  serviceUserId: WarningSignPlanFields.serviceUserId,
  coordinatorId: z.optional(WarningSignPlanFields.coordinatorId),
  signs: WarningSignPlanFields.signs,
  contacts: z.optional(WarningSignPlanFields.contacts),
  rule: z.optional(WarningSignPlanFields.rule),
  agreedBaseline: WarningSignPlanFields.agreedBaseline,
  agreedOn: z.optional(isoDate),
  reviewOn: z.optional(isoDate),
});
export type WarningSignPlanInput = z.input<typeof WarningSignPlanInputSchema>;
export const WarningSignPlanUpdateSchema = z.strictObject({
  coordinatorId: z.optional(WarningSignPlanFields.coordinatorId),
  signs: z.optional(WarningSignPlanFields.signs),
  contacts: z.optional(WarningSignPlanFields.contacts),
  rule: z.optional(WarningSignPlanFields.rule),
  agreedBaseline: z.optional(z.nullable(WarningSignPlanFields.agreedBaseline)),
  agreedOn: z.optional(z.nullable(isoDate)),
  reviewOn: z.optional(z.nullable(isoDate)),
});
export type WarningSignPlanUpdate = z.input<typeof WarningSignPlanUpdateSchema>;

const RatingSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(NOT_ASKED)], { error: 'Rate the sign 0 to 3, or choose “Not asked”' });

export const FunctioningSchema = z.object({
  level: z.enum(['usual', 'more', 'less', 'much-less'], { error: 'Choose usual, more, less or much less' }),
  note: z.optional(noteText(500, true, 'Enter the note, or leave it out')),
});

export const SIGN_CHECK_SCHEMA_VERSION = 1;
export const SignCheckFields = {
  serviceUserId: uuid,
  planId: uuid,
  /** The plan version the check was made against (signs may change later). */
  planVersion: z.string().check(z.minLength(1)),
  /** When the check was made (it may be recorded later). */
  at: isoDateTime,
  workerId: externalId,
  /** A rating per sign id of that plan version. */
  ratings: z.record(uuid, RatingSchema),
  functioning: z.partialRecord(z.enum(['sleep', 'eating', 'self-care', 'social-contact', 'activity']), FunctioningSchema),
  observations: noteText(5000),
  /** The person's own view, in their words. */
  personsView: noteText(5000),
  /** The person was well at this check: a candidate for the agreed baseline. */
  markedWell: z.boolean(),
};
export const SignCheckSchema = z.object({ ...EnvelopeShape, ...SignCheckFields });
export type SignCheck = z.infer<typeof SignCheckSchema>;
export const SignCheckInputSchema = z.strictObject({
  id: z.optional(uuid),
  planId: SignCheckFields.planId,
  at: z.optional(isoDateTime),
  ratings: SignCheckFields.ratings,
  functioning: z.optional(SignCheckFields.functioning),
  observations: z.optional(SignCheckFields.observations),
  personsView: z.optional(SignCheckFields.personsView),
  markedWell: z.optional(SignCheckFields.markedWell),
});
export type SignCheckInput = z.input<typeof SignCheckInputSchema>;

export const ALERT_STATUSES = labelled([
  { code: 'open', label: 'Open' },
  { code: 'acknowledged', label: 'Acknowledged' },
] as const);
export type AlertStatus = (typeof ALERT_STATUSES)[number]['code'];

export const ALERT_SCHEMA_VERSION = 1;
/** The longest note a worker may send with an alert; forms hold the same limit, so an alert is never unsendable. */
export const ALERT_NOTE_MAX = 2000;
/**
 * The reason is the rule's own sentences, one per firing sign (late and repeat) plus a rise and a note: room for every
 * sign of the largest plan, so an alert on a plan with many signs firing can always be sent.
 */
export const ALERT_REASON_MAX = MAX_SIGNS * 2 * (SIGN_TEXT_MAX + 100) + 2000;
export const ALERT_OWNER_KINDS = ['care-coordinator', 'care-team', 'team-lead'] as const;
export type AlertOwnerKind = (typeof ALERT_OWNER_KINDS)[number];
export const AlertFields = {
  serviceUserId: uuid,
  checkId: uuid,
  /** Why, in words (the rule's reasons), never a code alone. */
  reason: noteText(ALERT_REASON_MAX, true, 'Enter why the alert was raised'),
  /** The worker's note when sending. */
  note: noteText(ALERT_NOTE_MAX),
  raisedBy: externalId,
  raisedAt: isoDateTime,
  status: z.enum(['open', 'acknowledged'], { error: 'Choose open or acknowledged' }),
  acknowledged: z.optional(z.object({ by: externalId, at: isoDateTime, action: noteText(2000, true, 'Enter what was done') })),
  /**
   * Who receives it, worked out when it is raised from what is on the device (issue 13): the care co-ordinator, else
   * the person's care team, else the client's team lead. Absent: nobody will receive it, and the worker is told so.
   */
  owner: z.optional(z.object({ kind: z.enum(ALERT_OWNER_KINDS), id: externalId })),
};
export const AlertSchema = z.object({ ...EnvelopeShape, ...AlertFields });
export type Alert = z.infer<typeof AlertSchema>;
export const AlertInputSchema = z.strictObject({
  id: z.optional(uuid),
  checkId: AlertFields.checkId,
  /** Leave it out: the client works the reason out from the rule's evaluation of the stored check (issue 14). */
  reason: z.optional(AlertFields.reason),
  note: z.optional(AlertFields.note),
});
export type AlertInput = z.input<typeof AlertInputSchema>;

schemasBuilt();
