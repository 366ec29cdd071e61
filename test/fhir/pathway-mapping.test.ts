// The care pathway on FHIR (issue 23, docs/adr/0027-care-pathway.md): every key contact and referral round trips
// exactly, passes the engine's validation, and the "EPR reader" rule: a record system that keeps only standard
// elements and UK Core extensions (no narrative, no STR extension) still reads every fact, in words.
import { evalFhirPath } from '@medplum/core';
import { expect } from '@open-wc/testing';
import { namespaceFrom, UKCORE_RELATIONSHIP_ROLES, type KeyContact, type Referral } from '@strkit/sdk';
import fc from 'fast-check';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import { fhirToKeyContact, fhirToReferral, isKeyContact, keyContactToFhir, referralToFhir } from '../../packages/sdk/src/adapters/fhir/map-pathway.js';
import { careTeamToFhir, fhirToCareTeam } from '../../packages/sdk/src/adapters/fhir/map-care-plan.js';
import relationshipRoles from '../../docs/reference/ukcore/CodeSystem-UKCore-AdditionalPersonRelationshipRole.json';
import { validRecord } from '../helpers/fixtures.js';
import { keyContactArb, referralArb } from './arbitraries/pathway.js';
import { validateOnEngine } from './engine.js';
import { readerView } from './reader-view.js';

const ns = namespaceFrom();
const PATIENT = 'Patient/p1';
const served = (r: Resource, version: string): Resource => ({ ...r, id: 'srv-1', meta: { ...r.meta, versionId: version } });
const read = (r: Resource, path: string): unknown[] => evalFhirPath(path, readerView(r) as never);

const env = { id: '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', version: '1', schemaVersion: 1, createdAt: '2026-06-02T10:00:00Z', createdBy: 'cc-1', updatedAt: '2026-06-02T10:00:00Z', updatedBy: 'cc-1' };
const PERSON = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
const housing: KeyContact = {
  ...env, serviceUserId: PERSON, kind: 'professional', name: 'Rowan Testcontact', role: 'Housing officer', organisation: 'Northtown Housing',
  phone: '01632 960123', email: 'rowan@northtown-housing.example', reach: 'Weekdays 9 to 5; ask for the duty officer', crisis: false, status: 'active',
};
const sister: KeyContact = {
  ...env, id: '1b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', serviceUserId: PERSON, kind: 'family', name: 'Jo Testsister', role: 'Sister', relationship: 'Personal',
  phone: '07700 900123', crisis: true, agreedOn: '2026-05-30', status: 'suggested', suggestionNote: 'Alex asked for Jo to be rung if things get bad.',
};
const therapy: Referral = {
  ...env, id: '2b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', serviceUserId: PERSON, direction: 'out', service: 'Northtown Talking Therapies', reason: 'Low mood; asked for talking therapy.',
  referrerId: 'worker-1', sentOn: '2026-05-20', acceptedOn: '2026-05-27', firstSeenOn: '2026-06-17', closedOn: '2026-09-01', outcome: 'completed', outcomeNote: 'Finished 8 sessions.',
};

describe('the care pathway on FHIR: key contacts (CareTeam) and referrals (ServiceRequest)', () => {
  it('key contacts and referrals round trip exactly, whatever their shape', () => {
    fc.assert(fc.property(keyContactArb, (c) => void expect(fhirToKeyContact(served(keyContactToFhir(c, PATIENT, ns), c.version), ns)).to.deep.equal(c)), { numRuns: 300 });
    fc.assert(fc.property(referralArb, (x) => void expect(fhirToReferral(served(referralToFhir(x, PATIENT, ns), x.version), ns)).to.deep.equal(x)), { numRuns: 300 });
  });

  it('every emitted resource passes the engine’s validation, over 300 generated records', async function () {
    this.timeout(60_000);
    const resources = [
      ...fc.sample(keyContactArb, { numRuns: 150, seed: 23 }).map((c) => keyContactToFhir(c, PATIENT, ns)),
      ...fc.sample(referralArb, { numRuns: 150, seed: 23 }).map((x) => referralToFhir(x, PATIENT, ns)),
      keyContactToFhir(housing, PATIENT, ns), keyContactToFhir(sister, PATIENT, ns), referralToFhir(therapy, PATIENT, ns),
    ];
    const results = (await validateOnEngine(resources)) as unknown[][];
    expect(results.flatMap((issues, i) => (issues.length ? [`${i}: ${JSON.stringify(issues).slice(0, 300)}`] : [])).slice(0, 3)).to.deep.equal([]);
  });

  it('the EPR reader reads a professional contact from standard elements: who, role, agency, phone, email, how to reach them', () => {
    const r = keyContactToFhir(housing, PATIENT, ns);
    expect(read(r, 'CareTeam.status')).to.deep.equal(['active']);
    expect(read(r, 'CareTeam.category.text')).to.deep.equal(['Key contact']);
    expect(read(r, 'CareTeam.name')).to.deep.equal(['Housing officer: Rowan Testcontact (Northtown Housing)']);
    expect(read(r, 'CareTeam.subject.reference')).to.deep.equal([PATIENT]);
    expect(read(r, 'CareTeam.participant.member.display')).to.deep.equal(['Rowan Testcontact']);
    expect(read(r, 'CareTeam.participant.role.text')).to.deep.equal(['Housing officer']);
    expect(read(r, 'CareTeam.participant.onBehalfOf.display')).to.deep.equal(['Northtown Housing']);
    expect(read(r, "CareTeam.contained.ofType(Organization).name")).to.deep.equal(['Northtown Housing']);
    expect(read(r, "CareTeam.contained.ofType(PractitionerRole).telecom.where(system = 'phone').value")).to.deep.equal(['01632 960123']);
    expect(read(r, "CareTeam.contained.ofType(PractitionerRole).telecom.where(system = 'email').value")).to.deep.equal(['rowan@northtown-housing.example']);
    expect(read(r, 'CareTeam.contained.ofType(PractitionerRole).availabilityExceptions')).to.deep.equal([housing.reach]);
    expect(read(r, 'CareTeam.note.text')).to.deep.equal([`How and when to reach them: ${housing.reach}`]);
  });

  it('the EPR reader reads a family contact: a UK Core RelatedPerson with the published relationship display, crisis, agreement, and that it is only a suggestion', () => {
    const r = keyContactToFhir(sister, PATIENT, ns);
    expect(read(r, 'CareTeam.status'), 'a suggestion is never shown as confirmed').to.deep.equal(['proposed']);
    const rp = "CareTeam.contained.ofType(RelatedPerson)";
    expect(read(r, `${rp}.patient.reference`)).to.deep.equal([PATIENT]);
    expect(read(r, `${rp}.name.text`)).to.deep.equal(['Jo Testsister']);
    expect(read(r, `${rp}.relationship.coding`)).to.deep.equal([{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole', code: 'Personal', display: 'Personal relationship with the patient' }]);
    expect(read(r, `${rp}.relationship.text`)).to.deep.equal(['Sister']);
    expect(read(r, `${rp}.telecom.value`)).to.deep.equal(['07700 900123']);
    expect(read(r, 'CareTeam.participant.role.text')).to.deep.equal(['Sister', 'Contact in a crisis']);
    expect(read(r, 'CareTeam.participant.role.coding.code')).to.deep.equal(['Personal', 'crisis-contact']);
    expect(read(r, 'CareTeam.note.text')).to.deep.equal([
      'Contact in a crisis.', 'The person agreed to this contact on 30 May 2026.',
      'Suggested by cc-1; not yet confirmed by the care co-ordinator. Why: Alex asked for Jo to be rung if things get bad.',
    ]);
  });

  it('every UK Core relationship code has the published display', () => {
    const published = new Map((relationshipRoles.concept as { code: string; display: string }[]).map((c) => [c.code, c.display]));
    expect(Object.entries(UKCORE_RELATIONSHIP_ROLES)).to.deep.equal([...published.entries()]);
  });

  it('the EPR reader reads a referral: to where, why, who sent it, when sent, accepted, first seen and closed, and the outcome, in words', () => {
    const r = referralToFhir(therapy, PATIENT, ns);
    expect(read(r, 'ServiceRequest.status')).to.deep.equal(['completed']);
    expect(read(r, 'ServiceRequest.intent')).to.deep.equal(['order']);
    expect(read(r, 'ServiceRequest.code.text')).to.deep.equal(['Referral to Northtown Talking Therapies']);
    expect(read(r, 'ServiceRequest.performer.display')).to.deep.equal(['Northtown Talking Therapies']);
    expect(read(r, 'ServiceRequest.requester.identifier.value')).to.deep.equal(['worker-1']);
    expect(read(r, 'ServiceRequest.reasonCode.text')).to.deep.equal([therapy.reason]);
    expect(read(r, 'ServiceRequest.authoredOn')).to.deep.equal(['2026-05-20']);
    expect(read(r, 'ServiceRequest.note.text')).to.deep.equal([
      'Sent on 20 May 2026. Accepted on 27 May 2026. First seen on 17 June 2026. Closed on 1 September 2026: seen and completed. What came of it: Finished 8 sessions.',
    ]);
    const task = 'ServiceRequest.contained.ofType(Task)';
    expect(read(r, `${task}.status`)).to.deep.equal(['completed']);
    expect(read(r, `${task}.basedOn.reference`)).to.deep.equal(['#']);
    expect(read(r, `${task}.executionPeriod`)).to.deep.equal([{ start: '2026-06-17', end: '2026-09-01' }]);
  });

  it('a referral’s progress moves the request and its Task through R4’s statuses', () => {
    const at = (x: Partial<Referral>) => {
      const r = referralToFhir({ ...therapy, acceptedOn: undefined, firstSeenOn: undefined, closedOn: undefined, outcome: undefined, outcomeNote: undefined, ...x } as Referral, PATIENT, ns);
      const clean = JSON.parse(JSON.stringify(r)) as Resource;
      return [read(clean, 'ServiceRequest.status')[0], read(clean, 'ServiceRequest.contained.ofType(Task).status')[0], read(clean, 'ServiceRequest.contained.ofType(Task).businessStatus.text')[0]];
    };
    expect(at({})).to.deep.equal(['active', 'requested', 'Sent, not yet accepted']);
    expect(at({ acceptedOn: '2026-05-27' })).to.deep.equal(['active', 'accepted', 'Accepted, not yet seen']);
    expect(at({ firstSeenOn: '2026-06-17' })).to.deep.equal(['active', 'in-progress', 'Seen']);
    expect(at({ closedOn: '2026-06-01', outcome: 'declined' })).to.deep.equal(['revoked', 'rejected', 'Closed: declined by the service']);
    expect(at({ closedOn: '2026-06-01', outcome: 'withdrawn' })).to.deep.equal(['revoked', 'cancelled', 'Closed: withdrawn']);
    expect(at({ closedOn: '2026-06-01', outcome: 'did-not-attend' })).to.deep.equal(['revoked', 'failed', 'Closed: closed after the person did not attend']);
    const inward = referralToFhir({ ...therapy, direction: 'in', service: 'Riverside Surgery', referrerId: undefined }, PATIENT, ns);
    expect(read(inward, 'ServiceRequest.code.text')).to.deep.equal(['Referral from Riverside Surgery']);
    expect(read(inward, 'ServiceRequest.requester.display')).to.deep.equal(['Riverside Surgery']);
    const eie = referralToFhir({ ...therapy, enteredInError: { reason: 'Wrong person', at: '2026-06-03T10:00:00Z', by: 'cc-1' } }, PATIENT, ns);
    expect(read(eie, 'ServiceRequest.status')).to.deep.equal(['entered-in-error']);
  });

  it('a key contact and a care team of workers share CareTeam but never read as each other', () => {
    const contact = served(keyContactToFhir(housing, PATIENT, ns), '1');
    const team = served(careTeamToFhir(validRecord('careTeam'), PATIENT, ns), '1');
    expect(isKeyContact(contact, ns)).to.equal(true);
    expect(isKeyContact(team, ns)).to.equal(false);
    expect(() => fhirToKeyContact(team, ns)).to.throw(/not an STR key contact/);
    expect(fhirToCareTeam(team, ns).participants.length).to.equal(1);
  });
});
