// FHIR store: 1,000 contacts written to the loopback engine and read back, against raw fetch of the same resources
// (plain POSTs and a paged search: no conditional create, no note linking, no mapping back) in the same run. Target
// (issue 13): no worse than the 1.72× measured when the row was added.
import { contactToEncounter, fhirStore, namespaceFrom, noteToDocumentReference, type Contact } from '@strkit/sdk';
import { digest } from '../packages/sdk/src/adapters/fhir/map-common.js';
import { PERSON_ID, validContact } from '../test/helpers/fixtures.js';
import { paired, type BenchRow } from './harness.js';

const N = 1000;
const CONCURRENCY = 8;
const PERSON = PERSON_ID;

async function inBatches<T>(items: readonly T[], fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(fn));
}

const contacts = (): Contact[] =>
  Array.from({ length: N }, (_, i) =>
    validContact({
      id: crypto.randomUUID(),
      version: 'new',
      createdBy: 'bench-worker',
      updatedBy: 'bench-worker',
      serviceUserId: PERSON,
      workerId: 'bench-worker',
      start: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      note: `Met at home and walked to the shops (${i}).`,
    }),
  );

export async function run(params: URLSearchParams): Promise<BenchRow[]> {
  const engine = params.get('fhir')!;
  const origin = new URL(engine).origin;
  const tenantBase = (t: string) => `${origin}/t/${t}/fhir/R4`;
  let tenant = '';
  let data: Contact[] = [];
  let patientReference = '';
  const ns = namespaceFrom();

  const setup = async () => {
    tenant = `bench${Math.random().toString(36).slice(2, 8)}`;
    const store = fhirStore({ baseUrl: tenantBase(tenant) });
    const now = new Date().toISOString();
    await store.put('serviceUser', { id: PERSON, version: 'new', schemaVersion: 1, createdAt: now, createdBy: 'bench', updatedAt: now, updatedBy: 'bench', displayName: 'Bench Person' });
    const res = await fetch(`${tenantBase(tenant)}/Patient?identifier=urn:strkit:id|${PERSON}`);
    patientReference = `Patient/${((await res.json()) as { entry: { resource: { id: string } }[] }).entry[0]!.resource.id}`;
    data = contacts();
  };
  const teardown = async () => {
    await fetch(`${origin}/t/${tenant}/__reset`, { method: 'POST' });
  };

  if (params.get('only') === 'profile') return [await profile(() => tenantBase(tenant), setup, teardown, () => data)];
  const row = await paired({
    name: 'fhirStore: write 1,000 contacts, then list them back',
    baselineName: 'raw fetch: POST Encounter + DocumentReference, paged search',
    items: N,
    target: 1.72,
    runs: 15,
    warmup: 1,
    setup,
    teardown,
    candidate: async () => {
      const store = fhirStore({ baseUrl: tenantBase(tenant) });
      await inBatches(data, (c) => store.put('contact', c));
      let seen = 0;
      let cursor: string | undefined;
      do {
        const page = await store.list('contact', { serviceUserId: PERSON, limit: 500, ...(cursor && { cursor }) });
        seen += page.items.length;
        cursor = page.next;
      } while (cursor);
      if (seen !== N) throw new Error(`listed ${seen}`);
    },
    baseline: async () => {
      const base = tenantBase(tenant);
      const post = (r: unknown, type: string) =>
        fetch(`${base}/${type}`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(r) }).then((x) => x.json());
      await inBatches(data, async (c) => {
        const d = digest(c.note);
        await post(noteToDocumentReference(c, { patientReference }, d, ns), 'DocumentReference');
        await post(contactToEncounter(c, { patientReference }, d, ns), 'Encounter');
      });
      let seen = 0;
      let next: string | undefined = `${base}/Encounter?subject=${patientReference}&_count=200`;
      while (next) {
        const bundle = (await (await fetch(next)).json()) as { entry?: unknown[]; link?: { relation: string; url: string }[] };
        seen += bundle.entry?.length ?? 0;
        next = bundle.link?.find((l) => l.relation === 'next')?.url;
      }
      if (seen !== N) throw new Error(`raw listed ${seen}`);
    },
  });
  return [row];
}

/**
 * `npm run bench -- fhir profile`: one candidate run through a fetch that times each request by kind, to see where
 * the time goes (writes, the Encounter search, the notes) before changing anything. Not a paired figure.
 */
async function profile(baseUrl: () => string, setup: () => Promise<void>, teardown: () => Promise<void>, data: () => Contact[]): Promise<BenchRow> {
  await setup();
  const byKind = new Map<string, { n: number; ms: number }>();
  const timing: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const kind = `${init?.method ?? 'GET'} ${url.pathname.replace(/^.*\/fhir\/R4\/?/, '').split('/')[0] || '(base)'}${url.search ? `?${[...url.searchParams.keys()].filter((k) => !k.startsWith('_')).join('&')}` : ''}`;
    const t0 = performance.now();
    const res = await fetch(input, init);
    await res.clone().text(); // until the whole body is in
    const k = byKind.get(kind) ?? { n: 0, ms: 0 };
    byKind.set(kind, { n: k.n + 1, ms: k.ms + performance.now() - t0 });
    return res;
  };
  const store = fhirStore({ baseUrl: baseUrl(), fetch: timing });
  const t0 = performance.now();
  await inBatches(data(), (c) => store.put('contact', c));
  const written = performance.now() - t0;
  let seen = 0;
  let cursor: string | undefined;
  const t1 = performance.now();
  do {
    const page = await store.list('contact', { serviceUserId: PERSON, limit: 500, ...(cursor && { cursor }) });
    seen += page.items.length;
    cursor = page.next;
  } while (cursor);
  const listed = performance.now() - t1;
  await teardown();
  const kinds = [...byKind].map(([k, v]) => `${k}: ${v.n} in ${Math.round(v.ms)} ms`).join('; ');
  return { name: 'fhirStore profile (one run, not paired)', baselineName: '-', items: N, candidateMs: written + listed, baselineMs: 1, ratio: 1, runs: 1, extra: `write ${Math.round(written)} ms, list ${Math.round(listed)} ms (${seen} read); ${kinds}` };
}
