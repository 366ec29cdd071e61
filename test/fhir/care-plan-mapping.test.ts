// Round trips and validity of the care-plan FHIR mapping (Practitioner, CarePlan, Goal, Task, DocumentReference).
import { expect } from '@open-wc/testing';
import { namespaceFrom } from '@strkit/sdk';
import fc from 'fast-check';
import {
  careTeamToFhir, fhirToCareTeam, carePlanToFhir, fhirToCarePlan, fhirToGoal, fhirToProgressNote, fhirToTask, goalToFhir, practitionerToWorker, progressNoteToFhir, taskToFhir,
  workerToPractitioner,
} from '../../packages/sdk/src/adapters/fhir/map-care-plan.js';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import { validateOnEngine } from './engine.js';
import { planArb, goalArb, taskArb, noteArb, workerArb, teamArb } from './arbitraries/care-plan.js';

const ns = namespaceFrom();
const PATIENT_REF = 'Patient/a1b2c3';
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

  it('a care team’s reason for its change is a note in words, by whoever changed it and when; the record system’s own notes are left out', () => {
    const [team] = fc.sample(teamArb, { numRuns: 1, seed: 26 });
    const moved = { ...team!, changeReason: 'Reallocated: Wren’s caseload is full', updatedBy: 'lead-1', updatedAt: '2026-06-05T09:00:00.000Z' };
    const r = careTeamToFhir(moved, PATIENT_REF, ns);
    const notes = r.note as { text: string; time: string; authorReference: { identifier: { value: string } } }[];
    expect(notes.map((n) => [n.text, n.time, n.authorReference.identifier.value])).to.deep.equal([['Reallocated: Wren’s caseload is full', '2026-06-05T09:00:00.000Z', 'lead-1']]);
    expect((r.text as { div: string }).div).to.include('Reallocated: Wren’s caseload is full');
    const withTheirs = { ...served(r, moved.version), note: [{ text: 'Discussed at the team meeting' }, ...notes] };
    expect(fhirToCareTeam(withTheirs, ns).changeReason).to.equal('Reallocated: Wren’s caseload is full');
    const none = careTeamToFhir({ ...moved, changeReason: undefined }, PATIENT_REF, ns);
    expect(none.note).to.equal(undefined);
    expect(fhirToCareTeam({ ...served(none, moved.version), note: [{ text: 'Discussed at the team meeting' }] }, ns).changeReason, 'a note of theirs is not taken for ours').to.equal(undefined);
  });

  it('writes the agreed contact frequency in standard Timing elements, with words (ADR 0023)', () => {
    const [plan] = fc.sample(planArb, { numRuns: 1, seed: 23 });
    const weekly = { ...plan!, goalOrder: [], taskOrder: {}, contactFrequency: { every: 'twice-weekly' as const, from: '2026-06-01', agreedBy: 'cc-1' } };
    const activity = (carePlanToFhir(weekly, PATIENT_REF, ns).activity as { detail: Record<string, unknown> }[]).map((a) => a.detail);
    expect(activity).to.have.length(1);
    expect(activity[0]).to.deep.include({
      kind: 'Appointment', status: 'scheduled', description: 'Contact twice a week, from 1 June 2026, as agreed with the person',
      scheduledTiming: { repeat: { boundsPeriod: { start: '2026-06-01' }, frequency: 2, period: 1, periodUnit: 'wk' } },
      performer: [{ identifier: { system: ns.workerId, value: 'cc-1' } }],
    });
    const monthly = carePlanToFhir({ ...weekly, contactFrequency: { ...weekly.contactFrequency, every: 'monthly' } }, PATIENT_REF, ns);
    const timing = (monthly.activity as { detail: { scheduledTiming: { repeat: object } } }[])[0]!.detail.scheduledTiming.repeat;
    expect(timing).to.include({ frequency: 1, period: 1, periodUnit: 'mo' });
  });

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
