// Offline first, issues 9 and 16: 1,000 contacts (each with a note) written through syncedStore (IndexedDB + outbox)
// and synced to the FHIR engine on loopback.
// - Throughput, no faults: the sync alone is timed (the writes to the device are not), printed as contacts/s with the
//   number of HTTP requests. Baseline, same run: the same resources (the Encounters and notes the kit sent, read from
//   its own requests after the timing) POSTed raw with plain fetch to a fresh tenant, in the kit's two stages (the
//   Encounters, then the notes naming them), as batch Bundles of 200 conditional creates. Target: at most 1.5×.
// - The fault battery: 30% of requests reset or stall and 10% of write replies are dropped after the engine committed;
//   it fails unless the engine ends with exactly 1,000 Encounters, each once, and the outbox is empty. Its time is
//   printed beside the row.
import { fhirStore, indexedDbStore, syncedStore, type Contact } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../test/helpers/fixtures.js';
import type { BenchRow } from './harness.js';

const N = 1000;
const RAW_BATCH = 200;

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

  /** 1,000 contacts through syncedStore; returns the sync's time, its requests, and the Bundles it sent. */
  async function battery(faults: boolean) {
    const { tenant, baseUrl, control, ready } = fresh();
    await ready;
    const db = `bench-sync-${tenant}`;
    // The requests are recorded as they are and read after the timing: parsing them here would charge the kit for it.
    const raw: { method: string; body?: string }[] = [];
    const counting: typeof fetch = (input, init) => {
      raw.push({ method: init?.method ?? 'GET', ...(typeof init?.body === 'string' && { body: init.body }) });
      return fetch(input, init);
    };
    const remote = fhirStore({ baseUrl, timeoutMs: faults ? 300 : 30_000, attempts: 3, fetch: counting });
    await fhirStore({ baseUrl }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const s = syncedStore({ local: indexedDbStore({ name: db, persist: false }), remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
    const ids = new Set<string>();
    for (let i = 0; i < N; i++) ids.add((await s.put('contact', validContact({ id: crypto.randomUUID(), note: `Contact ${i}` }) as Contact)).id);
    if (faults) {
      await control({ faults: [
        { kind: 'drop', rate: 0.15 }, { kind: 'stall', rate: 0.15 },
        { method: 'POST', kind: 'drop-after-commit', rate: 0.1 }, { method: 'PUT', kind: 'drop-after-commit', rate: 0.1 },
      ] });
    }
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

  const clean = await battery(false);
  const baselineMs = await raw(clean.sent, clean.ids);
  // `npm run bench -- sync-fhir clean`: the clean run and its baseline only (the fault battery takes minutes).
  const faulty = params.get('only') === 'clean' ? undefined : await battery(true);
  const rate = Math.round((N / clean.ms) * 1000);
  const entries = clean.sent.reduce((n, r) => n + (r.body?.resourceType === 'Bundle' ? (r.body.entry?.length ?? 0) : 0), 0);
  return [{
    name: 'syncedStore → FHIR: 1,000 contacts with notes, no faults (sync only; each lands once)',
    baselineName: 'the same resources POSTed raw as batch Bundles of 200',
    items: N,
    candidateMs: clean.ms,
    baselineMs,
    ratio: clean.ms / baselineMs,
    target: 1.5,
    runs: 1,
    extra: `${rate} contacts/s, ${clean.requests} requests (${entries} batch entries); ${faulty ? `with 30% of requests reset or stalled and 10% of write replies dropped after commit: ${(faulty.ms / 1000).toFixed(1)} s, ${faulty.requests} requests, each once` : 'fault battery not run (clean)'}`,
  }];
}
