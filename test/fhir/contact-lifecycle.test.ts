// Contact and note lifecycle on a real FHIR engine over HTTP (issue 13): a note about the wrong person never stays
// live, and the versions of a corrected note are linked as a record system expects (replaces / superseded).
import { expect } from '@open-wc/testing';
import { fhirStore, type Store } from '@strkit/sdk';
import { digest } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, resetEngine } from './engine.js';

interface Doc {
  id: string;
  status: string;
  identifier: { system: string; value: string }[];
  relatesTo?: { code: string; target: { identifier?: { value: string } } }[];
  author?: { identifier?: { value: string } }[];
  context?: { encounter?: { reference: string }[] };
}

async function engineWithPerson(): Promise<Store> {
  await resetEngine();
  const store = fhirStore({ baseUrl: await fhirBaseUrl() });
  await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
  return store;
}

/** The note document holding exactly this text for this contact, as the engine has it. */
async function noteDoc(contactId: string, note: string): Promise<Doc> {
  const { body } = await fhir('GET', `DocumentReference?identifier=urn:strkit:note-id|${contactId}.${digest(note)}`);
  const docs = ((body?.entry as { resource: Doc }[] | undefined) ?? []).map((e) => e.resource);
  expect(docs, `note document of ${contactId}`).to.have.length(1);
  return docs[0]!;
}

const EIE = { reason: 'Recorded against the wrong person', at: '2026-06-03T12:00:00Z', by: 'worker-1' };

describe('Contact lifecycle on the engine: notes follow their contact', () => {
  it('a new contact note is current, has the worker as author and names its Encounter', async () => {
    const store = await engineWithPerson();
    const c = await store.put('contact', validContact({ note: 'Went to the library.' }));
    const doc = await noteDoc(c.id, 'Went to the library.');
    expect(doc.status).to.equal('current');
    expect(doc.author?.[0]?.identifier?.value).to.equal(c.workerId);
    const { body } = await fhir('GET', `Encounter?identifier=urn:strkit:id|${c.id}`);
    const encId = (body!.entry as { resource: { id: string } }[])[0]!.resource.id;
    expect(doc.context?.encounter?.[0]?.reference).to.equal(`Encounter/${encId}`);
  });

  it('a contact marked entered-in-error takes its note document with it (entered-in-error, not current)', async () => {
    const store = await engineWithPerson();
    const v1 = await store.put('contact', validContact({ note: 'About the wrong person.' }));
    await store.put('contact', { ...v1, enteredInError: EIE }, v1.version);
    expect((await noteDoc(v1.id, 'About the wrong person.')).status).to.equal('entered-in-error');
    expect((await store.get('contact', v1.id))?.note).to.equal('About the wrong person.');
  });

  it('a correction writes the new note with relatesTo replaces the old one, and marks the old one superseded', async () => {
    const store = await engineWithPerson();
    const v1 = await store.put('contact', validContact({ note: 'First words.' }));
    const v2 = await store.put('contact', { ...v1, note: 'Corrected words.' }, v1.version);
    const old = await noteDoc(v1.id, 'First words.');
    const fresh = await noteDoc(v1.id, 'Corrected words.');
    expect(old.status).to.equal('superseded');
    expect(fresh.status).to.equal('current');
    expect(fresh.relatesTo).to.deep.equal([{ code: 'replaces', target: { identifier: { system: 'urn:strkit:note-id', value: old.identifier[0]!.value } } }]);
    expect((await store.get('contact', v1.id))?.note).to.equal('Corrected words.');
    expect((await store.history('contact', v1.id)).map((h) => h.note)).to.deep.equal(['First words.', 'Corrected words.']);

    // Then the whole contact is found to be in error: every version of its note goes with it.
    await store.put('contact', { ...v2, enteredInError: EIE }, v2.version);
    expect((await noteDoc(v1.id, 'First words.')).status).to.equal('entered-in-error');
    expect((await noteDoc(v1.id, 'Corrected words.')).status).to.equal('entered-in-error');
  });

  it('a did-not-attend is cancelled with no length, and keeps its booked minutes when read back', async () => {
    const store = await engineWithPerson();
    const c = await store.put('contact', validContact({ attendance: '3', durationMinutes: 40 }));
    const { body } = await fhir('GET', `Encounter?identifier=urn:strkit:id|${c.id}`);
    const enc = (body!.entry as { resource: Record<string, unknown> }[])[0]!.resource;
    expect(enc.status).to.equal('cancelled');
    expect(enc).to.not.have.property('length');
    expect(await store.get('contact', c.id)).to.deep.equal(c);
  });
});
