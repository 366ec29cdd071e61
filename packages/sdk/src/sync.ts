// Offline first (issue 9): every write lands on the device with an outbox entry in the same transaction; a sync engine
// pushes the outbox to the record system (idempotent creates, If-Match updates), retries passing failures with backoff
// and jitter, keeps both versions on a conflict, and never drops or expires anything. The engine is in
// sync-engine.ts, its pushes in sync-push.ts and pulls in sync-pull.ts (docs/adr/0003-offline-first.md).
import { StrError } from './errors.js';
import type { Change, Query } from './ports.js';
import { systemClock } from './ports.js';
import { SyncRunner, engineOf, type SyncSettings } from './sync-engine.js';
import { PULL_OVERLAP_MS } from './sync-pull.js';
import { BATCH } from './sync-push.js';
import type { SyncedStore, SyncedStoreOptions } from './sync-types.js';

export type { SyncAttention, SyncAttentionParams, SyncAttentionReason, SyncEngine, SyncState, SyncedStore, SyncedStoreOptions } from './sync-types.js';

/** The numbers among the options, with their defaults; throws when one is out of range. */
function numbersOf(options: SyncedStoreOptions) {
  const base = Number(options.retry?.baseMs ?? 1_000);
  const cap = Number(options.retry?.maxMs ?? 60_000);
  const pushTimeoutMs = Number(options.pushTimeoutMs ?? 120_000);
  const batchMax = Math.floor(Number(options.batch?.max ?? BATCH.max));
  const batchStart = Math.min(batchMax, Math.floor(Number(options.batch?.start ?? BATCH.start)));
  const overlapMs = Number(options.pull?.overlapMs ?? PULL_OVERLAP_MS);
  if (!(base > 0) || !(cap >= base) || !(pushTimeoutMs > 0) || !(batchStart >= 1) || !(overlapMs >= 0)) throw new Error('retry');
  return { base, cap, pushTimeoutMs, batchStart, batchMax, overlapMs };
}

/** The options checked, with their defaults; a clear `validation` error for anything else. */
function settingsOf(options: SyncedStoreOptions): SyncSettings {
  try {
    const { local, remote } = options;
    if (typeof local?.putLocal !== 'function' || typeof local.outbox !== 'function') throw new Error('local');
    if (typeof remote?.put !== 'function' || typeof remote.get !== 'function') throw new Error('remote');
    return {
      local, remote, clock: options.clock ?? systemClock, auto: options.auto !== false, ...numbersOf(options),
      ...(options.checkpoints && { checkpoints: options.checkpoints }),
    };
  } catch (cause) {
    throw new StrError('validation', 'syncedStore needs { local: indexedDbStore(…), remote: a store }', false, {
      issues: [{ path: '', code: 'invalid', message: 'Pass the device store (indexedDbStore) as local and the record system (fhirStore) as remote' }],
    }, { cause });
  }
}

/** A store that writes to the device first and syncs to the record system (DESIGN.md, "Offline first"). */
export function syncedStore(options: SyncedStoreOptions): SyncedStore {
  const s = settingsOf(options);
  const { local, remote, clock, auto } = s;
  const runner = new SyncRunner(s);
  const engine = engineOf(runner, local);
  const pulledAt = new Map<string, number>();
  return {
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
      runner.set(await runner.summarise());
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
}
