// Issue 16: eviction while no page was open. Eviction clears every storage type of the origin together, so the loss
// is found from outside the browser: the record system's checkpoint of this device store (a FHIR Device found by a
// standard identifier search), compared on the next start. Simulated by closing the store (no page holds the
// database), clearing all the origin's storage through CDP, and starting again. Synthetic data only.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, fhirStore, indexedDbStore, syncedStore, type SyncedStore } from '@strkit/sdk';
import { fhirDeviceCheckpoints } from '@strkit/sdk/fhir';
import { executeServerCommand } from '@web/test-runner-commands';
import type { StrSyncStatus } from '../../packages/components/src/sync-status/sync-status.js';
import '../../packages/components/src/define/str-sync-status.js';
import { fhir, fhirBaseUrl, resetEngine } from '../fhir/engine.js';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';

const text = (el: StrSyncStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
async function until(ok: () => boolean, what: string) {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok(), what).to.equal(true);
}

/** One page life of the app: the device store, synced to the engine, with its checkpoint kept there. */
async function start(name: string): Promise<SyncedStore> {
  const baseUrl = await fhirBaseUrl();
  return syncedStore({ local: indexedDbStore({ name, persist: false }), remote: fhirStore({ baseUrl }), checkpoints: fhirDeviceCheckpoints({ baseUrl }), auto: false });
}

describe('eviction while no page was open', () => {
  it('the next start finds it from the record system’s checkpoint: the state and the status say what may have been lost, never "all sent"', async function () {
    this.timeout(60_000);
    await resetEngine();
    await fhirStore({ baseUrl: await fhirBaseUrl() }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const name = `evicted-${crypto.randomUUID()}`;
    const first = await start(name);
    await first.put('contact', validContact({ note: 'Synced before the eviction' }));
    const synced = await first.sync.now();
    expect(synced.unsynced).to.equal(0);
    const { body } = await fhir('GET', `Device?identifier=${encodeURIComponent(`urn:strkit:device-store|indexeddb:${name}`)}`);
    const confirmedAt = ((body!.entry as { resource: { note: { time: string }[] } }[])[0]!.resource.note[0]!.time);
    const lost = await first.put('contact', validContact({ note: 'Saved after the last sync' }));
    first.close?.();

    await executeServerCommand('clear-origin-storage'); // no page has the database open

    const second = await start(name);
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: second, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(() => second.sync.state.mayHaveLostAfter !== undefined, 'the loss is found');
    expect(second.sync.state.mayHaveLostAfter).to.equal(confirmedAt);
    expect(await second.get('contact', lost.id), 'it was indeed lost').to.equal(undefined);
    const after = await second.sync.now();
    expect(after.unsynced).to.equal(0);
    expect(after.mayHaveLostAfter, 'kept after a later sync').to.equal(confirmedAt);
    await until(() => text(el).includes('may have been lost'), text(el));
    expect(text(el)).to.match(/Changes made on this device after \d{1,2} \w+ \d{4} at \d\d:\d\d may have been lost/);
    expect(text(el)).to.not.include('All changes are in the record system');
    second.close?.();
  });

  it('a start on a database that was not cleared says nothing was lost', async function () {
    this.timeout(60_000);
    await resetEngine();
    await fhirStore({ baseUrl: await fhirBaseUrl() }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const name = `kept-${crypto.randomUUID()}`;
    const first = await start(name);
    await first.put('contact', validContact());
    expect((await first.sync.now()).unsynced).to.equal(0);
    const waiting = await first.put('contact', validContact({ note: 'Still waiting to be sent' }));
    first.close?.();

    const second = await start(name);
    const state = await second.sync.now(); // compares with the checkpoint before it settles
    expect(state.mayHaveLostAfter).to.equal(undefined);
    expect(state.unsynced).to.equal(0);
    expect((await second.get('contact', waiting.id))?.note).to.equal('Still waiting to be sent');
    second.close?.();
  });
});
