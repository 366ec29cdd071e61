import { indexedDbStore, type OutboxStore } from '@strkit/sdk';
import { onFreshDatabase } from './store-contract.js';
import { outboxContract } from './outbox-contract.js';

const fresh = onFreshDatabase('contract-outbox', (name) => indexedDbStore({ name, persist: false }));
outboxContract('indexedDbStore', { make: () => fresh.make() as OutboxStore, cleanup: (store) => fresh.cleanup?.(store) });
