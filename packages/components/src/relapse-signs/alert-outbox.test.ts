// One alert outbox (issue 17, ADR 0011): where the client has a sync outbox, a confirmed alert goes through it and
// nowhere else; on a plain store the device copy stays (relapse-alerts.test.ts). Real IndexedDB; synthetic data only.
import { memoryDrafts, memoryStore, syncedStore, type Clock, type DraftStore } from '@strkit/sdk';
import { indexedDbStore } from '@strkit/sdk/indexeddb';
import { expect, fixture, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { $, button, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import '../define/str-relapse-signs.js';
import type { StrRelapseSigns } from './relapse-signs.js';
import { OUTBOX } from './check-result.controller.js';
import { fixtureWorkers } from '../care-plan/care-plan.fixtures.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, settledChecks, signPlan } from './relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

describe('one alert outbox', () => {
  it('with a sync outbox, a confirmed alert is written to the device store and its outbox only, never a second device copy', async () => {
    const name = `one-outbox-${crypto.randomUUID()}`;
    const local = indexedDbStore({ name, persist: false });
    const store = syncedStore({ local, remote: memoryStore(), auto: false });
    for (const w of fixtureWorkers) await store.put('worker', w);
    await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
    const plan = await store.put('warningSignPlan', signPlan());
    for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: plan.version });
    // The real drafts, with every key written noted: the device copy would be one of them.
    const real = memoryDrafts();
    const written: string[] = [];
    const drafts: DraftStore = { ...real, save: (actorId, key, value, savedAt) => (written.push(key), real.save(actorId, key, value, savedAt)) };
    const client = clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts, clock });
    expect(client.sync, 'the client has a sync outbox').to.not.equal(undefined);
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
    button(el, 'Send an alert')!.click();
    await until(el, () => /Alert (sent|recorded)/.test(el.shadowRoot!.querySelector('p.status')?.textContent ?? ''), 'sent');

    const alerts = (await local.outbox()).filter((e) => e.type === 'alert');
    expect(alerts, 'one alert waits in the sync outbox for the record system').to.have.length(1);
    expect(await client.alerts.get(alerts[0]!.id), 'and is in the device store').to.not.equal(undefined);
    expect(written.filter((k) => k.startsWith(OUTBOX)), 'no second, device copy').to.deep.equal([]);
    expect($(el, '.outbox'), 'nothing shown as not sent: the outbox holds it').to.equal(null);
    local.close?.();
    await deleteDB(name);
  });
});
