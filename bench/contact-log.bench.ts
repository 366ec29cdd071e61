// <str-contact-log>: 10,000 contacts set on the element → first frame with rows on screen, against a bare
// @lit-labs/virtualizer list of the same rows in the same run, doing the sort the element needs (newest first); the
// element's own work before the first row (its updates, timed by wrapping performUpdate) and the JS heap each adds.
import { LitElement, html } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { createClient, formatNhsDate, indexedDbStore, londonTime, memoryDrafts, type Contact } from '@strkit/sdk';
import { StrContactLog } from '../packages/components/src/contact-log/contact-log.js';
import '../packages/components/src/define/str-contact-log.js';
import { FIXTURE_PERSON } from '../packages/components/src/contact-log/contact-log.fixtures.js';
import { heapPaired, median, nodeCount, paired, type BenchRow } from './harness.js';

const N = 10_000;
const made: Contact[] = Array.from({ length: N }, (_, i) => ({
  id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
  version: '1', schemaVersion: 1,
  createdAt: '2026-06-05T15:00:00Z', createdBy: 'bench', updatedAt: '2026-06-05T15:00:00Z', updatedBy: 'bench',
  serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182', workerId: 'bench',
  start: new Date(Date.parse('2026-06-05T08:00:00Z') - i * 3 * 3_600_000).toISOString(),
  durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', planned: true, othersPresent: [], taskIds: [],
  note: `Contact number ${i + 1}: walked to the shops and talked about the week.`,
}));
// In the order a store might hand them back (not already sorted), shuffled the same way every run.
let seed = 18;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const contacts = made.map((c) => ({ c, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.c);

/** The order the element shows: newest first, then by id (what a bare list must do too to show the same rows). */
function newestFirst(items: readonly Contact[]): Contact[] {
  const keyed = items.map((c) => ({ c, t: Date.parse(c.start) }));
  keyed.sort((a, b) => b.t - a.t || (a.c.id < b.c.id ? 1 : -1));
  return keyed.map((k) => k.c);
}

class BareList extends LitElement {
  static override properties = { items: { attribute: false } };
  items: Contact[] = [];
  override createRenderRoot() {
    return this;
  }
  override render() {
    return html`<div style="height:60vh;overflow:auto;display:block" role="list">
      ${virtualize({
        items: newestFirst(this.items),
        scroller: true,
        keyFunction: (c: Contact) => c.id,
        renderItem: (c: Contact) => html`<div role="listitem"><span>${formatNhsDate(Date.parse(c.start))}, ${londonTime(Date.parse(c.start))} · ${c.durationMinutes} minutes</span> <span>${c.note}</span></div>`,
      })}
    </div>`;
  }
}
customElements.define('bench-bare-list', BareList);

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
/**
 * Waits for the first frame with rows. The list is first scrolled into view (the element's summary and filters put it
 * below the fold of the bench page, and a virtualizer draws only rows near the viewport); the bare list gets the same.
 */
async function rowsOnScreen(root: ParentNode) {
  await (root as { host?: { updateComplete?: Promise<unknown> } }).host?.updateComplete;
  (root.querySelector('[role=list]') ?? root.querySelector('.virtual'))?.scrollIntoView();
  for (let i = 0; !root.querySelector('[role=listitem]'); i++) {
    if (i > 600) throw new Error(`no rows after 600 frames: ${(root as Element).textContent?.slice(0, 300) ?? ''}`);
    await frame();
  }
  await frame();
}

let host: HTMLElement;
const clock = { now: () => new Date('2026-06-05T16:00:00Z') };

/** Time the element spends in its own updates (render and commit) from being added until its first row is on screen. */
let ownMs = 0;
let counting = false;
const proto = StrContactLog.prototype as unknown as { performUpdate(): void };
const performUpdate = proto.performUpdate;
proto.performUpdate = function (this: unknown) {
  const t0 = performance.now();
  try {
    performUpdate.call(this);
  } finally {
    if (counting) ownMs += performance.now() - t0;
  }
};
const own: number[] = [];

function mountLog(parent: HTMLElement): StrContactLog {
  const el = document.createElement('str-contact-log');
  el.readonly = true;
  el.clock = clock;
  el.contacts = contacts;
  el.serviceUserId = contacts[0]!.serviceUserId; // no person chosen draws no contacts
  parent.append(el);
  return el;
}

export async function run(): Promise<BenchRow[]> {
  const row = await paired({
    name: '<str-contact-log>: 10,000 contacts → first frame with rows',
    baselineName: 'bare @lit-labs/virtualizer list of the same rows',
    items: N,
    runs: 15,
    warmup: 2,
    setup: () => {
      window.scrollTo(0, 0);
      host = document.createElement('div');
      document.body.append(host);
    },
    teardown: () => host.remove(),
    candidate: async () => {
      ownMs = 0;
      counting = true;
      const el = mountLog(host);
      await rowsOnScreen(el.shadowRoot!);
      counting = false;
      own.push(ownMs);
    },
    baseline: async () => {
      const el = document.createElement('bench-bare-list') as BareList;
      el.items = contacts;
      host.append(el);
      await rowsOnScreen(el);
    },
    target: 1.25,
  });

  // Heap each adds with 10,000 contacts on screen (the contacts themselves already in memory), after a settled second.
  const settle = () => new Promise((r) => setTimeout(r, 1000));
  const heap = await heapPaired(
    async () => {
      const el = mountLog(document.body);
      await rowsOnScreen(el.shadowRoot!);
      await settle();
      return () => el.remove();
    },
    async () => {
      const el = document.createElement('bench-bare-list') as BareList;
      el.items = contacts;
      document.body.append(el);
      await rowsOnScreen(el);
      await settle();
      return () => el.remove();
    },
  );
  const nodesEl = mountLog(document.body);
  await rowsOnScreen(nodesEl.shadowRoot!);
  const bare = document.createElement('bench-bare-list') as BareList;
  bare.items = contacts;
  document.body.append(bare);
  await rowsOnScreen(bare);
  const nodes = `DOM nodes ${nodeCount(nodesEl.shadowRoot!).toLocaleString('en-GB')} vs bare ${nodeCount(bare).toLocaleString('en-GB')}`;
  nodesEl.remove();
  bare.remove();
  const ownMedian = median(own.slice(2));
  // Save → stored in IndexedDB → history updated, through the widget, against the SDK doing the same store and list.
  const store = indexedDbStore({ name: `bench-save-${Date.now()}`, persist: false });
  const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'bench', role: 'str-worker' }, clock });
  const person = FIXTURE_PERSON.id;
  await store.put('serviceUser', FIXTURE_PERSON); // a person the store does not know is refused (issue 15)
  const log = document.createElement('str-contact-log') as StrContactLog;
  log.clock = clock;
  log.client = client;
  log.setAttribute('service-user-id', person);
  document.body.append(log);
  await log.updateComplete;
  let n = 0;
  const set = (sel: string, value: string) => {
    const input = log.shadowRoot!.querySelector<HTMLInputElement>(sel)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const save = await paired({
    name: '<str-contact-log>: save a contact → in IndexedDB → history updated',
    baselineName: 'SDK only: contacts.create + contacts.list',
    items: 1,
    runs: 15,
    warmup: 2,
    candidate: async () => {
      const note = `Saved through the form ${++n}`;
      set('#duration-custom', '30');
      log.shadowRoot!.querySelector<HTMLInputElement>('#mechanism-01')!.click();
      log.shadowRoot!.querySelector<HTMLInputElement>('#location-A01')!.click();
      set('#note', note);
      await log.updateComplete;
      log.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      for (let i = 0; !log.shadowRoot!.querySelector('[part=history]')?.textContent?.includes(note); i++) {
        if (i > 600) throw new Error(`the saved contact never showed: ${log.shadowRoot!.querySelector('[role=alert], .error-summary')?.textContent ?? ''}`);
        await frame();
      }
    },
    baseline: async () => {
      await client.contacts.create({ serviceUserId: person, start: '2026-06-05T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: `SDK ${++n}` });
      await client.contacts.list({ serviceUserId: person, limit: 10_000 });
    },
  });
  log.remove();
  store.close();

  return [
    { ...row, extra: `element's own work before the first row (its updates) ${ownMedian.toFixed(1)} ms median (target ≤ 10 ms: ${ownMedian <= 10 ? 'met' : 'MISSED'}); ${nodes}` },
    save,
    {
      name: '<str-contact-log>: JS heap added with 10,000 contacts (median of 7, alternated)',
      items: 0,
      candidateMs: heap.candidate.mib,
      baselineMs: heap.baseline.mib,
      baselineName: 'bare virtualizer with the sort (heap in MiB, not ms)',
      ratio: heap.ratio,
      target: 1.5,
      runs: 7,
      extra: `element ${heap.candidate.text}, bare virtualizer ${heap.baseline.text}`,
    },
  ];
}
