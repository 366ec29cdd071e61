import * as z from 'zod/mini';
import { EnvelopeShape } from './envelope.js';
import { RoleSchema } from './people.js';
import { externalId, isoDate, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// A person's care team: who supports them, in which role (DESIGN.md "team" ↔ CareTeam). Team leads and
// co-ordinators allocate it; it is what caseload views are built from.
export const CARE_TEAM_SCHEMA_VERSION = 1;
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
};
export const CareTeamSchema = z.object({ ...EnvelopeShape, ...CareTeamFields });
export type CareTeam = z.infer<typeof CareTeamSchema>;
export const CareTeamInputSchema = z.strictObject({
  id: z.optional(uuid),
  serviceUserId: CareTeamFields.serviceUserId,
  name: CareTeamFields.name,
  status: z.optional(CareTeamFields.status),
  participants: CareTeamFields.participants,
});
export type CareTeamInput = z.input<typeof CareTeamInputSchema>;
export const CareTeamUpdateSchema = z.strictObject({
  name: z.optional(CareTeamFields.name),
  status: z.optional(CareTeamFields.status),
  participants: z.optional(CareTeamFields.participants),
});
export type CareTeamUpdate = z.input<typeof CareTeamUpdateSchema>;

schemasBuilt();
