// SDK core: validate + put 10,000 contact-sized records into each store, and list 10,000 for one person,
// against a raw loop with the same transaction pattern (one strict transaction per record: get, put, put history).
import { createClient, indexedDbStore, memoryStore, type ContactInput, type Store } from '@strkit/sdk';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { paired, type BenchRow } from './harness.js';

const N = 10_000;
const PERSON = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
const NOTE = 'Met at home and walked to the shops; talked about the week ahead and the bus pass. '.repeat(3);

const inputs = (): ContactInput[] =>
  Array.from({ length: N }, (_, i) => ({
    id: crypto.randomUUID(),
    serviceUserId: PERSON,
    start: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    durationMinutes: 30,
    mechanism: '01',
    locationType: 'A01',
    attendance: '5',
    note: NOTE,
  }));

const actor = { id: 'bench-worker', role: 'str-worker' } as const;

async function rawIdb(name: string) {
  await deleteDB(name);
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('records', { keyPath: 'id' }).createIndex('bySuid', ['serviceUserId', 'start']);
      db.createObjectStore('history', { keyPath: ['id', 'version'] });
    },
  });
}

export async function run(params?: URLSearchParams): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // `npm run bench -- stores list` runs only the rows whose name contains "list".
  const only = params?.get('only') ?? '';
  const want = (name: string) => name.includes(only);
  let data = inputs();

  // Memory store: client (validate + envelope + put) against a Map of cloned records.
  let store: Store = memoryStore();
  let map = new Map<string, unknown>();
  if (want('memoryStore: validate + put 10,000 contacts')) rows.push(
    await paired({
      name: 'memoryStore: validate + put 10,000 contacts',
      baselineName: 'Map.set(structuredClone) loop',
      items: N,
      runs: 15,
      setup: () => {
        store = memoryStore();
        map = new Map();
        data = inputs();
      },
      candidate: async () => {
        const client = createClient({ store, actor });
        for (const c of data) await client.contacts.create(c);
      },
      baseline: async () => {
        for (const c of data) map.set(c.id!, structuredClone(c));
      },
    }),
  );

  // IndexedDB store: client (validate + envelope + conflict check + history) against raw puts, one transaction each.
  let idb: ReturnType<typeof indexedDbStore> | undefined;
  let raw: IDBPDatabase | undefined;
  let k = 0;
  if (want('indexedDbStore: validate + put 10,000 contacts')) rows.push(
    await paired({
      name: 'indexedDbStore: validate + put 10,000 contacts',
      target: 1.5,
      baselineName: 'raw IDB: 1 strict tx/record: get, put, put history',
      items: N,
      runs: 15,
      warmup: 1,
      setup: async () => {
        idb?.close();
        raw?.close();
        await deleteDB(`bench-store-${k}`);
        idb = indexedDbStore({ name: `bench-store-${++k}`, persist: false });
        raw = await rawIdb(`bench-raw`);
        data = inputs();
      },
      candidate: async () => {
        const client = createClient({ store: idb!, actor });
        for (const c of data) await client.contacts.create(c);
      },
      baseline: async () => {
        // The same transaction pattern as the store: read the current version, write the record and its history.
        for (const c of data) {
          const tx = raw!.transaction(['records', 'history'], 'readwrite', { durability: 'strict' });
          const records = tx.objectStore('records');
          const existing = (await records.get(c.id!)) as { version?: number } | undefined;
          const row = { ...c, version: (existing?.version ?? 0) + 1 };
          await Promise.all([records.put(row), tx.objectStore('history').put(row), tx.done]);
        }
      },
    }),
  );

  // Listing 10,000 for one person, from a store filled once.
  const full = indexedDbStore({ name: 'bench-list', persist: false });
  const fullRaw = await rawIdb('bench-list-raw');
  const seeded = inputs();
  const client = createClient({ store: full, actor });
  for (const c of seeded) await client.contacts.create(c);
  for (const c of seeded) await fullRaw.put('records', c);
  if (want('indexedDbStore: list 10,000 by service user')) rows.push(
    await paired({
      name: 'indexedDbStore: list 10,000 by service user',
      target: 1.5,
      baselineName: 'raw IndexedDB index getAll',
      items: N,
      runs: 15,
      candidate: async () => {
        const page = await full.list('contact', { serviceUserId: PERSON, limit: N });
        if (page.items.length !== N) throw new Error(`listed ${page.items.length}`);
      },
      baseline: async () => {
        const all = await fullRaw.getAllFromIndex('records', 'bySuid', IDBKeyRange.bound([PERSON, ''], [PERSON, '\uffff']));
        if (all.length !== N) throw new Error(`raw listed ${all.length}`);
      },
    }),
  );
  const mem = memoryStore();
  const memClient = createClient({ store: mem, actor });
  for (const c of seeded) await memClient.contacts.create(c);
  const arr = seeded.map((c) => structuredClone(c));
  if (want('memoryStore: list 10,000 by service user')) rows.push(
    await paired({
      name: 'memoryStore: list 10,000 by service user',
      baselineName: 'Array filter + sort + clone',
      items: N,
      runs: 15,
      candidate: async () => {
        await mem.list('contact', { serviceUserId: PERSON, limit: N });
      },
      baseline: async () => {
        structuredClone(arr.filter((c) => c.serviceUserId === PERSON).sort((a, b) => Date.parse(b.start) - Date.parse(a.start)));
      },
    }),
  );
  full.close();
  fullRaw.close();
  idb?.close();
  raw?.close();
  return rows;
}
