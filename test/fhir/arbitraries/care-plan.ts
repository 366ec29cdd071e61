// fast-check arbitraries of care-plan records (moved from care-plan-mapping.test.ts, shared with definitions.test.ts).
import {
  CARE_PLAN_STATUSES, CONTACT_FREQUENCIES, CarePlanSchema, CareTeamSchema, type CareTeam, GOAL_STATUSES, GoalSchema, LIFE_AREAS, ProgressNoteSchema, ROLES, TASK_REPEATS, TASK_STATUSES, TaskSchema, WorkerSchema,
  type CarePlan, type Goal, type ProgressNote, type Task, type Worker,
} from '@strkit/sdk';
import fc from 'fast-check';
import * as z from 'zod/mini';

export const utc = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString());
export const date = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
export const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
export const lineText = (max: number) => text(max).map((s) => s.trim()).filter((s) => s.length > 0 && !/[\r\n\u2028\u2029]/.test(s));
export const wordsText = fc.oneof(text(300), fc.array(text(50), { maxLength: 4 }).map((l) => ` ${l.join('\n')} `)).filter((s) => s.trim().length > 0);
export const actorId = fc.oneof(fc.constantFrom('worker-1', 'lead-7'), lineText(20));
export const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
export const envelope = {
  id: fc.uuid({ version: 4 }), version: fc.uuid({ version: 4 }), schemaVersion: fc.constant(1),
  createdAt: utc, createdBy: actorId, updatedAt: utc, updatedBy: actorId,
  enteredInError: opt(fc.record({ reason: lineText(100), at: utc, by: actorId })),
};
export const clean = <T>(schema: z.ZodMiniType) => (a: fc.Arbitrary<unknown>) =>
  a.map((r) => JSON.parse(JSON.stringify(r)) as T).filter((r) => z.safeParse(schema, r).success);
export const codes = <C extends string>(list: readonly { code: C }[]) => fc.constantFrom(...list.map((c) => c.code));

export const planArb = clean<CarePlan>(CarePlanSchema)(fc.record({
  ...envelope,
  serviceUserId: fc.uuid({ version: 4 }),
  coordinatorId: actorId,
  agreedWith: fc.array(fc.record({ kind: fc.constantFrom('service-user', 'carer'), name: opt(lineText(40)) }), { maxLength: 3 }),
  agreedOn: opt(date), nextReviewOn: opt(date), lastReviewedOn: opt(date),
  status: codes(CARE_PLAN_STATUSES),
  goalOrder: fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 5 }),
  taskOrder: fc.dictionary(fc.uuid({ version: 4 }), fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 4 }), { maxKeys: 3 }),
  contactFrequency: opt(fc.record({ every: codes(CONTACT_FREQUENCIES), from: date, agreedBy: actorId })),
}));
export const goalArb = clean<Goal>(GoalSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), carePlanId: fc.uuid({ version: 4 }), text: wordsText,
  lifeArea: codes(LIFE_AREAS), targetDate: opt(date), status: codes(GOAL_STATUSES),
}));
export const ownerArb = fc.oneof(
  fc.record({ kind: fc.constant('worker' as const), workerId: actorId }),
  fc.record({ kind: fc.constant('service-user' as const) }),
  fc.record({ kind: fc.constant('carer' as const), name: opt(lineText(40)) }),
  fc.record({ kind: fc.constant('other-service' as const), name: lineText(40) }),
);
export const taskArb = clean<Task>(TaskSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), carePlanId: fc.uuid({ version: 4 }), goalId: fc.uuid({ version: 4 }),
  text: lineText(200), owner: ownerArb, dueDate: opt(date), repeat: opt(codes(TASK_REPEATS)), repeatAnchor: opt(date), status: codes(TASK_STATUSES),
  statusReason: opt(lineText(100)), lastDoneOn: opt(date),
}));
export const noteArb = clean<ProgressNote>(ProgressNoteSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), carePlanId: fc.uuid({ version: 4 }),
  about: fc.record({ kind: fc.constantFrom('task' as const, 'goal' as const), id: fc.uuid({ version: 4 }) }), text: wordsText,
}));
export const workerArb = clean<Worker>(WorkerSchema)(fc.record({ ...envelope, name: lineText(60), role: fc.constantFrom(...ROLES), actorId: opt(actorId) }));

export const teamArb = clean<CareTeam>(CareTeamSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), name: lineText(60), status: fc.constantFrom('active', 'inactive'),
  participants: fc.array(fc.record({ workerId: actorId, role: fc.constantFrom(...ROLES), from: opt(date) }), { maxLength: 5 }),
  changeReason: opt(lineText(120)),
}));

/** As a server returns it: with a server id and the record's version as versionId. */
