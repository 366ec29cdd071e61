import * as z from 'zod/mini';
import { jitlessWhileBuilding } from './jitless.js';
import { KeyContactFields, REFERRAL_OUTCOMES, REACH_MAX, REFERRAL_TEXT_MAX, RELATIONSHIP_ROLES, ReferralFields, email, phone } from './pathway.js';
import { isoDate, noteText, singleLine, uuid } from './text.js';

const schemasBuilt = jitlessWhileBuilding();

// What the care pathway's writes take (pathwayClient, docs/adr/0027-care-pathway.md): apart from the record schemas,
// which every store parses, so that a page without the care pathway does not carry them.

export const KeyContactInputSchema = z.strictObject({
  id: z.optional(uuid),
  serviceUserId: KeyContactFields.serviceUserId,
  kind: KeyContactFields.kind,
  name: KeyContactFields.name,
  role: KeyContactFields.role,
  organisation: KeyContactFields.organisation,
  relationship: KeyContactFields.relationship,
  phone: KeyContactFields.phone,
  email: KeyContactFields.email,
  reach: KeyContactFields.reach,
  crisis: KeyContactFields.crisis,
  agreedOn: KeyContactFields.agreedOn,
  replacesId: KeyContactFields.replacesId,
  suggestionNote: KeyContactFields.suggestionNote,
});
export type KeyContactInput = z.input<typeof KeyContactInputSchema>;
/** `null` clears an optional field. Co-ordinators and team leads only; workers suggest instead. */
export const KeyContactUpdateSchema = z.strictObject({
  kind: z.optional(KeyContactFields.kind),
  name: z.optional(KeyContactFields.name),
  role: z.optional(KeyContactFields.role),
  organisation: z.optional(z.nullable(singleLine(200, 'Enter the organisation, or leave it out'))),
  relationship: z.optional(z.nullable(z.enum(RELATIONSHIP_ROLES, { error: 'Choose how they are related to the person' }))),
  phone: z.optional(z.nullable(phone)),
  email: z.optional(z.nullable(email)),
  reach: z.optional(z.nullable(noteText(REACH_MAX, true, 'Enter how and when to reach them, or leave it out'))),
  crisis: z.optional(KeyContactFields.crisis),
  agreedOn: z.optional(z.nullable(isoDate)),
  status: z.optional(z.enum(['active', 'inactive'], { error: 'Choose active or inactive' })),
});
export type KeyContactUpdate = z.input<typeof KeyContactUpdateSchema>;

export const ReferralInputSchema = z.strictObject({
  id: z.optional(uuid),
  serviceUserId: ReferralFields.serviceUserId,
  direction: ReferralFields.direction,
  service: ReferralFields.service,
  reason: ReferralFields.reason,
  /** Default for `out`: the signed-in actor. */
  referrerId: ReferralFields.referrerId,
  sentOn: ReferralFields.sentOn,
  acceptedOn: ReferralFields.acceptedOn,
  firstSeenOn: ReferralFields.firstSeenOn,
  closedOn: ReferralFields.closedOn,
  outcome: ReferralFields.outcome,
  outcomeNote: ReferralFields.outcomeNote,
});
export type ReferralInput = z.input<typeof ReferralInputSchema>;
/** Progress and corrections; `null` clears a date or the outcome. */
export const ReferralUpdateSchema = z.strictObject({
  service: z.optional(ReferralFields.service),
  reason: z.optional(ReferralFields.reason),
  sentOn: z.optional(ReferralFields.sentOn),
  acceptedOn: z.optional(z.nullable(isoDate)),
  firstSeenOn: z.optional(z.nullable(isoDate)),
  closedOn: z.optional(z.nullable(isoDate)),
  outcome: z.optional(z.nullable(z.enum(REFERRAL_OUTCOMES, { error: 'Choose how the referral ended' }))),
  outcomeNote: z.optional(z.nullable(noteText(REFERRAL_TEXT_MAX, true, 'Enter what came of it, or leave it out'))),
});
export type ReferralUpdate = z.input<typeof ReferralUpdateSchema>;

schemasBuilt();
