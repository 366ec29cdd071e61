import { parseRecord } from '../../schemas/parse.js';
import type { Change, Page, Query, Store } from '../../ports.js';
import { serviceUserIdOf, sortKeyOf, statusOf, type AnyRecord, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { compareDesc, encodeCursor, isAfter, normaliseQuery } from '../query.js';
import { Listeners, assertId, assertType, conflict, sameContent } from '../shared.js';

interface Entry {
  readonly versions: AnyRecord[];
  key: number;
  serviceUserId: string | undefined;
  status: string | undefined;
}

/**
 * The reference store: everything in memory, versions are integers counted per record. For tests, demos and hosts
 * that keep records elsewhere. Records are cloned in and out, so callers can never change what is stored.
 */
export function memoryStore(): Store {
  const data = new Map<RecordType, Map<string, Entry>>();
  const listeners = new Listeners();
  const table = (type: RecordType) => {
    let t = data.get(type);
    if (!t) data.set(type, (t = new Map()));
    return t;
  };
  const latest = (e: Entry) => e.versions[e.versions.length - 1]!;

  return {
    name: 'memory',
    durability: 'device',

    async get<T extends RecordType>(type: T, id: string) {
      assertType(type);
      assertId(id);
      const e = table(type).get(id);
      return e ? (structuredClone(latest(e)) as RecordOf<T>) : undefined;
    },

    async list<T extends RecordType>(type: T, query?: Query): Promise<Page<RecordOf<T>>> {
      assertType(type);
      const q = normaliseQuery(query);
      const matches: { key: number; id: string; e: Entry }[] = [];
      for (const [id, e] of table(type)) {
        if (q.serviceUserId !== undefined && e.serviceUserId !== q.serviceUserId) continue;
        if (q.status !== undefined && e.status !== q.status) continue;
        if (q.from !== undefined && e.key < q.from) continue;
        if (q.to !== undefined && e.key >= q.to) continue;
        if (!isAfter({ key: e.key, id }, q.after)) continue;
        matches.push({ key: e.key, id, e });
      }
      matches.sort(compareDesc);
      const page = matches.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((m) => structuredClone(latest(m.e)) as RecordOf<T>),
        ...(matches.length > q.limit && last && { next: encodeCursor(last) }),
      };
    },

    async put<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string) {
      assertType(type);
      record = parseRecord(type, record);
      const t = table(type);
      const e = t.get(record.id);
      if (!e && expectedVersion !== undefined) throw conflict(type, record.id, undefined, expectedVersion);
      if (e) {
        const current = latest(e);
        if (expectedVersion === undefined) {
          if (sameContent(current, record)) return structuredClone(current) as RecordOf<T>;
          throw conflict(type, record.id, current.version, undefined);
        }
        if (current.version !== expectedVersion) throw conflict(type, record.id, current.version, expectedVersion);
      }
      const version = String((e?.versions.length ?? 0) + 1);
      const stored = { ...structuredClone(record), version } as RecordOf<T>;
      const entry: Entry = e ?? { versions: [], key: 0, serviceUserId: undefined, status: undefined };
      entry.versions.push(stored);
      entry.key = sortKeyOf(type, stored);
      entry.serviceUserId = serviceUserIdOf(type, stored);
      entry.status = statusOf(type, stored);
      t.set(record.id, entry);
      const change: Change = { type, id: record.id, version, ...(entry.serviceUserId !== undefined && { serviceUserId: entry.serviceUserId }) };
      listeners.emit(change);
      return structuredClone(stored);
    },

    async history<T extends RecordType>(type: T, id: string) {
      assertType(type);
      assertId(id);
      return structuredClone(table(type).get(id)?.versions ?? []) as RecordOf<T>[];
    },

    subscribe: (listener) => listeners.add(listener),

    async count() {
      return Object.fromEntries([...data].map(([type, t]) => [type, t.size]));
    },

    async wipe() {
      data.clear();
    },
  };
}
