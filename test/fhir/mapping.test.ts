// Round trips and validity of the FHIR mapping, over generated records (fast-check).
import { expect } from '@open-wc/testing';
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, ContactSchema, OTHER_PRESENT_KINDS, ServiceUserSchema,
  contactToEncounter, documentReferenceNote, encounterToContact, namespaceFrom, nhsNumberCheckDigit, noteToDocumentReference,
  patientToServiceUser, serviceUserToPatient, type Contact, type ServiceUser,
} from '@strkit/sdk';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { digest } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import { validateOnEngine } from './engine.js';

const ns = namespaceFrom();
const OFFSETS = ['Z', '+00:00', '+01:00', '-05:00', '+05:30', '-09:30', '+14:00'];

const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...OFFSETS), fc.boolean())
  .map(([t, off, withMs]) => {
    const mins = off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
    return new Date(t + mins * 60_000).toISOString().slice(0, withMs ? 23 : 19) + off;
  });
const utc = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString());
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const lineText = (max: number) => text(max).map((s) => s.trim()).filter((s) => s.length > 0 && !/[\r\n\u2028\u2029]/.test(s));
const noteText = fc.oneof(text(400), fc.array(text(60), { maxLength: 5 }).map((lines) => lines.join('\r\n\t')));
const actorId = fc.oneof(fc.constantFrom('worker-1', 'lead-7'), lineText(20));
const nhsNumber = fc.integer({ min: 0, max: 999_999 }).map((n) => {
  for (let s = n; ; s = (s + 1) % 1_000_000) {
    const nine = `999${String(s).padStart(6, '0')}`;
    const c = nhsNumberCheckDigit(nine);
    if (c !== undefined) return `${nine}${c}`;
  }
});
const envelope = {
  id: fc.uuid({ version: 4 }),
  version: fc.uuid({ version: 4 }),
  schemaVersion: fc.constant(1),
  createdAt: utc,
  createdBy: actorId,
  updatedAt: utc,
  updatedBy: actorId,
};
const enteredInError = fc.option(fc.record({ reason: lineText(100), at: utc, by: actorId }), { nil: undefined });

const contactArb: fc.Arbitrary<Contact> = fc
  .record({
    ...envelope,
    enteredInError,
    serviceUserId: fc.uuid({ version: 4 }),
    workerId: actorId,
    start: instant,
    durationMinutes: fc.integer({ min: 1, max: 1440 }),
    mechanism: fc.constantFrom(...CONSULTATION_MECHANISMS.map((c) => c.code)),
    locationType: fc.constantFrom(...ACTIVITY_LOCATION_TYPES.map((c) => c.code)),
    attendance: fc.constantFrom(...ATTEND_STATUSES.map((c) => c.code)),
    planned: fc.boolean(),
    othersPresent: fc.array(fc.record({ kind: fc.constantFrom(...OTHER_PRESENT_KINDS), role: fc.option(lineText(40), { nil: undefined }) }), { maxLength: 4 }),
    interpreterLanguage: fc.option(lineText(30), { nil: undefined }),
    taskIds: fc.array(fc.uuid({ version: 4 }), { maxLength: 3 }),
    note: noteText,
  })
  .map((c) => JSON.parse(JSON.stringify(c)) as Contact) // drop undefined optionals, as stored records have none
  .filter((c) => z.safeParse(ContactSchema, c).success);

const serviceUserArb: fc.Arbitrary<ServiceUser> = fc
  .record({
    ...envelope,
    enteredInError,
    displayName: lineText(60),
    nhsNumber: fc.option(nhsNumber, { nil: undefined }),
    birthDate: fc.option(fc.integer({ min: Date.UTC(1930, 0, 1), max: Date.UTC(2010, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10)), { nil: undefined }),
    careCoordinatorId: fc.option(actorId, { nil: undefined }),
  })
  .map((p) => JSON.parse(JSON.stringify(p)) as ServiceUser)
  .filter((p) => z.safeParse(ServiceUserSchema, p).success);

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
