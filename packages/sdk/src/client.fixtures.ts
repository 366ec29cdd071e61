// Test support for the SDK's client tests (not shipped: package.json `files` leaves out *.fixtures.ts).
import { expect } from '@open-wc/testing';
import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { createClient, type StrClient } from './client.js';
import { pathwayClient, type PathwayClient } from './client-pathway.js';
import { teamClient, type TeamClient } from './client-team-lead.js';
import { isStrError, type StrError, type StrErrorCode } from './errors.js';
import type { Clock, Store } from './ports.js';
import type { Role } from './schemas/people.js';

/** A clock that moves on a second per reading from `start`, so records made one after another have distinct times. */
export const tickingClock = (start = '2026-06-03T12:00:00Z'): Clock => {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)) };
};

/** A client signed in as `role` (id `<role>-1` unless given) over `store`, with drafts in memory. */
export const clientAs = (store: Store, role: Role, id = `${role}-1`, clock: Clock = tickingClock()): StrClient =>
  createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock });

/** {@link clientAs} with the team lead's namespaces (`teamClient`) on it too. */
export const staffAs = (store: Store, role: Role, id = `${role}-1`, clock: Clock = tickingClock()): StrClient & TeamClient => {
  const client = clientAs(store, role, id, clock);
  return { ...client, ...teamClient(client) };
};

/** {@link clientAs} with the care pathway's namespaces (`pathwayClient`) on it too. */
export const pathwayAs = (store: Store, role: Role, id = `${role}-1`, clock: Clock = tickingClock()): StrClient & PathwayClient => {
  const client = clientAs(store, role, id, clock);
  return { ...client, ...pathwayClient(client) };
};

/** Resolves with the StrError `p` rejects with, after checking its code; fails if it resolves or rejects otherwise. */
export async function rejectsWith(p: Promise<unknown>, code: StrErrorCode): Promise<StrError> {
  try {
    await p;
  } catch (e) {
    expect(isStrError(e), String(e)).to.equal(true);
    expect((e as StrError).code, (e as Error).message).to.equal(code);
    return e as StrError;
  }
  throw new Error(`expected a ${code} error, but it resolved`);
}
