import type { RecordOf, RecordType } from './schemas/registry.js';

/** What `list` can filter on. Dates are ISO 8601 (a date alone means midnight in Europe/London). */
export interface Query {
  readonly serviceUserId?: string;
  /** Inclusive lower bound on the record's date. */
  readonly from?: string;
  /** Exclusive upper bound on the record's date. */
  readonly to?: string;
  readonly status?: string;
  /** Page size, 1 to 10,000; default 100. */
  readonly limit?: number;
  /** Opaque: pass back the `next` of the previous page. */
  readonly cursor?: string;
  /**
   * Abort the read: it rejects with an `aborted` StrError at once and its result is never returned; `fhirStore`
   * cancels the read's HTTP requests (never retried). Widgets abort
   * a load when they move to another person or actor (docs/adr/0004-right-person-right-actor.md).
   */
  readonly signal?: AbortSignal;
}

/**
 * Options of the client's reads that gather all of a person's records of a kind (`carePlans.current` and `load`,
 * `warningSignPlans.current`, `signChecks.forPlan` and `forPerson`).
 */
export interface ReadOptions {
  /** As `Query.signal`: aborting rejects the read with `aborted`. */
  readonly signal?: AbortSignal;
  /**
   * Told once, when the read succeeds, of the records it left out because they could not be read (ids and reasons,
   * never content), so the screen can say so. Not called when every record was read.
   */
  readonly onUnreadable?: (unreadable: readonly Unreadable[]) => void;
}

export interface Page<R> {
  /** Newest first (by the type's date, then id). */
  readonly items: readonly R[];
  /** Present when more items follow. */
  readonly next?: string;
  /**
   * Records the store returned that do not pass the schema (tampered, or a resource that cannot be mapped): left out
   * of `items` and reported here by id and reason (field paths and codes, never content). Set by the client.
   */
  readonly unreadable?: readonly Unreadable[];
}

/** A record left out of a page because it could not be read. */
export interface Unreadable {
  readonly id: string;
  readonly reason: string;
}

/** A stored record changed. Carries ids and versions only, never content. */
export interface Change {
  readonly type: RecordType;
  readonly id: string;
  readonly version: string;
  readonly serviceUserId?: string;
}

/**
 * The store port (DESIGN.md, "The SDK contract"). Adapters: memory, IndexedDB, FHIR R4.
 * Every method rejects only with a StrError.
 */
export interface Store {
  /** A short name for messages and diagnostics, e.g. "memory", "indexeddb:strkit-demo". */
  readonly name: string;
  /** `device` when the records live only on this device (wiping them loses them); `remote` otherwise. */
  readonly durability: 'device' | 'remote';
  get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined>;
  list<T extends RecordType>(type: T, query?: Query): Promise<Page<RecordOf<T>>>;
  /**
   * Stores a record and returns it with the store's new `version`. Without `expectedVersion` it creates the record;
   * a repeat of an identical create returns the stored record (a retry never duplicates), a different one is a
   * `conflict`. With `expectedVersion` it updates; a stale version is a `conflict` and changes nothing.
   */
  put<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string): Promise<RecordOf<T>>;
  /** Every version, oldest first. */
  history<T extends RecordType>(type: T, id: string): Promise<readonly RecordOf<T>[]>;
  subscribe(listener: (change: Change) => void): () => void;
  /** How many records it holds, per type (for sign-out's report). */
  count?(): Promise<Partial<Record<RecordType, number>>>;
  /** Removes everything it holds on this device (sign-out). */
  wipe?(): Promise<void>;
  close?(): void;
}

export interface Draft<V = unknown> {
  readonly key: string;
  readonly actorId: string;
  readonly value: V;
  readonly savedAt: string;
}

/** Half-typed work, kept on the device only and never sent to a record system. */
export interface DraftStore {
  save<V>(actorId: string, key: string, value: V, savedAt: string): Promise<void>;
  load<V>(actorId: string, key: string): Promise<Draft<V> | undefined>;
  discard(actorId: string, key: string): Promise<void>;
  list(actorId?: string): Promise<readonly Draft[]>;
  wipe(): Promise<void>;
  close?(): void;
}

/** Time comes in through a clock so domain rules and tests never read `Date.now()`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
