// <str-sync-status> in Welsh and in the pseudo-locale (issue 20): every word from its catalogue, Welsh plural forms,
// Welsh dates, axe with lang="cy", layout at 390 px with 40% longer words, and a locale switch that keeps what is open.
import { StrError, createClient, indexedDbStore, memoryStore, syncedStore, type Clock, type Store, type SyncedStore } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { until } from '../../../../test/helpers/dom.js';
import { validContact } from '../../../../test/helpers/fixtures.js';
import { PSEUDO_LOCALE, expectLayoutHolds, expectNoEnglish, registerPseudoLocale } from '../../../../test/l10n/pseudo.js';
import '../define/str-provider.js';
import '../define/str-sync-status.js';
import type { StrProvider } from '../provider/provider.js';
import { SYNC_STATUS_MESSAGES } from './sync-status.messages.js';
import type { StrSyncStatus } from './sync-status.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const root = (el: StrSyncStatus) => el.shadowRoot!.querySelector<HTMLElement>('[part=status]');
const buttons = (el: StrSyncStatus) => [...el.shadowRoot!.querySelectorAll('button')];
const actor = { id: 'w1', role: 'str-worker' } as const;
const unreachable = (): Store => {
  const fail = () => Promise.reject(new StrError('transport', 'offline', true));
  return { name: 'unreachable', durability: 'remote', get: fail, list: fail, put: fail, history: fail, subscribe: () => () => undefined };
};

/** A device with `n` changes the record system has not had, the oldest saved `age` ms (2 days) before `clock` says now. */
async function offlineWith(n: number, age = 2 * 86_400_000): Promise<{ store: SyncedStore; clock: Clock }> {
  let now = Date.parse('2026-06-05T10:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const store = syncedStore({ local: indexedDbStore({ name: `l10n-${Math.random()}`, persist: false }), remote: unreachable(), clock, auto: false });
  for (let i = 0; i < n; i++) await store.put('contact', validContact());
  now += age;
  await store.sync.now();
  return { store, clock };
}

/**
 * A device whose one change the record system refused with `outcome` (its own words, as a FHIR OperationOutcome gives
 * them, after the SDK's English `message`), or (no outcome) met a conflict.
 */
async function needingAttention(outcome?: string, code: 'forbidden' | 'validation' = 'forbidden'): Promise<SyncedStore> {
  const real = memoryStore();
  const error = outcome
    ? new StrError(code, `PUT /Encounter: the record system does not allow this (${outcome})`, false, { status: code === 'forbidden' ? 403 : 422, outcome })
    : new StrError('conflict', 'contact changed', false);
  const remote = { ...real, name: 'refusing', put: () => Promise.reject(error), get: () => Promise.resolve(undefined) } as Store;
  const store = syncedStore({ local: indexedDbStore({ name: `l10n-${Math.random()}`, persist: false }), remote, auto: false });
  await store.put('contact', validContact());
  await store.sync.now();
  return store;
}

async function inLocale(locale: string, store: Store, clock?: Clock): Promise<{ provider: StrProvider; el: StrSyncStatus }> {
  const client = createClient({ store, actor, ...(clock && { clock }) });
  const provider = await fixture<StrProvider>(html`<str-provider locale=${locale} .client=${client}><str-sync-status .clock=${clock ?? { now: () => new Date() }}></str-sync-status></str-provider>`);
  const el = provider.querySelector<StrSyncStatus>('str-sync-status')!;
  await until(el, () => root(el)?.lang === locale, () => `lang ${root(el)?.lang}: ${text(el)}`);
  return { provider, el };
}

describe('<str-sync-status> in Welsh', () => {
  const sentence = (n: number) => (n === 1 ? 'Mae 1 newid wedi’i gadw' : n >= 11 ? `Mae ${n} o newidiadau wedi’u cadw` : `Mae ${n} newid wedi’u cadw`);

  for (const n of [1, 2, 3, 6, 11]) {
    it(`${n} waiting: the Welsh plural form, the Welsh date and "ago", and the Welsh button`, async () => {
      const { store, clock } = await offlineWith(n);
      const { el } = await inLocale('cy', store, clock);
      await until(el, () => text(el).includes(sentence(n)), () => text(el));
      expect(text(el)).to.include(`All-lein: ${sentence(n)} ar y ddyfais hon a heb gyrraedd y system gofnodion eto.`);
      expect(text(el)).to.include('Cafodd yr hynaf ei gadw ar 5 Mehefin 2026 am 11:00 (2 ddiwrnod yn ôl).');
      expect(text(el)).to.include('Does dim wedi’i golli');
      expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Anfon nawr']);
      store.close?.();
    });
  }

  it('0 waiting: all sent, in Welsh, with the time it was checked; axe passes with lang="cy"', async () => {
    const remote = memoryStore();
    const store = syncedStore({ local: indexedDbStore({ name: `l10n-${Math.random()}`, persist: false }), remote, auto: false });
    await store.put('contact', validContact());
    await store.sync.now();
    const { el } = await inLocale('cy', store);
    await until(el, () => text(el).startsWith('Mae pob newid yn y system gofnodion, wedi’i wirio am '), () => text(el));
    expect(root(el)!.lang).to.equal('cy');
    await expectNoAxeViolations(el);
    store.close?.();
  });

  it('a conflict: Welsh words, and every button named for the record it acts on; axe passes with lang="cy"', async () => {
    const store = await needingAttention();
    const { el } = await inLocale('cy', store);
    await until(el, () => text(el).includes('Mae 1 newid angen eich sylw:'), () => text(el));
    expect(text(el)).to.include('Mae rhywun arall wedi newid y cofnod hwn yn y system gofnodion yn y cyfamser.');
    expect(buttons(el).map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Cadw fy fersiwn i ar gyfer y cyswllt hwn',
      'Copïo’r testun ar gyfer y cyswllt hwn',
      'Anfon nawr',
    ]);
    buttons(el)[1]!.click();
    await until(el, () => el.shadowRoot!.querySelector('textarea') !== null);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.include('Testun y cyswllt hwn, i’w gopïo:');
    await expectNoAxeViolations(el);
    store.close?.();
  });

  it('a refusal is said in Welsh from its code; only the record system’s own words stay as written, marked as English', async () => {
    const store = await needingAttention('Practitioner has no write access to this Encounter');
    const { el } = await inLocale('cy', store);
    await until(el, () => text(el).includes('Gwrthododd y system gofnodion y newid: nid oes gennych ganiatâd i wneud y newid hwn. Dywedodd:'), () => text(el));
    const theirs = el.shadowRoot!.querySelector<HTMLElement>('li span[lang]')!;
    expect(theirs.lang).to.equal('en-GB');
    expect(theirs.textContent).to.equal('Practitioner has no write access to this Encounter');
    expect(text(el), 'the SDK’s own English is not shown').to.not.include('PUT /Encounter');
    expect(buttons(el).map((b) => b.textContent!.replace(/\s+/g, ' ').trim())[0]).to.equal('Rhoi cynnig arall arni ar gyfer y cyswllt hwn');
    await expectNoAxeViolations(el);
    store.close?.();
  });
});

describe('<str-sync-status>: refusals and conflicts from the SDK’s codes', () => {
  it('a record deleted in the record system says so (not "someone changed it"), in English and in Welsh', async () => {
    const real = memoryStore();
    const local = indexedDbStore({ name: `l10n-${Math.random()}`, persist: false });
    const store = syncedStore({ local, remote: real, auto: false });
    const saved = await store.put('contact', validContact());
    await store.sync.now();
    await store.put('contact', { ...saved, note: 'Changed on this device.' }, saved.version);
    // The record system loses the record (deleted there): the next push meets a conflict with nothing on their side.
    const gone: Store = { ...real, put: () => Promise.reject(new StrError('conflict', 'gone', false)), get: () => Promise.resolve(undefined) };
    const device = syncedStore({ local, remote: gone, auto: false });
    await device.sync.now();
    const { el, provider } = await inLocale('en-GB', device);
    await until(el, () => text(el).includes('The record system no longer has this record (it was deleted there).'), () => text(el));
    expect(text(el)).to.not.include('Someone else changed this record');
    provider.locale = 'cy';
    await until(el, () => text(el).includes('Nid yw’r cofnod hwn gan y system gofnodion mwyach (cafodd ei ddileu yno).'), () => text(el));
    device.close?.();
    store.close?.();
  });

  it('a refusal the record system gave as not valid: the sentence in the locale, its own words as written', async () => {
    const store = await needingAttention('Encounter.period.start: must not be in the future', 'validation');
    const { el } = await inLocale('en-GB', store);
    await until(el, () => text(el).includes('The record system refused it as not valid. It said: Encounter.period.start: must not be in the future'), () => text(el));
    expect(el.shadowRoot!.querySelector<HTMLElement>('span.their-words')!.lang).to.equal('en-GB');
    store.close?.();
  });
});

describe('<str-sync-status>: how long ago', () => {
  it('a change saved under a minute ago reads "just now" beside its date and time, never "0 minutes ago"; in Welsh too', async () => {
    const { store, clock } = await offlineWith(1, 20_000);
    const { el, provider } = await inLocale('en-GB', store, clock);
    await until(el, () => text(el).includes('The oldest was saved'), () => text(el));
    expect(text(el)).to.include('The oldest was saved 5 June 2026 at 11:00 (just now).');
    provider.locale = 'cy';
    await until(el, () => root(el)!.lang === 'cy', () => text(el));
    expect(text(el)).to.include('Cafodd yr hynaf ei gadw ar 5 Mehefin 2026 am 11:00 (eiliadau yn ôl).');
    store.close?.();
  });
});

describe('<str-sync-status> in the pseudo-locale', () => {
  before(() => registerPseudoLocale(SYNC_STATUS_MESSAGES));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('waiting: no English source string in any text or accessible name, and the layout holds at 390 px', async () => {
    const { store, clock } = await offlineWith(2);
    const { el } = await inLocale(PSEUDO_LOCALE, store, clock);
    await until(el, () => buttons(el).length === 1, () => text(el));
    expectNoEnglish(el, [SYNC_STATUS_MESSAGES]);
    await expectLayoutHolds(el);
    store.close?.();
  });

  it('a conflict, with the text to copy open: no English, and the layout holds at 390 px', async () => {
    const store = await needingAttention();
    const { el } = await inLocale(PSEUDO_LOCALE, store);
    await until(el, () => buttons(el).length === 3, () => text(el));
    buttons(el)[1]!.click();
    await until(el, () => el.shadowRoot!.querySelector('textarea') !== null);
    // The record's own text in the copy box (and the box's name, which includes it) is fixture data.
    expectNoEnglish(el, [SYNC_STATUS_MESSAGES], [validContact().note!]);
    await expectLayoutHolds(el);
    store.close?.();
  });

  it('a refusal: only the record system’s own message (fixture data) is English; the layout holds at 390 px', async () => {
    const refusal = 'Practitioner has no write access to this Encounter';
    const store = await needingAttention(refusal);
    const { el } = await inLocale(PSEUDO_LOCALE, store);
    await until(el, () => buttons(el).length === 4, () => text(el));
    expectNoEnglish(el, [SYNC_STATUS_MESSAGES], [refusal]);
    await expectLayoutHolds(el);
    store.close?.();
  });
});

describe('<str-sync-status>: switching locale at runtime', () => {
  it('re-renders in place: the open copy box keeps its text and the focused button keeps focus', async () => {
    const store = await needingAttention();
    const { provider, el } = await inLocale('en-GB', store);
    await until(el, () => buttons(el).length === 3, () => text(el));
    buttons(el)[1]!.click();
    // The buttons stay disabled until the copy has finished (clipboard included, slow under load); a disabled button
    // cannot take focus, and the copy's end would then put focus on the status sentence.
    await until(el, () => el.shadowRoot!.querySelector('textarea') !== null && buttons(el).every((b) => !b.disabled));
    const box = el.shadowRoot!.querySelector('textarea')!;
    const copied = box.value;
    const focused = buttons(el)[0]!;
    focused.focus();
    expect(el.shadowRoot!.activeElement, 'the first button has focus before the switch').to.equal(focused);
    provider.locale = 'cy';
    await until(el, () => root(el)!.lang === 'cy' && text(el).includes('Mae 1 newid angen eich sylw:'), () => text(el));
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(box);
    expect(box.value).to.equal(copied);
    expect(el.shadowRoot!.activeElement).to.equal(focused);
    provider.locale = 'en-GB';
    await until(el, () => root(el)!.lang === 'en-GB' && text(el).includes('1 change needs your attention'), () => text(el));
    store.close?.();
  });
});
