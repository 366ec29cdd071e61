import * as z from 'zod/mini';
import { isValidNhsNumber, normaliseNhsNumber } from '../codes/nhs-number.js';
import { EnvelopeShape } from './envelope.js';
import { externalId, isoDate, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

/** Roles of DESIGN.md's role table. */
export const ROLES = ['str-worker', 'peer-support-worker', 'care-coordinator', 'team-lead', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  'str-worker': 'STR worker',
  'peer-support-worker': 'Peer support worker',
  'care-coordinator': 'Care co-ordinator',
  'team-lead': 'Team lead',
  viewer: 'Viewer',
};
export const RoleSchema = z.enum(ROLES, { error: 'Choose a role' });

/** Who is using the client: the host signs them in and tells us. */
export const ActorSchema = z.object({
  id: externalId,
  role: RoleSchema,
  name: z.optional(singleLine(200, 'Enter a name')),
});
export type Actor = z.infer<typeof ActorSchema>;

export const NhsNumberSchema = z.pipe(
  z.string({ error: 'Enter an NHS number' }).check(
    z.refine(isValidNhsNumber, { error: 'Enter a valid 10-digit NHS number' }),
  ),
  z.transform(normaliseNhsNumber),
);

export const SERVICE_USER_SCHEMA_VERSION = 1;
export const ServiceUserFields = {
  displayName: singleLine(200, 'Enter the name the person wants to be called'),
  nhsNumber: z.optional(NhsNumberSchema),
  birthDate: z.optional(isoDate),
  careCoordinatorId: z.optional(externalId),
};
export const ServiceUserSchema = z.object({ ...EnvelopeShape, ...ServiceUserFields });
export const ServiceUserInputSchema = z.strictObject({ ...ServiceUserFields, id: z.optional(uuid) });
export type ServiceUserInput = z.input<typeof ServiceUserInputSchema>;
/** What `client.serviceUsers.update` takes; `null` clears an optional field. */
export const ServiceUserUpdateSchema = z.strictObject({
  displayName: z.optional(ServiceUserFields.displayName),
  nhsNumber: z.optional(z.nullable(NhsNumberSchema)),
  birthDate: z.optional(z.nullable(isoDate)),
  careCoordinatorId: z.optional(z.nullable(externalId)),
});
export type ServiceUserUpdate = z.input<typeof ServiceUserUpdateSchema>;
export type ServiceUser = z.infer<typeof ServiceUserSchema>;

export const WORKER_SCHEMA_VERSION = 1;
export const WorkerFields = {
  name: singleLine(200, 'Enter a name'),
  role: RoleSchema,
  /** The id the host signs this worker in with (`Actor.id`): what task owners, contacts and notes refer to. */
  actorId: z.optional(externalId),
};
export const WorkerSchema = z.object({ ...EnvelopeShape, ...WorkerFields });
export const WorkerInputSchema = z.strictObject({ ...WorkerFields, id: z.optional(uuid) });
export type WorkerInput = z.input<typeof WorkerInputSchema>;
/** What `client.workers.update` takes; `null` clears `actorId`. */
export const WorkerUpdateSchema = z.strictObject({
  name: z.optional(WorkerFields.name),
  role: z.optional(WorkerFields.role),
  actorId: z.optional(z.nullable(externalId)),
});
export type WorkerUpdate = z.input<typeof WorkerUpdateSchema>;
export type Worker = z.infer<typeof WorkerSchema>;

schemasBuilt();
