// The person's copy on paper (issue 23): printed to PDF by Chromium (page.pdf, A4, the element's print styles), then
// read back with pdf.js in the browser: its text holds every confirmed contact's name and number and no code, id or
// staff term; each page is drawn to an image, checked to carry ink, and kept under .tmp/pdf/ for a person to look at.
// In English and in Welsh, and with large text. Synthetic people only.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { memoryStore, pathwayClient } from '@strkit/sdk';
import { executeServerCommand } from '@web/test-runner-commands';
import * as pdfjs from 'pdfjs-dist';
import '../define/str-care-pathway.js';
import '../define/str-provider.js';
import type { StrCarePathway } from './care-pathway.js';
import { COORDINATOR, fixtureClock, pathwayClientAt, seedPathway } from './care-pathway.fixtures.js';

pdfjs.GlobalWorkerOptions.workerSrc = '/node_modules/pdfjs-dist/build/pdf.worker.min.mjs';

interface Printed {
  readonly text: string;
  readonly pages: number;
  /** The largest font size on the first page, in PDF points. */
  readonly largest: number;
  /** The share of each page's pixels that are not white. */
  readonly ink: readonly number[];
}

const base64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Prints the page, reads the PDF back, draws each page and keeps the images as `.tmp/pdf/<name>-<n>.png`. */
async function printed(name: string): Promise<Printed> {
  const pdf = Uint8Array.from(atob((await executeServerCommand<string, undefined>('print-pdf'))!), (c) => c.charCodeAt(0));
  expect(new TextDecoder().decode(pdf.subarray(0, 5))).to.equal('%PDF-');
  const doc = await pdfjs.getDocument({ data: pdf }).promise;
  const words: string[] = [];
  const ink: number[] = [];
  let largest = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      words.push(item.str);
      if (n === 1) largest = Math.max(largest, Math.hypot(item.transform[2]!, item.transform[3]!));
    }
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport }).promise;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) inked++;
    ink.push(inked / (pixels.length / 4));
    const png = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    await executeServerCommand('keep-file', { path: `pdf/${name}-${n}.png`, base64: base64(new Uint8Array(await png.arrayBuffer())) });
  }
  return { text: words.join(' ').replace(/\s+/g, ' '), pages: doc.numPages, largest, ink };
}

/** The copy on the page now: one at a time, so each print holds one copy. */
let shownBox: HTMLElement | undefined;

async function copyOf(locale: string, large = false): Promise<{ el: StrCarePathway; ids: string[] }> {
  shownBox?.remove();
  const store = memoryStore();
  const ada = await seedPathway(store);
  const cc = pathwayClientAt(store, 'care-coordinator', COORDINATOR);
  const ids = [ada, ...(await pathwayClient(cc).keyContacts.list({ serviceUserId: ada })).items.map((c) => c.id)];
  const box = await fixture<HTMLElement>(html`<str-provider locale=${locale}><div></div></str-provider>`);
  shownBox = box;
  const el = document.createElement('str-care-pathway');
  el.clock = fixtureClock;
  el.client = cc;
  el.serviceUserId = ada;
  el.view = 'person';
  box.querySelector('div')!.append(el);
  await el.whenLoaded();
  const heading = locale === 'cy' ? 'Fy ngofal a’m cymorth' : 'My care and support';
  await waitUntil(() => el.shadowRoot!.querySelector('#copy-heading')?.textContent === heading, 'the copy is drawn in its language', { timeout: 5000 });
  if (large) {
    el.shadowRoot!.querySelector<HTMLInputElement>('#copy-large')!.click();
    await el.updateComplete;
  }
  return { el, ids };
}

/** What the person's copy must never carry: ids, the NHS number, codes and staff terms. */
function expectNoCodes(text: string, ids: readonly string[]) {
  for (const id of ids) expect(text, 'no record id').to.not.include(id);
  expect(text).to.not.match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
  for (const code of ['9990000018', '999 000 0018', 'urn:', 'str-worker', 'care-coordinator', 'STR', 'Personal', 'key-contact', 'Suggested', 'Confirm', 'Print', 'Large text']) {
    expect(text, `no ${code}`).to.not.include(code);
  }
}

describe('<str-care-pathway>: the person’s copy printed to PDF', function () {
  this.timeout(60_000);

  it('in English: every confirmed contact’s name and number, the crisis plan, no code or id, on A4 pages that carry ink', async () => {
    const { ids } = await copyOf('en-GB');
    const pdf = await printed('care-pathway-copy-en');
    for (const words of [
      'My care and support', 'For Ada Testperson', 'Who is helping me, and how to reach them',
      'Kit Coordinator', 'Care co-ordinator', 'Wren Worker', 'Support worker',
      'Dr Rowan Testdoctor', '01632 960001', 'Sam Testofficer', '01632 960123', 'sam.testofficer@northtown-housing.example', 'Jo Testsister', '07700 900123',
      'If things get harder', 'Sleeping less than four hours', 'Ring Wren and plan a walk together', 'Crisis team', '01632 960999',
      'If you are in danger now, ring 999.', 'Northtown Talking Therapies',
    ]) expect(pdf.text, words).to.include(words);
    expect(pdf.text, 'a suggestion not yet confirmed is not the person’s to rely on').to.not.include('Lee Testvolunteer');
    expect(pdf.text, 'a referral to this team is not a service the person waits for').to.not.include('Riverside Surgery — I am being seen');
    expect(pdf.text).to.not.include('01632 960555');
    expectNoCodes(pdf.text, ids);
    for (const share of pdf.ink) expect(share, 'each page carries ink, and is not all ink').to.be.within(0.002, 0.5);
  });

  it('in Welsh, and with large text: the same contacts, larger on the page', async () => {
    const { ids } = await copyOf('cy');
    const welsh = await printed('care-pathway-copy-cy');
    for (const words of ['Fy ngofal a’m cymorth', 'Pwy sy’n fy helpu, a sut i gysylltu â nhw', 'Os bydd pethau’n mynd yn anoddach', 'Jo Testsister', '07700 900123', 'Os ydych chi mewn perygl nawr, ffoniwch 999.']) {
      expect(welsh.text, words).to.include(words);
    }
    expectNoCodes(welsh.text, ids);
    const { ids: largeIds } = await copyOf('en-GB', true);
    const large = await printed('care-pathway-copy-large');
    expect(large.text).to.include('07700 900123');
    expectNoCodes(large.text, largeIds);
    await copyOf('en-GB');
    const normal = await printed('care-pathway-copy-normal');
    expect(large.largest / normal.largest, 'large text is 1.5 times as large').to.be.within(1.4, 1.6);
    expect(large.pages).to.be.at.least(normal.pages);
  });
});
