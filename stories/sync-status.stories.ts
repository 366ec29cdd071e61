import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { StrError, createClient, indexedDbStore, memoryStore, syncedStore, type Store } from '@strkit/sdk';
import '@strkit/components/define/str-sync-status.js';
import { validContact } from '../test/helpers/fixtures.js';

const meta = { title: 'Offline first/Sync status', component: 'str-sync-status' } satisfies Meta;
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
    const el = document.createElement('str-sync-status');
    const store = syncedStore({ local: indexedDbStore({ name: `story-sync-${Math.random()}`, persist: false }), remote: unreachable, auto: false });
    void (async () => {
      for (let i = 0; i < 3; i++) await store.put('contact', validContact({ id: crypto.randomUUID(), note: `Visit ${i}` }));
      el.client = createClient({ store, actor: { id: 'story-worker', role: 'str-worker' } });
      await store.sync.now();
    })();
    return el;
  },
};

/** Someone else changed a contact in the record system: both versions kept, the worker chooses. */
export const ConflictToChoose: Story = {
  render: () => {
    const el = document.createElement('str-sync-status');
    const remote = memoryStore();
    const store = syncedStore({ local: indexedDbStore({ name: `story-sync-${Math.random()}`, persist: false }), remote, auto: false });
    void (async () => {
      const c = await store.put('contact', validContact({ id: crypto.randomUUID() }));
      await store.sync.now();
      const server = (await remote.get('contact', c.id))!;
      await remote.put('contact', { ...server, note: 'Changed in the record system' }, server.version);
      await store.put('contact', { ...c, note: 'Changed on this device' }, c.version);
      el.client = createClient({ store, actor: { id: 'story-worker', role: 'str-worker' } });
      await store.sync.now();
    })();
    return el;
  },
};
