// Issue 17: one load state and one whenLoaded() in every connected widget. While the store has not answered, a widget
// says it is loading, never "none yet"; a failed load says so and nothing else; whenLoaded() resolves with the
// answer drawn. Synthetic people only.
import { StrError, memoryStore, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { fixtureClock, clientAs } from '../../../../test/helpers/clients.js';
import '../define/str-care-plan.js';
import '../define/str-contact-log.js';
import '../define/str-relapse-signs.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from '../contact-log/contact-log.fixtures.js';

type Connected = LitElement & { client?: StrClient; whenLoaded(): Promise<void> };

const WIDGETS = [
  { tag: 'str-contact-log', loading: 'Loading the contacts', empty: 'No contacts logged yet', failed: 'The contacts could not be loaded' },
  { tag: 'str-care-plan', loading: 'Loading the care plan', empty: 'No care plan has been started', failed: 'The care plan could not be loaded' },
  { tag: 'str-relapse-signs', loading: 'Loading the warning signs', empty: 'There is no warning-sign plan', failed: 'The warning-sign plan could not be loaded' },
] as const;

/** The store, with every list held until `release` (the store has not answered yet). */
function held(store: Store) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slow: Store = { ...store, name: store.name, durability: store.durability, list: async (type, q) => (await gate, store.list(type, q)) };
  return { store: slow, release };
}

/** The store, with every list failing as a lost connection does. */
const unreachable = (store: Store): Store => ({ ...store, name: store.name, durability: store.durability, list: () => Promise.reject(new StrError('transport', 'offline', true)) });

async function place(tag: string, client: StrClient): Promise<Connected> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag) as Connected & { clock: unknown };
  el.setAttribute('service-user-id', FIXTURE_PERSON_ID);
  el.clock = fixtureClock;
  el.client = client;
  host.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('one load state in every widget', () => {
  for (const w of WIDGETS) {
    it(`<${w.tag}>: says it is loading, never "${w.empty}", until the store answers; whenLoaded() resolves with the answer drawn`, async () => {
      const store = memoryStore();
      await store.put('serviceUser', FIXTURE_PERSON);
      const { store: slow, release } = held(store);
      const el = await place(w.tag, clientAs(slow, 'care-coordinator'));
      for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r));
      expect(text(el)).to.include(w.loading);
      expect(text(el)).not.to.include(w.empty);
      release();
      await el.whenLoaded();
      expect(text(el)).to.include(w.empty);
      expect(text(el)).not.to.include(w.loading);
    });

    it(`<${w.tag}>: a failed load says so, and never "${w.empty}"`, async () => {
      const store = memoryStore();
      await store.put('serviceUser', FIXTURE_PERSON);
      const el = await place(w.tag, clientAs(unreachable(store), 'care-coordinator'));
      await el.whenLoaded();
      expect(text(el)).to.include(w.failed);
      expect(text(el)).not.to.include(w.empty);
      expect(text(el)).not.to.include(w.loading);
    });
  }
});
