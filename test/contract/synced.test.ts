import { indexedDbStore, memoryStore, syncedStore } from '@strkit/sdk';
import { onFreshDatabase, storeContract } from './store-contract.js';

// syncedStore is a Store too (the client takes it like any other): it must keep the same promises while it pushes
// each write to the record system behind it (its `local` is the outbox port, ports.ts).
storeContract('syncedStore (IndexedDB outbox → memory record system)', onFreshDatabase('contract-synced', (name) =>
  syncedStore({ local: indexedDbStore({ name, persist: false }), remote: memoryStore() })));
