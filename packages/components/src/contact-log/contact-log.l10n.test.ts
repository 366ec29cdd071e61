// <str-contact-log> in Welsh and in the pseudo-locale (issue 20): every word from its catalogue (form, history, totals,
// errors, notices, code labels), Welsh plural forms for 0, 1, 2, 3, 6 and 11 contacts, Welsh dates, axe with lang="cy",
// layout at 390 px with 40% longer words in every story state, and a locale switch that keeps a half-typed form.
// Keep the lazy-loading test first: it needs a page that has not fetched the contact log's Welsh yet.
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, CONTACT_TOTALS_DEFINITION, DNA_RATE_DEFINITION, OTHER_PRESENT_LABELS,
  memoryDrafts, memoryStore, type Contact, type StrClient, type Task,
} from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { clientAs, fixtureClock } from '../../../../test/helpers/clients.js';
import { $, $$, until } from '../../../../test/helpers/dom.js';
import { PSEUDO_LOCALE, expectLayoutHolds, expectNoEnglish, registerPseudoLocale } from '../../../../test/l10n/pseudo.js';
import '../define/str-contact-log.js';
import '../define/str-provider.js';
import type { StrProvider } from '../provider/provider.js';
import type { StrContactLog } from './contact-log.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID, enteredInErrorContact, longNoteContact, manyContacts, weekOfContacts } from './contact-log.fixtures.js';
import { CONTACT_LOG_MESSAGES } from './contact-log.messages.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const langOf = (el: Element) => ([...el.shadowRoot!.children].find((c) => c.hasAttribute('lang')) as HTMLElement | undefined)?.lang;
const words = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim();
// The page loads hundreds of modules: keep every resource entry, so the Welsh chunk's fetch is seen.
performance.setResourceTimingBufferSize(10_000);
const welshFetched = () => performance.getEntriesByType('resource').filter((e) => /contact-log\.cy\.(ts|js)\b/.test(e.name)).length;

interface Mount {
  readonly contacts?: readonly Contact[];
  readonly tasks?: readonly Task[];
  readonly readonly?: boolean;
  readonly client?: StrClient;
  readonly person?: string;
}

async function inLocale(locale: string, m: Mount = {}): Promise<{ provider: StrProvider; el: StrContactLog }> {
  const provider = await fixture<StrProvider>(html`<str-provider locale=${locale} .client=${m.client}>
    <str-contact-log service-user-id=${m.person ?? FIXTURE_PERSON_ID} .contacts=${m.contacts ?? []} .tasks=${m.tasks ?? []} ?readonly=${m.readonly ?? false}
      .clock=${fixtureClock}></str-contact-log></str-provider>`);
  const el = provider.querySelector<StrContactLog>('str-contact-log')!;
  await until(el, () => langOf(el) === locale, () => `lang ${langOf(el)}: ${text(el)}`);
  if (m.client && m.person !== '') await el.whenLoaded();
  return { provider, el };
}

const summaryPairs = (el: Element) => $$(el, '[part=summary] dl > div').map((d) => [words(d.querySelector('dt')), words(d.querySelector('dd'))]);
const submit = (el: StrContactLog) => $<HTMLButtonElement>(el, 'button[type=submit]').click();

/** `n` attended contacts of 30 minutes in the fixture week (Monday 1 June 2026 onwards). */
const attended = (n: number): Contact[] =>
  Array.from({ length: n }, (_, i) => ({
    ...weekOfContacts[0]!, id: `00000000-0000-4000-8000-${String(900 + i).padStart(12, '0')}`, start: new Date(Date.parse('2026-06-01T07:00:00Z') + i * 6 * 3_600_000).toISOString(),
  }));

describe('<str-contact-log>: Welsh loads only when chosen', () => {
  it('in en-GB the Welsh catalogue is never fetched; chosen at runtime, it is fetched and the words turn Welsh', async () => {
    const { provider, el } = await inLocale('en-GB', { contacts: weekOfContacts });
    expect(words($(el, '[part=summary] h2'))).to.equal('Summary');
    expect(welshFetched()).to.equal(0);
    provider.locale = 'cy';
    await until(el, () => langOf(el) === 'cy', () => text(el));
    expect(welshFetched()).to.equal(1);
    expect(words($(el, '[part=summary] h2'))).to.equal('Crynodeb');
  });
});

describe('<str-contact-log> catalogue', () => {
  it('the en-GB code labels and definitions are the SDK’s word for word', () => {
    const s = CONTACT_LOG_MESSAGES.source as Readonly<Record<string, unknown>>;
    for (const c of CONSULTATION_MECHANISMS) expect(s[`how.${c.code}`], c.code).to.equal(c.label);
    for (const c of ACTIVITY_LOCATION_TYPES) expect(s[`where.${c.code}`], c.code).to.equal(c.label);
    for (const c of ATTEND_STATUSES) expect(s[`attend.${c.code}`], c.code).to.equal(c.label);
    for (const [kind, label] of Object.entries(OTHER_PRESENT_LABELS)) expect(s[`who.${kind}`], kind).to.equal(label);
    expect(s['totals-definition']).to.equal(CONTACT_TOTALS_DEFINITION);
    expect(s['dna-definition']).to.equal(DNA_RATE_DEFINITION);
  });
});

describe('<str-contact-log> in Welsh', () => {
  const totals: Record<number, string> = {
    0: '0 cyswllt a fynychwyd, 0 munud; 0 heb fynychu; 0 wedi’u canslo',
    1: '1 cyswllt a fynychwyd, 30 munud; 0 heb fynychu; 0 wedi’u canslo',
    2: '2 cyswllt a fynychwyd, 1 awr; 0 heb fynychu; 0 wedi’u canslo',
    3: '3 cyswllt a fynychwyd, 1 awr 30 munud; 0 heb fynychu; 0 wedi’u canslo',
    6: '6 cyswllt a fynychwyd, 3 awr; 0 heb fynychu; 0 wedi’u canslo',
    11: '11 o gysylltiadau a fynychwyd, 5 awr 30 munud; 0 heb fynychu; 0 wedi’u canslo',
  };
  for (const n of [0, 1, 2, 3, 6, 11]) {
    it(`${n} attended this week: the Welsh plural form in the totals and the count`, async () => {
      const { el } = await inLocale('cy', { contacts: attended(n), readonly: true });
      expect(summaryPairs(el)).to.deep.equal([
        ['Yr wythnos hon (o ddydd Llun)', totals[n]],
        ['Y mis hwn', totals[n]],
        ['Cyfradd heb fynychu', n ? `0% (0 o ${n} yn ddyledus)` : 'Doedd dim cysylltiadau’n ddyledus eto'],
      ]);
      if (n === 0) expect(text(el)).to.include('Does dim cysylltiadau wedi’u cofnodi eto.');
      else expect(words($(el, '.count'))).to.equal(n === 11 ? 'Yn dangos 11 o 11 o gysylltiadau' : `Yn dangos ${n} o ${n} cyswllt`);
    });
  }

  it('the form, a week of contacts and an open row: Welsh labels, code labels and dates; axe passes with lang="cy"', async () => {
    const { el } = await inLocale('cy', { contacts: [...weekOfContacts, enteredInErrorContact] });
    expect(langOf(el)).to.equal('cy');
    expect($$(el, 'form legend').map(words)).to.include.members(['Am faint, mewn munudau', 'Sut digwyddodd y cyswllt?', 'Ble?', 'Pwy arall oedd yno?']);
    expect($(el, 'form').getAttribute('aria-label')).to.equal('Cofnodi cyswllt');
    expect($$(el, 'form label.choice').map(words)).to.include.members(['Wyneb yn wyneb', 'Ffôn', 'Cartref y person', 'Yn y gymuned', 'Gofalwr']);
    expect(words($(el, 'button[type=submit]'))).to.equal('Cadw’r cyswllt');
    expect(words($(el, '.history').previousElementSibling)).to.equal('Wythnos yn dechrau 1 Mehefin 2026');
    const rows = $$<HTMLDetailsElement>(el, '.history details');
    const dna = rows.find((d) => words(d.querySelector('summary'))!.includes('09:15'))!;
    expect(words(dna.querySelector('.meta'))).to.equal('5 Mehefin 2026, 09:15 · 1 munud · Wyneb yn wyneb · Cartref y person');
    expect(words(dna.querySelector('.hint'))).to.equal('Heb fynychu, dim rhybudd');
    const late = rows.find((d) => words(d.querySelector('summary'))!.includes('00:30'))!;
    expect(words(late.querySelector('.hint'))).to.equal('Wedi mynychu ar amser (neu cyn i’r gweithiwr proffesiynol fod yn barod) · heb ei gynllunio');
    dna.open = true;
    await until(el, () => !!dna.querySelector('.full'), 'the row opened');
    expect(words(dna.querySelector('.full .hint'))).to.equal('Cofnodwyd gan story-worker ar 5 Mehefin 2026');
    expect([...dna.querySelectorAll('.full button')].map(words)).to.deep.equal(['Cywiro’r cyswllt hwn', 'Marcio fel un a gofnodwyd mewn camgymeriad']);
    expect(words($(el, '.eie summary'))).to.equal('Wedi’u cofnodi mewn camgymeriad (1)');
    expect(words($(el, '.eie .hint'))).to.equal('Marciwyd gan story-worker ar 4 Mehefin 2026. Rheswm: Logged against the wrong person');
    await expectNoAxeViolations(el);
  });

  it('errors: the summary, each message beside its field and its hidden prefix in Welsh; axe passes with lang="cy"', async () => {
    const { el } = await inLocale('cy', { contacts: weekOfContacts });
    const duration = $<HTMLInputElement>(el, '#duration-custom');
    duration.value = '1125';
    duration.dispatchEvent(new Event('input'));
    submit(el);
    await until(el, () => !!el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    expect(words($(el, '.error-summary h2'))).to.equal('Mae problem wedi codi');
    expect($$(el, '.error-summary li').map(words)).to.deep.equal([
      '18 awr 45 munud — ydy hynny’n gywir? Cywirwch y munudau, neu ticiwch “Ydy” i gadarnhau',
      'Dewiswch sut digwyddodd y cyswllt',
      'Dewiswch ble digwyddodd y cyswllt',
    ]);
    expect(words($(el, '#mechanism-error'))).to.equal('Gwall: Dewiswch sut digwyddodd y cyswllt');
    expect(words($(el, '#duration-words'))).to.equal('18 awr 45 munud — ydy hynny’n gywir?');
    await expectNoAxeViolations(el);
  });

  it('a draft restored from the device says when, in Welsh, and the save of a person not in the record system is refused in Welsh', async () => {
    const drafts = memoryDrafts();
    const value = { date: '2026-06-05', time: '15:30', duration: '45', mechanism: '01', location: 'A01', attendance: '5', planned: true, note: 'Helped with a form.' };
    await drafts.save('str-worker-1', `contact-log:${FIXTURE_PERSON_ID}`, { value, pendingId: crypto.randomUUID() }, '2026-06-05T14:40:00Z');
    const store = memoryStore();
    await store.put('serviceUser', FIXTURE_PERSON);
    const { el } = await inLocale('cy', { client: clientAs(store, 'str-worker', 'str-worker-1', { drafts }) });
    await until(el, () => words($(el, 'div.status'))!.length > 0, () => text(el));
    expect(words($(el, 'div.status'))).to.equal('Drafft wedi’i adfer, wedi’i gadw ar 5 Mehefin 2026 am 15:40');
    const other = await inLocale('cy', { client: clientAs(memoryStore(), 'str-worker'), person: '7f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607183' });
    await until(other.el, () => !!other.el.shadowRoot!.querySelector('.no-person'), () => text(other.el));
    expect(words($(other.el, '.no-person'))).to.equal('Dydy’r person hwn ddim yn y system gofnodion, felly does dim modd cofnodi cyswllt ar ei gyfer. Gwiriwch y person a ddewiswyd.');
  });
});

describe('<str-contact-log>: switching locale at runtime', () => {
  it('re-renders in place: the half-typed form keeps its values, the focused box keeps focus and caret, errors turn Welsh', async () => {
    const { provider, el } = await inLocale('en-GB', { contacts: weekOfContacts });
    const duration = $<HTMLInputElement>(el, '#duration-custom');
    duration.value = '50';
    duration.dispatchEvent(new Event('input'));
    submit(el);
    await until(el, () => !!el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    const note = $<HTMLTextAreaElement>(el, '#note');
    note.value = 'Half-typed note';
    note.dispatchEvent(new Event('input'));
    note.focus();
    note.setSelectionRange(4, 4);
    provider.locale = 'cy';
    await until(el, () => langOf(el) === 'cy', () => text(el));
    expect($(el, '#note')).to.equal(note);
    expect(note.value).to.equal('Half-typed note');
    expect($<HTMLInputElement>(el, '#duration-custom').value).to.equal('50');
    expect(el.shadowRoot!.activeElement).to.equal(note);
    expect([note.selectionStart, note.selectionEnd]).to.deep.equal([4, 4]);
    expect(words($(el, 'label[for=note]'))).to.equal('Nodyn');
    expect($$(el, '.error-summary li').map(words)).to.include('Dewiswch sut digwyddodd y cyswllt');
    provider.locale = 'en-GB';
    await until(el, () => langOf(el) === 'en-GB', () => text(el));
    expect($$(el, '.error-summary li').map(words)).to.include('Choose how the contact took place');
    expect(note.value).to.equal('Half-typed note');
  });
});

describe('<str-contact-log> in the pseudo-locale', () => {
  before(() => registerPseudoLocale(CONTACT_LOG_MESSAGES));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const notes = [...weekOfContacts, longNoteContact, enteredInErrorContact].map((c) => c.note).filter(Boolean);
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  // The records' own words, and the virtualizer's sizing node (its text is the literal "&nbsp;", not ours).
  const fixtureText = [...notes.map(flat), ...notes.map((n) => flat(n.split(/\r?\n/)[0]!)), enteredInErrorContact.enteredInError!.reason, 'Contact number', '&nbsp;'];

  async function check(m: Mount, act?: (el: StrContactLog) => Promise<void>) {
    const { el } = await inLocale(PSEUDO_LOCALE, m);
    await act?.(el);
    expectNoEnglish(el, [CONTACT_LOG_MESSAGES], fixtureText);
    await expectLayoutHolds(el);
  }

  const openFirstRow = async (el: StrContactLog) => {
    const row = $<HTMLDetailsElement>(el, '.history details');
    row.open = true;
    await until(el, () => !!row.querySelector('.full'), 'the row opened');
  };

  it('empty: no English, and the layout holds at 390 px', () => check({}));
  it('a week of contacts with one open: no English, and the layout holds at 390 px', () => check({ contacts: weekOfContacts }, openFirstRow));
  it('a long note: no English, and the layout holds at 390 px', () => check({ contacts: [longNoteContact, ...weekOfContacts] }));
  it('read only: no English, and the layout holds at 390 px', () => check({ contacts: weekOfContacts, readonly: true }));
  it('entered in error shown, and a mark asked for: no English, and the layout holds at 390 px', () =>
    check({ contacts: [...weekOfContacts, enteredInErrorContact] }, async (el) => {
      $<HTMLDetailsElement>(el, '.eie').open = true;
      await openFirstRow(el);
      $<HTMLButtonElement>(el, '.full button[id^=mark-]').click();
      await until(el, () => !!el.shadowRoot!.querySelector('textarea[id^=eie-]'), 'the reason box');
      $$<HTMLButtonElement>(el, '.full .field-group button').find((b) => b.classList.contains('primary'))!.click();
      await until(el, () => !!el.shadowRoot!.querySelector('.error-message[id^=eie-]'), 'the reason asked for');
    }));
  it('validation errors, others present and a long duration: no English, and the layout holds at 390 px', () =>
    check({ contacts: weekOfContacts }, async (el) => {
      for (const id of ['#other-interpreter', '#other-other-professional']) $<HTMLInputElement>(el, id).click();
      const duration = $<HTMLInputElement>(el, '#duration-custom');
      duration.value = '300';
      duration.dispatchEvent(new Event('input'));
      $<HTMLInputElement>(el, '#mechanism-other').click();
      submit(el);
      await until(el, () => !!el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    }));
  it('correcting a contact: no English, and the layout holds at 390 px', () =>
    check({ contacts: weekOfContacts }, async (el) => {
      await openFirstRow(el);
      $<HTMLButtonElement>(el, '.full .actions button').click();
      await until(el, () => !!el.shadowRoot!.querySelector('h2.correcting'), 'the correction form');
    }));
  it('no person chosen: no English, and the layout holds at 390 px', () => check({ person: '' }));
  it('connected, with a draft restored: no English, and the layout holds at 390 px', async () => {
    const drafts = memoryDrafts();
    const value = { date: '2026-06-05', time: '15:30', duration: '45', mechanism: '01', location: 'A01', attendance: '5', planned: true, note: 'Helped with a form.' };
    await drafts.save('str-worker-1', `contact-log:${FIXTURE_PERSON_ID}`, { value, pendingId: crypto.randomUUID() }, '2026-06-05T14:40:00Z');
    const store = memoryStore();
    await store.put('serviceUser', FIXTURE_PERSON);
    await check({ client: clientAs(store, 'str-worker', 'str-worker-1', { drafts }) }, async (el) => {
      await until(el, () => words($(el, 'div.status'))!.length > 0, () => text(el));
    });
  });
  it('many contacts (virtualised): no English, and the layout holds at 390 px', () =>
    check({ contacts: manyContacts(250), readonly: true }, async (el) => {
      $(el, '.virtual').scrollIntoView();
      await until(el, () => !!el.shadowRoot!.querySelector('.vweek') && !!el.shadowRoot!.querySelector('[part=summary] dl'), 'rows and totals');
    }).then(async () => {
      // Last, and settled before it ends: the virtualizer's resize notices must not reach another test.
      for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    }));
});
