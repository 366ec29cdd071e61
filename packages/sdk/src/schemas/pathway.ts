import * as z from 'zod/mini';
import { EnvelopeShape } from './envelope.js';
import { externalId, isoDate, noteText, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// The person's care pathway (issue 23, docs/adr/0027-care-pathway.md): who helps them across agencies (key contacts)
// and where they were referred and what came of it (referrals). Who may write each is the role table's
// (domain/pathway.ts); the rules that span fields (a family contact needs the person's agreement, dates in order) are
// pathwayIssues' in domain/pathway.ts, so the client and the widget refuse with the same words.

/**
 * The codes of UKCore-AdditionalPersonRelationshipRole (RelatedPerson.relationship); their published displays are the
 * FHIR mapping's (adapters/fhir/ukcore.ts), so a widget's bundle does not carry them.
 */
export const RELATIONSHIP_ROLES = [
  'Agent', 'Guardian', 'Personal', 'PolygamousPartner', 'Dependant', 'NonDependant', 'ProxyContact', 'ProxyCommunication', 'ProxyContactCommunication', 'Carer', 'NotSpecified',
] as const;
export type RelationshipRole = (typeof RELATIONSHIP_ROLES)[number];

/** `professional`: someone from a service or agency; `family`: a carer, relative or friend (with the person's agreement). */
export const KEY_CONTACT_KINDS = ['professional', 'family'] as const;
export type KeyContactKind = (typeof KEY_CONTACT_KINDS)[number];
/**
 * `suggested`: a worker's suggestion the care co-ordinator has not yet confirmed (never shown as confirmed);
 * `active`: confirmed; `inactive`: no longer a contact (kept, never deleted).
 */
export const KEY_CONTACT_STATUSES = ['suggested', 'active', 'inactive'] as const;
export type KeyContactStatus = (typeof KEY_CONTACT_STATUSES)[number];

export const PHONE_MAX = 40;
export const REACH_MAX = 500;
/** Digits with spaces, brackets, hyphens and a leading +; at least 3 digits (999, 111, 116 123 are numbers too). */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]*$/;
export const isPhone = (s: string): boolean => PHONE_PATTERN.test(s) && s.replace(/\D/g, '').length >= 3;
export const PHONE_MESSAGE = 'Enter a phone number using numbers, spaces and brackets, like 01632 960 123';
/** A plain address shape: something@something.something, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (s: string): boolean => EMAIL_PATTERN.test(s);
export const EMAIL_MESSAGE = 'Enter an email address like name@example.org';

export const phone = singleLine(PHONE_MAX, 'Enter a phone number, or leave it out').check(z.refine<string>(isPhone, { error: PHONE_MESSAGE }));
export const email = singleLine(254, 'Enter an email address, or leave it out').check(z.refine<string>(isEmail, { error: EMAIL_MESSAGE }));

export const KEY_CONTACT_SCHEMA_VERSION = 1;
export const KeyContactFields = {
  serviceUserId: uuid,
  kind: z.enum(KEY_CONTACT_KINDS, { error: 'Choose someone from a service, or family or a friend' }),
  /** Their name ("Dr Rowan Example"), or the service's where there is no named person ("Duty desk"). */
  name: singleLine(200, 'Enter their name'),
  /** Their role in words, as the person would say it: "GP", "Housing officer", "Sister". */
  role: singleLine(200, 'Enter their role, like GP, housing officer or sister'),
  /** The agency they work for (professionals): what the pathway groups by. */
  organisation: z.optional(singleLine(200, 'Enter the organisation, or leave it out')),
  /** Family and carers: the relationship as UK Core codes it (the words are `role`). */
  relationship: z.optional(z.enum(RELATIONSHIP_ROLES, { error: 'Choose how they are related to the person' })),
  phone: z.optional(phone),
  email: z.optional(email),
  /** How and when to reach them, in words: "Weekdays 9 to 5; ask for the duty worker". */
  reach: z.optional(noteText(REACH_MAX, true, 'Enter how and when to reach them, or leave it out')),
  /** Whether to contact them in a crisis (they appear in the person's copy under "If things get harder"). */
  crisis: z.boolean({ error: 'Say whether to contact them in a crisis' }),
  /** Family and carers: the UK date the person agreed they may be a contact. */
  agreedOn: z.optional(isoDate),
  status: z.enum(KEY_CONTACT_STATUSES, { error: 'Choose suggested, active or inactive' }),
  /** A suggestion to change this contact (its id): confirming it replaces that contact. */
  replacesId: z.optional(uuid),
  /** Why a worker suggests it, for the co-ordinator. */
  suggestionNote: z.optional(noteText(REACH_MAX, true, 'Enter why you suggest this, or leave it out')),
};
export const KeyContactSchema = z.object({ ...EnvelopeShape, ...KeyContactFields });
export type KeyContact = z.infer<typeof KeyContactSchema>;
/** `out`: this team referred the person to another service; `in`: another service referred them to this team. */
export const REFERRAL_DIRECTIONS = ['out', 'in'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];
/** How a closed referral ended. `completed` needs the date first seen. */
export const REFERRAL_OUTCOMES = ['completed', 'declined', 'withdrawn', 'did-not-attend'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
/** English words for each outcome, for FHIR text (the widgets show their own catalogue's). */
export const REFERRAL_OUTCOME_WORDS: Readonly<Record<ReferralOutcome, string>> = {
  completed: 'seen and completed',
  declined: 'declined by the service',
  withdrawn: 'withdrawn',
  'did-not-attend': 'closed after the person did not attend',
};
export const REFERRAL_TEXT_MAX = 1_000;

export const REFERRAL_SCHEMA_VERSION = 1;
export const ReferralFields = {
  serviceUserId: uuid,
  direction: z.enum(REFERRAL_DIRECTIONS, { error: 'Choose a referral to another service or from one' }),
  /** The other service: where the person was referred to (`out`) or who referred them (`in`). */
  service: singleLine(200, 'Enter the service'),
  reason: noteText(REFERRAL_TEXT_MAX, true, 'Enter the reason for the referral'),
  /** Who in this team made it (`out`), by sign-in id. */
  referrerId: z.optional(externalId),
  /** UK dates: sent, accepted by the service, first seen by it, closed. */
  sentOn: isoDate,
  acceptedOn: z.optional(isoDate),
  firstSeenOn: z.optional(isoDate),
  closedOn: z.optional(isoDate),
  outcome: z.optional(z.enum(REFERRAL_OUTCOMES, { error: 'Choose how the referral ended' })),
  outcomeNote: z.optional(noteText(REFERRAL_TEXT_MAX, true, 'Enter what came of it, or leave it out')),
};
export const ReferralSchema = z.object({ ...EnvelopeShape, ...ReferralFields });
export type Referral = z.infer<typeof ReferralSchema>;
schemasBuilt();
