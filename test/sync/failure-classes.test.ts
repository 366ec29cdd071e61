// Issue 16, part 1: failures classed by cause. Whatever the network or a proxy can produce is a retryable `transport`
// (never a refusal); deadlines cover the whole reply; a 2xx reply must answer the request; `next` links are followed
// only under the base URL and never in a circle; a hung push never blocks the queue.
import { expect } from '@open-wc/testing';
import { StrError, fhirStore, indexedDbStore, isStrError, memoryStore, syncedStore, type Store } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhirBaseUrl, resetEngine } from '../fhir/engine.js';
import { proxiedBaseUrl, proxyReport, setProxyFaults, type ProxyFaultKind } from './fault-proxy.js';

const names: string[] = [];
const dbName = () => {
  const n = `classes-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
after(async () => {
  await setProxyFaults([]);
  for (const n of names) await deleteDB(n);
});

const rejection = async (p: Promise<unknown>): Promise<StrError> => {
  try {
    await p;
  } catch (e) {
    if (isStrError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
};

before(async () => {
  await resetEngine();
  await fhirStore({ baseUrl: await fhirBaseUrl() }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
});

describe('fhirStore through a misbehaving network: garbage is a retryable transport error', () => {
  const kinds: ProxyFaultKind[] = ['html', 'truncate', 'reset', 'stall', 'status-502', 'status-503', 'status-410', 'status-429', 'other', 'reorder'];
  for (const kind of kinds) {
    it(`${kind}: a search fails as a retryable transport error within the deadline, and the next try reads the record`, async () => {
      const direct = fhirStore({ baseUrl: await fhirBaseUrl() });
      const c = await direct.put('contact', validContact());
      const store = fhirStore({ baseUrl: await proxiedBaseUrl(), timeoutMs: 1_000, attempts: 1 });
      // An earlier, different search, so 'other' has a reply for another resource to give.
      await store.get('contact', crypto.randomUUID());
      await setProxyFaults([{ kind, rate: 1, max: 1 }]);
      const t0 = performance.now();
      const err = await rejection(store.get('contact', c.id));
      const ms = performance.now() - t0;
      expect((await proxyReport()).injected[kind], 'injected').to.equal(1);
      expect({ code: err.code, retryable: err.retryable }, err.message).to.deep.equal({ code: 'transport', retryable: true });
      expect(ms, 'ended by the deadline, body included').to.be.below(3_000);
      expect((await store.get('contact', c.id))?.note).to.equal(c.note);
    });
  }

  it('429 with Retry-After: the retry waits as long as the record system asked', async () => {
    const store = fhirStore({ baseUrl: await proxiedBaseUrl(), timeoutMs: 1_000, attempts: 2 });
    await setProxyFaults([{ kind: 'status-429', rate: 1, max: 1 }]);
    const c = await store.put('contact', validContact());
    const { injected, retryAfterGapsMs } = await proxyReport();
    expect(injected['status-429']).to.equal(1);
    expect(retryAfterGapsMs[0], 'Retry-After: 1').to.be.at.least(950);
    expect(c.version).to.be.a('string');
  });

  it('a 429 whose body is cut off still carries its Retry-After, so the retry waits as asked', async () => {
    // The headers said "wait 1 s"; losing the body must not lose that (else the next try goes at once).
    const cut = () => new ReadableStream({ pull: (c) => c.error(new TypeError('connection reset')) });
    const store = fhirStore({
      baseUrl: 'http://127.0.0.1:9/fhir',
      attempts: 1,
      fetch: async () => new Response(cut(), { status: 429, headers: { 'content-type': 'application/fhir+json', 'retry-after': '1' } }),
    });
    const err = await rejection(store.get('contact', crypto.randomUUID()));
    expect({ code: err.code, retryable: err.retryable, retryAfterMs: err.details.retryAfterMs }, err.message).to.deep.equal({ code: 'transport', retryable: true, retryAfterMs: 1_000 });
  });

  it('a create answered with another resource is not trusted: retried, saved once with the engine\u2019s version', async () => {
    const store = fhirStore({ baseUrl: await proxiedBaseUrl(), timeoutMs: 1_000, attempts: 1 });
    await store.put('contact', validContact({ note: 'An earlier contact' }));
    await setProxyFaults([{ kind: 'other', method: 'POST', rate: 1, max: 1 }]);
    const c = validContact();
    const err = await rejection(store.put('contact', c));
    expect((await proxyReport()).injected.other).to.equal(1);
    expect({ code: err.code, retryable: err.retryable }, err.message).to.deep.equal({ code: 'transport', retryable: true });
    const saved = await store.put('contact', c);
    const onEngine = await fhirStore({ baseUrl: await fhirBaseUrl() }).get('contact', c.id);
    expect(saved.version).to.equal(onEngine!.version);
  });
});

describe('fhirStore paging: next links', () => {
  /** A fetch that rewrites the `next` link of every search page the engine returns. */
  const rewriting = (next: (url: string) => string, seen: { url: string; token: string | null }[]) => async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), token: new Headers(init?.headers).get('authorization') });
    const res = await fetch(input, init);
    const text = await res.text();
    const body = JSON.parse(text) as { resourceType?: string; type?: string; link?: { relation: string; url: string }[] };
    if (body.resourceType === 'Bundle' && body.type === 'searchset') body.link = [...(body.link ?? []).filter((l) => l.relation !== 'next'), { relation: 'next', url: next(String(input)) }];
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };

  it('a next link pointing back to a page already read ends the walk with an error after one request', async () => {
    const seen: { url: string; token: string | null }[] = [];
    const store = fhirStore({ baseUrl: await fhirBaseUrl(), fetch: rewriting((url) => url, seen) });
    const err = await rejection(store.list('contact', { serviceUserId: PERSON_ID }));
    expect(err.code).to.equal('transport');
    expect(seen.length, 'one request').to.equal(1);
    expect(err.message).to.include('already read');
  });

  it('a same-origin next link outside the FHIR base path is refused: never requested, never given the token', async () => {
    const seen: { url: string; token: string | null }[] = [];
    const base = await fhirBaseUrl();
    const outside = `${new URL(base).origin}/t/elsewhere/fhir/R4/Encounter?page=2`;
    const store = fhirStore({ baseUrl: base, getToken: () => 'secret-token', fetch: rewriting(() => outside, seen) });
    const err = await rejection(store.list('contact', { serviceUserId: PERSON_ID }));
    expect(err.code).to.equal('transport');
    expect(seen.map((s) => s.url)).to.not.include(outside);
    expect(seen.every((s) => s.url.startsWith(`${base}/`))).to.equal(true);
  });
});

describe('syncedStore: network garbage is never a refusal, and nothing hangs', () => {
  it('a captive-portal page (HTML, 200) answering a push is retried, never flagged; the record lands once', async () => {
    const remote = fhirStore({ baseUrl: await proxiedBaseUrl(), timeoutMs: 1_000, attempts: 1 });
    const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
    const c = await s.put('contact', validContact());
    await setProxyFaults([{ kind: 'html', rate: 1, max: 1, method: 'POST' }]);
    const first = await s.sync.now();
    expect((await proxyReport()).injected.html).to.equal(1);
    expect(first.needsAttention, 'not a refusal').to.deep.equal([]);
    expect(first.unsynced).to.equal(1);
    expect((await s.sync.now()).unsynced).to.equal(0);
    expect((await fhirStore({ baseUrl: await fhirBaseUrl() }).get('contact', c.id))?.note).to.equal(c.note);
    s.close?.();
  });

  it('a push that never answers is given up after pushTimeoutMs: the run ends, a later save is sent', async function () {
    this.timeout(10_000);
    const real = memoryStore();
    let hang = true;
    const remote: Store = { ...real, name: 'hanging', put: (t, r, v) => (hang ? new Promise(() => undefined) : real.put(t, r, v)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false, pushTimeoutMs: 300, retry: { baseMs: 5, maxMs: 20 } });
    const a = await s.put('contact', validContact());
    const t0 = performance.now();
    const state = await s.sync.now();
    expect(performance.now() - t0).to.be.below(3_000);
    expect(state).to.deep.include({ syncing: false, unsynced: 1, online: false });
    hang = false;
    const b = await s.put('contact', validContact());
    expect((await s.sync.now()).unsynced).to.equal(0);
    expect((await real.get('contact', a.id))?.id).to.equal(a.id);
    expect((await real.get('contact', b.id))?.id).to.equal(b.id);
    s.close?.();
  });
});
