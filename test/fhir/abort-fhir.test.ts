// Issue 14: a read whose `Query.signal` aborts cancels its FHIR requests in the browser (the `fetch` itself), rejects
// with `aborted` and is never retried. Runs against the real FHIR engine over HTTP; the engine holds the search
// unanswered ('stall') so the request is still open when the signal aborts. Synthetic data only.
import { createClient, fhirStore, isStrError } from '@strkit/sdk';
import { expect } from '@open-wc/testing';
import { PERSON_ID, validServiceUser } from '../helpers/fixtures.js';
import { fhirBaseUrl, injectFaults, resetEngine } from './engine.js';

interface Sent {
  readonly url: string;
  state: 'open' | 'answered' | 'aborted' | 'failed';
}

/** The browser's fetch, recording each request and how it ended: `aborted` only when the browser cancelled it. */
function countingFetch(): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const s: Sent = { url: String(input), state: 'open' };
    sent.push(s);
    return fetch(input, init).then(
      (r) => ((s.state = 'answered'), r),
      (e: unknown) => {
        s.state = (e as { name?: string })?.name === 'AbortError' ? 'aborted' : 'failed';
        throw e;
      },
    );
  };
  return { fetch: wrapped, sent };
}

const until = async (what: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function arrange() {
  await resetEngine();
  const counting = countingFetch();
  // A long deadline: only the caller's signal can end the stalled request within the test.
  const store = fhirStore({ baseUrl: await fhirBaseUrl(), fetch: counting.fetch, timeoutMs: 20_000 });
  await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
  const client = createClient({ store, actor: { id: 'w1', role: 'str-worker' }, clock: { now: () => new Date('2026-06-05T16:00:00Z') } });
  await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 20, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Synthetic' });
  await injectFaults([{ method: 'GET', type: 'Encounter', kind: 'stall', times: 1 }]);
  const start = counting.sent.length;
  // Only the requests of the read under test.
  return { store, client, sent: () => counting.sent.slice(start) };
}

const encounterSearches = (sent: readonly Sent[]) => sent.filter((s) => new URL(s.url).pathname.endsWith('/Encounter'));

describe('fhirStore: an aborted read cancels its requests', () => {
  it('aborting Query.signal cancels the open fetch, rejects with aborted and does not retry', async function () {
    this.timeout(30_000);
    const { store, sent } = await arrange();
    const ac = new AbortController();
    const listing = store.list('contact', { serviceUserId: PERSON_ID, signal: ac.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await until(() => encounterSearches(sent()).some((s) => s.state === 'open'));
    ac.abort();
    const error = await listing;
    expect(isStrError(error, 'aborted'), String(error)).to.equal(true);
    await until(() => sent().every((s) => s.state !== 'open'), 2_000);
    expect(encounterSearches(sent()).map((s) => s.state)).to.deep.equal(['aborted']);
    // Not retried: no further search goes out after the abort.
    await new Promise((r) => setTimeout(r, 300));
    expect(encounterSearches(sent())).to.have.length(1);
  });

  it('a client list aborted by its signal leaves no request open', async function () {
    this.timeout(30_000);
    const { client, sent } = await arrange();
    const ac = new AbortController();
    const listing = client.contacts.list({ serviceUserId: PERSON_ID, signal: ac.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await until(() => encounterSearches(sent()).some((s) => s.state === 'open'));
    ac.abort();
    expect(isStrError(await listing, 'aborted')).to.equal(true);
    await until(() => sent().every((s) => s.state !== 'open'), 2_000);
    expect(sent().filter((s) => s.state === 'aborted')).to.have.length(1);
  });
});
