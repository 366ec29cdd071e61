// Issue 14, "Right person, right actor": the same widget elements are re-pointed between people (and signed-in
// actors) many times while every store call takes a random few milliseconds. At no render may a widget show another
// person's records, or another actor's half-typed work; every write is read back and must name the person and actor
// the element named when the worker saved. Synthetic people only.
import { createClient, fhirStore, memoryDrafts, memoryStore, type Clock, type DraftStore, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import type { StrCarePlan } from '../../packages/components/src/care-plan/care-plan.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import { delayingStore, seedPeople, personMarker, randomDelay, type Person } from './race-helpers.js';
import { resetEngine } from '../fhir/engine.js';
import { proxiedBaseUrl, proxyReport, setProxyFaults } from '../sync/fault-proxy.js';

const clock: Clock = { now: () => new Date('2026-06-05T16:00:00Z') };
const SWITCHES = 1000;

type Widget = StrContactLog | StrCarePlan | StrRelapseSigns;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Write { readonly type: 'contact' | 'signCheck'; readonly id: string; readonly person: string; readonly actor: string }

/** The client as the widget sees it, noting for every write the person and actor the element named at that moment. */
function recording(client: StrClient, el: () => Widget, writes: Write[]): StrClient {
  return {
    ...client,
    contacts: {
      ...client.contacts,
      create: (input) => {
        writes.push({ type: 'contact', id: input.id!, person: el().serviceUserId, actor: client.actor.id });
        return client.contacts.create(input);
      },
    },
    signChecks: {
      ...client.signChecks,
      create: (input) => {
        writes.push({ type: 'signCheck', id: input.id!, person: el().serviceUserId, actor: client.actor.id });
        return client.signChecks.create(input);
      },
    },
  };
}

/** Fills and submits the contact-log form with a note naming the person and actor it is typed for. */
function typeAndSave(el: StrContactLog, note: string) {
  const root = el.shadowRoot!;
  const click = (sel: string) => root.querySelector<HTMLInputElement>(sel)?.click();
  click('input[name=duration][value="30"]');
  click('input[name=mechanism][value="01"]');
  click('input[name=location][value="A01"]');
  const area = root.querySelector<HTMLTextAreaElement>('#note');
  if (!area) return false;
  area.value = note;
  area.dispatchEvent(new Event('input'));
  root.querySelector<HTMLFormElement>('form[part=form]')?.requestSubmit();
  return true;
}

function rateAndSave(el: StrRelapseSigns) {
  const root = el.shadowRoot!;
  const none = [...root.querySelectorAll<HTMLButtonElement>('form[part=check] button.secondary')].find((b) => b.textContent?.startsWith('None noticed'));
  if (!none) return false;
  none.click();
  root.querySelector<HTMLFormElement>('form[part=check]')?.requestSubmit();
  return true;
}

/** Text on screen, including what form fields hold (a property, not a DOM node). */
function screenText(el: Widget): string {
  const root = el.shadowRoot!;
  const values = [...root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input[type=text], input:not([type])')].map((f) => f.value);
  return `${root.textContent ?? ''}\n${values.join('\n')}`;
}

describe('right person, right actor: widgets re-pointed under random store delays', function () {
  this.timeout(120_000);
  let memory: Store;
  let peopleInMemory: readonly Person[];
  const actors = ['w-race-1', 'w-race-2'] as const;

  beforeEach(async () => {
    memory = memoryStore();
    peopleInMemory = await seedPeople(memory, 3);
  });

  interface BatteryOptions {
    readonly switchActors: boolean;
    readonly delayed: Store;
    readonly drafts: DraftStore;
    readonly switches: number;
    /** Where writes are read back from, and who is switched between (default: the memory store and its people). */
    readonly readBack?: Store;
    readonly people?: readonly Person[];
    /** Longest wait between switches (ms); saves every this many switches. */
    readonly pauseMs?: number;
    readonly saveEvery?: number;
    /** Stay on the person this long after some saves (a worker who saves, then moves on), so saves also complete. */
    readonly holdAfterSaveMs?: number;
  }

  async function battery(options: BatteryOptions) {
    const people = options.people ?? peopleInMemory;
    const store = options.readBack ?? memory;
    const every = options.saveEvery ?? 25;
    const writes: Write[] = [];
    const wrong: string[] = [];
    const started = performance.now();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <str-contact-log .clock=${clock}></str-contact-log>
      <str-care-plan .clock=${clock}></str-care-plan>
      <str-relapse-signs .clock=${clock}></str-relapse-signs>
    </div>`);
    const els = [...wrapper.children] as Widget[];
    const [log, plan, signs] = els as [StrContactLog, StrCarePlan, StrRelapseSigns];
    const clients = new Map(actors.map((a) => [a, createClient({ store: options.delayed, drafts: options.drafts, actor: { id: a, role: 'str-worker' }, clock })]));
    const wrapped = new Map<string, Map<Widget, StrClient>>(actors.map((a) => [a, new Map(els.map((el) => [el, recording(clients.get(a)!, () => el, writes)]))]));

    /** What each element may show now: its own person's records, and notes typed for that person by its actor. */
    const check = (el: Widget, when: string) => {
      const text = screenText(el);
      const typed = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')?.value ?? '';
      const actor = el.client?.actor.id ?? '';
      for (const p of people) {
        if (p.id === el.serviceUserId) continue;
        if (text.includes(personMarker(p)) || text.includes(`typed ${p.id}`)) wrong.push(`${el.localName} for ${el.serviceUserId} showed ${p.id}'s data (${when})`);
      }
      for (const a of actors) {
        if (a !== actor && typed.includes(`by ${a}`)) wrong.push(`${el.localName} for ${actor} showed work typed by ${a} (${when})`);
      }
    };
    // Every render: a mutation record is delivered right after the element draws, before the next switch (a task).
    const observers = els.map((el) => {
      const o = new MutationObserver(() => check(el, 'render'));
      o.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      return o;
    });

    let actor: (typeof actors)[number] = actors[0];
    let saves = 0;
    for (let i = 0; i < options.switches; i++) {
      const person = people[Math.floor(Math.random() * people.length)]!;
      if (options.switchActors && Math.random() < 0.3) actor = actors[Math.floor(Math.random() * actors.length)]!;
      for (const el of els) {
        el.client = wrapped.get(actor)!.get(el)!;
        el.setAttribute('service-user-id', person.id);
      }
      await randomDelay(options.pauseMs ?? 3);
      for (const el of els) check(el, `after switch ${i}`);
      if (options.holdAfterSaveMs && (i % every === 0 || i % every === Math.floor(every / 4))) {
        // A worker who waits for the person's records before saving (the FHIR round trips take longer than a switch).
        for (let k = 0; k < 400 && !els.every((el) => screenText(el).includes(person.marker)); k++) await sleep(5);
      }
      if (i % every === 0 && typeAndSave(log, `typed ${log.serviceUserId} by ${actor} #${i}`)) {
        saves++;
        if (options.holdAfterSaveMs) await sleep(options.holdAfterSaveMs);
      }
      else if (i % every === Math.floor(every / 2) && log.shadowRoot!.querySelector('#note')) {
        // Half-typed work that must never follow a switch to another person or actor.
        const area = log.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')!;
        area.value = `typed ${log.serviceUserId} by ${actor} (draft #${i})`;
        area.dispatchEvent(new Event('input'));
      }
      if (i % every === Math.floor(every / 4) && rateAndSave(signs)) {
        saves++;
        if (options.holdAfterSaveMs) await sleep(options.holdAfterSaveMs);
      }
    }
    // Settle: the last person's records arrive, and only theirs.
    const last = log.serviceUserId;
    for (let i = 0; i < 2000 && !els.every((el) => screenText(el).includes(personMarker(people.find((p) => p.id === last)!))); i++) await sleep(5);
    for (const el of els) {
      check(el, 'settled');
      expect(screenText(el), `${el.localName} shows the last person's records once settled`).to.include(personMarker(people.find((p) => p.id === last)!));
    }
    observers.forEach((o) => o.disconnect());
    const elapsed = performance.now() - started;
    expect(elapsed, 'the battery keeps the suite fast').to.be.below(120_000);
    for (let i = 0; i < 200 && log.shadowRoot!.querySelector('button[type=submit]')?.textContent?.includes('Saving'); i++) await sleep(10);
    await sleep(options.readBack ? 500 : 50); // saves still in flight land

    expect(wrong.slice(0, 5), `${wrong.length} renders of another person's data or another actor's work`).to.deep.equal([]);
    const minimum = Math.floor(options.switches / every);
    // Enough writes to mean something; how many land while switching depends on the machine's load, so the floor is low.
    expect(saves, `the battery saved records while switching: ${screenText(log).slice(0, 300)}`).to.be.greaterThan(minimum / 8);
    expect(writes.length).to.be.greaterThan(minimum / 8);
    // Every write read back: it names the person the element named, and the actor who was signed in, when saved.
    const misfiled: string[] = [];
    for (const w of writes) {
      const stored = await store.get(w.type, w.id);
      if (!stored) continue; // refused (e.g. a check whose plan changed under it): nothing written, nothing wrong
      const suid = (stored as { serviceUserId: string }).serviceUserId;
      if (suid !== w.person || stored.createdBy !== w.actor) misfiled.push(`${w.type} ${w.id} for ${w.person}/${w.actor} stored as ${suid}/${stored.createdBy}`);
      if (w.type === 'contact') {
        const note = (stored as { note: string }).note;
        if (!note.startsWith(`typed ${suid} by ${stored.createdBy}`)) misfiled.push(`contact ${w.id} holds a note typed for someone else`);
      }
    }
    expect(misfiled.slice(0, 5), `${misfiled.length} writes for the wrong person or actor`).to.deep.equal([]);
    void plan;
  }

  it('1,000 switches between three people (memory store, 0–3 ms delays): no other person shown, no write misfiled', async () => {
    await battery({ switchActors: false, delayed: delayingStore(memory, 3), drafts: memoryDrafts(), switches: SWITCHES });
  });

  it('1,000 switches between people and two signed-in workers: no other actor\'s work shown, no write under another actor', async () => {
    await battery({ switchActors: true, delayed: delayingStore(memory, 3), drafts: memoryDrafts(), switches: SWITCHES });
  });

  it('1,000 switches on the FHIR engine through a delaying HTTP proxy (0–20 ms a request): no other person shown, no write misfiled', async function () {
    this.timeout(180_000);
    await resetEngine();
    // Every request goes through the proxy on 127.0.0.1 (test/fhir-server/fault-proxy.mjs), held there 0–20 ms.
    await setProxyFaults([{ kind: 'delay', rate: 1, maxMs: 20 }]);
    const fhir = fhirStore({ baseUrl: await proxiedBaseUrl() });
    try {
      const people = await seedPeople(fhir, 3);
      await battery({ switchActors: true, delayed: fhir, readBack: fhir, people, drafts: memoryDrafts(), switches: 1000, pauseMs: 10, saveEvery: 50, holdAfterSaveMs: 300 });
      // The requests really went through the proxy and were held there.
      expect((await proxyReport()).injected.delay ?? 0).to.be.greaterThan(100);
    } finally {
      await setProxyFaults([]);
    }
  });
});

describe('drafts never cross a sign-in', () => {
  it('<str-contact-log>: a note typed by one worker is kept as their draft, never shown to or saved for the next worker', async () => {
    const store = memoryStore();
    const [person] = await seedPeople(store, 1);
    const drafts = memoryDrafts();
    const a = createClient({ store, drafts, actor: { id: 'w-a', role: 'str-worker' }, clock });
    const b = createClient({ store, drafts, actor: { id: 'w-b', role: 'str-worker' }, clock });
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${person!.id} .client=${a} .clock=${clock}></str-contact-log>`);
    const note = () => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')!;
    note().value = 'Typed by worker A';
    note().dispatchEvent(new Event('input'));
    el.client = b; // the host signs someone else in, mid-draft
    await el.updateComplete;
    expect(note().value, 'the next worker sees an empty form').to.equal('');
    await sleep(500); // past the draft timer
    expect(await drafts.list('w-b'), "nothing saved as the next worker's draft").to.deep.equal([]);
    expect((await drafts.list('w-a')).map((d) => (d.value as { value: { note: string } }).value.note), 'kept for the worker who typed it').to.deep.equal(['Typed by worker A']);
    el.client = a;
    for (let i = 0; i < 100 && note().value === ''; i++) await sleep(5);
    expect(note().value, "worker A's draft comes back to worker A").to.equal('Typed by worker A');
  });

  it('<str-contact-log>: after the first worker signs out, switching to the next writes no draft of theirs back', async () => {
    const store = memoryStore();
    const [person] = await seedPeople(store, 1);
    const drafts = memoryDrafts();
    const a = createClient({ store: memoryStore(), drafts, actor: { id: 'w-a', role: 'str-worker' }, clock });
    const b = createClient({ store, drafts, actor: { id: 'w-b', role: 'str-worker' }, clock });
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${person!.id} .client=${a} .clock=${clock}></str-contact-log>`);
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')!;
    area.value = 'Typed just before sign-out';
    area.dispatchEvent(new Event('input'));
    expect((await a.signOut({ force: true })).wiped).to.equal(true);
    el.client = b;
    await el.updateComplete;
    await sleep(500);
    expect(await drafts.list(), 'the signed-out worker leaves nothing on the device').to.deep.equal([]);
  });
});
