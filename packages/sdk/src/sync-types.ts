// The sync engine's public types (issue 9, 16; docs/adr/0003-offline-first.md): its state, its verbs, and its options.
import type { DeviceCheckpoints } from './device-checkpoint.js';
import type { Clock, OutboxEntry, OutboxStore, Store } from './ports.js';
import type { RecordType } from './schemas/registry.js';

export type SyncAttentionReason = 'changed-there' | 'deleted-there' | 'refused';
export type SyncAttentionParams = { readonly status?: number; readonly outcome?: string };

export interface SyncAttention {
  readonly type: RecordType;
  readonly id: string;
  readonly serviceUserId?: string;
  /** `conflict` (someone else changed it: both versions are kept), or why the record system refused it. */
  readonly code: string;
  /** The SDK's English sentence (with the record system's own words in it, for a refusal). */
  readonly message: string;
  /**
   * What `message` says, as a code, for a widget to say in the reader's language (issue 20): `changed-there` or
   * `deleted-there` for a conflict, `refused` for a refusal (its StrError `code` says which). Absent on entries
   * flagged by an older version.
   */
  readonly reason?: SyncAttentionReason;
  /** For `refused`: the HTTP `status` and the record system's own words (`outcome`), shown as written. */
  readonly params?: SyncAttentionParams;
  readonly since: string;
  /** On a conflict: whether the record system's version is known (else "Take theirs" cannot be offered). */
  readonly theirsKnown?: boolean;
}

export interface SyncState {
  /** The browser says it is online and the last attempt reached the record system. */
  readonly online: boolean;
  readonly syncing: boolean;
  /** Records saved on this device and not yet in the record system. */
  readonly unsynced: number;
  /** When the oldest of them was saved. */
  readonly oldestUnsyncedAt?: string;
  /** Records a person must look at; kept until they do. */
  readonly needsAttention: readonly SyncAttention[];
  readonly lastSyncedAt?: string;
  /** Whether the browser promised to keep this device's records under storage pressure (false: it may clear them). */
  readonly persisted?: boolean;
  /**
   * Set when the browser took the device store away while this page had it open (storage cleared or evicted), or,
   * with `checkpoints`, when it was cleared while no page was open (the record system's checkpoint names another
   * database): changes made on this device after this time (the last confirmed sync; `unknown` if none) may have
   * been lost. Kept until the page reloads; never cleared by a later sync.
   */
  readonly mayHaveLostAfter?: string;
  /** The last pull: the record types it could not read, with why (codes only); the other types were still pulled. */
  readonly lastPull?: { readonly serviceUserId: string; readonly at: string; readonly skipped: readonly { readonly type: RecordType; readonly code: string }[] };
}

export interface SyncEngine {
  readonly state: SyncState;
  /** Tells `listener` the state now and on every change; returns an unsubscribe function. */
  subscribe(listener: (state: SyncState) => void): () => void;
  /** Pushes the outbox now (one run at a time) and resolves with the state after it. */
  now(): Promise<SyncState>;
  /**
   * Brings the record system's records about a person to this device (those with no unsynced changes here). A record
   * type that cannot be read is skipped, the rest still pulled, and the skip reported in `state.lastPull`.
   */
  pull(serviceUserId: string): Promise<number>;
  /**
   * After a conflict: keep the device's version (sent over theirs) or take the record system's. After a refusal,
   * `mine` keeps the device's version as a new version and sends it again.
   */
  resolve(type: RecordType, id: string, choice: 'mine' | 'theirs'): Promise<void>;
  /** After a refusal: clear the flag and send the same version again (the cause may have been fixed elsewhere). */
  retry(type: RecordType, id: string): Promise<void>;
  /** The device's version of a record as plain text, for the worker to copy out (never HTML). */
  textOf(type: RecordType, id: string): Promise<string>;
  /** The outbox as it is: what signing out now would lose. */
  entries(): Promise<readonly OutboxEntry[]>;
  /** Stops timers and listeners (tests, sign-out). */
  stop(): void;
}

export interface SyncedStore extends Store {
  readonly sync: SyncEngine;
}

export interface SyncedStoreOptions {
  /** The device store with an outbox (`indexedDbStore`): every read and write goes here first. */
  readonly local: OutboxStore;
  /** The record system (usually `fhirStore`). */
  readonly remote: Store;
  readonly clock?: Clock;
  /** Backoff after a passing failure: base and cap in milliseconds (default 1,000 and 60,000), with jitter. */
  readonly retry?: { readonly baseMs?: number; readonly maxMs?: number };
  /** Push after every write and when the browser comes online (default true). */
  readonly auto?: boolean;
  /**
   * Give up waiting for one record's push after this long (default 120,000 ms) and try it again later: a remote store
   * that never answers cannot hold up the queue. The FHIR store has its own, shorter, per-request deadline.
   */
  readonly pushTimeoutMs?: number;
  /**
   * Records per batch when the record system takes batches: the first batch, and the most (default 25 and 200). A
   * batch is doubled after a clean one, up to `max`, and halved after one that failed, down to 1.
   */
  readonly batch?: { readonly start?: number; readonly max?: number };
  /**
   * A pull asks only for what changed since the latest change the record system reported (its clock), less this
   * overlap, so a change it committed late with an earlier time is not missed (default 5 minutes).
   */
  readonly pull?: { readonly overlapMs?: number };
  /**
   * Where this device's sync checkpoint is kept outside the browser (`fhirDeviceCheckpoints`: on the record system),
   * so an eviction while no page was open is found on the next start (docs/adr/0003-offline-first.md).
   */
  readonly checkpoints?: DeviceCheckpoints;
}
