// The IndexedDB layout of `indexedDbStore` (object stores and indexes) and its upgrades, one step per layout version.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { OutboxEntry } from '../../ports.js';
import type { AnyRecord, RecordType } from '../../schemas/registry.js';

export interface Row {
  type: RecordType;
  id: string;
  /** '' when the record is about nobody (IndexedDB keys cannot hold undefined). */
  suid: string;
  key: number;
  status: string;
  version: number;
  record: AnyRecord;
}

/** Who this database is: made once, when the database is created, and gone with it (eviction clears it). */
export interface DeviceMarker {
  readonly id: string;
  readonly createdAt: string;
}

export interface StrDb extends DBSchema {
  records: { key: [string, string]; value: Row; indexes: { bySuid: [string, string, number, string]; byType: [string, number, string] } };
  history: { key: [string, string, number]; value: { type: string; id: string; version: number; record: AnyRecord } };
  outbox: { key: [string, string]; value: OutboxEntry };
  remote: { key: [string, string]; value: { type: string; id: string; version: string } };
  meta: { key: string; value: DeviceMarker & { key: string } };
}

/**
 * Layout version of the database (object stores and indexes), not of the records in it. 1: records and history.
 * 2: the outbox and the record system's versions. 3: `meta`, the database's device marker (ADR 0003, eviction).
 */
export const IDB_LAYOUT_VERSION = 3;

type UpgradeTx = IDBPTransaction<StrDb, StoreNames<StrDb>[], 'versionchange'>;

const newId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A layout-1 database held records written before the outbox existed: none of them had reached a record system
 * through the sync engine. Each gets an outbox entry (since its last change), so it is sent like any unsynced write;
 * creates are conditional on the STR id, so one the record system already has is recognised, never duplicated.
 */
async function outboxForLayout1(tx: UpgradeTx): Promise<void> {
  const outbox = tx.objectStore('outbox');
  for (let c = await tx.objectStore('records').openCursor(); c; c = await c.continue()) {
    const { type, id, suid, record } = c.value;
    const since = record.updatedAt ?? record.createdAt;
    await outbox.put({ type, id, ...(suid && { serviceUserId: suid }), since, localVersion: record.version, attempts: 0 });
  }
}

/** Brings a database from `oldVersion` to `IDB_LAYOUT_VERSION` inside the upgrade transaction. */
export function upgradeLayout(database: IDBPDatabase<StrDb>, oldVersion: number, tx: UpgradeTx, now: () => string): void {
  if (oldVersion < 1) {
    const records = database.createObjectStore('records', { keyPath: ['type', 'id'] });
    records.createIndex('bySuid', ['type', 'suid', 'key', 'id']);
    records.createIndex('byType', ['type', 'key', 'id']);
    database.createObjectStore('history', { keyPath: ['type', 'id', 'version'] });
  }
  if (oldVersion < 2) {
    database.createObjectStore('outbox', { keyPath: ['type', 'id'] });
    database.createObjectStore('remote', { keyPath: ['type', 'id'] });
    if (oldVersion === 1) void outboxForLayout1(tx);
  }
  if (oldVersion < 3) {
    database.createObjectStore('meta', { keyPath: 'key' });
    void tx.objectStore('meta').put({ key: 'device', id: newId(), createdAt: now() });
  }
}
