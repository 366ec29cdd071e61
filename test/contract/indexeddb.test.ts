import { indexedDbStore, type Store } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { storeContract } from './store-contract.js';

// IndexedDB persists across test files in one run (same origin): a unique database per test, deleted after.
let n = 0;
const names = new WeakMap<Store, string>();
const open = (name: string) => {
  const s = indexedDbStore({ name, persist: false });
  names.set(s, name);
  return s;
};

storeContract('indexedDbStore', {
  make: () => open(`contract-${Date.now()}-${n++}`),
  reopen: (previous) => {
    previous.close?.();
    return open(names.get(previous)!);
  },
  cleanup: async (store) => {
    store.close?.();
    await deleteDB(names.get(store)!);
  },
});
