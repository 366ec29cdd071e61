// Issue 17, phone layout: at 320 and 390 px wide the contact log never scrolls sideways, its summary and history reflow
// into labelled lists, and no word of their text is broken across two lines ("Tot al", "Octobe r"). Real Chromium, a
// real viewport (setViewport), real layout. Synthetic people only.
import { memoryStore } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $$, until } from '../../../../test/helpers/dom.js';
import { clientAs, fixtureClock } from '../../../../test/helpers/clients.js';
import { brokenWords } from '../../../../test/helpers/layout.js';
import '../define/str-contact-log.js';
import type { StrContactLog } from './contact-log.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID, enteredInErrorContact, weekOfContacts } from './contact-log.fixtures.js';
import type { Contact } from '@strkit/sdk';

/** A contact whose words are long for a phone: each must move whole to the next line, never break inside. */
const wordy: Contact = {
  ...weekOfContacts[0]!,
  id: '00000000-0000-4000-8000-000000000099',
  start: '2026-05-27T10:00:00+01:00',
  mechanism: '04', // a long MHSDS label
  locationType: 'N02',
  othersPresent: [{ kind: 'other-professional', role: 'Occupational therapist' }, { kind: 'carer' }],
  note: 'Accompanied to the occupational therapy appointment; discussed volunteering opportunities.',
};

async function seeded() {
  const store = memoryStore();
  await store.put('serviceUser', FIXTURE_PERSON);
  for (const c of [...weekOfContacts, wordy, enteredInErrorContact]) await store.put('contact', c);
  return store;
}

describe('<str-contact-log> on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('the broken-word check finds a word split in a squeezed table cell (overflow-wrap: anywhere), and none with break-word', async () => {
    const cells = (wrap: string) => html`<table style="width: 120px"><tr><td style="overflow-wrap: ${wrap}">Total October</td>
      <td style="overflow-wrap: ${wrap}">Open attended contacts</td></tr></table>`;
    expect(brokenWords(await fixture(cells('anywhere')))).to.not.deep.equal([]);
    expect(brokenWords(await fixture(cells('break-word')))).to.deep.equal([]);
  });

  for (const width of [320, 390]) {
    it(`at ${width} px: no sideways scroll, the summary is a labelled list, row markers stay inside, and no word is broken across lines`, async () => {
      await setViewport({ width, height: 844 });
      const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID}
        .client=${clientAs(await seeded(), 'str-worker', 'w1')} .clock=${fixtureClock}></str-contact-log>`);
      await el.whenLoaded();
      await until(el, () => $$(el, '.history li').length >= 6, 'the history drawn');
      // Open every row, and the entered-in-error list, so their full text is laid out too.
      // One at a time: each toggle re-renders the list, and a render sets every row's open state from the element's.
      for (const d of $$<HTMLDetailsElement>(el, 'details')) {
        d.open = true;
        await oneEvent(d, 'toggle');
        await el.updateComplete;
      }
      await until(el, () => $$(el, '.history .full').length >= 6, () => `rows opened: ${$$(el, '.history .full').length} of ${$$(el, 'details').length}`);

      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(width);
      const wider = $$(el, '*').filter((n) => n.getBoundingClientRect().right > width + 0.5).map((n) => n.outerHTML.slice(0, 80));
      expect(wider, 'elements wider than the screen').to.deep.equal([]);
      expect(brokenWords(el), 'words broken across lines').to.deep.equal([]);

      // Each row's open/close marker hangs left of its summary: the summary is inset so the marker is inside the widget.
      const left = el.getBoundingClientRect().left;
      for (const s of $$(el, '.history summary')) expect(s.getBoundingClientRect().left - left, 'room for the marker').to.be.at.least(16);

      // Each summary value keeps its label beside it, one pair per line, in reading order.
      const pairs = $$(el, '[part=summary] dl > div');
      expect(pairs.length).to.equal(3);
      for (const p of pairs) {
        const [dt, dd] = [p.querySelector('dt')!, p.querySelector('dd')!];
        expect(dt.getBoundingClientRect().bottom, `"${dt.textContent}" above its value`).to.be.at.most(dd.getBoundingClientRect().top + 1);
      }
    });
  }
});
