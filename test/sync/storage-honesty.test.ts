// Issue 16, part 4: storage honesty. The worker is told when the browser has not promised to keep the records, and
// when the browser took the device's storage away (eviction: every storage type of the origin at once) the status
// says what may have been lost, never "All changes are in the record system"; the store works again afterwards.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, indexedDbStore, memoryStore, syncedStore, type SyncedStore } from '@strkit/sdk';
import { executeServerCommand } from '@web/test-runner-commands';
import type { StrSyncStatus } from '../../packages/components/src/sync-status/sync-status.js';
import '../../packages/components/src/define/str-sync-status.js';
import { validContact } from '../helpers/fixtures.js';

const text = (el: StrSyncStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
async function until(ok: () => boolean, el?: StrSyncStatus) {
  for (let i = 0; i < 300 && !ok(); i++) {
    await new Promise((r) => setTimeout(r, 10));
    await el?.updateComplete;
  }
  expect(ok(), el ? text(el) : 'condition').to.equal(true);
}

describe('storage honesty', () => {
  let s: SyncedStore | undefined;
  afterEach(() => s?.close?.());

  it('persisted false is in the state and shown in words, with what it means', async () => {
    s = syncedStore({ local: indexedDbStore({ name: `honest-${Math.random()}`, persist: false }), remote: memoryStore(), auto: false });
    await until(() => s!.sync.state.persisted === false);
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(() => text(el).includes('has not agreed to keep'), el);
    expect(text(el)).to.include('may clear them if the device runs low on space');
  });

  it('eviction (all origin storage cleared through CDP): the state and the status say changes after the last sync may have been lost, never "all sent"; the store works again', async function () {
    this.timeout(30_000);
    const remote = memoryStore();
    s = syncedStore({ local: indexedDbStore({ name: `honest-${Math.random()}`, persist: false }), remote, auto: false });
    const client = createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } });
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${client}></str-sync-status>`);
    await s.put('contact', validContact());
    const synced = await s.sync.now();
    expect(synced.unsynced).to.equal(0);
    const lost = await s.put('contact', validContact({ note: 'Saved after the last sync' }));
    expect(s.sync.state.unsynced).to.equal(1);
    await executeServerCommand('clear-origin-storage');
    await until(() => s!.sync.state.mayHaveLostAfter !== undefined);
    expect(s.sync.state.mayHaveLostAfter).to.equal(synced.lastSyncedAt);
    // The store reopens (a fresh, empty database) and later saves work and sync.
    expect(await s.get('contact', lost.id)).to.equal(undefined);
    const after = await s.put('contact', validContact());
    const state = await s.sync.now();
    expect(state.unsynced).to.equal(0);
    expect((await remote.get('contact', after.id))?.id).to.equal(after.id);
    expect(state.mayHaveLostAfter, 'kept after a later sync').to.equal(synced.lastSyncedAt);
    await until(() => text(el).includes('may have been lost'), el);
    expect(text(el)).to.match(/Changes made on this device after \d{1,2} \w+ \d{4} at \d\d:\d\d may have been lost/);
    expect(text(el)).to.not.include('All changes are in the record system');
  });

  it('the device store reopens after the browser closed its connection (storage cleared): saves work again', async () => {
    const local = indexedDbStore({ name: `honest-${Math.random()}`, persist: false });
    await local.put('contact', validContact());
    await executeServerCommand('clear-origin-storage');
    await new Promise((r) => setTimeout(r, 200));
    const c = await local.put('contact', validContact());
    expect((await local.get('contact', c.id))?.id).to.equal(c.id);
    local.close();
  });
});
