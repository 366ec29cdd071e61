import * as z from 'zod/mini';
import { EnvelopeShape } from './envelope.js';
import { RoleSchema } from './people.js';
import { externalId, isoDate, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// A person's care team: who supports them, in which role (DESIGN.md "team" ↔ CareTeam). Team leads and
// co-ordinators allocate it; it is what caseload views are built from.
// 2 added `changeReason`: why the team last changed (a reallocation's reason). An STR Kit that knew only 1 would drop it
// on its next save, so it is told the record is newer instead (migrations.ts).
export const CARE_TEAM_SCHEMA_VERSION = 2;
export const CHANGE_REASON_MAX = 500;
/** Why a care team changed: one line, the NHS text rules. */
export const ChangeReasonSchema = singleLine(CHANGE_REASON_MAX, 'Enter why the care team is changing');
export const CareTeamParticipantSchema = z.object({
  /** The worker's sign-in id (Actor.id). */
  workerId: externalId,
  role: RoleSchema,
  /** Since when (UK date). */
  from: z.optional(isoDate),
});
export type CareTeamParticipant = z.infer<typeof CareTeamParticipantSchema>;

export const CareTeamFields = {
  serviceUserId: uuid,
  name: singleLine(200, 'Enter the team’s name'),
  status: z.enum(['active', 'inactive'], { error: 'Choose active or inactive' }),
  participants: z.array(CareTeamParticipantSchema).check(z.maxLength(30, { error: 'List 30 people or fewer' })),
  /**
   * Why this version of the team was made, in the words of whoever changed it ("Reallocated: Wren's caseload is full").
   * Each version carries its own (an update without one leaves none), so the team's history says why each change was made.
   */
  changeReason: z.optional(ChangeReasonSchema),
};
export const CareTeamSchema = z.object({ ...EnvelopeShape, ...CareTeamFields });
export type CareTeam = z.infer<typeof CareTeamSchema>;
export const CareTeamInputSchema = z.strictObject({
  id: z.optional(uuid),
  serviceUserId: CareTeamFields.serviceUserId,
  name: CareTeamFields.name,
  status: z.optional(CareTeamFields.status),
  participants: CareTeamFields.participants,
  changeReason: CareTeamFields.changeReason,
});
export type CareTeamInput = z.input<typeof CareTeamInputSchema>;
export const CareTeamUpdateSchema = z.strictObject({
  name: z.optional(CareTeamFields.name),
  status: z.optional(CareTeamFields.status),
  participants: z.optional(CareTeamFields.participants),
  /** Why this change is made; leave it out and the new version has none. */
  changeReason: CareTeamFields.changeReason,
});
export type CareTeamUpdate = z.input<typeof CareTeamUpdateSchema>;
/** What a team lead gives to reallocate a person, checked before the care team is read (the reason is required here). */
export const ReallocationInputSchema = z.strictObject({ changeReason: ChangeReasonSchema });

schemasBuilt();
