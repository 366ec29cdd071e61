// Issue 17: the four relapse elements split out of <str-relapse-signs> (docs/adr/0011-relapse-elements.md). Each works
// without a client by firing one cancelable intent per action, and tells a connected host what was stored with a
// RecordNotice; the alert inbox is worked by keyboard in a few presses an alert; the trend reflows at 320 px.
// The same tests run on <str-relapse-signs>, which draws the same parts. Synthetic people only.
import { memoryStore, type Alert, type Store } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import { $, $$, button, until } from '../../../../test/helpers/dom.js';
import { clientAs, fixtureClock } from '../../../../test/helpers/clients.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import '../define/str-relapse-check.js';
import '../define/str-relapse-trend.js';
import '../define/str-relapse-plan.js';
import '../define/str-alert-inbox.js';
import { fixtureWorkers } from '../care-plan/care-plan.fixtures.js';
import { FIXTURE_COORDINATOR, FIXTURE_PERSON_ID, fixtureAlert, fixtureCheck, settledChecks, signPlan } from './relapse-signs.fixtures.js';

type Loaded = LitElement & { whenLoaded(): Promise<void> };

/** The focused element, followed down through open shadow roots. */
function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const type = (el: Element, sel: string, value: string) => {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const words = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

const PEOPLE = ['Avery Storyperson', 'Blake Storyperson', 'Casey Storyperson', 'Drew Storyperson', 'Emery Storyperson'];
const personId = (i: number) => `50000000-0000-4000-8000-00000000000${i + 1}`;

/** Five open alerts, one a person, raised 10, 9, 8, 7 and 6 hours ago (so listed in that order). */
async function fiveAlerts(): Promise<{ store: Store; alerts: Alert[] }> {
  const store = memoryStore();
  for (const w of fixtureWorkers) await store.put('worker', w);
  const check = settledChecks(signPlan())[2]!;
  const alerts: Alert[] = [];
  for (const [i, name] of PEOPLE.entries()) {
    await store.put('serviceUser', { id: personId(i), version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: name });
    alerts.push(await store.put('alert', fixtureAlert({ ...check, serviceUserId: personId(i) }, i + 1, 10 - i)));
  }
  return { store, alerts };
}

const INBOXES: [string, (client: ReturnType<typeof clientAs>) => TemplateResult][] = [
  ['<str-alert-inbox>', (c) => html`<str-alert-inbox .client=${c} .clock=${fixtureClock}></str-alert-inbox>`],
  ['<str-relapse-signs view="alerts">', (c) => html`<str-relapse-signs view="alerts" .client=${c} .clock=${fixtureClock}></str-relapse-signs>`],
];

describe('the relapse elements', () => {
  describe('the alert inbox by keyboard', () => {
    for (const [name, make] of INBOXES) {
      it(`${name}: the 3rd of 5 alerts is acknowledged in 6 key presses, and after each acknowledgement focus is on the "Open alerts" heading, 3 Tabs and Enter from the next 3rd`, async function () {
        this.timeout(30_000);
        const { store, alerts } = await fiveAlerts();
        const page = await fixture<HTMLDivElement>(html`<div><button type="button" id="before">Before the inbox</button>${make(clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR))}</div>`);
        const el = page.lastElementChild as Loaded;
        await el.whenLoaded();
        await until(el, () => $$(el, 'li.alert').length === 5, 'five alerts listed');
        for (const a of $$(el, 'li.alert article')) expect(a.getAttribute('aria-labelledby'), 'each alert an article named by its heading').to.equal(`${a.id}-heading`);
        const presses: string[] = [];
        const key = async (press: string) => {
          presses.push(press);
          await sendKeys({ press });
        };
        page.querySelector<HTMLButtonElement>('#before')!.focus();
        // Three acknowledgements in a row, each of the alert now third in the list: Casey's, then Drew's, then Emery's.
        for (const [round, i] of [2, 3, 4].entries()) {
          presses.length = 0;
          for (let t = 0; t < 3; t++) await key('Tab');
          expect(focused()?.textContent, 'the third link').to.include(`Alert 3 of ${5 - round}: ${PEOPLE[i]}`);
          await key('Enter');
          expect(focused(), 'straight to what was done').to.equal($(el, `#ack-${alerts[i]!.id}`));
          await sendKeys({ type: 'Rang them; visiting tomorrow.' });
          await key('Tab');
          expect(focused()?.textContent).to.include(`Acknowledge the alert for ${PEOPLE[i]}`);
          await key('Enter');
          await until(el, () => $$(el, 'li.alert:not(.done)').length === 4 - round, 'the acknowledged alert leaves the open list');
          await until(el, () => focused() === $(el, '#alerts-heading'), () => `focus on the heading, not ${focused()?.outerHTML.slice(0, 80)}`);
          expect(presses, 'key presses for one alert, typing aside').to.have.length(6);
          expect($(el, '[role=status]').textContent).to.include(`Alert for ${PEOPLE[i]} acknowledged`);
          expect((await store.get('alert', alerts[i]!.id))!.acknowledged?.action).to.equal('Rang them; visiting tomorrow.');
        }
        await expectNoAxeViolations(el);
      });
    }

    it('<str-alert-inbox> controlled: one cancelable str-alert-acknowledge an acknowledgement; cancelled, what was typed stays', async () => {
      const { alerts } = await fiveAlerts();
      const people = Object.fromEntries(PEOPLE.map((n, i) => [personId(i), n]));
      const el = await fixture<Loaded & { alerts: readonly Alert[] }>(html`<str-alert-inbox .alerts=${alerts} .people=${people} .clock=${fixtureClock}></str-alert-inbox>`);
      expect(words(el)).not.to.include('Loading the alerts');
      expect($$(el, 'li.alert')).to.have.length(5);
      const heard: CustomEvent[] = [];
      el.addEventListener('str-alert-acknowledge', (e) => {
        heard.push(e);
        e.preventDefault();
      });
      type(el, `#ack-${alerts[1]!.id}`, 'Rang Blake.');
      $$<HTMLButtonElement>(el, 'li.alert button')[1]!.click();
      await until(el, () => heard.length === 1, 'the intent');
      expect(heard[0]!.cancelable).to.equal(true);
      expect(heard[0]!.detail).to.deep.equal({ alertId: alerts[1]!.id, expectedVersion: alerts[1]!.version, serviceUserId: personId(1), action: 'Rang Blake.' });
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, `#ack-${alerts[1]!.id}`).value, 'refused by the host: kept as typed').to.equal('Rang Blake.');
      expect(el.alerts, 'the host’s list is never changed').to.equal(alerts);
    });
  });

  describe('intents and notices', () => {
    it('<str-relapse-check> controlled: Save check fires one cancelable str-check-save; not cancelled and firing, Send an alert fires one str-alert-raise', async () => {
      const plan = signPlan();
      const el = await fixture<Loaded & { value: Record<string, number> }>(html`<str-relapse-check .plan=${plan} .checks=${settledChecks(plan)} .clock=${fixtureClock}></str-relapse-check>`);
      expect(words(el)).not.to.include('Trend');
      const saves: CustomEvent[] = [];
      const raises: CustomEvent[] = [];
      el.addEventListener('str-check-save', (e) => saves.push(e));
      el.addEventListener('str-alert-raise', (e) => raises.push(e));
      el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
      expect(saves).to.have.length(1);
      expect(saves[0]!.cancelable).to.equal(true);
      expect(saves[0]!.detail.check).to.include({ planId: plan.id });
      button(el, 'Send an alert')!.click();
      await until(el, () => raises.length === 1, 'the alert intent');
      expect(raises[0]!.cancelable).to.equal(true);
      expect(raises[0]!.detail.alert).to.include({ checkId: saves[0]!.detail.check.id });
    });

    it('<str-relapse-check> connected: str-check-saved is a RecordNotice with type "signCheck"', async () => {
      const store = memoryStore();
      await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
      const plan = await store.put('warningSignPlan', signPlan());
      const el = await fixture<Loaded & { value: Record<string, number> }>(html`<str-relapse-check service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'str-worker')} .clock=${fixtureClock}></str-relapse-check>`);
      await el.whenLoaded();
      el.value = Object.fromEntries(plan.signs.map((s) => [s.id, 0]));
      await el.updateComplete;
      const saved = oneEvent(el, 'str-check-saved');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      const { detail } = await saved;
      expect(Object.keys(detail).sort()).to.deep.equal(['id', 'ruleFired', 'serviceUserId', 'type', 'version']);
      expect(detail).to.include({ type: 'signCheck', serviceUserId: FIXTURE_PERSON_ID, ruleFired: false });
    });

    it('<str-relapse-plan> controlled: Save fires one cancelable str-sign-plan-save; connected, str-sign-plan-saved is a RecordNotice', async () => {
      const plan = signPlan();
      const el = await fixture<Loaded>(html`<str-relapse-plan .plan=${plan} .checks=${settledChecks(plan)}></str-relapse-plan>`);
      const asked: CustomEvent[] = [];
      el.addEventListener('str-sign-plan-save', (e) => asked.push(e));
      button(el, 'Edit the plan')!.click();
      await until(el, () => !!button(el, 'Save the plan'), 'the editor, loaded on first use');
      button(el, 'Save the plan')!.click();
      await until(el, () => asked.length === 1, 'the intent');
      expect(asked[0]!.cancelable).to.equal(true);
      expect(asked[0]!.detail).to.include({ planId: plan.id, expectedVersion: plan.version, serviceUserId: plan.serviceUserId });

      const store = memoryStore();
      await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
      const stored = await store.put('warningSignPlan', plan);
      const connected = await fixture<Loaded>(html`<str-relapse-plan service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR)}></str-relapse-plan>`);
      await connected.whenLoaded();
      button(connected, 'Edit the plan')!.click();
      await until(connected, () => !!button(connected, 'Save the plan'), 'the editor');
      const saved = oneEvent(connected, 'str-sign-plan-saved');
      button(connected, 'Save the plan')!.click();
      const { detail } = await saved;
      expect(Object.keys(detail).sort()).to.deep.equal(['id', 'serviceUserId', 'type', 'version']);
      expect(detail).to.include({ type: 'warningSignPlan', id: stored.id, serviceUserId: FIXTURE_PERSON_ID });
      expect(detail.version).not.to.equal(stored.version);
    });
  });

  describe('the trend on a phone', () => {
    const plan = signPlan();
    // Five checks, with the longest month names in the dates.
    const checks = ['2026-05-18T10:00:00Z', '2026-05-25T10:00:00Z', '2026-06-01T10:00:00Z', '2026-09-07T10:00:00Z', '2026-09-14T10:00:00Z']
      .map((at, k) => fixtureCheck(plan, 300 + k, at, (i) => ((i + k) % 4 === 3 ? 'not-asked' : ((i + k) % 4) as 0 | 1 | 2)));
    const TRENDS: [string, () => TemplateResult][] = [
      ['<str-relapse-trend>', () => html`<str-relapse-trend .plan=${plan} .checks=${checks}></str-relapse-trend>`],
      ['<str-relapse-signs view="trend">', () => html`<str-relapse-signs view="trend" .plan=${plan} .checks=${checks} .clock=${fixtureClock}></str-relapse-signs>`],
    ];
    for (const [name, make] of TRENDS) {
      it(`${name} at 320 px with five checks: no sideways scroll, no word broken, each value in a labelled list with its sign and date`, async () => {
        const box = await fixture<HTMLDivElement>(html`<div style="width:320px">${make()}</div>`);
        const el = box.firstElementChild as Loaded;
        await el.updateComplete;
        const right = box.getBoundingClientRect().right;
        const shown = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => n.getClientRects().length > 0);
        const widest = Math.max(...shown.map((n) => n.getBoundingClientRect().right));
        expect(widest, 'nothing wider than 320 px').to.be.at.most(right + 0.5);
        // A word broken across lines has more than one box.
        const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
        const broken: string[] = [];
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          if (!t.parentElement?.getClientRects().length) continue;
          for (const m of t.textContent!.matchAll(/\S+/g)) {
            const r = document.createRange();
            r.setStart(t, m.index);
            r.setEnd(t, m.index + m[0].length);
            if (r.getClientRects().length > 1) broken.push(m[0]);
          }
        }
        expect(broken, 'words broken mid-word').to.deep.equal([]);
        const list = $$(el, '.trend-list ul').find((u) => u.getClientRects().length > 0 && u.getAttribute('aria-labelledby')?.startsWith('sign-list'));
        expect(list, 'a labelled list for each sign').to.not.equal(undefined);
        expect($(el, `#${list!.getAttribute('aria-labelledby')}`).textContent).to.equal(plan.signs[0]!.text);
        expect(list!.querySelector('li')!.textContent!.replace(/\s+/g, ' ')).to.equal('18 May 2026: 0 not noticed');
        expect($$(el, 'table').filter((t) => t.getClientRects().length > 0), 'no table shown').to.have.length(0);
        await expectNoAxeViolations(el);
      });
    }

    it('<str-relapse-trend> at 800 px: the tables, not the lists', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width:800px"><str-relapse-trend .plan=${plan} .checks=${checks}></str-relapse-trend></div>`);
      const el = box.firstElementChild as Loaded;
      await el.updateComplete;
      expect($$(el, 'table').filter((t) => t.getClientRects().length > 0)).to.have.length(2);
      expect($$(el, '.trend-list').filter((t) => t.getClientRects().length > 0)).to.have.length(0);
    });
  });
});
