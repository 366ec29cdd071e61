import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { StrError, createClient, memoryStore, syncedStore, type Clock, type Store } from '@strkit/sdk';
import { indexedDbStore, type IndexedDbStore } from '@strkit/sdk/indexeddb';
import '@strkit/components/define/str-sync-status.js';
import type { StrSyncStatus } from '../packages/components/src/sync-status/sync-status.js';
import { FIXTURE_NOW } from '../packages/components/src/contact-log/contact-log.fixtures.js';
import { validContact } from '../test/helpers/fixtures.js';

/** A fixed "now", so the ages the element shows are the same on every render. */
const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

/** What a story opened on the device: its element, its IndexedDB store and database, and its setup still running. */
interface Opened { readonly el: HTMLElement; readonly store: IndexedDbStore; readonly name: string; ready: Promise<unknown> }
const opened: Opened[] = [];

/** An element over a synced store whose device side is a database of its own, forgotten when the story is left. */
function onDevice(remote: Store): { el: StrSyncStatus; store: ReturnType<typeof syncedStore>; opened: Opened } {
  const el = document.createElement('str-sync-status');
  el.clock = clock;
  const name = `story-sync-${crypto.randomUUID()}`;
  const local = indexedDbStore({ name, persist: false });
  const entry: Opened = { el, store: local, name, ready: Promise.resolve() };
  opened.push(entry);
  return { el, store: syncedStore({ local, remote, auto: false, clock }), opened: entry };
}

const deleted = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });

/**
 * Leaves nothing on the device (issue 19): the element goes, the setup finishes, the connection closes, the database
 * is deleted. Storybook calls it when the story is left or rendered again (the function `beforeEach` returns).
 */
async function forgetDevice(): Promise<void> {
  for (const o of opened.splice(0)) {
    o.el.remove();
    await o.ready.catch(() => undefined);
    o.store.close();
    await deleted(o.name);
  }
}

const meta = { title: 'Offline first/Sync status', component: 'str-sync-status', beforeEach: () => forgetDevice } satisfies Meta;
export default meta;
type Story = StoryObj;

const unreachable: Store = {
  name: 'unreachable', durability: 'remote', subscribe: () => () => undefined,
  get: () => Promise.reject(new StrError('transport', 'offline', true)), list: () => Promise.reject(new StrError('transport', 'offline', true)),
  put: () => Promise.reject(new StrError('transport', 'offline', true)), history: () => Promise.reject(new StrError('transport', 'offline', true)),
};

/** Offline: three changes saved on the device, waiting to send, with the oldest's age. */
export const WaitingOffline: Story = {
  render: () => {
    const { el, store, opened: o } = onDevice(unreachable);
    o.ready = (async () => {
      for (let i = 0; i < 3; i++) await store.put('contact', validContact({ id: crypto.randomUUID(), note: `Visit ${i}` }));
      el.client = createClient({ store, actor: { id: 'story-worker', role: 'str-worker' }, clock });
      await store.sync.now();
    })();
    return el;
  },
};

/** Someone else changed a contact in the record system: both versions kept, the worker chooses. */
export const ConflictToChoose: Story = {
  render: () => {
    const remote = memoryStore();
    const { el, store, opened: o } = onDevice(remote);
    o.ready = (async () => {
      const c = await store.put('contact', validContact({ id: crypto.randomUUID() }));
      await store.sync.now();
      const server = (await remote.get('contact', c.id))!;
      await remote.put('contact', { ...server, note: 'Changed in the record system' }, server.version);
      await store.put('contact', { ...c, note: 'Changed on this device' }, c.version);
      el.client = createClient({ store, actor: { id: 'story-worker', role: 'str-worker' }, clock });
      await store.sync.now();
    })();
    return el;
  },
};
