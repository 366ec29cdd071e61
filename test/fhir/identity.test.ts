// Identity on read, planted on a real FHIR engine (issue 13): a second Patient carrying someone's STR identifier never
// takes over their record, and a contact belongs to the Patient its Encounter references.
import { expect } from '@open-wc/testing';
import { contactToEncounter, fhirStore, isStrError, namespaceFrom, type StrError } from '@strkit/sdk';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, resetEngine } from './engine.js';

async function rejection(p: Promise<unknown>): Promise<StrError> {
  try {
    await p;
  } catch (e) {
    if (isStrError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

const entries = (body: Record<string, unknown> | undefined) => ((body?.entry as { resource: { id: string } }[] | undefined) ?? []).map((e) => e.resource);

/** Ada on the engine, then a second Patient another system made with her STR identifier. */
async function plantImpostor() {
  await resetEngine();
  const base = await fhirBaseUrl();
  await fhirStore({ baseUrl: base }).put('serviceUser', validServiceUser({ id: PERSON_ID, displayName: 'Ada Testperson' }));
  const [ada] = entries((await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`)).body);
  const impostor = await fhir('POST', 'Patient', { resourceType: 'Patient', identifier: [{ system: 'urn:strkit:id', value: PERSON_ID }], name: [{ text: 'Not Ada' }] });
  expect(impostor.status).to.equal(201);
  return { base, ada: `Patient/${ada!.id}`, impostor: `Patient/${(impostor.body as { id: string }).id}` };
}

describe('Identity on read: one STR identifier, one Patient', () => {
  it('two Patients with one STR identifier: reading the person is a mapping error naming both', async () => {
    const { base, ada, impostor } = await plantImpostor();
    const err = await rejection(fhirStore({ baseUrl: base }).get('serviceUser', PERSON_ID));
    expect(err.code).to.equal('mapping');
    expect(err.message).to.include(ada).and.to.include(impostor);
    expect(err.message).to.not.include('Ada Testperson');
  });

  it('a new contact for her is refused with that error, and nothing is written to either Patient', async () => {
    const { base, ada, impostor } = await plantImpostor();
    const store = fhirStore({ baseUrl: base });
    const err = await rejection(store.put('contact', validContact({ serviceUserId: PERSON_ID })));
    expect(err.code).to.equal('mapping');
    expect(err.message).to.include(ada).and.to.include(impostor);
    for (const p of [ada, impostor]) {
      expect(entries((await fhir('GET', `Encounter?subject=${p}`)).body), p).to.deep.equal([]);
      expect(entries((await fhir('GET', `DocumentReference?subject=${p}`)).body), p).to.deep.equal([]);
    }
    expect((await rejection(store.list('contact', { serviceUserId: PERSON_ID }))).code).to.equal('mapping');
  });

  it('an Encounter that names her STR id but references another Patient is not her contact: a mapping error', async () => {
    await resetEngine();
    const base = await fhirBaseUrl();
    const store = fhirStore({ baseUrl: base });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const other = await fhir('POST', 'Patient', { resourceType: 'Patient', name: [{ text: 'Someone else' }] });
    const otherRef = `Patient/${(other.body as { id: string }).id}`;
    const c = validContact({ serviceUserId: PERSON_ID, note: '' });
    const planted = await fhir('POST', 'Encounter', contactToEncounter(c, { patientReference: otherRef }, undefined, namespaceFrom()));
    expect(planted.status).to.equal(201);
    const err = await rejection(fhirStore({ baseUrl: base }).get('contact', c.id));
    expect(err.code).to.equal('mapping');
    expect(err.message).to.include(otherRef).and.to.include(c.id);
    // Her own list (by the Patient she is) never shows it.
    expect((await store.list('contact', { serviceUserId: PERSON_ID })).items).to.deep.equal([]);
  });
});
