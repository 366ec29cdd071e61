// Staff records on FHIR (issue 22, docs/adr/0025-staff-records.md): round trips, words a record system shows, the
// restricted label on private notes, and no Patient anywhere.
import { expect } from '@open-wc/testing';
import { namespaceFrom } from '@strkit/sdk';
import fc from 'fast-check';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import { fromBase64 } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import {
  fhirToSupervision, fhirToSupervisionNote, fhirToTraining, supervisionNoteToFhir, supervisionToFhir, trainingToFhir,
} from '../../packages/sdk/src/adapters/fhir/map-staff.js';
import { supervisionArb, supervisionNoteArb, trainingArb } from './arbitraries/staff.js';
import { validateOnEngine } from './engine.js';

const ns = namespaceFrom();
const served = (r: Resource, version: string): Resource => ({ ...r, id: 'srv-1', meta: { ...r.meta, versionId: version } });
const words = (r: Resource) => fromBase64((r.content as { attachment: { data: string } }[])[0]!.attachment.data);

describe('staff records on FHIR (DocumentReference about a Practitioner)', () => {
  it('supervision, private notes and training round trip exactly', () => {
    fc.assert(fc.property(supervisionArb, (s) => void expect(fhirToSupervision(served(supervisionToFhir(s, '', ns), s.version), ns)).to.deep.equal(s)), { numRuns: 200 });
    fc.assert(fc.property(supervisionNoteArb, (n) => void expect(fhirToSupervisionNote(served(supervisionNoteToFhir(n, '', ns), n.version), ns)).to.deep.equal(n)), { numRuns: 200 });
    fc.assert(fc.property(trainingArb, (t) => void expect(fhirToTraining(served(trainingToFhir(t, '', ns), t.version), ns)).to.deep.equal(t)), { numRuns: 200 });
  });

  it('every fact is in the document’s words; the worker is the subject, never a Patient; private notes are labelled restricted', () => {
    const env = { id: '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', version: '1', schemaVersion: 1, createdAt: '2026-06-02T10:00:00Z', createdBy: 'lead-1', updatedAt: '2026-06-02T10:00:00Z', updatedBy: 'lead-1' };
    const s = supervisionToFhir({
      ...env, workerId: 'worker-1', supervisorId: 'lead-1', heldOn: '2026-06-02', kind: 'debrief',
      actions: [{ text: 'Read the lone-working policy', ownerId: 'worker-1', dueOn: '2026-06-16' }], nextDueOn: '2026-07-14',
    }, '', ns);
    expect(s.subject).to.deep.equal({ type: 'Practitioner', identifier: { system: ns.workerId, value: 'worker-1' } });
    expect(s.description).to.equal('Supervision (debrief after an incident) held on 2 June 2026');
    expect(words(s)).to.equal([
      'Supervision (debrief after an incident) of worker worker-1, by lead-1, held on 2 June 2026.',
      'Agreed actions:', '- Read the lone-working policy (by worker-1, due 16 June 2026)', 'Next supervision due by 14 July 2026.',
    ].join('\n'));
    const n = supervisionNoteToFhir({ ...env, supervisionId: env.id, workerId: 'worker-1', supervisorId: 'lead-1', text: 'Private words.' }, '', ns);
    expect(n.meta?.security).to.deep.equal([{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }]);
    expect(s.meta?.security, 'the supervision itself is not restricted').to.equal(undefined);
    const t = trainingToFhir({ ...env, workerId: 'worker-1', itemId: 'safeguarding-2', title: 'Safeguarding adults, level 2', completedOn: '2026-05-20', expiresOn: '2029-05-20' }, '', ns);
    expect(words(t)).to.equal('Safeguarding adults, level 2: completed by worker worker-1 on 20 May 2026.\nExpires on 20 May 2029.');
    for (const r of [s, n, t]) expect(JSON.stringify(r)).to.not.include('Patient/');
  });

  it('every emitted resource passes the engine’s validation, over 300 generated records', async function () {
    this.timeout(60_000);
    const resources = [
      ...fc.sample(supervisionArb, { numRuns: 100, seed: 22 }).map((s) => supervisionToFhir(s, '', ns)),
      ...fc.sample(supervisionNoteArb, { numRuns: 100, seed: 22 }).map((x) => supervisionNoteToFhir(x, '', ns)),
      ...fc.sample(trainingArb, { numRuns: 100, seed: 22 }).map((t) => trainingToFhir(t, '', ns)),
    ];
    const results = (await validateOnEngine(resources)) as unknown[][];
    expect(results.flatMap((issues, i) => (issues.length ? [`${i}: ${JSON.stringify(issues).slice(0, 200)}`] : [])).slice(0, 3)).to.deep.equal([]);
  });
});
