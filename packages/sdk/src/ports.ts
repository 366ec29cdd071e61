import type { AnyRecord, RecordOf, RecordType } from './schemas/registry.js';
import type { SyncAttentionParams, SyncAttentionReason } from './sync-types.js';

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
   * Only records the store changed at or after this instant, by the store's own clock (pass back a page's
   * `changedUpTo`, less an overlap). A hint: a store may return more (the device stores return all).
   */
  readonly changedSince?: string;
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
  /** The latest change among the records the store read, by its own clock (a store that records it: `fhirStore`). */
  readonly changedUpTo?: string;
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
  /** `newer-version`: written by a newer STR Kit than this page runs (an older tab); reload or update to read it. */
  readonly code?: 'newer-version';
}

/** A stored record changed. Carries ids and versions only, never content. */
export interface Change {
  readonly type: RecordType;
  readonly id: string;
  readonly version: string;
  readonly serviceUserId?: string;
}

/** The kinds of a person's records {@link Store.readPeople} reads whole (contacts are read up to the last attended one). */
export type PersonRecordType = 'carePlan' | 'task' | 'alert' | 'warningSignPlan' | 'signCheck';

/** What {@link Store.readPeople} gives for one person. */
export interface PersonRead {
  /** Undefined when the person is not in the store, or their record cannot be read (then in `unreadable`). */
  readonly serviceUser: RecordOf<'serviceUser'> | undefined;
  /**
   * Newest first, from the newest down to the newest attended (AttendStatus 5 or 6) contact, not entered in error,
   * that starts on or before `contactsUntil` (UK date); every contact when there is none such.
   */
  readonly contacts: readonly RecordOf<'contact'>[];
  /** Every record of each kind about the person, newest first (the order of `list`). */
  readonly records: { readonly [T in PersonRecordType]: readonly RecordOf<T>[] };
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
  /**
   * Optional: what the caseload needs about many people at once, in few round trips (docs/adr/0023-caseload-summary.md;
   * `fhirStore`). Each record is checked to be about the person it is given for, whatever the store answered; a
   * record that cannot be checked or read is in `unreadable`, never given to anyone. A store without it is read
   * person by person through `get` and `list`.
   */
  readPeople?(serviceUserIds: readonly string[], options: { readonly contactsUntil: string; readonly signal?: AbortSignal }): Promise<{ readonly people: ReadonlyMap<string, PersonRead>; readonly unreadable: readonly Unreadable[] }>;
  /** How many records it holds, per type (for sign-out's report). */
  count?(): Promise<Partial<Record<RecordType, number>>>;
  /** Removes everything it holds on this device (sign-out). */
  wipe?(): Promise<void>;
  close?(): void;
}

/** One record saved on the device and not yet in the record system: what signing out now would lose. */
export interface OutboxEntry {
  readonly type: RecordType;
  readonly id: string;
  readonly serviceUserId?: string;
  /** When the oldest unsynced change to this record was saved. */
  readonly since: string;
  /** The local version the entry stands for; a later local write moves it on. */
  readonly localVersion: string;
  readonly attempts: number;
  /** Set when the record system refused it for good, or someone else changed it meanwhile: a person must look. */
  readonly attention?: { readonly code: string; readonly message: string; readonly at: string; readonly reason?: SyncAttentionReason; readonly params?: SyncAttentionParams };
  /** On a conflict: the record system's version, kept beside ours until the worker chooses. */
  readonly theirs?: AnyRecord;
}

/**
 * The outbox port: a device store whose writes can wait for the record system (the `local` of `syncedStore`,
 * DESIGN.md "Offline first"). Adapter: `indexedDbStore`. It is a `Store` too, and passes the store contract.
 * Every method rejects only with a StrError; nothing in the outbox is ever dropped or expired.
 */
export interface OutboxStore extends Store {
  /** Whether the browser granted persistent storage (false when it could not be asked). */
  readonly persisted: Promise<boolean>;
  /** Like `put`, and in the same transaction an outbox entry: the write is safe here and waits for the record system. */
  putLocal<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion: string | undefined, at: string): Promise<RecordOf<T>>;
  /** Every entry, flagged ones included. */
  outbox(): Promise<OutboxEntry[]>;
  /** The record system's version of a record, once it has one. */
  remoteVersion(type: RecordType, id: string): Promise<string | undefined>;
  /** The record system has local version `localVersion` as `remoteVersion`: clear the entry unless a later write moved on. */
  settle(type: RecordType, id: string, localVersion: string, remoteVersion: string): Promise<void>;
  /** `settle` for many records in one transaction (a batch push): each entry cleared unless a later write moved on. */
  settleMany(items: readonly { readonly type: RecordType; readonly id: string; readonly localVersion: string; readonly remoteVersion: string }[]): Promise<void>;
  /** The device's records and the record system's versions of them, read in one transaction (a batch push). */
  pending(keys: readonly { readonly type: RecordType; readonly id: string }[]): Promise<{ readonly record?: AnyRecord; readonly remoteVersion?: string }[]>;
  /** The record system no longer has the record (deleted there): its next push is a create, as a new record. */
  forgetRemote(type: RecordType, id: string): Promise<void>;
  /** Marks an entry for a person to look at (kept, never dropped). */
  flag(type: RecordType, id: string, attention: NonNullable<OutboxEntry['attention']>, theirs?: AnyRecord): Promise<void>;
  /** A person chose to send a flagged entry again: the flag (and any kept server version) is cleared, the entry kept. */
  unflag(type: RecordType, id: string): Promise<void>;
  /** Another attempt failed for a passing reason. */
  bump(type: RecordType, id: string): Promise<void>;
  /** A record from the record system: stored as a new local version, unless this device has unsynced changes to it (or `force`). */
  applyRemote<T extends RecordType>(type: T, record: RecordOf<T>, force?: boolean): Promise<boolean>;
  /**
   * Tells `listener` when the browser took the store away while it was open (storage cleared or evicted): what was on
   * the device may be gone. Returns an unsubscribe function.
   */
  onLost?(listener: () => void): () => void;
  /**
   * This database's device marker: an id made when the database was created (eviction takes it with everything else),
   * and whether this store created the database just now, so the sync engine can ask the record system what it last
   * confirmed from this device (docs/adr/0003-offline-first.md, "Storage honesty").
   */
  device?(): Promise<{ readonly id: string; readonly createdAt: string; readonly createdNow: boolean }>;
  close(): void;
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
