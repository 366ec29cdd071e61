// Issue 14: one FHIR resource that cannot be mapped is reported and left out; the person's other records are still
// listed (before, the whole list failed). Runs against the real FHIR engine over HTTP. Synthetic data only.
import { createClient, fhirStore } from '@strkit/sdk';
import { expect } from '@open-wc/testing';
import { PERSON_ID, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, resetEngine } from './engine.js';

describe('fhirStore: a malformed resource among good ones', () => {
  it('a list leaves the unmappable Encounter out, reports its STR id and reason, and returns the good contact', async function () {
    this.timeout(60_000);
    await resetEngine();
    const store = fhirStore({ baseUrl: await fhirBaseUrl() });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const client = createClient({ store, actor: { id: 'w1', role: 'str-worker' }, clock: { now: () => new Date('2026-06-05T16:00:00Z') } });
    const good = await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 20, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Ours' });
    const { body: patients } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const subject = { reference: `Patient/${(patients!.entry as { resource: { id: string } }[])[0]!.resource.id}` };
    const brokenId = crypto.randomUUID();
    // Carries our identifier, but nothing STR Kit needs (no period, no MHSDS codings): a damaged or hand-made resource.
    const posted = await fhir('POST', 'Encounter', { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, identifier: [{ system: 'urn:strkit:id', value: brokenId }], subject, period: { start: '2026-06-04T10:00:00Z' } });
    expect(posted.status).to.equal(201);
    const page = await client.contacts.list({ serviceUserId: PERSON_ID });
    expect(page.items.map((c) => c.id)).to.deep.equal([good.id]);
    expect(page.unreadable?.map((u) => u.id)).to.deep.equal([brokenId]);
    expect(page.unreadable![0]!.reason).to.be.a('string').and.not.equal('');
  });
});
