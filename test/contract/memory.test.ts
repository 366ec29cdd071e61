import { memoryStore } from '@strkit/sdk';
import { storeContract } from './store-contract.js';

storeContract('memoryStore', { make: () => memoryStore() });
