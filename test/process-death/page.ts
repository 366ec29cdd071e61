// The page scripts/process-death.mjs loads in a real Chromium it kills with SIGKILL (issue 16): the SDK's device store
// (IndexedDB), sync engine and FHIR store, wired as a host would. The Node side drives it through `window.pd` and
// learns what was saved through two bindings it exposes: `pdAttempt(id)` before a write, `pdSaved(id)` once the write
// resolved (the SDK said "saved"). Synthetic data only.
import { fhirStore, indexedDbStore, syncedStore, type Contact, type ServiceUser, type SyncedStore } from '@strkit/sdk';

declare global {
  interface Window {
    pdAttempt(id: string): Promise<void>;
    pdSaved(id: string): Promise<void>;
    pd: typeof pd;
  }
}

const DB = 'strkit-process-death';
const AT = '2026-06-01T09:00:00Z';
const envelope = { version: '1', schemaVersion: 1, createdAt: AT, createdBy: 'worker-pd', updatedAt: AT, updatedBy: 'worker-pd' };

const local = indexedDbStore({ name: DB, persist: false });
// Short deadlines and backoff: a relaunched page drains in seconds, and a held reply is given up on quickly.
const store: SyncedStore = syncedStore({
  local,
  remote: fhirStore({ baseUrl: new URL('/fhir/R4', location.href).href, timeoutMs: 3_000, attempts: 2 }),
  retry: { baseMs: 50, maxMs: 400 },
  pushTimeoutMs: 10_000,
});

function contact(serviceUserId: string, n: number): Contact {
  return {
    ...envelope, id: crypto.randomUUID(), serviceUserId, workerId: 'worker-pd', start: new Date(Date.parse('2026-01-01T09:00:00Z') + n * 60_000).toISOString(),
    durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', planned: true, othersPresent: [], taskIds: [], note: `Synthetic visit ${n}`,
  };
}

let written = 0;

const pd = {
  /** The person, written once on the device and synced before any round. */
  async person(id: string): Promise<void> {
    const person: ServiceUser = { ...envelope, id, displayName: 'Pat Processdeath', nhsNumber: '9990000018' };
    if (!(await local.get('serviceUser', id))) await store.put('serviceUser', person);
  },
  /**
   * `count` new contacts, all started at once (a burst in flight), each reported before it is attempted and once
   * the store says it is saved. Resolves when all settled (a killed page never resolves).
   */
  async burst(serviceUserId: string, count: number): Promise<number> {
    const made = Array.from({ length: count }, () => contact(serviceUserId, written++));
    for (const c of made) await window.pdAttempt(c.id);
    const results = await Promise.allSettled(made.map(async (c) => {
      await store.put('contact', c);
      await window.pdSaved(c.id);
    }));
    return results.filter((r) => r.status === 'fulfilled').length;
  },
  /** Pushes until nothing is waiting (or `ms` passes); then what the device holds. */
  async drain(serviceUserId: string, ms: number) {
    const until = performance.now() + ms;
    let state = await store.sync.now();
    while (state.unsynced > 0 && state.needsAttention.length === 0 && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      state = await store.sync.now();
    }
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await local.list('contact', { serviceUserId, limit: 500, ...(cursor && { cursor }) });
      ids.push(...page.items.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    const outbox = await local.outbox();
    return {
      unsynced: state.unsynced,
      attention: state.needsAttention.map((a) => `${a.type} ${a.id}: ${a.code}`),
      outbox: outbox.map((e) => `${e.type} ${e.id}`),
      deviceIds: ids,
    };
  },
  /** The person's contacts as the record system gives them to a fresh FHIR store (another device), and any unreadable. */
  async readBack(serviceUserId: string) {
    const remote = fhirStore({ baseUrl: new URL('/fhir/R4', location.href).href });
    const ids: string[] = [];
    const unreadable: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await remote.list('contact', { serviceUserId, limit: 500, ...(cursor && { cursor }) });
      ids.push(...page.items.map((c) => c.id));
      unreadable.push(...(page.unreadable ?? []).map((u) => `${u.id}: ${u.reason}`));
      cursor = page.next;
    } while (cursor);
    return { ids, unreadable };
  },
};
window.pd = pd;
