// The team lead's inputs (issue 22: supervision, its private notes, training; a reallocation's reason) for the zod-free check: apart from
// input-check.ts so that a widget about a person does not carry them. input-check.test.ts holds both to the zod
// schemas, message for message (docs/adr/0015-zod-free-input-check.md).
import type { FieldIssue } from '../errors.js';
import { array, maxLength, object, oneOf, optional as o, type Checker } from './check-engine.js';
import { externalId, isoDate, issuesBy, noteText, singleLine, strict, uuid } from './input-check.js';
import type { StaffInputKind } from './inputs.js';
import { SUPERVISION_ACTION_MAX, SUPERVISION_KINDS, SUPERVISION_NOTE_MAX, TRAINING_EVIDENCE_MAX } from './staff.js';
import { CHANGE_REASON_MAX } from './team.js';

const actions = array(
  object({ text: singleLine(SUPERVISION_ACTION_MAX, 'Enter what was agreed'), ownerId: externalId, dueOn: isoDate }),
  maxLength(30, 'List 30 agreed actions or fewer'),
);

const STAFF_CHECKERS: Readonly<Record<StaffInputKind, Checker>> = {
  supervision: strict({
    id: o(uuid), workerId: externalId, supervisorId: o(externalId), heldOn: isoDate, kind: oneOf(SUPERVISION_KINDS, 'Choose the kind of supervision'),
    actions: o(actions), nextDueOn: o(isoDate),
  }),
  supervisionNote: strict({ id: o(uuid), supervisionId: uuid, text: noteText(SUPERVISION_NOTE_MAX, true, 'Enter the notes') }),
  training: strict({
    id: o(uuid), workerId: o(externalId), itemId: externalId, title: singleLine(200, 'Enter the training’s name'), completedOn: isoDate, expiresOn: o(isoDate),
    evidence: o(noteText(TRAINING_EVIDENCE_MAX, true, 'Enter the evidence, or leave it out')),
  }),
  reallocation: strict({ changeReason: singleLine(CHANGE_REASON_MAX, 'Enter why the care team is changing') }),
};

/** `inputIssues` for the staff writes of `teamClient(client)`: `supervisions.create`, `supervisionNotes.create`, `training.create`. */
export function staffInputIssues(kind: StaffInputKind, value: unknown): FieldIssue[] {
  return issuesBy(STAFF_CHECKERS, kind, value);
}
