// @strkit/sdk/codes — the code lists (each with its published source) and identifier checks: no zod, no stores.
export * from './codes/mhsds.js';
export * from './codes/nhs-number.js';
export * from './codes/snomed.js';
