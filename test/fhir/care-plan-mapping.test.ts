// Round trips and validity of the care-plan FHIR mapping (Practitioner, CarePlan, Goal, Task, DocumentReference).
import { expect } from '@open-wc/testing';
import {
  CARE_PLAN_STATUSES, CarePlanSchema, CareTeamSchema, type CareTeam, GOAL_STATUSES, GoalSchema, LIFE_AREAS, ProgressNoteSchema, ROLES, TASK_REPEATS, TASK_STATUSES, TaskSchema, WorkerSchema,
  namespaceFrom, type CarePlan, type Goal, type ProgressNote, type Task, type Worker,
} from '@strkit/sdk';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  careTeamToFhir, fhirToCareTeam, carePlanToFhir, fhirToCarePlan, fhirToGoal, fhirToProgressNote, fhirToTask, goalToFhir, practitionerToWorker, progressNoteToFhir, taskToFhir,
  workerToPractitioner,
} from '../../packages/sdk/src/adapters/fhir/map-care-plan.js';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import { validateOnEngine } from './engine.js';

const ns = namespaceFrom();
const PATIENT_REF = 'Patient/a1b2c3';
const utc = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString());
const date = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const lineText = (max: number) => text(max).map((s) => s.trim()).filter((s) => s.length > 0 && !/[\r\n\u2028\u2029]/.test(s));
const wordsText = fc.oneof(text(300), fc.array(text(50), { maxLength: 4 }).map((l) => ` ${l.join('\n')} `)).filter((s) => s.trim().length > 0);
const actorId = fc.oneof(fc.constantFrom('worker-1', 'lead-7'), lineText(20));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const envelope = {
  id: fc.uuid({ version: 4 }), version: fc.uuid({ version: 4 }), schemaVersion: fc.constant(1),
  createdAt: utc, createdBy: actorId, updatedAt: utc, updatedBy: actorId,
  enteredInError: opt(fc.record({ reason: lineText(100), at: utc, by: actorId })),
};
const clean = <T>(schema: z.ZodMiniType) => (a: fc.Arbitrary<unknown>) =>
  a.map((r) => JSON.parse(JSON.stringify(r)) as T).filter((r) => z.safeParse(schema, r).success);
const codes = <C extends string>(list: readonly { code: C }[]) => fc.constantFrom(...list.map((c) => c.code));

const planArb = clean<CarePlan>(CarePlanSchema)(fc.record({
  ...envelope,
  serviceUserId: fc.uuid({ version: 4 }),
  coordinatorId: actorId,
  agreedWith: fc.array(fc.record({ kind: fc.constantFrom('service-user', 'carer'), name: opt(lineText(40)) }), { maxLength: 3 }),
  agreedOn: opt(date), nextReviewOn: opt(date), lastReviewedOn: opt(date),
  status: codes(CARE_PLAN_STATUSES),
  goalOrder: fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 5 }),
  taskOrder: fc.dictionary(fc.uuid({ version: 4 }), fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 4 }), { maxKeys: 3 }),
}));
const goalArb = clean<Goal>(GoalSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), carePlanId: fc.uuid({ version: 4 }), text: wordsText,
  lifeArea: codes(LIFE_AREAS), targetDate: opt(date), status: codes(GOAL_STATUSES),
}));
const ownerArb = fc.oneof(
  fc.record({ kind: fc.constant('worker' as const), workerId: actorId }),
  fc.record({ kind: fc.constant('service-user' as const) }),
  fc.record({ kind: fc.constant('carer' as const), name: opt(lineText(40)) }),
  fc.record({ kind: fc.constant('other-service' as const), name: lineText(40) }),
);
const taskArb = clean<Task>(TaskSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), carePlanId: fc.uuid({ version: 4 }), goalId: fc.uuid({ version: 4 }),
  text: lineText(200), owner: ownerArb, dueDate: opt(date), repeat: opt(codes(TASK_REPEATS)), repeatAnchor: opt(date), status: codes(TASK_STATUSES),
  statusReason: opt(lineText(100)), lastDoneOn: opt(date),
}));
const noteArb = clean<ProgressNote>(ProgressNoteSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), carePlanId: fc.uuid({ version: 4 }),
  about: fc.record({ kind: fc.constantFrom('task' as const, 'goal' as const), id: fc.uuid({ version: 4 }) }), text: wordsText,
}));
const workerArb = clean<Worker>(WorkerSchema)(fc.record({ ...envelope, name: lineText(60), role: fc.constantFrom(...ROLES), actorId: opt(actorId) }));

const teamArb = clean<CareTeam>(CareTeamSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), name: lineText(60), status: fc.constantFrom('active', 'inactive'),
  participants: fc.array(fc.record({ workerId: actorId, role: fc.constantFrom(...ROLES), from: opt(date) }), { maxLength: 5 }),
}));

/** As a server returns it: with a server id and the record's version as versionId. */
const served = (r: Resource, version: string): Resource => ({ ...r, id: 'srv-1', meta: { versionId: version } });

describe('care-plan FHIR mapping round trips (fast-check)', () => {
  it('CarePlan', () => fc.assert(fc.property(planArb, (p) => void expect(fhirToCarePlan(served(carePlanToFhir(p, PATIENT_REF, ns), p.version), ns)).to.deep.equal(p)), { numRuns: 300 }));
  it('Goal, the person\u2019s words exactly (leading spaces and line breaks too)', () =>
    fc.assert(fc.property(goalArb, (g) => void expect(fhirToGoal(served(goalToFhir(g, PATIENT_REF, ns), g.version), ns)).to.deep.equal(g)), { numRuns: 300 }));
  it('Task', () => fc.assert(fc.property(taskArb, (t) => void expect(fhirToTask(served(taskToFhir(t, PATIENT_REF, ns), t.version), ns)).to.deep.equal(t)), { numRuns: 300 }));
  it('ProgressNote', () =>
    fc.assert(fc.property(noteArb, (n) => void expect(fhirToProgressNote(served(progressNoteToFhir(n, PATIENT_REF, ns), n.version), ns)).to.deep.equal(n)), { numRuns: 300 }));
  it('CareTeam', () => fc.assert(fc.property(teamArb, (t) => void expect(fhirToCareTeam(served(careTeamToFhir(t, PATIENT_REF, ns), t.version), ns)).to.deep.equal(t)), { numRuns: 300 }));
  it('Worker', () => fc.assert(fc.property(workerArb, (w) => void expect(practitionerToWorker(served(workerToPractitioner(w, ns), w.version), ns)).to.deep.equal(w)), { numRuns: 300 }));

  it('every emitted resource passes validateResource with 0 issues, over 1,000 generated records', async function () {
    this.timeout(120_000);
    const seed = 20261122;
    const resources: Resource[] = [
      ...fc.sample(planArb, { numRuns: 200, seed }).map((p) => carePlanToFhir(p, PATIENT_REF, ns)),
      ...fc.sample(goalArb, { numRuns: 200, seed }).map((g) => goalToFhir(g, PATIENT_REF, ns)),
      ...fc.sample(taskArb, { numRuns: 250, seed }).map((t) => taskToFhir(t, PATIENT_REF, ns)),
      ...fc.sample(noteArb, { numRuns: 200, seed }).map((n) => progressNoteToFhir(n, PATIENT_REF, ns)),
      ...fc.sample(workerArb, { numRuns: 150, seed }).map((w) => workerToPractitioner(w, ns)),
      ...fc.sample(teamArb, { numRuns: 150, seed }).map((t) => careTeamToFhir(t, PATIENT_REF, ns)),
    ];
    expect(resources.length).to.be.at.least(1000);
    // The validator must be able to fail: a Task without its required status and intent.
    const [broken] = await validateOnEngine([{ resourceType: 'Task', description: 'x' }]);
    expect(broken!.length).to.be.greaterThan(0);
    const failures: string[] = [];
    for (let i = 0; i < resources.length; i += 250) {
      const batch = resources.slice(i, i + 250);
      (await validateOnEngine(batch)).forEach((issues, k) => {
        if (issues.length) failures.push(`${batch[k]!.resourceType}: ${JSON.stringify(issues).slice(0, 300)}`);
      });
    }
    expect(failures.slice(0, 5), `${failures.length} invalid of ${resources.length}`).to.deep.equal([]);
  });
});
