// Offline first, issues 9 and 16: 1,000 contacts (each with a note) written through syncedStore (IndexedDB + outbox)
// and synced to the FHIR engine on loopback.
// - Throughput, no faults: the sync alone is timed (the writes to the device are not), printed as contacts/s with the
//   number of HTTP requests. Baseline, same run: the resources the kit sent (the Encounters and notes, read from its
//   own requests after the timing) POSTed raw with plain fetch to a fresh tenant, in the kit's two stages (the
//   Encounters, then the notes naming them), as batch Bundles of 200 conditional creates. Target: at most 1.5×.
//   One untimed pair first warms the engine (its first requests compile its code paths, which the kit alone would pay
//   for); then three timed pairs, each on fresh tenants, alternating which goes first (the baseline, going first,
//   sends the previous pair's resources: the same 1,000 Encounters and notes in shape and size). The ratio is the
//   median of the three pairs' ratios, the time and requests those of the median pair.
// - The fault battery: 30% of requests reset or stall and 10% of write replies are dropped after the engine committed;
//   it fails unless the engine ends with exactly 1,000 Encounters, each once, and the outbox is empty. Its time is
//   printed beside the row.
import { fhirStore, indexedDbStore, syncedStore, type Contact } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../test/helpers/fixtures.js';
import type { BenchRow } from './harness.js';

const N = 1000;
const RAW_BATCH = 200;
const PAIRS = 3;

interface Sent { readonly method: string; readonly body?: { resourceType?: string; entry?: { request: { method: string }; resource: { resourceType: string } }[] } }

export async function run(params: URLSearchParams): Promise<BenchRow[]> {
  const origin = new URL(params.get('fhir')!).origin;
  const fresh = () => {
    const tenant = `sync${Math.random().toString(36).slice(2, 8)}`;
    // The engine's validation of each write is off for these tenants (5–10 ms a resource in Medplum's validator): the
    // figure is the kit's. Every test keeps validation on.
    const control = (body: Record<string, unknown>) => fetch(`${origin}/t/${tenant}/__control`, { method: 'POST', body: JSON.stringify({ validate: false, ...body }) });
    return { tenant, baseUrl: `${origin}/t/${tenant}/fhir/R4`, control, ready: control({ faults: [] }) };
  };

  /** STR ids of the Encounters on the engine: each of `ids` exactly once, or it throws. */
  async function expectEachOnce(baseUrl: string, ids: ReadonlySet<string>) {
    const seen: string[] = [];
    for (let url: string | undefined = `${baseUrl}/Encounter?_count=1000`; url; ) {
      const bundle = (await (await fetch(url)).json()) as { entry?: { resource: { identifier: { system: string; value: string }[] } }[]; link?: { relation: string; url: string }[] };
      for (const e of bundle.entry ?? []) seen.push(e.resource.identifier.find((x) => x.system === 'urn:strkit:id')!.value);
      url = bundle.link?.find((l) => l.relation === 'next')?.url;
    }
    if (seen.length !== N || new Set(seen).size !== N || !seen.every((id) => ids.has(id))) throw new Error(`the engine holds ${seen.length} Encounters (${new Set(seen).size} distinct), not ${N} each once`);
  }

  /**
   * 1,000 contacts through syncedStore; returns the sync's time, its requests, and the Bundles it sent. With `timings`,
   * each device-store call and each request is timed by kind (where the time goes; the calls overlap, so not a sum).
   */
  async function battery(faults: boolean, timings?: Map<string, { n: number; ms: number }>) {
    const { tenant, baseUrl, control, ready } = fresh();
    await ready;
    const db = `bench-sync-${tenant}`;
    // The requests are recorded as they are and read after the timing: parsing them here would charge the kit for it.
    const raw: { method: string; body?: string }[] = [];
    const time = <R>(kind: string, p: Promise<R>): Promise<R> => {
      if (!timings) return p;
      const t0 = performance.now();
      return p.finally(() => {
        const k = timings.get(kind) ?? { n: 0, ms: 0 };
        timings.set(kind, { n: k.n + 1, ms: k.ms + performance.now() - t0 });
      });
    };
    const counting: typeof fetch = (input, init) => {
      raw.push({ method: init?.method ?? 'GET', ...(typeof init?.body === 'string' && { body: init.body }) });
      return time(`HTTP ${init?.method ?? 'GET'}`, fetch(input, init));
    };
    const remote = fhirStore({ baseUrl, timeoutMs: faults ? 300 : 30_000, attempts: 3, fetch: counting });
    await fhirStore({ baseUrl }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const device = indexedDbStore({ name: db, persist: false });
    const local = timings ? new Proxy(device, {
      get: (target, key) => {
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' && typeof key === 'string' ? (...args: unknown[]) => {
          const r = (v as (...a: unknown[]) => unknown)(...args);
          return r instanceof Promise && syncing.now ? time(`device ${key}`, r) : r; // the sync's calls only
        } : v;
      },
    }) : device;
    const syncing = { now: false };
    const s = syncedStore({ local, remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
    const ids = new Set<string>();
    for (let i = 0; i < N; i++) ids.add((await s.put('contact', validContact({ id: crypto.randomUUID(), note: `Contact ${i}` }) as Contact)).id);
    if (faults) {
      await control({ faults: [
        { kind: 'drop', rate: 0.15 }, { kind: 'stall', rate: 0.15 },
        { method: 'POST', kind: 'drop-after-commit', rate: 0.1 }, { method: 'PUT', kind: 'drop-after-commit', rate: 0.1 },
      ] });
    }
    syncing.now = true;
    const t0 = performance.now();
    let state = s.sync.state;
    for (let round = 0; round < 2000 && (round === 0 || state.unsynced > 0 || state.needsAttention.length); round++) state = await s.sync.now();
    const ms = performance.now() - t0;
    const sent: Sent[] = raw.map((r) => ({ method: r.method, ...(r.body !== undefined && { body: JSON.parse(r.body) as Sent['body'] }) }));
    await control({ faults: [] });
    s.close?.();
    await deleteDB(db);
    if (state.unsynced !== 0 || state.needsAttention.length) throw new Error(`outbox not empty: ${state.unsynced} unsynced, ${state.needsAttention.length} need attention`);
    await expectEachOnce(baseUrl, ids);
    return { ms, requests: sent.length, sent, ids };
  }

  /**
   * The baseline: the kit's created resources POSTed raw to a fresh tenant, as batch Bundles of 200 conditional creates
   * in the kit's two stages (the Encounters, then the notes naming them): the fewest requests the kit could make.
   */
  async function raw(sent: readonly Sent[], ids: ReadonlySet<string>) {
    const entries = sent.flatMap((r) => (r.body?.resourceType === 'Bundle' ? (r.body.entry ?? []).filter((e) => e.request.method === 'POST') : []));
    const notes = entries.filter((e) => e.resource.resourceType === 'DocumentReference');
    const encounters = entries.filter((e) => e.resource.resourceType === 'Encounter');
    const { baseUrl, ready } = fresh();
    await ready;
    await fhirStore({ baseUrl }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const t0 = performance.now();
    for (const group of [encounters, notes]) {
      for (let i = 0; i < group.length; i += RAW_BATCH) {
        const res = await fetch(baseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json', prefer: 'return=representation' },
          body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: group.slice(i, i + RAW_BATCH) }),
        });
        await res.json();
      }
    }
    const ms = performance.now() - t0;
    await expectEachOnce(baseUrl, ids);
    return ms;
  }

  /**
   * `npm run bench -- sync-fhir profile`: one clean run, each device-store call and request timed by kind (calls
   * overlap: the sync reads and settles while a batch is on the network), to see where the time goes. Not a ratio.
   */
  async function profile(): Promise<BenchRow> {
    const timings = new Map<string, { n: number; ms: number }>();
    const { ms, requests } = await battery(false, timings);
    const kinds = [...timings].map(([k, v]) => `${k} ×${v.n}: ${Math.round(v.ms)} ms`).join('; ');
    return { name: 'syncedStore → FHIR profile (one clean run, not paired)', baselineName: '-', items: N, candidateMs: ms, baselineMs: 1, ratio: 1, runs: 1, extra: `${requests} requests; ${kinds}` };
  }

  if (params.get('only') === 'profile') return [await profile()];
  // Warm-up, untimed: the engine's first sync and first raw batches.
  let previous = await battery(false);
  await raw(previous.sent, previous.ids);
  const pairs: { ratio: number; kit: Awaited<ReturnType<typeof battery>>; baselineMs: number }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    let kit: Awaited<ReturnType<typeof battery>>;
    let baselineMs: number;
    if (i % 2 === 0) {
      kit = await battery(false);
      baselineMs = await raw(kit.sent, kit.ids);
    } else {
      baselineMs = await raw(previous.sent, previous.ids);
      kit = await battery(false);
    }
    previous = kit;
    pairs.push({ ratio: kit.ms / baselineMs, kit, baselineMs });
  }
  const mid = [...pairs].sort((a, b) => a.ratio - b.ratio)[PAIRS >> 1]!;
  const clean = mid.kit;
  // `npm run bench -- sync-fhir clean`: the clean pairs only (the fault battery takes minutes).
  const faulty = params.get('only') === 'clean' ? undefined : await battery(true);
  const rate = Math.round((N / clean.ms) * 1000);
  const entries = clean.sent.reduce((n, r) => n + (r.body?.resourceType === 'Bundle' ? (r.body.entry?.length ?? 0) : 0), 0);
  return [{
    name: 'syncedStore → FHIR: 1,000 contacts with notes, no faults (sync only; each lands once)',
    baselineName: 'the same resources POSTed raw as batch Bundles of 200',
    items: N,
    candidateMs: clean.ms,
    baselineMs: mid.baselineMs,
    ratio: mid.ratio,
    target: 1.5,
    runs: PAIRS,
    extra: `${rate} contacts/s, ${clean.requests} requests (${entries} batch entries); pair ratios ${pairs.map((p) => `${p.ratio.toFixed(2)}×`).join(', ')}; ${faulty ? `with 30% of requests reset or stalled and 10% of write replies dropped after commit: ${(faulty.ms / 1000).toFixed(1)} s, ${faulty.requests} requests, each once` : 'fault battery not run (clean)'}`,
  }];
}
