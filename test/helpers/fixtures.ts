// Synthetic records for tests: the SDK's own fixtures (one id sequence for every suite).
export * from '../../packages/sdk/src/records.fixtures.js';
