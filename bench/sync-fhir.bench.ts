// Offline first, the battery of issue 9: 1,000 contacts written through syncedStore (IndexedDB + outbox) to the FHIR
// engine while 30% of requests reset or stall and 10% of write replies are dropped after the engine committed. It
// fails unless the engine ends with exactly 1,000 Encounters, each once, and the outbox is empty. Baseline: the same
// 1,000 with no faults, in the same run.
import { fhirStore, indexedDbStore, syncedStore, type Contact } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../test/helpers/fixtures.js';
import { paired, type BenchRow } from './harness.js';

const N = 1000;

export async function run(params: URLSearchParams): Promise<BenchRow[]> {
  const origin = new URL(params.get('fhir')!).origin;
  let tenant = '';
  let db = '';
  const control = (body: unknown) => fetch(`${origin}/t/${tenant}/__control`, { method: 'POST', body: JSON.stringify(body) });

  async function battery(faults: boolean) {
    tenant = `sync${Math.random().toString(36).slice(2, 8)}`;
    db = `bench-sync-${tenant}`;
    const baseUrl = `${origin}/t/${tenant}/fhir/R4`;
    const remote = fhirStore({ baseUrl, timeoutMs: 300, attempts: 3 });
    await remote.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    if (faults) {
      await control({ faults: [
        { kind: 'drop', rate: 0.15 }, { kind: 'stall', rate: 0.15 },
        { method: 'POST', kind: 'drop-after-commit', rate: 0.1 }, { method: 'PUT', kind: 'drop-after-commit', rate: 0.1 },
      ] });
    }
    const s = syncedStore({ local: indexedDbStore({ name: db, persist: false }), remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
    const ids = new Set<string>();
    for (let i = 0; i < N; i++) ids.add((await s.put('contact', validContact({ id: crypto.randomUUID(), note: `Contact ${i}` }) as Contact)).id);
    let state = s.sync.state;
    for (let round = 0; round < 2000 && (state.unsynced > 0 || state.needsAttention.length); round++) state = await s.sync.now();
    await control({ faults: [] });
    s.close?.();
    await deleteDB(db);
    if (state.unsynced !== 0 || state.needsAttention.length) throw new Error(`outbox not empty: ${state.unsynced} unsynced, ${state.needsAttention.length} need attention`);
    const seen: string[] = [];
    for (let url: string | undefined = `${baseUrl}/Encounter?_count=1000`; url; ) {
      const bundle = (await (await fetch(url)).json()) as { entry?: { resource: { identifier: { system: string; value: string }[] } }[]; link?: { relation: string; url: string }[] };
      for (const e of bundle.entry ?? []) seen.push(e.resource.identifier.find((x) => x.system === 'urn:strkit:id')!.value);
      url = bundle.link?.find((l) => l.relation === 'next')?.url;
    }
    if (seen.length !== N || new Set(seen).size !== N || !seen.every((id) => ids.has(id))) throw new Error(`the engine holds ${seen.length} Encounters (${new Set(seen).size} distinct), not ${N} each once`);
  }

  const row = await paired({
    name: 'syncedStore → FHIR: 1,000 contacts, 30% of requests reset or stalled, 10% of write replies dropped after commit; each lands once',
    baselineName: 'the same 1,000 with no faults',
    items: N,
    runs: 1,
    warmup: 0,
    candidate: () => battery(true),
    baseline: () => battery(false),
  });
  return [row];
}
