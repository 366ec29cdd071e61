import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import { StrError, isStrError } from '../../errors.js';
import type { Change, OutboxEntry, OutboxStore, Page, Query } from '../../ports.js';
import { upgradeRecord } from '../../schemas/migrations.js';
import { parseRecord } from '../../schemas/parse.js';
import { serviceUserIdOf, sortKeyOf, statusOf, type AnyRecord, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { encodeCursor, normaliseQuery } from '../query.js';
import { Listeners, assertId, assertType, conflict, sameContent } from '../shared.js';

interface Row {
  type: RecordType;
  id: string;
  /** '' when the record is about nobody (IndexedDB keys cannot hold undefined). */
  suid: string;
  key: number;
  status: string;
  version: number;
  record: AnyRecord;
}

/** A record written on this device and not yet in the record system (offline first). One per record. */
export type { OutboxEntry } from '../../ports.js';

interface StrDb extends DBSchema {
  records: { key: [string, string]; value: Row; indexes: { bySuid: [string, string, number, string]; byType: [string, number, string] } };
  history: { key: [string, string, number]; value: { type: string; id: string; version: number; record: AnyRecord } };
  outbox: { key: [string, string]; value: OutboxEntry };
  remote: { key: [string, string]; value: { type: string; id: string; version: string } };
}

/** Layout version of the database (object stores and indexes), not of the records in it. 2: the outbox. */
export const IDB_LAYOUT_VERSION = 2;

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

/** IndexedDB and DOMException failures → StrError; a full disk says so. */
export function storageError(e: unknown, what: string): StrError {
  if (isStrError(e)) return e;
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StrError('storage', `${what}: this device is out of storage space`, false, { reason: 'quota' }, { cause: e });
  }
  return new StrError('storage', `${what}: the device store failed (${typeof name === 'string' ? name : 'unknown error'})`, true, {}, { cause: e });
}

/** The `name` option of an IndexedDB adapter, checked; a validation StrError otherwise. */
export function databaseName(options: unknown, what: string): string {
  let name: unknown;
  try {
    name = (options as { name?: unknown } | undefined)?.name;
  } catch {
    name = undefined;
  }
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
    throw new StrError('validation', `${what} needs a database name`, false, { issues: [{ path: 'name', code: 'invalid', message: 'Pass a database name' }] });
  }
  return name;
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

export async function requestPersistence(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/**
 * The browser default store: records and every earlier version in IndexedDB. A conflict is decided inside one
 * readwrite transaction, so two tabs writing the same record from the same version cannot both win. Other tabs'
 * writes reach `subscribe` through a BroadcastChannel.
 */
export function indexedDbStore(options: IndexedDbStoreOptions): IndexedDbStore {
  const name = databaseName(options, 'indexedDbStore');
  const listeners = new Listeners();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`strkit:idb:${name}`) : undefined;
  channel?.addEventListener('message', (e: MessageEvent<Change>) => listeners.emit(e.data));

  let dbPromise: Promise<IDBPDatabase<StrDb>> | undefined;
  const lostListeners = new Set<() => void>();
  const db = () =>
    (dbPromise ??= openDB<StrDb>(name, IDB_LAYOUT_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const records = database.createObjectStore('records', { keyPath: ['type', 'id'] });
          records.createIndex('bySuid', ['type', 'suid', 'key', 'id']);
          records.createIndex('byType', ['type', 'key', 'id']);
          database.createObjectStore('history', { keyPath: ['type', 'id', 'version'] });
        }
        if (oldVersion < 2) {
          database.createObjectStore('outbox', { keyPath: ['type', 'id'] });
          database.createObjectStore('remote', { keyPath: ['type', 'id'] });
        }
      },
      blocking() {
        // Another tab wants a newer layout: let it, and reopen on our next call.
        void dbPromise?.then((d) => d.close());
        dbPromise = undefined;
      },
      terminated() {
        // The browser closed the connection (storage cleared, evicted, or the disk went): reopen on our next call,
        // and say that what was here may be gone.
        dbPromise = undefined;
        for (const l of lostListeners) l();
      },
    }).catch((e: unknown) => {
      dbPromise = undefined;
      throw storageError(e, `Opening ${name}`);
    }));

  let persist = true;
  try {
    persist = options.persist !== false;
  } catch {
    // unreadable options: keep the default
  }
  const persisted = persist ? requestPersistence() : Promise.resolve(false);
  const read = <T extends RecordType>(type: T, row: Row) => upgradeRecord(type, row.record) as RecordOf<T>;

  /** A record write; with `outboxAt`, an outbox entry in the same transaction (offline first). */
  async function write<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string, outboxAt?: string): Promise<RecordOf<T>> {
    assertType(type);
    record = parseRecord(type, record);
    let stored: RecordOf<T>;
    let row: Row;
    try {
      // Strict: the write is on disk before we say it is saved. A phone that dies right after "Saved" keeps the contact.
      const stores = outboxAt === undefined ? (['records', 'history'] as const) : (['records', 'history', 'outbox'] as const);
      const tx = (await db()).transaction([...stores], 'readwrite', { durability: 'strict' });
      const records = tx.objectStore('records');
      const existing = await records.get([type, record.id]);
      // Nothing to write: end the transaction (its rejection is expected, not an error).
      const abort = () => {
        tx.abort();
        tx.done.catch(() => undefined);
      };
      if (!existing && expectedVersion !== undefined) {
        abort();
        throw conflict(type, record.id, undefined, expectedVersion);
      }
      if (existing && expectedVersion === undefined) {
        abort();
        if (sameContent(existing.record, record)) return read(type, existing);
        throw conflict(type, record.id, existing.record.version, undefined);
      }
      if (existing && existing.record.version !== expectedVersion) {
        abort();
        throw conflict(type, record.id, existing.record.version, expectedVersion);
      }
      const version = (existing?.version ?? 0) + 1;
      stored = { ...record, version: String(version) };
      row = {
        type,
        id: record.id,
        suid: serviceUserIdOf(type, stored) ?? '',
        key: sortKeyOf(type, stored),
        status: statusOf(type, stored) ?? '',
        version,
        record: stored,
      };
      const writes: Promise<unknown>[] = [records.put(row), tx.objectStore('history').put({ type, id: record.id, version, record: stored })];
      if (outboxAt !== undefined) {
        const outbox = (tx as unknown as { objectStore(n: 'outbox'): { get(k: [string, string]): Promise<OutboxEntry | undefined>; put(v: OutboxEntry): Promise<unknown> } }).objectStore('outbox');
        const pending = await outbox.get([type, record.id]);
        writes.push(outbox.put({
          type, id: record.id, ...(row.suid && { serviceUserId: row.suid }), since: pending?.since ?? outboxAt, localVersion: stored.version, attempts: pending?.attempts ?? 0,
        }));
      }
      await Promise.all([...writes, tx.done]);
    } catch (e) {
      throw storageError(e, `Saving ${type} ${record.id}`);
    }
    const change: Change = { type, id: record.id, version: stored.version, ...(row.suid && { serviceUserId: row.suid }) };
    listeners.emit(change);
    channel?.postMessage(change);
    return stored;
  }

  return {
    name: `indexeddb:${name}`,
    durability: 'device',
    persisted,

    async get<T extends RecordType>(type: T, id: string) {
      assertType(type);
      assertId(id);
      try {
        const row = await (await db()).get('records', [type, id]);
        return row ? read(type, row) : undefined;
      } catch (e) {
        throw storageError(e, `Reading ${type} ${id}`);
      }
    },

    async list<T extends RecordType>(type: T, query?: Query): Promise<Page<RecordOf<T>>> {
      assertType(type);
      const q = normaliseQuery(query);
      try {
        const d = await db();
        const tx = d.transaction('records', 'readonly');
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
        const range = IDBKeyRange.bound(lower, upper, false, upperOpen);
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
        return { items: rows.map((r) => read(type, r)), ...(more && last && { next: encodeCursor({ key: last.key, id: last.id }) }) };
      } catch (e) {
        throw storageError(e, `Listing ${type}`);
      }
    },

    put: <T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string) => write(type, record, expectedVersion),
    putLocal: <T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion: string | undefined, at: string) => write(type, record, expectedVersion, at),

    async outbox() {
      try {
        return await (await db()).getAll('outbox');
      } catch (e) {
        throw storageError(e, 'Reading the outbox');
      }
    },

    async remoteVersion(type, id) {
      try {
        return (await (await db()).get('remote', [type, id]))?.version;
      } catch (e) {
        throw storageError(e, 'Reading a remote version');
      }
    },

    async settle(type, id, localVersion, remoteVersion) {
      try {
        const tx = (await db()).transaction(['outbox', 'remote'], 'readwrite', { durability: 'strict' });
        const entry = await tx.objectStore('outbox').get([type, id]);
        await tx.objectStore('remote').put({ type, id, version: remoteVersion });
        if (entry && entry.localVersion === localVersion) await tx.objectStore('outbox').delete([type, id]);
        await tx.done;
      } catch (e) {
        throw storageError(e, `Settling ${type} ${id}`);
      }
    },

    async settleMany(items) {
      try {
        const tx = (await db()).transaction(['outbox', 'remote'], 'readwrite', { durability: 'strict' });
        const outbox = tx.objectStore('outbox');
        const remote = tx.objectStore('remote');
        await Promise.all(items.map(async ({ type, id, localVersion, remoteVersion }) => {
          const entry = await outbox.get([type, id]);
          await remote.put({ type, id, version: remoteVersion });
          if (entry && entry.localVersion === localVersion) await outbox.delete([type, id]);
        }));
        await tx.done;
      } catch (e) {
        throw storageError(e, `Settling ${items.length} records`);
      }
    },

    async pending(keys) {
      try {
        const tx = (await db()).transaction(['records', 'remote'], 'readonly');
        const records = tx.objectStore('records');
        const remote = tx.objectStore('remote');
        const out = await Promise.all(keys.map(async ({ type, id }) => {
          const [row, rv] = await Promise.all([records.get([type, id]), remote.get([type, id])]);
          return { ...(row && { record: read(type, row) as AnyRecord }), ...(rv && { remoteVersion: rv.version }) };
        }));
        await tx.done;
        return out;
      } catch (e) {
        throw storageError(e, `Reading ${keys.length} outbox records`);
      }
    },

    async forgetRemote(type, id) {
      try {
        const tx = (await db()).transaction('remote', 'readwrite', { durability: 'strict' });
        await tx.store.delete([type, id]);
        await tx.done;
      } catch (e) {
        throw storageError(e, `Forgetting the record system's version of ${type} ${id}`);
      }
    },

    async flag(type, id, attention, theirs) {
      try {
        const tx = (await db()).transaction('outbox', 'readwrite');
        const entry = await tx.store.get([type, id]);
        if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1, attention, ...(theirs && { theirs }) });
        await tx.done;
      } catch (e) {
        throw storageError(e, `Flagging ${type} ${id}`);
      }
    },

    async unflag(type, id) {
      try {
        const tx = (await db()).transaction('outbox', 'readwrite', { durability: 'strict' });
        const entry = await tx.store.get([type, id]);
        if (entry) {
          const { attention: _attention, theirs: _theirs, ...rest } = entry;
          await tx.store.put(rest);
        }
        await tx.done;
      } catch (e) {
        throw storageError(e, `Clearing the flag of ${type} ${id}`);
      }
    },

    async bump(type, id) {
      try {
        const tx = (await db()).transaction('outbox', 'readwrite');
        const entry = await tx.store.get([type, id]);
        if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1 });
        await tx.done;
      } catch (e) {
        throw storageError(e, `Counting an attempt for ${type} ${id}`);
      }
    },

    async applyRemote<T extends RecordType>(type: T, incoming: RecordOf<T>, force = false) {
      assertType(type);
      const remote = parseRecord(type, incoming);
      let change: Change | undefined;
      try {
        const tx = (await db()).transaction(['records', 'history', 'outbox', 'remote'], 'readwrite', { durability: 'strict' });
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
          const version = (existing?.version ?? 0) + 1;
          const stored = { ...remote, version: String(version) };
          const row: Row = { type, id: remote.id, suid: serviceUserIdOf(type, stored) ?? '', key: sortKeyOf(type, stored), status: statusOf(type, stored) ?? '', version, record: stored };
          writes.push(tx.objectStore('records').put(row), tx.objectStore('history').put({ type, id: remote.id, version, record: stored }));
          change = { type, id: remote.id, version: stored.version, ...(row.suid && { serviceUserId: row.suid }) };
        }
        await Promise.all([...writes, tx.done]);
      } catch (e) {
        throw storageError(e, `Saving ${type} ${remote.id} from the record system`);
      }
      if (change) {
        listeners.emit(change);
        channel?.postMessage(change);
      }
      return true;
    },

    async history<T extends RecordType>(type: T, id: string) {
      assertType(type);
      assertId(id);
      try {
        const rows = await (await db()).getAll('history', IDBKeyRange.bound([type, id, 0], [type, id, Infinity]));
        return rows.map((r) => upgradeRecord(type, r.record) as RecordOf<T>);
      } catch (e) {
        throw storageError(e, `Reading the history of ${type} ${id}`);
      }
    },

    subscribe: (listener) => listeners.add(listener),

    async count() {
      try {
        const d = await db();
        const out: Partial<Record<RecordType, number>> = {};
        for (let c = await d.transaction('records').store.openKeyCursor(); c; c = await c.continue()) {
          const t = (c.key as [RecordType, string])[0];
          out[t] = (out[t] ?? 0) + 1;
        }
        return out;
      } catch (e) {
        throw storageError(e, 'Counting records');
      }
    },

    async wipe() {
      try {
        const d = await db();
        const tx = d.transaction(['records', 'history', 'outbox', 'remote'], 'readwrite');
        await Promise.all([tx.objectStore('records').clear(), tx.objectStore('history').clear(), tx.objectStore('outbox').clear(), tx.objectStore('remote').clear(), tx.done]);
      } catch (e) {
        throw storageError(e, 'Wiping the device store');
      }
    },

    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },

    close() {
      lostListeners.clear();
      channel?.close();
      void dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
  };
}
