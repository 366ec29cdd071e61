import * as z from 'zod/mini';
import { ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, type CodedValue } from '../codes/mhsds.js';
import { isUkLocalIso } from '../domain/time.js';
import { EnvelopeShape } from './envelope.js';
import { externalId, isoDateTime, noteText, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

const codesOf = <C extends string>(list: readonly CodedValue<C>[]) => list.map((c) => c.code) as unknown as readonly [C, ...C[]];

export const OTHER_PRESENT_KINDS = ['carer', 'family-member', 'friend', 'other-professional', 'interpreter', 'other'] as const;
export type OtherPresentKind = (typeof OTHER_PRESENT_KINDS)[number];
export const OTHER_PRESENT_LABELS: Record<OtherPresentKind, string> = {
  carer: 'Carer',
  'family-member': 'Family member',
  friend: 'Friend',
  'other-professional': 'Other professional',
  interpreter: 'Interpreter',
  other: 'Someone else',
};

export const OtherPresentSchema = z.object({
  kind: z.enum(OTHER_PRESENT_KINDS, { error: 'Choose who else was there' }),
  /** Free-text role, e.g. "housing officer". */
  role: z.optional(singleLine(100, 'Enter their role')),
});

export const CONTACT_SCHEMA_VERSION = 1;
export const CONTACT_NOTE_MAX = 10_000;

/** The fields a worker records (everything but the envelope). */
export const ContactFields = {
  serviceUserId: uuid,
  workerId: externalId,
  start: isoDateTime,
  durationMinutes: z.int({ error: 'Enter the duration in whole minutes' }).check(
    z.gte(1, { error: 'Duration must be at least 1 minute' }),
    z.lte(1440, { error: 'Duration must be 1,440 minutes (24 hours) or less' }),
  ),
  mechanism: z.enum(codesOf(CONSULTATION_MECHANISMS), { error: 'Choose how the contact took place' }),
  locationType: z.enum(codesOf(ACTIVITY_LOCATION_TYPES), { error: 'Choose where the contact took place' }),
  attendance: z.enum(codesOf(ATTEND_STATUSES), { error: 'Choose whether the person attended' }),
  planned: z.boolean({ error: 'Say whether the contact was planned' }),
  othersPresent: z.array(OtherPresentSchema).check(z.maxLength(20, { error: 'List 20 people or fewer' })),
  interpreterLanguage: z.optional(singleLine(100, 'Enter the language')),
  taskIds: z.array(uuid).check(z.maxLength(50, { error: 'Link 50 tasks or fewer' })),
  note: noteText(CONTACT_NOTE_MAX),
};

/** One contact with a person (MHSDS v6 MHS201 care contact). */
export const ContactSchema = z.object({ ...EnvelopeShape, ...ContactFields });

/**
 * The one stored form of `start` a worker's input must have (docs/adr/0006-uk-local-time.md): UK wall-clock time with
 * the UK offset of that moment. A time with another offset (`Z`, `+05:30`) or an offset the UK was not on then (01:30
 * with +01:00 on the morning the clocks go forward) is refused, never rewritten.
 */
export const UK_START_MESSAGE = 'Enter the start in UK time with the UK offset for that moment: +00:00 in winter (GMT), +01:00 in summer (BST)';
const ukStart = isoDateTime.check(z.refine<string>(isUkLocalIso, { error: UK_START_MESSAGE }));

/** What `client.contacts.create` takes: unknown fields are refused, not silently dropped. */
export const ContactInputSchema = z.strictObject({
  ...ContactFields,
  start: ukStart,
  id: z.optional(uuid),
  workerId: z.optional(ContactFields.workerId),
  planned: z.optional(ContactFields.planned),
  othersPresent: z.optional(ContactFields.othersPresent),
  taskIds: z.optional(ContactFields.taskIds),
  note: z.optional(ContactFields.note),
});
export type ContactInput = z.input<typeof ContactInputSchema>;

/** What `client.contacts.update` takes: any recorded field except the person it is about; `null` clears an optional one. */
export const ContactUpdateSchema = z.strictObject({
  workerId: z.optional(ContactFields.workerId),
  start: z.optional(ukStart),
  durationMinutes: z.optional(ContactFields.durationMinutes),
  mechanism: z.optional(ContactFields.mechanism),
  locationType: z.optional(ContactFields.locationType),
  attendance: z.optional(ContactFields.attendance),
  planned: z.optional(ContactFields.planned),
  othersPresent: z.optional(ContactFields.othersPresent),
  interpreterLanguage: z.optional(z.nullable(ContactFields.interpreterLanguage)),
  taskIds: z.optional(ContactFields.taskIds),
  note: z.optional(ContactFields.note),
});
export type ContactUpdate = z.input<typeof ContactUpdateSchema>;
export type Contact = z.infer<typeof ContactSchema>;

schemasBuilt();
