// Round trips and validity of the FHIR mapping, over generated records (fast-check).
import { expect } from '@open-wc/testing';
import {
  contactToEncounter, documentReferenceNote, encounterToContact, namespaceFrom, noteToDocumentReference,
  patientToServiceUser, serviceUserToPatient, type Contact,
} from '@strkit/sdk';
import fc from 'fast-check';
import { digest } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import { validateOnEngine } from './engine.js';
import { contactArb, serviceUserArb } from './arbitraries/contact.js';

const ns = namespaceFrom();
const PATIENT_REF = 'Patient/a1b2c3';

function toFhirContact(c: Contact) {
  const d = c.note ? digest(c.note) : undefined;
  const enc = { ...contactToEncounter(c, { patientReference: PATIENT_REF }, d, ns), id: 'enc-1', meta: { versionId: c.version } };
  const doc = d ? noteToDocumentReference(c, { patientReference: PATIENT_REF, encounterReference: 'Encounter/enc-1' }, d, ns) : undefined;
  return { enc, doc };
}

describe('FHIR mapping round trips (fast-check)', () => {
  it('Contact → Encounter + DocumentReference → Contact is identical', () => {
    fc.assert(
      fc.property(contactArb, (c) => {
        const { enc, doc } = toFhirContact(c);
        const back = encounterToContact(enc, doc ? documentReferenceNote(doc) : '', ns);
        expect(back).to.deep.equal(c);
      }),
      { numRuns: 500 },
    );
  });

  it('ServiceUser → Patient → ServiceUser is identical', () => {
    fc.assert(
      fc.property(serviceUserArb, (p) => {
        const patient = { ...serviceUserToPatient(p, ns), id: 'pat-1', meta: { versionId: p.version } };
        expect(patientToServiceUser(patient, ns)).to.deep.equal(p);
      }),
      { numRuns: 500 },
    );
  });

  it('every emitted resource passes validateResource with 0 issues, over 2,000 generated records', async function () {
    this.timeout(120_000);
    const contacts = fc.sample(contactArb, { numRuns: 1200, seed: 20261122 });
    const people = fc.sample(serviceUserArb, { numRuns: 800, seed: 20261123 });
    const resources = [
      ...contacts.flatMap((c) => {
        const { enc, doc } = toFhirContact(c);
        const { id: _id, meta: _meta, ...bare } = enc;
        return doc ? [bare, doc] : [bare];
      }),
      ...people.map((p) => serviceUserToPatient(p, ns)),
    ];
    expect(contacts.length + people.length).to.be.at.least(2000);
    // The validator must be able to fail: an Encounter without its required status and class.
    const [broken] = await validateOnEngine([{ resourceType: 'Encounter', period: { start: 'not a date' } }]);
    expect(broken!.length).to.be.greaterThan(0);
    const failures: string[] = [];
    for (let i = 0; i < resources.length; i += 250) {
      const batch = resources.slice(i, i + 250);
      const results = await validateOnEngine(batch);
      results.forEach((issues, k) => {
        if (issues.length) failures.push(`${batch[k]!.resourceType}: ${JSON.stringify(issues).slice(0, 300)}`);
      });
    }
    expect(failures.slice(0, 5), `${failures.length} invalid of ${resources.length}`).to.deep.equal([]);
  });
});
