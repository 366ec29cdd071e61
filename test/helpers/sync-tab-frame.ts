// A second "tab" for the one-engine-per-device test: it saves a contact and starts a sync run whose push never
// answers, so its run holds the device's sync lock until this document goes away.
import { StrError, indexedDbStore, syncedStore, type Store } from '@strkit/sdk';
import { validContact } from './fixtures.js';

const db = new URLSearchParams(location.search).get('db')!;
const never = () => new Promise<never>(() => undefined);
const remote: Store = {
  name: 'never-answers', durability: 'remote', get: never, list: never, history: never, subscribe: () => () => undefined,
  put: () => {
    parent.postMessage({ holding: true }, '*');
    return never();
  },
};
const s = syncedStore({ local: indexedDbStore({ name: db, persist: false }), remote, auto: false, pushTimeoutMs: 600_000 });
s.put('contact', validContact({ note: 'Saved in the tab that went' })).then(
  (c) => {
    parent.postMessage({ id: c.id }, '*');
    void s.sync.now();
  },
  (e: unknown) => parent.postMessage({ error: e instanceof StrError ? e.code : String(e) }, '*'),
);
