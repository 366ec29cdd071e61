import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft, DraftStore } from '../../ports.js';
import { databaseName, requestPersistence, storageError } from './indexeddb-store.js';

interface DraftDb extends DBSchema {
  drafts: { key: [string, string]; value: Draft; indexes: { byActor: string } };
}

/**
 * Drafts in their own IndexedDB database, so a half-typed note survives a reload, a crash or a flat battery.
 * Never synced: drafts stay on this device.
 */
export function indexedDbDrafts(options: { readonly name: string }): DraftStore {
  const name = databaseName(options, 'indexedDbDrafts');
  void requestPersistence();
  let dbPromise: Promise<IDBPDatabase<DraftDb>> | undefined;
  const db = () =>
    (dbPromise ??= openDB<DraftDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore('drafts', { keyPath: ['actorId', 'key'] }).createIndex('byActor', 'actorId');
      },
      blocking() {
        void dbPromise?.then((d) => d.close());
        dbPromise = undefined;
      },
    }).catch((e: unknown) => {
      dbPromise = undefined;
      throw storageError(e, `Opening ${name}`);
    }));
  const guard = async <R>(what: string, fn: (d: IDBPDatabase<DraftDb>) => Promise<R>): Promise<R> => {
    try {
      return await fn(await db());
    } catch (e) {
      throw storageError(e, what);
    }
  };
  return {
    save: (actorId, key, value, savedAt) =>
      guard('Saving a draft', async (d) => void (await d.put('drafts', { actorId, key, value, savedAt }))),
    load: <V>(actorId: string, key: string) =>
      guard('Reading a draft', async (d) => (await d.get('drafts', [actorId, key])) as Draft<V> | undefined),
    discard: (actorId, key) => guard('Discarding a draft', async (d) => d.delete('drafts', [actorId, key])),
    list: (actorId) =>
      guard('Listing drafts', (d) => (actorId === undefined ? d.getAll('drafts') : d.getAllFromIndex('drafts', 'byActor', actorId))),
    wipe: () => guard('Wiping drafts', (d) => d.clear('drafts')),
    close() {
      void dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
  };
}
