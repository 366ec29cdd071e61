import { openDB, unwrap, type IDBPDatabase } from 'idb';
import { StrError, isStrError } from '../../errors.js';
import type { Change, OutboxEntry, OutboxStore, Page, Query, Unreadable } from '../../ports.js';
import { upgradeRecord } from '../../schemas/migrations.js';
import { parseRecord } from '../../schemas/parse.js';
import { serviceUserIdOf, sortKeyOf, statusOf, type AnyRecord, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { encodeCursor, normaliseQuery } from '../query.js';
import { Listeners, assertId, assertType, conflict, sameContent } from '../shared.js';
import { databaseName, requestPersistence, storageError, writeError } from './indexeddb-errors.js';
import { IDB_LAYOUT_VERSION, upgradeLayout, type DeviceMarker, type Row, type StrDb } from './indexeddb-layout.js';

export { databaseName, requestPersistence, storageError } from './indexeddb-errors.js';
export { IDB_LAYOUT_VERSION } from './indexeddb-layout.js';

/** A record written on this device and not yet in the record system (offline first). One per record. */
export type { OutboxEntry } from '../../ports.js';

export interface IndexedDbStoreOptions {
  /** Database name; one per host application and user is typical. */
  readonly name: string;
  /** Ask the browser to keep the data under storage pressure (default true). */
  readonly persist?: boolean;
}

/** The IndexedDB adapter of the store port and of the outbox port (ports.ts). */
export interface IndexedDbStore extends OutboxStore {
  /**
   * Tells `listener` when the browser took the database away while it was open (storage cleared or evicted): what
   * was on the device may be gone. The store opens a fresh database on its next call. Returns an unsubscribe function.
   */
  onLost(listener: () => void): () => void;
  /** Closes the database and the cross-tab channel. */
  close(): void;
}

const asPromise = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/**
 * Up to `count` rows, newest first, in one request: `getAllRecords` (direction 'prev') where the browser has it;
 * otherwise one `getAll` when the range is small enough to read whole. Undefined: walk a cursor instead.
 */
async function readNewestFirst(index: IDBIndex, range: IDBKeyRange, count: number): Promise<Row[] | undefined> {
  const withRecords = index as IDBIndex & {
    getAllRecords?: (o: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }) => IDBRequest<{ value: Row }[]>;
  };
  if (typeof withRecords.getAllRecords === 'function') {
    return (await asPromise(withRecords.getAllRecords({ query: range, count, direction: 'prev' }))).map((r) => r.value);
  }
  // Older browsers: one getAll, reversed, when the whole range is small enough to read.
  if ((await asPromise(index.count(range))) > count * 4) return undefined;
  return ((await asPromise(index.getAll(range))) as Row[]).reverse().slice(0, count);
}

/** The key range and index of a list query (newest first, below the cursor). */
function listRange(type: RecordType, q: ReturnType<typeof normaliseQuery>): { range: IDBKeyRange; bySuid: boolean } {
  const bySuid = q.serviceUserId !== undefined;
  const prefix: (string | number)[] = bySuid ? [type, q.serviceUserId!] : [type];
  const lower = [...prefix, q.from ?? -Infinity];
  // Arrays sort after numbers and strings, so [..., []] is above every key with this prefix.
  let upper: unknown[] = q.to !== undefined ? [...prefix, q.to] : [...prefix, []];
  let upperOpen = q.to !== undefined;
  if (q.after && (q.to === undefined || q.after.key < q.to)) {
    upper = [...prefix, q.after.key, q.after.id];
    upperOpen = true;
  }
  return { range: IDBKeyRange.bound(lower, upper, false, upperOpen), bySuid };
}

/** The row a record is stored as, at local version `version`. */
function rowOf<T extends RecordType>(type: T, record: RecordOf<T>, version: number): Row {
  const stored = { ...record, version: String(version) };
  return { type, id: record.id, suid: serviceUserIdOf(type, stored) ?? '', key: sortKeyOf(type, stored), status: statusOf(type, stored) ?? '', version, record: stored };
}

const changeOf = (row: Row): Change => ({ type: row.type, id: row.id, version: row.record.version, ...(row.suid && { serviceUserId: row.suid }) });

/** Why a write cannot go ahead from what is stored: a conflict, or the same content already there (nothing to do). */
function checkExpected<T extends RecordType>(type: T, record: RecordOf<T>, existing: Row | undefined, expectedVersion: string | undefined): StrError | 'same' | undefined {
  if (!existing) return expectedVersion !== undefined ? conflict(type, record.id, undefined, expectedVersion) : undefined;
  if (expectedVersion === undefined) return sameContent(existing.record, record) ? 'same' : conflict(type, record.id, existing.record.version, undefined);
  return existing.record.version !== expectedVersion ? conflict(type, record.id, existing.record.version, expectedVersion) : undefined;
}

/**
 * A stored row as a record, upgraded to this STR Kit's schema. One this STR Kit cannot read (written by a newer STR
 * Kit, or damaged) is reported by id and reason, never content, so the rest of a list still loads.
 */
function readRow<T extends RecordType>(type: T, row: Row, unreadable: Unreadable[]): RecordOf<T> | undefined {
  try {
    return upgradeRecord(type, row.record) as RecordOf<T>;
  } catch (e) {
    const newer = isStrError(e) && e.details.reason === 'newer-version';
    unreadable.push({ id: row.id, reason: isStrError(e) ? e.message : `The ${type} record could not be read`, ...(newer && { code: 'newer-version' }) });
    return undefined;
  }
}

/** A failure that leaves the connection unusable: drop it, and the next call opens the database again. */
const BROKEN: ReadonlySet<string> = new Set(['InvalidStateError', 'UnknownError']);

/**
 * The browser default store: records and every earlier version in IndexedDB. A conflict is decided inside one
 * readwrite transaction, so two tabs writing the same record from the same version cannot both win. Other tabs'
 * writes reach `subscribe` through a BroadcastChannel.
 */
export function indexedDbStore(options: IndexedDbStoreOptions): IndexedDbStore {
  const name = databaseName(options, 'indexedDbStore');
  let persist = true;
  try {
    persist = options.persist !== false;
  } catch {
    // unreadable options: keep the default
  }
  const store = new IdbStore(name, persist);
  // Methods bound, so a host may pass them around or spread the store as it can any other store.
  for (const key of Object.getOwnPropertyNames(IdbStore.prototype)) {
    const member = (store as unknown as Record<string, unknown>)[key];
    if (key !== 'constructor' && typeof member === 'function') (store as unknown as Record<string, unknown>)[key] = member.bind(store);
  }
  return store;
}

class IdbStore implements IndexedDbStore {
  readonly name: string;
  readonly durability = 'device' as const;
  readonly persisted: Promise<boolean>;
  readonly #db: string;
  readonly #listeners = new Listeners();
  readonly #lost = new Set<() => void>();
  readonly #channel: BroadcastChannel | undefined;
  #open: Promise<IDBPDatabase<StrDb>> | undefined;
  /** The device marker of the database this store has had open, and whether this store created that database. */
  #marker: DeviceMarker | undefined;
  #createdNow = false;
  /** The browser closed our connection: a deletion that follows is storage being cleared, not a newer layout. */
  #recheck = false;

  constructor(name: string, persist: boolean) {
    this.name = `indexeddb:${name}`;
    this.#db = name;
    this.persisted = persist ? requestPersistence() : Promise.resolve(false);
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`strkit:idb:${name}`) : undefined;
    this.#channel?.addEventListener('message', (e: MessageEvent<Change>) => this.#listeners.emit(e.data));
  }

  #database(): Promise<IDBPDatabase<StrDb>> {
    return (this.#open ??= this.#connect().catch((e: unknown) => {
      this.#open = undefined;
      throw storageError(e, `Opening ${this.#db}`);
    }));
  }

  async #connect(): Promise<IDBPDatabase<StrDb>> {
    let created = false;
    const d = await openDB<StrDb>(this.#db, IDB_LAYOUT_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => {
        created = oldVersion === 0;
        upgradeLayout(database, oldVersion, tx, () => new Date().toISOString());
      },
      blocking: (_current, blocked) => {
        // Another tab wants a newer layout: let it, and reopen on our next call. After the browser closed us, a
        // deletion may follow (clearing storage): reopen behind it at once, so the loss is told now.
        void this.#open?.then((x) => x.close());
        this.#open = undefined;
        if (blocked === null && this.#recheck) this.#reopen();
      },
      terminated: () => {
        // The browser closed the connection (storage cleared or evicted, or the disk failed): reopen now, and say
        // that what was here may be gone if the database we find is not the one we had (its marker is new).
        this.#recheck = true;
        this.#open = undefined;
        this.#reopen();
      },
    });
    const marker = await d.get('meta', 'device');
    const before = this.#marker;
    this.#marker = marker;
    if (created) this.#createdNow = true;
    if (before !== undefined && marker?.id !== before.id) {
      this.#recheck = false;
      for (const l of this.#lost) l();
    }
    return d;
  }

  /** Opens the database again soon, trying a few times (while the browser is still clearing it, opening fails). */
  #reopen(tries = 20): void {
    setTimeout(() => void this.#database().catch(() => tries > 1 && this.#reopen(tries - 1)), 50);
  }

  /** A write failed: a full device says so in words; a broken connection is dropped so the next call reopens. */
  async #failed(e: unknown, what: string): Promise<StrError> {
    const name = (e as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && BROKEN.has(name)) {
      void this.#open?.then((d) => d.close(), () => undefined);
      this.#open = undefined;
    }
    return writeError(e, what);
  }

  #told(change: Change) {
    this.#listeners.emit(change);
    this.#channel?.postMessage(change);
  }

  /** This database's device marker (ADR 0003, eviction): and whether this store created the database just now. */
  async device(): Promise<DeviceMarker & { readonly createdNow: boolean }> {
    try {
      await this.#database();
    } catch (e) {
      throw storageError(e, 'Reading the device marker');
    }
    return { id: this.#marker?.id ?? 'unknown', createdAt: this.#marker?.createdAt ?? 'unknown', createdNow: this.#createdNow };
  }

  /** A record write; with `outboxAt`, an outbox entry in the same transaction (offline first). */
  async #write<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string, outboxAt?: string): Promise<RecordOf<T>> {
    assertType(type);
    record = parseRecord(type, record);
    let row: Row;
    try {
      // Strict: the write is on disk before we say it is saved. A phone that dies right after "Saved" keeps the contact.
      const stores = outboxAt === undefined ? (['records', 'history'] as const) : (['records', 'history', 'outbox'] as const);
      const tx = (await this.#database()).transaction([...stores], 'readwrite', { durability: 'strict' });
      const records = tx.objectStore('records');
      const existing = await records.get([type, record.id]);
      const refused = checkExpected(type, record, existing, expectedVersion);
      if (refused !== undefined) {
        // Nothing to write: end the transaction (its rejection is expected, not an error).
        tx.abort();
        tx.done.catch(() => undefined);
        if (refused === 'same') return upgradeRecord(type, existing!.record) as RecordOf<T>;
        throw refused;
      }
      row = rowOf(type, record, (existing?.version ?? 0) + 1);
      const writes: Promise<unknown>[] = [records.put(row), tx.objectStore('history').put({ type, id: record.id, version: row.version, record: row.record })];
      if (outboxAt !== undefined) {
        const outbox = (tx as unknown as { objectStore(n: 'outbox'): { get(k: [string, string]): Promise<OutboxEntry | undefined>; put(v: OutboxEntry): Promise<unknown> } }).objectStore('outbox');
        const pending = await outbox.get([type, record.id]);
        writes.push(outbox.put({
          type, id: record.id, ...(row.suid && { serviceUserId: row.suid }), since: pending?.since ?? outboxAt, localVersion: row.record.version, attempts: pending?.attempts ?? 0,
        }));
      }
      await Promise.all([...writes, tx.done]);
    } catch (e) {
      throw await this.#failed(e, `Saving ${type} ${record.id}`);
    }
    this.#told(changeOf(row));
    return row.record as RecordOf<T>;
  }

  async get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined> {
    assertType(type);
    assertId(id);
    let row: Row | undefined;
    try {
      row = await (await this.#database()).get('records', [type, id]);
    } catch (e) {
      throw storageError(e, `Reading ${type} ${id}`);
    }
    return row ? (upgradeRecord(type, row.record) as RecordOf<T>) : undefined;
  }

  async list<T extends RecordType>(type: T, query?: Query): Promise<Page<RecordOf<T>>> {
    assertType(type);
    const q = normaliseQuery(query);
    try {
      const tx = (await this.#database()).transaction('records', 'readonly');
      const { range, bySuid } = listRange(type, q);
      const index = bySuid ? tx.store.index('bySuid') : tx.store.index('byType');
      let rows: Row[] = [];
      let more = false;
      const bulk = q.status === undefined ? await readNewestFirst(unwrap(index), range, q.limit + 1) : undefined;
      if (bulk) {
        more = bulk.length > q.limit;
        rows = bulk.slice(0, q.limit);
      } else {
        for (let c = await index.openCursor(range, 'prev'); c; c = await c.continue()) {
          if (q.status !== undefined && c.value.status !== q.status) continue;
          if (rows.length === q.limit) {
            more = true;
            break;
          }
          rows.push(c.value);
        }
      }
      const last = rows[rows.length - 1];
      const unreadable: Unreadable[] = [];
      const items = rows.flatMap((r) => readRow(type, r, unreadable) ?? []);
      return { items, ...(more && last && { next: encodeCursor({ key: last.key, id: last.id }) }), ...(unreadable.length > 0 && { unreadable }) };
    } catch (e) {
      throw storageError(e, `Listing ${type}`);
    }
  }

  put<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string): Promise<RecordOf<T>> {
    return this.#write(type, record, expectedVersion);
  }

  putLocal<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion: string | undefined, at: string): Promise<RecordOf<T>> {
    return this.#write(type, record, expectedVersion, at);
  }

  async outbox(): Promise<OutboxEntry[]> {
    try {
      return await (await this.#database()).getAll('outbox');
    } catch (e) {
      throw storageError(e, 'Reading the outbox');
    }
  }

  async remoteVersion(type: RecordType, id: string): Promise<string | undefined> {
    try {
      return (await (await this.#database()).get('remote', [type, id]))?.version;
    } catch (e) {
      throw storageError(e, 'Reading a remote version');
    }
  }

  settle(type: RecordType, id: string, localVersion: string, remoteVersion: string): Promise<void> {
    return this.#settle([{ type, id, localVersion, remoteVersion }], `Settling ${type} ${id}`);
  }

  settleMany(items: readonly { readonly type: RecordType; readonly id: string; readonly localVersion: string; readonly remoteVersion: string }[]): Promise<void> {
    return this.#settle(items, `Settling ${items.length} records`);
  }

  /** The record system has these versions: each entry cleared unless a later local write moved it on; one transaction. */
  async #settle(items: readonly { readonly type: RecordType; readonly id: string; readonly localVersion: string; readonly remoteVersion: string }[], what: string) {
    try {
      const tx = (await this.#database()).transaction(['outbox', 'remote'], 'readwrite', { durability: 'strict' });
      const outbox = tx.objectStore('outbox');
      const remote = tx.objectStore('remote');
      await Promise.all(items.map(async ({ type, id, localVersion, remoteVersion }) => {
        const entry = await outbox.get([type, id]);
        await remote.put({ type, id, version: remoteVersion });
        if (entry && entry.localVersion === localVersion) await outbox.delete([type, id]);
      }));
      await tx.done;
    } catch (e) {
      throw await this.#failed(e, what);
    }
  }

  async pending(keys: readonly { readonly type: RecordType; readonly id: string }[]): Promise<{ readonly record?: AnyRecord; readonly remoteVersion?: string }[]> {
    try {
      const tx = (await this.#database()).transaction(['records', 'remote'], 'readonly');
      const records = tx.objectStore('records');
      const remote = tx.objectStore('remote');
      const out = await Promise.all(keys.map(async ({ type, id }) => {
        const [row, rv] = await Promise.all([records.get([type, id]), remote.get([type, id])]);
        // A record this STR Kit cannot read (a newer one wrote it) is left for that one to send: never a failed run.
        const record = row ? readRow(type, row, []) : undefined;
        return { ...(record && { record: record as AnyRecord }), ...(rv && { remoteVersion: rv.version }) };
      }));
      await tx.done;
      return out;
    } catch (e) {
      throw storageError(e, `Reading ${keys.length} outbox records`);
    }
  }

  async forgetRemote(type: RecordType, id: string): Promise<void> {
    try {
      const tx = (await this.#database()).transaction('remote', 'readwrite', { durability: 'strict' });
      await tx.store.delete([type, id]);
      await tx.done;
    } catch (e) {
      throw await this.#failed(e, `Forgetting the record system's version of ${type} ${id}`);
    }
  }

  /** Changes one outbox entry in place (nothing when it is gone), in one transaction. */
  async #entry(type: RecordType, id: string, what: string, change: (entry: OutboxEntry) => OutboxEntry, strict = false): Promise<void> {
    try {
      const tx = (await this.#database()).transaction('outbox', 'readwrite', strict ? { durability: 'strict' } : {});
      const entry = await tx.store.get([type, id]);
      if (entry) await tx.store.put(change(entry));
      await tx.done;
    } catch (e) {
      throw await this.#failed(e, what);
    }
  }

  flag(type: RecordType, id: string, attention: NonNullable<OutboxEntry['attention']>, theirs?: AnyRecord): Promise<void> {
    return this.#entry(type, id, `Flagging ${type} ${id}`, (entry) => ({ ...entry, attempts: entry.attempts + 1, attention, ...(theirs && { theirs }) }));
  }

  unflag(type: RecordType, id: string): Promise<void> {
    return this.#entry(type, id, `Clearing the flag of ${type} ${id}`, ({ attention: _attention, theirs: _theirs, ...rest }) => rest, true);
  }

  bump(type: RecordType, id: string): Promise<void> {
    return this.#entry(type, id, `Counting an attempt for ${type} ${id}`, (entry) => ({ ...entry, attempts: entry.attempts + 1 }));
  }

  async applyRemote<T extends RecordType>(type: T, incoming: RecordOf<T>, force = false): Promise<boolean> {
    assertType(type);
    const remote = parseRecord(type, incoming);
    let change: Change | undefined;
    try {
      const tx = (await this.#database()).transaction(['records', 'history', 'outbox', 'remote'], 'readwrite', { durability: 'strict' });
      const pending = await tx.objectStore('outbox').get([type, remote.id]);
      if (pending && !force) {
        tx.abort();
        tx.done.catch(() => undefined);
        return false;
      }
      const existing = await tx.objectStore('records').get([type, remote.id]);
      const writes: Promise<unknown>[] = [tx.objectStore('remote').put({ type, id: remote.id, version: remote.version })];
      if (pending) writes.push(tx.objectStore('outbox').delete([type, remote.id]));
      if (!existing || !sameContent(existing.record, remote)) {
        const row = rowOf(type, remote, (existing?.version ?? 0) + 1);
        writes.push(tx.objectStore('records').put(row), tx.objectStore('history').put({ type, id: remote.id, version: row.version, record: row.record }));
        change = changeOf(row);
      }
      await Promise.all([...writes, tx.done]);
    } catch (e) {
      throw await this.#failed(e, `Saving ${type} ${remote.id} from the record system`);
    }
    if (change) this.#told(change);
    return true;
  }

  async history<T extends RecordType>(type: T, id: string): Promise<RecordOf<T>[]> {
    assertType(type);
    assertId(id);
    try {
      const rows = await (await this.#database()).getAll('history', IDBKeyRange.bound([type, id, 0], [type, id, Infinity]));
      return rows.map((r) => upgradeRecord(type, r.record) as RecordOf<T>);
    } catch (e) {
      throw storageError(e, `Reading the history of ${type} ${id}`);
    }
  }

  subscribe(listener: (change: Change) => void): () => void {
    return this.#listeners.add(listener);
  }

  async count(): Promise<Partial<Record<RecordType, number>>> {
    try {
      const out: Partial<Record<RecordType, number>> = {};
      for (let c = await (await this.#database()).transaction('records').store.openKeyCursor(); c; c = await c.continue()) {
        const t = (c.key as [RecordType, string])[0];
        out[t] = (out[t] ?? 0) + 1;
      }
      return out;
    } catch (e) {
      throw storageError(e, 'Counting records');
    }
  }

  async wipe(): Promise<void> {
    try {
      const tx = (await this.#database()).transaction(['records', 'history', 'outbox', 'remote'], 'readwrite');
      await Promise.all([tx.objectStore('records').clear(), tx.objectStore('history').clear(), tx.objectStore('outbox').clear(), tx.objectStore('remote').clear(), tx.done]);
    } catch (e) {
      throw storageError(e, 'Wiping the device store');
    }
  }

  onLost(listener: () => void): () => void {
    this.#lost.add(listener);
    return () => this.#lost.delete(listener);
  }

  close(): void {
    this.#lost.clear();
    this.#channel?.close();
    void this.#open?.then((d) => d.close(), () => undefined);
    this.#open = undefined;
  }
}
