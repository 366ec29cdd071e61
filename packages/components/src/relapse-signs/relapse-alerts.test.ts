// The alert flow (issue 8): an alert that always gets through, and is acknowledged by those allowed to.
import { StrError, indexedDbDrafts, memoryDrafts, memoryStore, type Clock, type Role, type Store } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, button, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import type { StrRelapseSigns } from './relapse-signs.js';
import { FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, settledChecks, signPlan } from './relapse-signs.fixtures.js';
import { fixtureWorkers } from '../care-plan/care-plan.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

async function seed(store: Store) {
  for (const w of fixtureWorkers) await store.put('worker', w);
  await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
  const plan = await store.put('warningSignPlan', signPlan());
  for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: plan.version });
  return plan;
}

/** A store whose alert writes fail while `down` is true, as a lost connection does. */
function flaky(real: Store) {
  const state = { down: true, alertWrites: 0, attempts: 0 };
  const store: Store = {
    ...real, name: real.name, durability: real.durability, get: real.get, list: real.list, history: real.history, subscribe: real.subscribe,
    put: (type, record, expected) => {
      if (type === 'alert') {
        state.attempts++;
        if (state.down) return Promise.reject(new StrError('transport', 'connection lost', true));
        state.alertWrites++;
      }
      return real.put(type, record, expected);
    },
  };
  return { store, state };
}

async function checkThatFires(el: StrRelapseSigns) {
  const plan = signPlan();
  el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
}

describe('the alert flow', () => {
  it('an alert confirmed while the store refuses stays on screen as not sent, survives a reload, and is sent once by retry', async () => {
    const real = memoryStore();
    await seed(real);
    const { store, state } = flaky(real);
    const name = `alert-outbox-${Math.random()}`;
    const drafts = indexedDbDrafts({ name });
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts })} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    await checkThatFires(el);
    $<HTMLTextAreaElement>(el, '#alert-note').value = 'Frightened tonight.';
    $<HTMLTextAreaElement>(el, '#alert-note').dispatchEvent(new Event('input'));
    button(el, 'Send an alert')!.click();
    await until(el, () => !!$(el, '.outbox'), 'shown as not sent');
    expect($(el, '.outbox').getAttribute('role')).to.equal('alert');
    expect($(el, '.outbox').textContent).to.include('An alert has not been sent yet');
    expect($(el, '.outbox').textContent).to.include('Late sign “Hearing people talk about me through the wall” rated quite a lot (2 of 3)');
    expect($(el, '.outbox').textContent).to.include('Jo, my sister: Text her first; she will ring back');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.outbox'));
    await expectNoAxeViolations(el);

    // Reload: a new element and client on the same device.
    el.remove();
    drafts.close?.();
    const drafts2 = indexedDbDrafts({ name });
    const again = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts: drafts2 })} .clock=${clock}></str-relapse-signs>`);
    await again.whenLoaded();
    await until(again, () => !!$(again, '.outbox'), 'still not sent after the reload');
    button(again, 'Try sending the alert again')!.click();
    const before = state.attempts;
    await until(again, () => state.attempts > before && button(again, 'Try sending the alert again')?.disabled === false, 'the retry tried and failed');
    expect(state.alertWrites, 'still failing: nothing stored').to.equal(0);
    expect($(again, '.outbox'), 'still shown').to.not.equal(null);

    state.down = false;
    const raised = oneEvent(again, 'str-alert-raised');
    button(again, 'Try sending the alert again')!.click();
    const { detail } = await raised;
    await until(again, () => !$(again, '.outbox'), 'the outbox empties');
    const alerts = (await real.list('alert', { serviceUserId: FIXTURE_PERSON_ID })).items;
    expect(alerts).to.have.length(1);
    expect(alerts[0]).to.deep.include({ id: detail.id, note: 'Frightened tonight.', status: 'open' });
    expect(state.alertWrites).to.equal(1);
    expect((await drafts2.list()).filter((d) => d.key.startsWith('relapse-signs:alert:'))).to.have.length(0);
  });

  it('a note over 2,000 characters is refused in the form with the limit, kept as typed, and never left unsendable', async () => {
    const store = memoryStore();
    await seed(store);
    const drafts = memoryDrafts();
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts })} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    await checkThatFires(el);
    expect($(el, '#alert-note-hint').textContent).to.equal('Up to 2,000 characters');
    const long = 'x'.repeat(2001);
    $<HTMLTextAreaElement>(el, '#alert-note').value = long;
    $<HTMLTextAreaElement>(el, '#alert-note').dispatchEvent(new Event('input'));
    button(el, 'Send an alert')!.click();
    await until(el, () => !!$(el, '#alert-note-error'), 'the limit is shown');
    expect($(el, '#alert-note-error').textContent).to.include('Enter 2,000 characters or fewer in the note (it has 2,001)');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#alert-note'));
    expect($(el, '.outbox'), 'nothing is queued that the SDK would refuse for ever').to.equal(null);
    expect((await drafts.list(FIXTURE_WORKER)).filter((d) => d.key.startsWith('relapse-signs:alert:'))).to.have.length(0);
    expect($<HTMLTextAreaElement>(el, '#alert-note').value).to.equal(long);
    // Shortened, it goes.
    $<HTMLTextAreaElement>(el, '#alert-note').value = 'x'.repeat(2000);
    $<HTMLTextAreaElement>(el, '#alert-note').dispatchEvent(new Event('input'));
    const raised = oneEvent(el, 'str-alert-raised');
    button(el, 'Send an alert')!.click();
    await raised;
    const alerts = (await store.list('alert', { serviceUserId: FIXTURE_PERSON_ID })).items;
    expect(alerts.map((a) => a.note.length)).to.deep.equal([2000]);
  });

  it('a sent alert whose reply was lost is recognised after a reload and not shown as unsent', async () => {
    const store = memoryStore();
    const plan = await seed(store);
    const drafts = memoryDrafts();
    const worker = clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts });
    const check = await worker.signChecks.create({ planId: plan.id, ratings: { [plan.signs[9]!.id]: 3 } });
    const alert = { id: crypto.randomUUID(), checkId: check.id, reason: 'Late sign rated a lot', note: '' };
    await drafts.save(FIXTURE_WORKER, `relapse-signs:alert:${FIXTURE_PERSON_ID}:${alert.id}`, { alert, serviceUserId: FIXTURE_PERSON_ID, savedAt: '2026-06-05T15:00:00Z' }, '2026-06-05T15:00:00Z');
    await worker.alerts.create({ id: alert.id, checkId: alert.checkId }); // it arrived; the reply did not
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${worker} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    expect($(el, '.outbox')).to.equal(null);
    expect(await drafts.list(FIXTURE_WORKER)).to.have.length(0);
  });

  describe('open alerts for the care co-ordinator', () => {
    async function withAlerts() {
      const store = memoryStore();
      const plan = await seed(store);
      const early = clientAs(store, 'str-worker', FIXTURE_WORKER, { clock: { now: () => new Date('2026-06-04T09:00:00Z') } });
      const late = clientAs(store, 'str-worker', FIXTURE_WORKER, { clock: { now: () => new Date('2026-06-05T14:00:00Z') } });
      const c1 = await early.signChecks.create({ planId: plan.id, ratings: { [plan.signs[9]!.id]: 2 } });
      const old = await early.alerts.create({ checkId: c1.id, reason: 'Late sign “Hearing people talk about me through the wall” rated quite a lot (2 of 3)', note: 'Scared.' });
      const c2 = await late.signChecks.create({ planId: plan.id, ratings: { [plan.signs[10]!.id]: 2 } });
      const recent = await late.alerts.create({ checkId: c2.id, reason: 'Late sign “Thinking the TV is sending me messages” rated quite a lot (2 of 3)' });
      return { store, old, recent };
    }

    it('oldest first; overdue past 24 hours by a fixed clock, with the person\u2019s crisis contacts', async () => {
      const { store, old, recent } = await withAlerts();
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="alerts" .client=${clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR)} .clock=${clock}></str-relapse-signs>`);
      await until(el, () => $$(el, 'li.alert').length === 2, 'alerts listed');
      const items = $$(el, 'li.alert');
      expect(items[0]!.textContent).to.include(old.reason);
      expect(items[0]!.classList.contains('overdue')).to.equal(true);
      expect(items[0]!.textContent!.replace(/\s+/g, ' ')).to.include('Overdue: open for 31 hours, more than 24.');
      expect(items[0]!.textContent).to.include('Jo, my sister: Text her first; she will ring back');
      expect(items[0]!.querySelector('h3')!.textContent).to.equal('Sam Storyperson');
      expect(items[0]!.textContent, 'the worker by name').to.include('by Ash Storyworker');
      expect(items[1]!.textContent).to.include(recent.reason);
      expect(items[1]!.classList.contains('overdue')).to.equal(false);
      await expectNoAxeViolations(el);
      el.alertOverdueHours = 48;
      await el.updateComplete;
      expect($$(el, 'li.alert.overdue')).to.have.length(0);
    });

    it('acknowledges with what was done; a blank action is refused with a message', async () => {
      const { store, old } = await withAlerts();
      const cc = clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR);
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="alerts" .client=${cc} .clock=${clock}></str-relapse-signs>`);
      await until(el, () => $$(el, 'li.alert').length === 2);
      $$<HTMLButtonElement>(el, 'li.alert button')[0]!.click();
      await until(el, () => !!$(el, `#ack-${old.id}-error`));
      expect($(el, `#ack-${old.id}-error`).textContent).to.include('Enter what was done');
      expect(el.shadowRoot!.activeElement?.id).to.equal(`ack-${old.id}`);
      await expectNoAxeViolations(el);
      const area = $<HTMLTextAreaElement>(el, `#ack-${old.id}`);
      area.value = 'Visited with the crisis team the same evening.';
      area.dispatchEvent(new Event('input'));
      const acked = oneEvent(el, 'str-alert-acknowledged');
      $$<HTMLButtonElement>(el, 'li.alert button')[0]!.click();
      expect((await acked).detail).to.include({ id: old.id, serviceUserId: FIXTURE_PERSON_ID });
      await until(el, () => $$(el, 'li.alert:not(.done)').length === 1, 'the acknowledged alert leaves the open list');
      expect((await cc.alerts.get(old.id)).acknowledged).to.deep.include({ by: FIXTURE_COORDINATOR, action: 'Visited with the crisis team the same evening.' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('alerts-heading');
      const done = $$(el, 'li.alert.done');
      expect(done).to.have.length(1);
      expect(done[0]!.textContent!.replace(/\s+/g, ' ')).to.include('by Bea Storycoordinator: Visited with the crisis team the same evening.');
      await expectNoAxeViolations(el);
    });

    for (const role of ['str-worker', 'peer-support-worker', 'viewer', 'care-coordinator', 'team-lead'] as Role[]) {
      it(`${role} ${role === 'care-coordinator' || role === 'team-lead' ? 'may' : 'may not'} acknowledge`, async () => {
        const { store } = await withAlerts();
        const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="alerts" .client=${clientAs(store, role, 'me')} .clock=${clock}></str-relapse-signs>`);
        await until(el, () => $$(el, 'li.alert').length === 2);
        expect($$(el, 'li.alert button').length > 0).to.equal(role === 'care-coordinator' || role === 'team-lead');
      });
    }
  });
});
