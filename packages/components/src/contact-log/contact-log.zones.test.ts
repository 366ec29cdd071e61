// A contact at 00:30 on a summer night in London, logged through the widget with the browser in three time zones:
// the same stored instant, the same UK day and week on screen, the same MHSDS export date.
import { createClient, memoryDrafts, memoryStore, toMhsdsCareContacts, type Clock, type Store } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../define/str-contact-log.js';
import type { StrContactLog } from './contact-log.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from './contact-log.fixtures.js';

// 09:00 on Wednesday 3 June 2026 in London: the night before is still "today".
const clock: Clock = { now: () => new Date('2026-06-03T08:00:00Z') };
// 21:00 GMT on Sunday 25 October 2026, the day the clocks went back.
const autumn: Clock = { now: () => new Date('2026-10-25T21:00:00Z') };

/** Types a date into a native date input by keyboard, segment by segment in the browser's own order. */
async function typeDate(input: HTMLInputElement, iso: string) {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 10, 22)).filter((p) => p.type !== 'literal').map((p) => p.type);
  input.focus();
  for (const part of order) await sendKeys({ type: part === 'year' ? y : part === 'month' ? m : d });
  expect(input.value, 'the date as typed').to.equal(iso);
}

/** Types a 24-hour time ("01:30") into a native time input by keyboard, with AM/PM where the browser shows it. */
async function typeTime(input: HTMLInputElement, hhmm: string) {
  const [h, m] = hhmm.split(':') as [string, string];
  const h12 = new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hour12;
  input.focus();
  if (h12) {
    const hour = Number(h) % 12 || 12;
    await sendKeys({ type: String(hour).padStart(2, '0') });
    await sendKeys({ type: m });
    await sendKeys({ type: Number(h) < 12 ? 'A' : 'P' });
  } else {
    await sendKeys({ type: h });
    await sendKeys({ type: m });
  }
  expect(input.value, 'the time as typed').to.equal(hhmm);
}
/** A memory store holding the fixture person (a memory store's put takes effect before it returns). */
const storeWithPerson = (): Store => {
  const store = memoryStore();
  void store.put('serviceUser', FIXTURE_PERSON);
  return store;
};

for (const zone of ['Europe/London', 'America/Los_Angeles', 'Asia/Kolkata']) {
  describe(`<str-contact-log> with the browser in ${zone}`, () => {
    before(() => executeServerCommand('emulate-timezone', { timezoneId: zone }));
    after(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

    it('00:30 on 3 June (BST) is stored as that instant, shown on 3 June in the week of 1 June, and exported as 3 June 00:30', async () => {
      const client = createClient({ store: storeWithPerson(), drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock });
      const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`);
      await el.updateComplete;
      const root = el.shadowRoot!;
      const set = (sel: string, value: string) => {
        const input = root.querySelector<HTMLInputElement>(sel)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      set('#date', '2026-06-03');
      set('#time', '00:30');
      set('#duration-custom', '20');
      root.querySelector<HTMLInputElement>('#mechanism-02')!.click();
      root.querySelector<HTMLInputElement>('#location-A01')!.click();
      await el.updateComplete;
      const saved = oneEvent(el, 'str-contact-saved');
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const { detail } = await saved;
      const stored = await client.contacts.get(detail.id);
      expect(stored.start).to.equal('2026-06-03T00:30:00+01:00');
      expect(Date.parse(stored.start)).to.equal(Date.parse('2026-06-02T23:30:00Z'));
      for (let i = 0; i < 100 && !root.querySelector('.history li'); i++) await new Promise((r) => setTimeout(r, 10));
      const history = root.querySelector('[part=history]')!.textContent!.replace(/\s+/g, ' ');
      expect(history).to.include('Week beginning 1 June 2026');
      expect(history).to.include('3 June 2026, 00:30');
      const summary = root.querySelector('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
      expect(summary, 'counted in this week').to.match(/This week \(from Monday\)\s*1 attended contact/);
      const [row] = toMhsdsCareContacts([stored], { serviceRequestId: 'SR-1', careProfTeamLocalId: 'T', orgIdComm: '15N' });
      expect(row).to.include({ CareContDate: '2026-06-03', CareContTime: '00:30:00' });
    });

    it('both 01:30s of 25 October 2026, typed by keyboard, are two instants; 01:30 on 28 March 2027 is refused in words; "This week" counts the whole week', async () => {
      const client = createClient({ store: storeWithPerson(), drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock: autumn });
      const other = { serviceUserId: FIXTURE_PERSON_ID, durationMinutes: 10, mechanism: '02', locationType: 'A01', attendance: '5' } as const;
      await client.contacts.create({ ...other, start: '2026-10-19T00:15:00+01:00' }); // Monday, first thing
      await client.contacts.create({ ...other, start: '2026-10-25T20:00:00+00:00' }); // Sunday evening
      const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${autumn}></str-contact-log>`);
      await el.updateComplete;
      const root = el.shadowRoot!;
      const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);

      const logAt = async (date: string, which: 'first' | 'second') => {
        await typeDate($<HTMLInputElement>('#date')!, date);
        await typeTime($<HTMLInputElement>('#time')!, '01:30');
        await el.updateComplete;
        expect($('#repeated-hint')!.textContent).to.equal('The clocks went back an hour on 25 October 2026, so 01:30 happened twice.');
        $<HTMLInputElement>(`#repeated-${which}`)!.focus();
        await sendKeys({ press: 'Space' });
        const box = $<HTMLInputElement>('#duration-custom')!;
        box.focus();
        await sendKeys({ type: '20' });
        $<HTMLInputElement>('#mechanism-02')!.click();
        $<HTMLInputElement>('#location-A01')!.click();
        await el.updateComplete;
        const saved = oneEvent(el, 'str-contact-saved');
        $<HTMLButtonElement>('button[type=submit]')!.click();
        return (await client.contacts.get((await saved).detail.id)).start;
      };
      const first = await logAt('2026-10-25', 'first');
      const second = await logAt('2026-10-25', 'second');
      expect([first, second]).to.deep.equal(['2026-10-25T01:30:00+01:00', '2026-10-25T01:30:00+00:00']);
      expect(Date.parse(second) - Date.parse(first)).to.equal(3_600_000);

      // Not choosing is refused with the reason, as is a time that never happened.
      await typeDate($<HTMLInputElement>('#date')!, '2026-10-25');
      await typeTime($<HTMLInputElement>('#time')!, '01:30');
      $<HTMLButtonElement>('button[type=submit]')!.click();
      for (let i = 0; i < 100 && !$('.error-summary'); i++) await new Promise((r) => requestAnimationFrame(r));
      expect($('.error-summary')!.textContent).to.include('The clocks went back that night, so 01:30 happened twice. Choose which 01:30 it was.');
      await typeDate($<HTMLInputElement>('#date')!, '2027-03-28');
      await typeTime($<HTMLInputElement>('#time')!, '01:30');
      $<HTMLButtonElement>('button[type=submit]')!.click();
      for (let i = 0; i < 100 && !$('#time-error'); i++) await new Promise((r) => requestAnimationFrame(r));
      expect($('#time-error')!.textContent).to.include('There was no 01:30 on 28 March 2027 in the UK: the clocks went forward from 1am to 2am. Enter the time the clock showed.');
      expect((await client.contacts.list({ serviceUserId: FIXTURE_PERSON_ID })).items).to.have.length(4);

      for (let i = 0; i < 100 && root.querySelectorAll('.history li').length < 4; i++) await new Promise((r) => setTimeout(r, 10));
      const summary = $('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
      expect(summary, 'every contact of the week from Monday 19 October').to.match(/This week \(from Monday\)\s*4 attended contacts, 1 hour; 0 did not attend/);
    });
  });
}
