import * as z from 'zod/mini';
import { EnvelopeShape } from './envelope.js';
import type { Role } from './people.js';
import { externalId, isoDate, noteText, singleLine, uuid } from './text.js';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// Staff records (issue 22, docs/adr/0025-staff-records.md): about workers, never about a person on a caseload, so in
// no person's list, pull or Patient compartment. Who may read each is the role table's (domain/staff.ts).

/** The kinds of supervision the STR job description and peer-support research name. Labels: components' catalogue. */
export const SUPERVISION_KINDS = ['line-management', 'clinical', 'observational', 'reflective-group', 'debrief'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
/** English words for each kind, for FHIR text and messages (the widgets show their own catalogue's). */
export const SUPERVISION_KIND_WORDS: Readonly<Record<SupervisionKind, string>> = {
  'line-management': 'line management',
  clinical: 'personal or clinical',
  observational: 'observational',
  'reflective-group': 'reflective group',
  debrief: 'debrief after an incident',
};

export const SUPERVISION_ACTION_MAX = 500;
export const SUPERVISION_NOTE_MAX = 10_000;
export const TRAINING_EVIDENCE_MAX = 1_000;

/** Something agreed in a supervision: what, who does it (a sign-in id) and by when. */
export const SupervisionActionSchema = z.object({
  text: singleLine(SUPERVISION_ACTION_MAX, 'Enter what was agreed'),
  ownerId: externalId,
  dueOn: isoDate,
});
export type SupervisionAction = z.infer<typeof SupervisionActionSchema>;

export const SUPERVISION_SCHEMA_VERSION = 1;
export const SupervisionFields = {
  /** The supervised worker's sign-in id. */
  workerId: externalId,
  supervisorId: externalId,
  /** The UK date it was held. */
  heldOn: isoDate,
  kind: z.enum(SUPERVISION_KINDS, { error: 'Choose the kind of supervision' }),
  actions: z.array(SupervisionActionSchema).check(z.maxLength(30, { error: 'List 30 agreed actions or fewer' })),
  /** When the next one is due, where agreed (else the team's interval from this one). */
  nextDueOn: z.optional(isoDate),
};
export const SupervisionSchema = z.object({ ...EnvelopeShape, ...SupervisionFields });
export type Supervision = z.infer<typeof SupervisionSchema>;
export const SupervisionInputSchema = z.strictObject({
  id: z.optional(uuid),
  workerId: SupervisionFields.workerId,
  /** Default: the signed-in actor. */
  supervisorId: z.optional(SupervisionFields.supervisorId),
  heldOn: SupervisionFields.heldOn,
  kind: SupervisionFields.kind,
  actions: z.optional(SupervisionFields.actions),
  nextDueOn: z.optional(isoDate),
});
export type SupervisionInput = z.input<typeof SupervisionInputSchema>;
/** `null` clears `nextDueOn`. */
export const SupervisionUpdateSchema = z.strictObject({
  heldOn: z.optional(SupervisionFields.heldOn),
  kind: z.optional(SupervisionFields.kind),
  actions: z.optional(SupervisionFields.actions),
  nextDueOn: z.optional(z.nullable(isoDate)),
});
export type SupervisionUpdate = z.input<typeof SupervisionUpdateSchema>;

export const SUPERVISION_NOTE_SCHEMA_VERSION = 1;
export const SupervisionNoteFields = {
  supervisionId: uuid,
  /** Copied from the supervision, so who may read it is known without reading another record. */
  workerId: externalId,
  supervisorId: externalId,
  text: noteText(SUPERVISION_NOTE_MAX, true, 'Enter the notes'),
};
export const SupervisionNoteSchema = z.object({ ...EnvelopeShape, ...SupervisionNoteFields });
export type SupervisionNote = z.infer<typeof SupervisionNoteSchema>;
export const SupervisionNoteInputSchema = z.strictObject({ id: z.optional(uuid), supervisionId: uuid, text: SupervisionNoteFields.text });
export type SupervisionNoteInput = z.input<typeof SupervisionNoteInputSchema>;
export const SupervisionNoteUpdateSchema = z.strictObject({ text: SupervisionNoteFields.text });
export type SupervisionNoteUpdate = z.input<typeof SupervisionNoteUpdateSchema>;

const evidenceText = noteText(TRAINING_EVIDENCE_MAX, true, 'Enter the evidence, or leave it out');

export const TRAINING_SCHEMA_VERSION = 1;
export const TrainingFields = {
  workerId: externalId,
  /** The checklist item's id (TrainingItem.id). */
  itemId: externalId,
  /** The item's words when it was recorded, so the record reads on its own. */
  title: singleLine(200, 'Enter the training’s name'),
  completedOn: isoDate,
  expiresOn: z.optional(isoDate),
  evidence: z.optional(evidenceText),
};
export const TrainingSchema = z.object({ ...EnvelopeShape, ...TrainingFields });
export type Training = z.infer<typeof TrainingSchema>;
export const TrainingInputSchema = z.strictObject({
  id: z.optional(uuid),
  /** Default: the signed-in actor. */
  workerId: z.optional(TrainingFields.workerId),
  itemId: TrainingFields.itemId,
  title: TrainingFields.title,
  completedOn: TrainingFields.completedOn,
  expiresOn: z.optional(isoDate),
  evidence: TrainingFields.evidence,
});
export type TrainingInput = z.input<typeof TrainingInputSchema>;
/** `null` clears `expiresOn` or `evidence`. */
export const TrainingUpdateSchema = z.strictObject({
  title: z.optional(TrainingFields.title),
  completedOn: z.optional(TrainingFields.completedOn),
  expiresOn: z.optional(z.nullable(isoDate)),
  evidence: z.optional(z.nullable(evidenceText)),
});
export type TrainingUpdate = z.input<typeof TrainingUpdateSchema>;

/** One item of the team's induction and training checklist: configuration, not a record. */
export interface TrainingItem {
  readonly id: string;
  readonly title: string;
  /** The roles that must complete it. */
  readonly roles: readonly Role[];
  /** Renew every so many months; gives the expiry when a record gives none. */
  readonly renewEveryMonths?: number;
}

schemasBuilt();
