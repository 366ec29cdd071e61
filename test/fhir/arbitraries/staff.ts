// fast-check arbitraries of staff records (issue 22): supervision, its private notes, training.
import {
  SUPERVISION_KINDS, SupervisionNoteSchema, SupervisionSchema, TrainingSchema, type Supervision, type SupervisionNote, type Training,
} from '@strkit/sdk';
import fc from 'fast-check';
import { actorId, clean, date, envelope, lineText, opt, wordsText } from './care-plan.js';

export const supervisionArb = clean<Supervision>(SupervisionSchema)(fc.record({
  ...envelope, workerId: actorId, supervisorId: actorId, heldOn: date, kind: fc.constantFrom(...SUPERVISION_KINDS),
  actions: fc.array(fc.record({ text: lineText(80), ownerId: actorId, dueOn: date }), { maxLength: 4 }),
  nextDueOn: opt(date),
}));
export const supervisionNoteArb = clean<SupervisionNote>(SupervisionNoteSchema)(fc.record({
  ...envelope, supervisionId: fc.uuid({ version: 4 }), workerId: actorId, supervisorId: actorId, text: wordsText,
}));
export const trainingArb = clean<Training>(TrainingSchema)(fc.record({
  ...envelope, workerId: actorId, itemId: lineText(30), title: lineText(60), completedOn: date, expiresOn: opt(date), evidence: opt(wordsText),
}));
