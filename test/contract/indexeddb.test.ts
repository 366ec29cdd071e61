import { indexedDbStore } from '@strkit/sdk';
import { onFreshDatabase, storeContract } from './store-contract.js';

storeContract('indexedDbStore', onFreshDatabase('contract', (name) => indexedDbStore({ name, persist: false })));
