// Pushing the outbox (issues 9 and 16, docs/adr/0003-offline-first.md): each record's latest local version, in batches
// when the record system takes them, else one at a time; conflicts keep both versions, refusals are flagged with their
// reason, passing failures are tried again later. An entry is settled only if no later local write moved it on.
import { sameContent } from './adapters/shared.js';
import { canBatch, type BatchOutcome, type BatchPut } from './batch.js';
import { StrError, isStrError } from './errors.js';
import type { Clock, OutboxEntry, OutboxStore, Store } from './ports.js';
import type { AnyRecord } from './schemas/registry.js';

/** Batch sizes (records per batch) by default: the first, and the bounds it moves between (doubling, halving). */
export const BATCH = { start: 25, min: 1, max: 200 } as const;

const PERMANENT: ReadonlySet<string> = new Set(['validation', 'forbidden', 'mapping', 'not-found', 'unauthenticated']);

export interface PushSettings {
  readonly local: OutboxStore;
  readonly remote: Store;
  readonly clock: Clock;
  readonly pushTimeoutMs: number;
  readonly batchStart: number;
  readonly batchMax: number;
  /** Whether the engine was stopped (no more pushes). */
  readonly stopped: () => boolean;
}

/** The device's version of an entry's record, and the record system's version it is based on. */
type Pending = Awaited<ReturnType<OutboxStore['pending']>>[number];

/** An outbox entry with the device's version of its record and the record system's version it is based on. */
interface Item { readonly entry: OutboxEntry; readonly mine: AnyRecord; readonly remoteVersion?: string }

/** Pushes outbox entries for one sync engine; keeps the batch size and the record system's `Retry-After`. */
export class Pusher {
  /** No push before this (performance.now(): the record system's `Retry-After`; immune to the wall clock moving). */
  notBefore = 0;
  #batchSize: number;
  readonly #batcher: BatchPut | undefined;

  constructor(private readonly s: PushSettings) {
    this.#batchSize = s.batchStart;
    // Batch pushes (issue 16): a record system that takes batches gets the outbox in batches sized by how the network
    // does: doubled after a batch that went through cleanly, halved after one that failed, timed out or came back with
    // an entry that could not be trusted. Each entry's outcome feeds the same bookkeeping as a single push.
    this.#batcher = canBatch(s.remote) ? s.remote : undefined;
  }

  /** A remote call that has not settled within `pushTimeoutMs` becomes a passing failure; the queue moves on later. */
  withDeadline<R>(p: Promise<R>): Promise<R> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StrError('transport', `The record system did not answer within ${this.s.pushTimeoutMs} ms`, true)), this.s.pushTimeoutMs);
    });
    return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
  }

  /** The record system asked us to wait (429/503 `Retry-After`): no push before then. */
  honourRetryAfter(e: unknown): void {
    const wait = isStrError(e, 'transport') ? e.details.retryAfterMs : undefined;
    if (wait !== undefined) this.notBefore = Math.max(this.notBefore, performance.now() + wait);
  }

  /** Pushes the entries in order. Returns false when the run should stop (the network is away or garbling). */
  async pushAll(entries: readonly OutboxEntry[]): Promise<boolean> {
    if (this.#batcher) return this.#inBatches(entries);
    for (const entry of entries) {
      if (this.s.stopped()) break;
      if (!(await this.#push(entry))) return false;
    }
    return true;
  }

  /**
   * Batches in order, pipelined (issue 16 throughput): while one batch is on the network, the records of the next are
   * read from the device and the entries the previous one saved are settled, so the device store's transactions cost
   * no time of their own. Safe for exactly-once: a settle still clears an entry only if no later local write moved it
   * on, and an entry whose settle has not committed is simply sent again (its create is conditional).
   */
  async #inBatches(entries: readonly OutboxEntry[]): Promise<boolean> {
    const { local } = this.s;
    let settling: Promise<void> = Promise.resolve();
    let ahead: { readonly from: number; readonly found: Promise<readonly Pending[]> } | undefined;
    const read = (from: number, count: number) => {
      const found = local.pending(entries.slice(from, from + count));
      found.catch(() => undefined); // read again (and its failure met) when it is used
      return { from, found };
    };
    try {
      for (let k = 0; k < entries.length && !this.s.stopped(); ) {
        const chunk = entries.slice(k, k + this.#batchSize);
        const mine = ahead?.from === k ? ahead : read(k, chunk.length);
        const found = (await mine.found).slice(0, chunk.length);
        if (found.length < chunk.length) found.push(...(await local.pending(chunk.slice(found.length))));
        k += chunk.length;
        // The next batch, if this one goes through cleanly (twice the size, at most the maximum).
        ahead = k < entries.length ? read(k, Math.min(this.s.batchMax, this.#batchSize * 2)) : undefined;
        const result = await this.#batch(chunk, found, settling);
        settling = result.settling;
        if (!result.go) return false;
      }
      return true;
    } finally {
      await settling;
    }
  }

  /**
   * One batch of `chunk` (with the device's records in `found`). The entries it saved are settled in one transaction,
   * started after `before` (the previous batch's settle) and returned unfinished as `settling`; the others are handled
   * one by one, in order. `go`: false when the run should stop.
   */
  async #batch(chunk: readonly OutboxEntry[], found: readonly Pending[], before: Promise<void>): Promise<{ go: boolean; settling: Promise<void> }> {
    const { local } = this.s;
    const items = chunk.flatMap((entry, k): Item[] => {
      const { record: mine, remoteVersion } = found[k]!;
      return mine ? [{ entry, mine, ...(remoteVersion !== undefined && { remoteVersion }) }] : [];
    });
    if (items.length === 0) return { go: true, settling: before };
    let outcomes: BatchOutcome[];
    try {
      outcomes = await this.withDeadline(this.#batcher!.putBatch(items.map((it) => ({ type: it.entry.type, record: it.mine, ...(it.remoteVersion !== undefined && { expectedVersion: it.remoteVersion }) }))));
    } catch (e) {
      await before;
      if (!isStrError(e) || e.retryable) {
        // The exchange as a whole failed: nothing about any entry is known. Smaller next time; all sent again later.
        this.#batchSize = Math.max(BATCH.min, this.#batchSize >> 1);
        this.honourRetryAfter(e);
        for (const it of items) await local.bump(it.entry.type, it.entry.id);
        return { go: false, settling: Promise.resolve() };
      }
      outcomes = []; // a refusal of the exchange (e.g. credentials): each record's own push says what it is
    }
    await before; // a failed settle of the previous batch stops the run here (the device store is failing)
    const settling = local.settleMany(items.flatMap((it, k) => {
      const o = outcomes[k];
      return o?.kind === 'saved' ? [{ type: it.entry.type, id: it.entry.id, localVersion: it.mine.version, remoteVersion: o.record.version }] : [];
    }));
    settling.catch(() => undefined); // met by whoever awaits it next
    return { go: await this.#others(items, outcomes), settling };
  }

  /** The entries a batch did not save: sent again later (`retry`) or pushed alone. False when the run should stop. */
  async #others(items: readonly Item[], outcomes: readonly BatchOutcome[]): Promise<boolean> {
    let clean = true;
    for (const [k, it] of items.entries()) {
      const o = outcomes[k] ?? { kind: 'alone' };
      if (o.kind === 'saved') continue;
      if (o.kind === 'retry' || performance.now() < this.notBefore) {
        // Sent again later; and none alone while the record system has asked us to wait.
        clean = false;
        if (o.kind === 'retry') this.honourRetryAfter(o.error);
        await this.s.local.bump(it.entry.type, it.entry.id);
      } else if (!(await this.#push(it.entry))) return false;
    }
    this.#batchSize = clean ? Math.min(this.s.batchMax, this.#batchSize * 2) : Math.max(BATCH.min, this.#batchSize >> 1);
    return clean;
  }

  /** Pushes one record's latest local version. Returns false when the run should stop (the network is away). */
  async #push(entry: OutboxEntry): Promise<boolean> {
    const { local, remote, clock } = this.s;
    const { type, id } = entry;
    const mine = await local.get(type, id);
    if (!mine) return true;
    const at = clock.now().toISOString();
    let remoteVersion = await local.remoteVersion(type, id);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const saved = await this.withDeadline(remote.put(type, mine, remoteVersion));
        await local.settle(type, id, mine.version, saved.version);
        return true;
      } catch (e) {
        if (isStrError(e, 'conflict')) {
          const next = await this.#onConflict(entry, mine as AnyRecord, remoteVersion, attempt, at);
          if (typeof next === 'boolean') return next;
          remoteVersion = next.remoteVersion;
          continue;
        }
        if (isStrError(e) && PERMANENT.has(e.code)) {
          const params = { ...(e.details.status !== undefined && { status: e.details.status }), ...(e.details.outcome !== undefined && { outcome: e.details.outcome }) };
          await local.flag(type, id, { code: e.code, message: e.message, at, reason: 'refused', ...(Object.keys(params).length > 0 && { params }) });
          return true;
        }
        this.honourRetryAfter(e);
        await local.bump(type, id);
        return false; // passing: the network or the server; try the rest later
      }
    }
    return true;
  }

  /**
   * A conflict on a push: our own earlier create (update on top of it: `{ remoteVersion }`), the same content (settled),
   * or a real conflict (flagged, both versions kept). A boolean is `#push`'s answer.
   */
  async #onConflict(entry: OutboxEntry, mine: AnyRecord, remoteVersion: string | undefined, attempt: number, at: string): Promise<boolean | { remoteVersion: string }> {
    const { local, remote } = this.s;
    const { type, id } = entry;
    let theirs: AnyRecord | undefined;
    try {
      theirs = (await this.withDeadline(remote.get(type, id))) as AnyRecord | undefined;
    } catch (g) {
      // Not knowing theirs because the network failed is no conflict yet: try again later, never flag on a guess.
      if (!isStrError(g) || g.retryable) {
        await local.bump(type, id);
        return false;
      }
    }
    // Our own earlier create landed (its reply was lost) and we changed the record since: update on top of it.
    if (remoteVersion === undefined && theirs && theirs.createdAt === mine.createdAt && theirs.createdBy === mine.createdBy && attempt === 0) {
      return { remoteVersion: theirs.version };
    }
    if (theirs && sameContent(theirs, mine)) {
      await local.settle(type, id, mine.version, theirs.version);
      return true;
    }
    const gone = !theirs && remoteVersion !== undefined;
    await local.flag(type, id, {
      code: 'conflict',
      message: gone
        ? 'The record system no longer has this record (deleted there): yours is kept; keep it to send it as a new record, or copy its text'
        : 'Someone else changed this in the record system: both versions are kept; choose one',
      reason: gone ? 'deleted-there' : 'changed-there',
      at,
    }, theirs);
    return true;
  }
}
