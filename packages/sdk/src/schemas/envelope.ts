import * as z from 'zod/mini';
import { externalId, isoDateTime, noteText, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

/** Why a record was marked entered-in-error, when and by whom. Records are never deleted. */
export const EnteredInErrorSchema = z.object({
  reason: noteText(500, true, 'Enter why this record was entered in error'),
  at: isoDateTime,
  by: externalId,
});
export type EnteredInError = z.infer<typeof EnteredInErrorSchema>;

/** The fields every record carries. `version` is opaque and owned by the store. */
export const EnvelopeShape = {
  id: uuid,
  version: z.string().check(z.minLength(1)),
  schemaVersion: z.int().check(z.gte(1)),
  createdAt: isoDateTime,
  createdBy: externalId,
  updatedAt: isoDateTime,
  updatedBy: externalId,
  enteredInError: z.optional(EnteredInErrorSchema),
};

export type EnvelopeKey = keyof typeof EnvelopeShape;

schemasBuilt();
