// Hazard H04 (issue 16, 17): an alert confirmed offline on a synced store is only queued on the device. The widget
// must not say it was sent: it says loudly that the co-ordinator has not been told yet, with the crisis contacts, and
// says "sent" only once the record system has it. Real IndexedDB and the real FHIR engine; synthetic data only.
import { expect, fixture, html } from '@open-wc/testing';
import { fhirStore, indexedDbStore, syncedStore, type SyncedStore } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { $, active, button, until } from '../helpers/dom.js';
import { clientAs } from '../helpers/clients.js';
import { validServiceUser } from '../helpers/fixtures.js';
import { fhirBaseUrl, injectFaults, resetEngine } from '../fhir/engine.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import { FIXTURE_COORDINATOR } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const clock = { now: () => new Date(FIXTURE_NOW) };
const names: string[] = [];
after(async () => {
  await injectFaults([]);
  for (const n of names) await deleteDB(n);
});

/** Pushes until the outbox is empty (the record system is reachable). */
async function drained(s: SyncedStore) {
  let state = await s.sync.now();
  for (let i = 0; i < 50 && state.unsynced > 0; i++) state = await s.sync.now();
  expect(state.unsynced, JSON.stringify(state.needsAttention)).to.equal(0);
}

describe('an alert sent offline on a synced store', () => {
  it('is not called sent while only on the device: it says loudly the co-ordinator has not been told, with the contacts, and says sent once the sync confirms it', async function () {
    this.timeout(60_000);
    await resetEngine();
    const name = `alert-offline-${crypto.randomUUID()}`;
    names.push(name);
    const local = indexedDbStore({ name, persist: false });
    const remote = fhirStore({ baseUrl: await fhirBaseUrl(), timeoutMs: 500, attempts: 1 });
    const s = syncedStore({ local, remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
    await s.put('serviceUser', validServiceUser({ id: FIXTURE_PERSON_ID, careCoordinatorId: FIXTURE_COORDINATOR }));
    const plan = await s.put('warningSignPlan', signPlan());
    for (const c of settledChecks(plan)) await s.put('signCheck', { ...c, planVersion: plan.version });
    await drained(s);

    // The network goes: every request to the record system is dropped.
    await injectFaults([{ kind: 'drop', rate: 1 }]);
    const client = clientAs(s, 'str-worker', FIXTURE_WORKER, { clock });
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    el.value = { ...Object.fromEntries(plan.signs.map((x) => [x.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
    button(el, 'Send an alert')!.click();
    const text = () => el.shadowRoot!.textContent ?? '';
    await until(el, () => !!$(el, '[part=alert-waiting]') || /Alert sent/.test(text()), () => `settled: ${text()}`, 600);

    expect(text(), 'not called sent while it is only on this device').to.not.match(/Alert sent/);
    const waiting = $(el, '[part=alert-waiting]');
    expect(waiting.getAttribute('role'), 'said loudly').to.equal('alert');
    expect(waiting.textContent).to.match(/saved on this device/i);
    expect(waiting.textContent).to.match(/not been told/i);
    expect(waiting.textContent).to.match(/contact them directly/i);
    for (const c of plan.contacts) expect(waiting.textContent, c.who).to.include(c.who);
    expect(el.shadowRoot!.querySelector('p.status')?.textContent ?? '').to.match(/saved on this device/i);
    expect(document.activeElement, 'focus is not lost to the page').to.not.equal(document.body);
    expect(active(el), 'focus is on the news').to.not.equal(null);
    expect((await s.sync.entries()).some((e) => e.type === 'alert'), 'the alert waits in the sync outbox').to.equal(true);

    // The network comes back and the sync runs: now it is sent.
    await injectFaults([]);
    await drained(s);
    await until(el, () => /Alert sent to the care co-ordinator/.test(text()), () => `sent: ${text()}`, 600);
    expect($(el, '[part=alert-waiting]'), 'the waiting notice is gone').to.equal(null);
    el.remove();
    s.close?.();
  });
});
