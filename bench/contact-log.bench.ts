// <str-contact-log>: 10,000 contacts set on the element → first frame with rows on screen, against a bare
// @lit-labs/virtualizer list of the same rows in the same run; and the JS heap the element adds.
import { LitElement, html } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { createClient, formatNhsDate, indexedDbStore, londonTime, memoryDrafts, type Contact } from '@strkit/sdk';
import type { StrContactLog } from '../packages/components/src/contact-log/contact-log.js';
import '../packages/components/src/define/str-contact-log.js';
import { paired, type BenchRow } from './harness.js';

const N = 10_000;
const contacts: Contact[] = Array.from({ length: N }, (_, i) => ({
  id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
  version: '1', schemaVersion: 1,
  createdAt: '2026-06-05T15:00:00Z', createdBy: 'bench', updatedAt: '2026-06-05T15:00:00Z', updatedBy: 'bench',
  serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182', workerId: 'bench',
  start: new Date(Date.parse('2026-06-05T08:00:00Z') - i * 3 * 3_600_000).toISOString(),
  durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', planned: true, othersPresent: [], taskIds: [],
  note: `Contact number ${i + 1}: walked to the shops and talked about the week.`,
}));

class BareList extends LitElement {
  static override properties = { items: { attribute: false } };
  items: Contact[] = [];
  override createRenderRoot() {
    return this;
  }
  override render() {
    return html`<div style="height:60vh;overflow:auto;display:block" role="list">
      ${virtualize({
        items: this.items,
        scroller: true,
        keyFunction: (c: Contact) => c.id,
        renderItem: (c: Contact) => html`<div role="listitem"><span>${formatNhsDate(Date.parse(c.start))}, ${londonTime(Date.parse(c.start))} · ${c.durationMinutes} minutes</span> <span>${c.note}</span></div>`,
      })}
    </div>`;
  }
}
customElements.define('bench-bare-list', BareList);

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
async function rowsOnScreen(root: ParentNode) {
  while (!root.querySelector('[role=listitem]')) await frame();
  await frame();
}

let host: HTMLElement;
const clock = { now: () => new Date('2026-06-05T16:00:00Z') };

export async function run(): Promise<BenchRow[]> {
  const row = await paired({
    name: '<str-contact-log>: 10,000 contacts → first frame with rows',
    baselineName: 'bare @lit-labs/virtualizer list of the same rows',
    items: N,
    runs: 15,
    warmup: 2,
    setup: () => {
      host = document.createElement('div');
      document.body.append(host);
    },
    teardown: () => host.remove(),
    candidate: async () => {
      const el = document.createElement('str-contact-log');
      el.readonly = true;
      el.clock = clock;
      el.contacts = contacts;
      host.append(el);
      await rowsOnScreen(el.shadowRoot!);
    },
    baseline: async () => {
      const el = document.createElement('bench-bare-list') as BareList;
      el.items = contacts;
      host.append(el);
      await rowsOnScreen(el);
    },
    target: 1.25,
  });

  // Heap the element adds with 10,000 contacts on screen (contacts themselves already in memory).
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  const added: number[] = [];
  for (let i = 0; i < 7; i++) {
    gc?.();
    const before = heap();
    const el = document.createElement('str-contact-log');
    el.readonly = true;
    el.clock = clock;
    el.contacts = contacts;
    document.body.append(el);
    await rowsOnScreen(el.shadowRoot!);
    gc?.();
    added.push(heap() - before);
    el.remove();
  }
  // The largest sample: usedJSHeapSize deltas are noisy even with gc(), so report the conservative figure.
  const mib = Math.max(...added) / 1024 / 1024;
  // Save → stored in IndexedDB → history updated, through the widget, against the SDK doing the same store and list.
  const store = indexedDbStore({ name: `bench-save-${Date.now()}`, persist: false });
  const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'bench', role: 'str-worker' }, clock });
  const person = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
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
      while (!log.shadowRoot!.querySelector('[part=history]')?.textContent?.includes(note)) await frame();
    },
    baseline: async () => {
      await client.contacts.create({ serviceUserId: person, start: '2026-06-05T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: `SDK ${++n}` });
      await client.contacts.list({ serviceUserId: person, limit: 10_000 });
    },
  });
  log.remove();
  store.close();

  return [
    row,
    save,
    {
      name: '<str-contact-log>: JS heap added with 10,000 contacts (largest of 7)',
      items: 0,
      candidateMs: mib,
      baselineMs: 3,
      baselineName: 'target 3 MiB (heap in MiB, not ms)',
      ratio: mib / 3,
      target: 1,
      runs: 7,
      extra: `${gc ? 'gc() between samples' : 'no gc(): noisy'}; samples MiB ${added.map((a) => (a / 1048576).toFixed(2)).join(', ')}`,
    },
  ];
}
