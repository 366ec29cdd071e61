// A client acting as one synthetic worker in one role: the shared way widget and end-to-end tests make one.
import { createClient, memoryDrafts, type Clock, type DraftStore, type Role, type Store, type StrClient } from '@strkit/sdk';
import { FIXTURE_NOW } from '../../packages/components/src/contact-log/contact-log.fixtures.js';

/** The fixtures' "now" (5 June 2026, 17:00 in London), fixed. */
export const fixtureClock: Clock = { now: () => new Date(FIXTURE_NOW) };

export interface ClientOptions {
  /** Where drafts live; a fresh memory draft store by default. */
  readonly drafts?: DraftStore;
  /** The client's clock; the fixtures' "now" by default. */
  readonly clock?: Clock;
}

/** A client on `store` acting as `id` in `role`. */
export function clientAs(store: Store, role: Role, id = `${role}-1`, { drafts = memoryDrafts(), clock = fixtureClock }: ClientOptions = {}): StrClient {
  return createClient({ store, drafts, actor: { id, role }, clock });
}
