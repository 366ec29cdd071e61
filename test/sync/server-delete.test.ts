// Issue 16: a record the record system deleted (hard DELETE) after it synced. The device keeps it and shows it;
// "Keep mine" sends it as a new record (never another conflict); "Take theirs" says there is nothing to take.
import { expect } from '@open-wc/testing';
import { fhirStore, indexedDbStore, isStrError, syncedStore, type Contact } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, injectFaults, resetEngine } from '../fhir/engine.js';

const names: string[] = [];
after(async () => {
  for (const n of names) await deleteDB(n);
});

/** A contact synced to the engine, then its Encounter deleted there, then corrected on the device and pushed. */
async function deletedThere() {
  await resetEngine();
  await fhirStore({ baseUrl: await fhirBaseUrl() }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
  const name = `gone-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const local = indexedDbStore({ name, persist: false });
  const s = syncedStore({ local, remote: fhirStore({ baseUrl: await fhirBaseUrl() }), auto: false, retry: { baseMs: 5, maxMs: 20 } });
  const c = await s.put('contact', validContact({ note: 'Met at the library.' }));
  expect((await s.sync.now()).unsynced).to.equal(0);
  const { body } = await fhir('GET', `Encounter?identifier=${encodeURIComponent(`urn:strkit:id|${c.id}`)}`);
  const serverId = (body!.entry as { resource: { id: string } }[])[0]!.resource.id;
  expect((await fhir('DELETE', `Encounter/${serverId}`)).status).to.be.below(300);
  const corrected = await s.put('contact', { ...c, note: 'Met at the library; talked about college.' }, c.version);
  const state = await s.sync.now();
  return { s, local, corrected, serverId, state };
}

describe('a record the record system deleted', () => {
  it('is kept on the device and flagged with theirs unknown; "Keep mine" sends it as a new record and nothing stays flagged', async () => {
    const { s, corrected, serverId, state } = await deletedThere();
    expect(state.needsAttention.map((a) => [a.id, a.code, a.theirsKnown])).to.deep.equal([[corrected.id, 'conflict', false]]);
    expect((await s.get('contact', corrected.id))?.note, 'kept on the device').to.equal(corrected.note);
    await s.sync.resolve('contact', corrected.id, 'mine');
    let after = s.sync.state;
    for (let i = 0; i < 10 && (after.unsynced > 0 || i === 0); i++) after = await s.sync.now();
    expect(after.needsAttention, 'no conflict again').to.deep.equal([]);
    expect(after.unsynced).to.equal(0);
    const back = (await fhirStore({ baseUrl: await fhirBaseUrl() }).get('contact', corrected.id)) as Contact | undefined;
    expect(back?.note, 'on the record system again, with the device text').to.equal(corrected.note);
    const { body } = await fhir('GET', `Encounter?identifier=${encodeURIComponent(`urn:strkit:id|${corrected.id}`)}`);
    const ids = (body!.entry as { resource: { id: string } }[]).map((e) => e.resource.id);
    expect(ids.length, 'one new Encounter').to.equal(1);
    expect(ids[0]).to.not.equal(serverId);
  });

  it('"Take theirs" is a clear validation error (no version of theirs to take), never not-found, and the record and its flag stay', async () => {
    const { s, corrected } = await deletedThere();
    let caught: unknown;
    try {
      await s.sync.resolve('contact', corrected.id, 'theirs');
    } catch (e) {
      caught = e;
    }
    expect(isStrError(caught, 'validation'), String(caught)).to.equal(true);
    expect((caught as Error).message).to.include(corrected.id).and.not.include('college');
    expect((await s.get('contact', corrected.id))?.note).to.equal(corrected.note);
    expect(s.sync.state.needsAttention.map((a) => a.id)).to.deep.equal([corrected.id]);
    expect(await s.sync.textOf('contact', corrected.id)).to.include('talked about college');
  });
});

describe('a 410 on an update', () => {
  it('takes the deleted-record path: kept, flagged with theirs unknown, "Keep mine" sends it as a new record', async () => {
    await resetEngine();
    await fhirStore({ baseUrl: await fhirBaseUrl() }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const name = `gone410-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const s = syncedStore({ local: indexedDbStore({ name, persist: false }), remote: fhirStore({ baseUrl: await fhirBaseUrl() }), auto: false, retry: { baseMs: 5, maxMs: 20 } });
    const c = await s.put('contact', validContact({ note: 'Walked to the shop.' }));
    expect((await s.sync.now()).unsynced).to.equal(0);
    const corrected = await s.put('contact', { ...c, note: 'Walked to the shop; bought bread.' }, c.version);
    // Another system deletes the Encounter after our search found it and before our If-Match update, on a server that
    // keeps tombstones: every PUT to it is a 410 (never a passing failure to retry).
    await injectFaults([{ method: 'PUT', type: 'Encounter', kind: 'gone', rate: 1 }]);
    const state = await s.sync.now();
    await injectFaults([]);
    expect(state.needsAttention.map((a) => [a.id, a.code, a.theirsKnown])).to.deep.equal([[corrected.id, 'conflict', false]]);
    expect((await s.get('contact', corrected.id))?.note, 'kept on the device').to.equal(corrected.note);
    await s.sync.resolve('contact', corrected.id, 'mine');
    let after = s.sync.state;
    for (let i = 0; i < 10 && (after.unsynced > 0 || i === 0); i++) after = await s.sync.now();
    expect(after.needsAttention).to.deep.equal([]);
    expect(after.unsynced).to.equal(0);
    const back = (await fhirStore({ baseUrl: await fhirBaseUrl() }).get('contact', corrected.id)) as Contact | undefined;
    expect(back?.note).to.equal(corrected.note);
    s.close?.();
  });
});
