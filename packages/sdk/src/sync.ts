// Offline first (issue 9): every write lands on the device with an outbox entry in the same transaction; a sync engine
// pushes the outbox to the record system (idempotent creates, If-Match updates), retries passing failures with backoff
// and jitter, keeps both versions on a conflict, and never drops or expires anything.
import { sameContent } from './adapters/shared.js';
import { canBatch, type BatchOutcome } from './batch.js';
import { DeviceWatch, type DeviceCheckpoints } from './device-checkpoint.js';
import { StrError, isStrError } from './errors.js';
import type { Change, Clock, OutboxEntry, OutboxStore, Page, Query, Store } from './ports.js';
import { systemClock } from './ports.js';
import { RECORD_TYPES, type AnyRecord, type RecordOf, type RecordType } from './schemas/registry.js';

export interface SyncAttention {
  readonly type: RecordType;
  readonly id: string;
  readonly serviceUserId?: string;
  /** `conflict` (someone else changed it: both versions are kept), or why the record system refused it. */
  readonly code: string;
  readonly message: string;
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

/** Batch sizes (records per batch) by default: the first, and the bounds it moves between (doubling, halving). */
const BATCH = { start: 25, min: 1, max: 200 } as const;

/** How far back before the last change seen a pull asks again, by default (docs/adr/0003-offline-first.md, "Pull"). */
const PULL_OVERLAP_MS = 5 * 60_000;

const PERMANENT: ReadonlySet<string> = new Set(['validation', 'forbidden', 'mapping', 'not-found', 'unauthenticated']);

/** A store that writes to the device first and syncs to the record system (DESIGN.md, "Offline first"). */
export function syncedStore(options: SyncedStoreOptions): SyncedStore {
  let local: OutboxStore, remote: Store, clock: Clock, base: number, cap: number, auto: boolean, pushTimeoutMs: number, batchStart: number, batchMax: number, overlapMs: number;
  try {
    ({ local, remote } = options);
    if (typeof local?.putLocal !== 'function' || typeof local.outbox !== 'function') throw new Error('local');
    if (typeof remote?.put !== 'function' || typeof remote.get !== 'function') throw new Error('remote');
    clock = options.clock ?? systemClock;
    base = Number(options.retry?.baseMs ?? 1_000);
    cap = Number(options.retry?.maxMs ?? 60_000);
    auto = options.auto !== false;
    pushTimeoutMs = Number(options.pushTimeoutMs ?? 120_000);
    batchMax = Math.floor(Number(options.batch?.max ?? BATCH.max));
    batchStart = Math.min(batchMax, Math.floor(Number(options.batch?.start ?? BATCH.start)));
    overlapMs = Number(options.pull?.overlapMs ?? PULL_OVERLAP_MS);
    if (!(base > 0) || !(cap >= base) || !(pushTimeoutMs > 0) || !(batchStart >= 1) || !(overlapMs >= 0)) throw new Error('retry');
  } catch (cause) {
    throw new StrError('validation', 'syncedStore needs { local: indexedDbStore(…), remote: a store }', false, {
      issues: [{ path: '', code: 'invalid', message: 'Pass the device store (indexedDbStore) as local and the record system (fhirStore) as remote' }],
    }, { cause });
  }
  const listeners = new Set<(s: SyncState) => void>();
  let state: SyncState = { online: globalThis.navigator?.onLine ?? true, syncing: false, unsynced: 0, needsAttention: [] };
  let running: Promise<SyncState> | undefined;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const pulledAt = new Map<string, number>();
  // Incremental pull (issue 16): per person and type, the latest change the record system reported (its clock, never
  // the device's), and the version each record was last pulled at, so a record seen again in the overlap is dropped.
  const changedUpTo = new Map<string, string>();
  const pulledVersion = new Map<string, string>();
  // One engine at a time per device (issue 16): every run holds a Web Lock named after the device store, so two tabs
  // never push one outbox at once; a tab that goes (or stops) frees it and a waiting tab takes over. Each run reads
  // the outbox afresh under the lock. Runs are told to the other tabs, which show the result.
  const lockName = `strkit:sync:${local.name}`;
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  const exclusive = <R>(fn: () => Promise<R>): Promise<R> => (locks ? (locks.request(lockName, fn) as Promise<R>) : fn());
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(lockName) : undefined;
  channel?.addEventListener('message', (e: MessageEvent<{ readonly online?: boolean; readonly lastSyncedAt?: string }>) => {
    const told = e.data;
    void summarise().then((summary) => set({
      ...summary,
      ...(typeof told?.online === 'boolean' && { online: told.online }),
      ...(typeof told?.lastSyncedAt === 'string' && { lastSyncedAt: told.lastSyncedAt }),
    }), () => undefined);
  });
  // Eviction while no page was open: compared with the record system's checkpoint of this device store at start.
  const device = options.checkpoints && typeof local.device === 'function' ? new DeviceWatch(local, options.checkpoints) : undefined;
  const lostAfter = (after: string | undefined) => after !== undefined && state.mayHaveLostAfter === undefined && set({ mayHaveLostAfter: after });
  /** No push before this (performance.now(): the record system's `Retry-After`; immune to the wall clock moving). */
  let notBefore = 0;

  /** A remote put that has not settled within `pushTimeoutMs` becomes a passing failure; the queue moves on later. */
  const withDeadline = <R>(p: Promise<R>): Promise<R> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StrError('transport', `The record system did not answer within ${pushTimeoutMs} ms`, true)), pushTimeoutMs);
    });
    return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
  };

  const set = (next: Partial<SyncState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l(state);
  };

  const summarise = async (): Promise<Partial<SyncState>> => {
    const entries = await local.outbox();
    const oldest = entries.map((e) => e.since).sort()[0];
    return {
      unsynced: entries.length,
      ...(oldest !== undefined ? { oldestUnsyncedAt: oldest } : { oldestUnsyncedAt: undefined }),
      needsAttention: entries.filter((e) => e.attention).map((e) => ({
        type: e.type, id: e.id, ...(e.serviceUserId && { serviceUserId: e.serviceUserId }), code: e.attention!.code, message: e.attention!.message, since: e.since,
        ...(e.attention!.code === 'conflict' && { theirsKnown: e.theirs !== undefined }),
      })),
    } as Partial<SyncState>;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void engine.now(), ms);
  };

  /** The record system asked us to wait (429/503 `Retry-After`): no push before then. */
  const honourRetryAfter = (e: unknown) => {
    const wait = isStrError(e, 'transport') ? e.details.retryAfterMs : undefined;
    if (wait !== undefined) notBefore = Math.max(notBefore, performance.now() + wait);
  };

  // Batch pushes (issue 16): a record system that takes batches gets the outbox in batches sized by how the network
  // does: doubled after a batch that went through cleanly, halved after one that failed, timed out or came back with
  // an entry that could not be trusted. Each entry's outcome feeds the same bookkeeping as a single push.
  const batcher = canBatch(remote) ? remote : undefined;
  let batchSize = batchStart;

  /** Pushes entries in batches. Returns false when the run should stop (the network is away or garbling). */
  async function pushInBatches(entries: readonly OutboxEntry[]): Promise<boolean> {
    for (let k = 0; k < entries.length && !stopped; ) {
      const chunk = entries.slice(k, k + batchSize);
      k += chunk.length;
      if (!(await pushBatch(chunk))) return false;
    }
    return true;
  }

  async function pushBatch(chunk: readonly OutboxEntry[]): Promise<boolean> {
    const found = await local.pending(chunk);
    const items = chunk.flatMap((entry, k) => {
      const { record: mine, remoteVersion } = found[k]!;
      return mine ? [{ entry, mine, remoteVersion }] : [];
    });
    if (items.length === 0) return true;
    let outcomes: BatchOutcome[];
    try {
      outcomes = await withDeadline(batcher!.putBatch(items.map((it) => ({ type: it.entry.type, record: it.mine, ...(it.remoteVersion !== undefined && { expectedVersion: it.remoteVersion }) }))));
    } catch (e) {
      if (!isStrError(e) || e.retryable) {
        // The exchange as a whole failed: nothing about any entry is known. Smaller next time; all sent again later.
        batchSize = Math.max(BATCH.min, batchSize >> 1);
        honourRetryAfter(e);
        for (const it of items) await local.bump(it.entry.type, it.entry.id);
        return false;
      }
      outcomes = []; // a refusal of the exchange (e.g. credentials): each record's own push says what it is
    }
    // Every entry the batch saved is settled in one transaction; the others one by one, in order.
    const saved = items.flatMap((it, k) => {
      const o = outcomes[k];
      return o?.kind === 'saved' ? [{ type: it.entry.type, id: it.entry.id, localVersion: it.mine.version, remoteVersion: o.record.version }] : [];
    });
    await local.settleMany(saved);
    let clean = true;
    for (const [k, it] of items.entries()) {
      const o = outcomes[k] ?? { kind: 'alone' };
      if (o.kind === 'saved') continue;
      if (o.kind === 'retry') {
        clean = false;
        honourRetryAfter(o.error);
        await local.bump(it.entry.type, it.entry.id);
      } else if (!(await push(it.entry))) return false;
    }
    batchSize = clean ? Math.min(batchMax, batchSize * 2) : Math.max(BATCH.min, batchSize >> 1);
    return clean;
  }

  /** Pushes one record's latest local version. Returns false when the run should stop (the network is away). */
  async function push(entry: OutboxEntry): Promise<boolean> {
    const { type, id } = entry;
    const mine = await local.get(type, id);
    if (!mine) return true;
    const at = clock.now().toISOString();
    let remoteVersion = await local.remoteVersion(type, id);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const saved = await withDeadline(remote.put(type, mine, remoteVersion));
        await local.settle(type, id, mine.version, saved.version);
        return true;
      } catch (e) {
        if (isStrError(e, 'conflict')) {
          let theirs: AnyRecord | undefined;
          try {
            theirs = (await withDeadline(remote.get(type, id))) as AnyRecord | undefined;
          } catch (g) {
            // Not knowing theirs because the network failed is no conflict yet: try again later, never flag on a guess.
            if (!isStrError(g) || g.retryable) {
              await local.bump(type, id);
              return false;
            }
          }
          // Our own earlier create landed (its reply was lost) and we changed the record since: update on top of it.
          if (remoteVersion === undefined && theirs && theirs.createdAt === mine.createdAt && theirs.createdBy === mine.createdBy && attempt === 0) {
            remoteVersion = theirs.version;
            continue;
          }
          if (theirs && sameContent(theirs as AnyRecord, mine as AnyRecord)) {
            await local.settle(type, id, mine.version, theirs.version);
            return true;
          }
          const gone = !theirs && remoteVersion !== undefined;
          await local.flag(type, id, {
            code: 'conflict',
            message: gone
              ? 'The record system no longer has this record (deleted there): yours is kept; keep it to send it as a new record, or copy its text'
              : 'Someone else changed this in the record system: both versions are kept; choose one',
            at,
          }, theirs as AnyRecord | undefined);
          return true;
        }
        if (isStrError(e) && PERMANENT.has(e.code)) {
          await local.flag(type, id, { code: e.code, message: e.message, at });
          return true;
        }
        honourRetryAfter(e);
        await local.bump(type, id);
        return false; // passing: the network or the server; try the rest later
      }
    }
    return true;
  }

  const engine: SyncEngine = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    now() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        set({ syncing: true });
        let reached = true;
        let sent = false;
        const startedAt = clock.now().toISOString();
        try {
          // The record system asked us to wait (429/503 Retry-After): wait, rather than send sooner.
          const wait = notBefore - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          await exclusive(async () => {
            do {
              again = false;
              const entries = (await local.outbox()).filter((e) => !e.attention).sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
              sent ||= entries.length > 0;
              if (batcher) reached = await pushInBatches(entries);
              else {
                for (const entry of entries) {
                  if (stopped) break;
                  if (!(await push(entry))) {
                    reached = false;
                    break;
                  }
                }
              }
            } while (again && reached && !stopped);
          });
        } catch {
          reached = false; // the device store itself failed: try again later
        }
        const summary: Partial<SyncState> = await summarise().catch(() => ({}));
        if (reached && device) lostAfter(await device.confirmed(sent, summary.oldestUnsyncedAt ?? startedAt));
        failures = reached ? 0 : failures + 1;
        set({ ...summary, syncing: false, online: reached && (globalThis.navigator?.onLine ?? true), ...(reached && { lastSyncedAt: clock.now().toISOString() }) });
        if (!stopped) channel?.postMessage({ online: state.online, ...(reached && { lastSyncedAt: state.lastSyncedAt }) });
        if (!reached) schedule(Math.min(cap, base * 2 ** (failures - 1)) * (0.5 + Math.random()));
        return state;
      })().finally(() => (running = undefined));
      return running;
    },
    async pull(serviceUserId) {
      let applied = 0;
      const skipped: { type: RecordType; code: string }[] = [];
      for (const type of RECORD_TYPES) {
        if (type === 'worker') continue;
        let cursor: string | undefined;
        const key = `${serviceUserId}|${type}`;
        const upTo = changedUpTo.get(key);
        // `ge` the last change seen less an overlap, so a change the record system committed late with an earlier time
        // is still caught; what comes again unchanged is dropped by its version.
        const changedSince = upTo === undefined ? undefined : new Date(Date.parse(upTo) - overlapMs).toISOString();
        let latest = upTo;
        try {
          do {
            const page: Page<RecordOf<typeof type>> = await remote.list(type, {
              serviceUserId, limit: 1_000, ...(cursor !== undefined && { cursor }), ...(changedSince !== undefined && { changedSince }),
            });
            for (const r of page.items) {
              const seen = `${type}|${r.id}`;
              if (pulledVersion.get(seen) === r.version) continue;
              if (await local.applyRemote(type, r)) applied++;
              pulledVersion.set(seen, r.version);
            }
            if (page.changedUpTo !== undefined && (latest === undefined || page.changedUpTo > latest)) latest = page.changedUpTo;
            cursor = page.next;
          } while (cursor !== undefined);
          if (latest !== undefined) changedUpTo.set(key, latest); // only after the whole walk succeeded
        } catch (e) {
          // One type that cannot be read (the network, or a resource STR Kit cannot map) never stops the others.
          skipped.push({ type, code: isStrError(e) ? e.code : 'storage' });
        }
      }
      set({ lastPull: { serviceUserId, at: clock.now().toISOString(), skipped } });
      return applied;
    },
    async resolve(type, id, choice) {
      const entry = (await local.outbox()).find((e) => e.type === type && e.id === id);
      if (!entry?.attention) throw new StrError('validation', `${type} ${id} has nothing to resolve`, false);
      let theirs = entry.theirs as RecordOf<typeof type> | undefined;
      // Their version was not known when the conflict was flagged: ask now. Undefined: the record system no longer
      // has the record (deleted there, or 410); a network failure is thrown as it is (retryable), nothing changed.
      if (!theirs && entry.attention.code === 'conflict') theirs = (await withDeadline(remote.get(type, id))) as RecordOf<typeof type> | undefined;
      if (choice === 'theirs') {
        if (!theirs) {
          throw new StrError('validation', `${type} ${id}: the record system no longer has it, so there is no version of theirs to take; keep the device's (sent as a new record) or copy its text`, false, {
            type, id, reason: 'gone',
          });
        }
        await local.applyRemote(type, theirs, true);
      } else {
        const mine = await local.get(type, id);
        if (!mine) throw new StrError('not-found', `${type} ${id} is not on this device`, false);
        if (theirs) await local.settle(type, id, '', theirs.version); // send ours over theirs
        else if (entry.attention.code === 'conflict') await local.forgetRemote(type, id); // gone there: a new record
        await local.putLocal(type, mine, mine.version, entry.since); // a fresh entry, attention cleared
      }
      set(await summarise());
      if (auto) void engine.now();
    },
    async retry(type, id) {
      const entry = (await local.outbox()).find((e) => e.type === type && e.id === id);
      if (!entry?.attention) throw new StrError('validation', `${type} ${id} has nothing to send again`, false);
      await local.unflag(type, id);
      set(await summarise());
      if (auto) void engine.now();
    },
    async textOf(type, id) {
      const mine = await local.get(type, id);
      if (!mine) throw new StrError('not-found', `${type} ${id} is not on this device`, false, { type, id });
      return JSON.stringify(mine, null, 2);
    },
    entries: () => local.outbox(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      channel?.close();
      offLost?.();
      globalThis.removeEventListener?.('online', onOnline);
    },
  };

  const onOnline = () => void engine.now();
  if (auto) globalThis.addEventListener?.('online', onOnline);
  void summarise().then(set, () => undefined);
  void local.persisted.then((persisted) => set({ persisted }), () => set({ persisted: false }));
  void device?.check().then(lostAfter, () => undefined);
  const offLost = local.onLost?.(() => {
    set({ mayHaveLostAfter: state.mayHaveLostAfter ?? state.lastSyncedAt ?? 'unknown' });
    void summarise().then(set, () => undefined);
  });
  if (auto) queueMicrotask(() => void engine.now());

  const store: SyncedStore = {
    name: `synced:${local.name}→${remote.name}`,
    durability: 'device',
    sync: engine,
    get: (type, id) => local.get(type, id),
    list: (type, query?: Query) => {
      // The people on screen: bring the record system's changes about them to the device, at most once a minute each.
      const person = (query as Query | undefined)?.serviceUserId;
      // At least a minute apart either way: a device clock moved back must not stop pulls until it catches up.
      if (auto && typeof person === 'string' && !(Math.abs(clock.now().getTime() - (pulledAt.get(person) ?? -Infinity)) < 60_000)) {
        pulledAt.set(person, clock.now().getTime());
        void engine.pull(person).catch(() => pulledAt.delete(person));
      }
      return local.list(type, query);
    },
    history: (type, id) => local.history(type, id),
    async put(type, record, expectedVersion) {
      const saved = await local.putLocal(type, record, expectedVersion, clock.now().toISOString());
      set(await summarise());
      if (auto) void engine.now();
      return saved;
    },
    subscribe: (listener: (c: Change) => void) => local.subscribe(listener),
    count: () => local.count?.() ?? Promise.resolve({}),
    wipe: async () => {
      engine.stop();
      await local.wipe?.();
    },
    close: () => {
      engine.stop();
      local.close();
    },
  };
  return store;
}
