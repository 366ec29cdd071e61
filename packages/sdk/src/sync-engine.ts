// The sync engine (issues 9 and 16, docs/adr/0003-offline-first.md): one run at a time, under a Web Lock per device
// store so two tabs never push one outbox at once; passing failures tried again with backoff and jitter; the state
// every tab shows; and the worker's ways forward after a conflict or a refusal.
import { DeviceWatch, type DeviceCheckpoints } from './device-checkpoint.js';
import { StrError } from './errors.js';
import type { Clock, OutboxEntry, OutboxStore, Store } from './ports.js';
import type { RecordOf, RecordType } from './schemas/registry.js';
import { Puller } from './sync-pull.js';
import { Pusher } from './sync-push.js';
import type { SyncEngine, SyncState } from './sync-types.js';

/** `SyncedStoreOptions` once checked, with the defaults filled in. */
export interface SyncSettings {
  readonly local: OutboxStore;
  readonly remote: Store;
  readonly clock: Clock;
  readonly base: number;
  readonly cap: number;
  readonly auto: boolean;
  readonly pushTimeoutMs: number;
  readonly batchStart: number;
  readonly batchMax: number;
  readonly overlapMs: number;
  readonly checkpoints?: DeviceCheckpoints;
}

const bySince = (a: OutboxEntry, b: OutboxEntry) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0);

/** What a device's outbox means for the state: how many are unsynced, since when, and which need a person. */
async function summarise(local: OutboxStore): Promise<Partial<SyncState>> {
  const entries = await local.outbox();
  const oldest = entries.map((e) => e.since).sort()[0];
  return {
    unsynced: entries.length,
    ...(oldest !== undefined ? { oldestUnsyncedAt: oldest } : { oldestUnsyncedAt: undefined }),
    needsAttention: entries.filter((e) => e.attention).map((e) => ({
      type: e.type, id: e.id, ...(e.serviceUserId && { serviceUserId: e.serviceUserId }), code: e.attention!.code, message: e.attention!.message, since: e.since,
      ...(e.attention!.reason && { reason: e.attention!.reason }), ...(e.attention!.params && { params: e.attention!.params }),
      ...(e.attention!.code === 'conflict' && { theirsKnown: e.theirs !== undefined }),
    })),
  } as Partial<SyncState>;
}

/** One sync engine's state and runs; `engineOf` gives its public face. */
export class SyncRunner {
  state: SyncState = { online: globalThis.navigator?.onLine ?? true, syncing: false, unsynced: 0, needsAttention: [] };
  readonly listeners = new Set<(s: SyncState) => void>();
  stopped = false;
  readonly #s: SyncSettings;
  readonly #pusher: Pusher;
  readonly #puller: Puller;
  #running: Promise<SyncState> | undefined;
  #again = false;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #lockName: string;
  readonly #channel: BroadcastChannel | undefined;
  readonly #device: DeviceWatch | undefined;
  readonly #offLost: (() => void) | undefined;

  constructor(s: SyncSettings) {
    this.#s = s;
    const { local, remote } = s;
    this.#pusher = new Pusher({ local, remote, clock: s.clock, pushTimeoutMs: s.pushTimeoutMs, batchStart: s.batchStart, batchMax: s.batchMax, stopped: () => this.stopped });
    this.#puller = new Puller(local, remote, s.overlapMs);
    // One engine at a time per device (issue 16): every run holds a Web Lock named after the device store, so two tabs
    // never push one outbox at once; a tab that goes (or stops) frees it and a waiting tab takes over. Each run reads
    // the outbox afresh under the lock. Runs are told to the other tabs, which show the result.
    this.#lockName = `strkit:sync:${local.name}`;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.#lockName) : undefined;
    this.#channel?.addEventListener('message', (e: MessageEvent<{ readonly online?: boolean; readonly lastSyncedAt?: string }>) => {
      const told = e.data;
      void summarise(local).then((summary) => this.set({
        ...summary,
        ...(typeof told?.online === 'boolean' && { online: told.online }),
        ...(typeof told?.lastSyncedAt === 'string' && { lastSyncedAt: told.lastSyncedAt }),
      }), () => undefined);
    });
    // Eviction while no page was open: compared with the record system's checkpoint of this device store at start.
    this.#device = s.checkpoints && typeof local.device === 'function' ? new DeviceWatch(local, s.checkpoints) : undefined;
    if (s.auto) globalThis.addEventListener?.('online', this.#onOnline);
    void this.summarise().then(this.set, () => undefined);
    void local.persisted.then((persisted) => this.set({ persisted }), () => this.set({ persisted: false }));
    void this.#device?.check().then(this.#lostAfter, () => undefined);
    this.#offLost = local.onLost?.(() => {
      this.set({ mayHaveLostAfter: this.state.mayHaveLostAfter ?? this.state.lastSyncedAt ?? 'unknown' });
      void this.summarise().then(this.set, () => undefined);
    });
    if (s.auto) queueMicrotask(() => void this.now());
  }

  readonly set = (next: Partial<SyncState>): void => {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l(this.state);
  };

  summarise(): Promise<Partial<SyncState>> {
    return summarise(this.#s.local);
  }

  readonly #onOnline = () => void this.now();

  readonly #lostAfter = (after: string | undefined) => {
    if (after !== undefined && this.state.mayHaveLostAfter === undefined) this.set({ mayHaveLostAfter: after });
  };

  #exclusive<R>(fn: () => Promise<R>): Promise<R> {
    const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
    return locks ? (locks.request(this.#lockName, fn) as Promise<R>) : fn();
  }

  #schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.now(), ms);
  }

  /** Pushes the outbox now (one run at a time) and resolves with the state after it. */
  now(): Promise<SyncState> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #run(): Promise<SyncState> {
    this.set({ syncing: true });
    const startedAt = this.#s.clock.now().toISOString();
    const { reached, sent } = await this.#drain();
    const summary: Partial<SyncState> = await this.summarise().catch(() => ({}));
    if (reached && this.#device) this.#lostAfter(await this.#device.confirmed(sent, summary.oldestUnsyncedAt ?? startedAt));
    this.#failures = reached ? 0 : this.#failures + 1;
    this.set({ ...summary, syncing: false, online: reached && (globalThis.navigator?.onLine ?? true), ...(reached && { lastSyncedAt: this.#s.clock.now().toISOString() }) });
    if (!this.stopped) this.#channel?.postMessage({ online: this.state.online, ...(reached && { lastSyncedAt: this.state.lastSyncedAt }) });
    if (!reached) this.#schedule(Math.min(this.#s.cap, this.#s.base * 2 ** (this.#failures - 1)) * (0.5 + Math.random()));
    return this.state;
  }

  /** Pushes until the outbox has nothing new (a write during the run asks for another round) or the network goes. */
  async #drain(): Promise<{ reached: boolean; sent: boolean }> {
    let reached = true;
    let sent = false;
    try {
      // The record system asked us to wait (429/503 Retry-After): wait, rather than send sooner.
      const wait = this.#pusher.notBefore - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await this.#exclusive(async () => {
        do {
          this.#again = false;
          const entries = (await this.#s.local.outbox()).filter((e) => !e.attention).sort(bySince);
          sent ||= entries.length > 0;
          reached = await this.#pusher.pushAll(entries);
        } while (this.#again && reached && !this.stopped);
      });
    } catch {
      reached = false; // the device store itself failed: try again later
    }
    return { reached, sent };
  }

  async pull(serviceUserId: string): Promise<number> {
    const { applied, skipped } = await this.#puller.pull(serviceUserId);
    this.set({ lastPull: { serviceUserId, at: this.#s.clock.now().toISOString(), skipped } });
    return applied;
  }

  async resolve(type: RecordType, id: string, choice: 'mine' | 'theirs'): Promise<void> {
    const { local, remote } = this.#s;
    const entry = (await local.outbox()).find((e) => e.type === type && e.id === id);
    if (!entry?.attention) throw new StrError('validation', `${type} ${id} has nothing to resolve`, false);
    let theirs = entry.theirs as RecordOf<typeof type> | undefined;
    // Their version was not known when the conflict was flagged: ask now. Undefined: the record system no longer
    // has the record (deleted there, or 410); a network failure is thrown as it is (retryable), nothing changed.
    if (!theirs && entry.attention.code === 'conflict') theirs = (await this.#pusher.withDeadline(remote.get(type, id))) as RecordOf<typeof type> | undefined;
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
    this.set(await this.summarise());
    if (this.#s.auto) void this.now();
  }

  async retry(type: RecordType, id: string): Promise<void> {
    const { local } = this.#s;
    const entry = (await local.outbox()).find((e) => e.type === type && e.id === id);
    if (!entry?.attention) throw new StrError('validation', `${type} ${id} has nothing to send again`, false);
    await local.unflag(type, id);
    this.set(await this.summarise());
    if (this.#s.auto) void this.now();
  }

  async textOf(type: RecordType, id: string): Promise<string> {
    const mine = await this.#s.local.get(type, id);
    if (!mine) throw new StrError('not-found', `${type} ${id} is not on this device`, false, { type, id });
    return JSON.stringify(mine, null, 2);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.#timer);
    this.#channel?.close();
    this.#offLost?.();
    globalThis.removeEventListener?.('online', this.#onOnline);
  }
}

/** The public face of a runner (`SyncEngine`): plain functions, safe to pass around unbound. */
export function engineOf(runner: SyncRunner, local: OutboxStore): SyncEngine {
  return {
    get state() {
      return runner.state;
    },
    subscribe(listener) {
      runner.listeners.add(listener);
      listener(runner.state);
      return () => runner.listeners.delete(listener);
    },
    now: () => runner.now(),
    pull: (serviceUserId) => runner.pull(serviceUserId),
    resolve: (type, id, choice) => runner.resolve(type, id, choice),
    retry: (type, id) => runner.retry(type, id),
    textOf: (type, id) => runner.textOf(type, id),
    entries: () => local.outbox(),
    stop: () => runner.stop(),
  };
}
