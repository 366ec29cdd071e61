// Issue 14, "Right person, right actor": what the client itself guarantees (docs/adr/0004-right-person-right-actor.md).
import { expect } from '@open-wc/testing';
import { rejectsWith as rejects } from './client.fixtures.js';
import { PERSON_ID } from './records.fixtures.js';
import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { createClient } from './client.js';
import type { Clock, Store } from './ports.js';
import type { Role } from './schemas/people.js';

const NOW = new Date('2026-06-03T12:00:00Z');
const clock: Clock = { now: () => new Date(NOW) };
const clientAs = (store: Store, role: Role, id = `${role}-1`, drafts = memoryDrafts()) => createClient({ store, drafts, actor: { id, role }, clock });


/** A store whose list answers only when `release` is called. */
function heldStore(): { store: Store; release: () => void } {
  const inner = memoryStore();
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const store = Object.create(inner) as Store;
  store.list = async (type, query) => {
    await held;
    return inner.list(type, query);
  };
  return { store, release };
}

describe('reads honour an AbortSignal', () => {
  it('a list whose signal is already aborted rejects with `aborted` and returns nothing', async () => {
    const client = clientAs(memoryStore(), 'str-worker');
    await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5' });
    const ac = new AbortController();
    ac.abort();
    await rejects(client.contacts.list({ serviceUserId: PERSON_ID, signal: ac.signal }), 'aborted');
  });

  it('a list in flight rejects with `aborted` as soon as its signal aborts, before the store answers', async () => {
    const { store, release } = heldStore();
    const client = clientAs(store, 'str-worker');
    const ac = new AbortController();
    const listing = client.contacts.list({ serviceUserId: PERSON_ID, signal: ac.signal });
    ac.abort();
    await rejects(listing, 'aborted');
    release();
  });

  it('a signal that is not an AbortSignal is a validation error', async () => {
    const client = clientAs(memoryStore(), 'str-worker');
    await rejects(client.contacts.list({ signal: 'stop' as never }), 'validation');
  });
});

const contactInput = { serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: 'Walked to the park.' } as const;

describe('the role table covers who a record names', () => {
  it('a worker may not correct their contact so that it names another worker; nothing is stored', async () => {
    const store = memoryStore();
    const mine = clientAs(store, 'str-worker', 'w-a');
    const saved = await mine.contacts.create(contactInput);
    const e = await rejects(mine.contacts.update(saved.id, { workerId: 'w-b' }, saved.version), 'forbidden');
    expect(e.message).to.include(saved.id).and.not.include('park');
    expect((await mine.contacts.history(saved.id)).map((c) => c.workerId)).to.deep.equal(['w-a']);
    // So the other worker still cannot edit a contact they never logged.
    await rejects(clientAs(store, 'str-worker', 'w-b').contacts.update(saved.id, { durationMinutes: 5 }, saved.version), 'forbidden');
  });

  it('a worker may still correct other fields, naming themselves', async () => {
    const mine = clientAs(memoryStore(), 'str-worker', 'w-a');
    const saved = await mine.contacts.create(contactInput);
    const fixed = await mine.contacts.update(saved.id, { workerId: 'w-a', durationMinutes: 45 }, saved.version);
    expect(fixed).to.include({ workerId: 'w-a', durationMinutes: 45 });
  });

  it('a care co-ordinator may reassign a contact to another worker', async () => {
    const store = memoryStore();
    const saved = await clientAs(store, 'str-worker', 'w-a').contacts.create(contactInput);
    const moved = await clientAs(store, 'care-coordinator', 'cc-1').contacts.update(saved.id, { workerId: 'w-b' }, saved.version);
    expect(moved.workerId).to.equal('w-b');
  });
});

describe('sign-out with force is gated by role', () => {
  it('a viewer may not force a sign-out that would discard records on the device; nothing is wiped', async () => {
    const store = memoryStore();
    await clientAs(store, 'str-worker', 'w-a').contacts.create(contactInput);
    const viewer = clientAs(store, 'viewer', 'v-1');
    await rejects(viewer.signOut({ force: true }), 'forbidden');
    expect((await store.list('contact')).items).to.have.length(1);
  });

  it("a worker may not force a sign-out that would discard another worker's drafts; both drafts stay", async () => {
    const drafts = memoryDrafts();
    const store = memoryStore();
    const a = clientAs(store, 'str-worker', 'w-a', drafts);
    const b = clientAs(store, 'str-worker', 'w-b', drafts);
    await a.drafts.save(`contact-log:${PERSON_ID}`, { note: 'half' });
    await b.drafts.save(`contact-log:${PERSON_ID}`, { note: 'other half' });
    await rejects(a.signOut({ force: true }), 'forbidden');
    expect(await drafts.list()).to.have.length(2);
  });

  it('a worker may force a sign-out that discards only their own work; a team lead may discard anyone\'s', async () => {
    const drafts = memoryDrafts();
    const a = clientAs(memoryStore(), 'str-worker', 'w-a', drafts);
    await a.drafts.save('k', { note: 'half' });
    expect((await a.signOut({ force: true })).wiped).to.equal(true);
    const store = memoryStore();
    await clientAs(store, 'str-worker', 'w-b', drafts).drafts.save('k', { note: 'other' });
    expect((await clientAs(store, 'team-lead', 'lead-1', drafts).signOut({ force: true })).wiped).to.equal(true);
    expect(await drafts.list()).to.have.length(0);
  });

  it('a signed-out client writes nothing more: a late draft or record is refused', async () => {
    const drafts = memoryDrafts();
    const store = memoryStore();
    const a = clientAs(store, 'str-worker', 'w-a', drafts);
    expect((await a.signOut()).wiped).to.equal(true);
    await rejects(a.drafts.save('contact-log:late', { note: 'late' }), 'unauthenticated');
    await rejects(a.contacts.create(contactInput), 'unauthenticated');
    expect(await drafts.list()).to.have.length(0);
    expect((await store.list('contact')).items).to.have.length(0);
  });
});

describe('an alert says why in the rule\'s words, from the stored check', () => {
  const LATE = '00000000-0000-4000-8000-000000000002';
  async function planAndChecks() {
    let t = Date.parse('2026-06-03T09:00:00Z');
    const tick: Clock = { now: () => new Date((t += 60_000)) };
    const store = memoryStore();
    const cc = createClient({ store, actor: { id: 'cc-1', role: 'care-coordinator' }, clock: tick });
    const person = await cc.serviceUsers.create({ displayName: 'Quinn Testperson' });
    const plan = await cc.warningSignPlans.create({
      serviceUserId: person.id,
      signs: [
        { id: '00000000-0000-4000-8000-000000000001', text: 'Sleeping badly', stage: 'early', response: 'Talk about sleep' },
        { id: LATE, text: 'Feeling watched', stage: 'late', response: 'Call the crisis team with the person' },
      ],
    });
    const worker = createClient({ store, drafts: memoryDrafts(), actor: { id: 'w-1', role: 'str-worker' }, clock: tick });
    return { store, plan, worker, tick };
  }

  it('a check that does not meet the rule raises no alert, whatever reason is given; nothing is stored', async () => {
    const { store, plan, worker } = await planAndChecks();
    const calm = await worker.signChecks.create({ planId: plan.id, ratings: { [LATE]: 0 } });
    const e = await rejects(worker.alerts.create({ checkId: calm.id, reason: 'Late sign rated a lot (invented)' }), 'validation');
    expect(e.details.issues?.[0]?.path).to.equal('checkId');
    expect((await store.list('alert')).items).to.have.length(0);
  });

  it('an invented reason on a check that meets the rule is refused; without one the stored reason is the rule\'s', async () => {
    const { store, plan, worker } = await planAndChecks();
    const firing = await worker.signChecks.create({ planId: plan.id, ratings: { [LATE]: 2 } });
    await rejects(worker.alerts.create({ checkId: firing.id, reason: 'He said he would hurt someone' }), 'validation');
    expect((await store.list('alert')).items).to.have.length(0);
    const alert = await worker.alerts.create({ checkId: firing.id });
    const rule = await worker.signChecks.evaluate(firing.id);
    // The rule's sentences, then its note when the rise rule could not compare (ADR 0005).
    expect(alert.reason).to.equal([...rule.reasons.map((r) => r.text), ...(rule.note ? [rule.note] : [])].join('\n'));
    expect(alert.reason).to.include('Feeling watched');
  });

  it('a check dated before the plan version it uses (beyond 5 minutes) is refused; within 5 minutes it is kept', async () => {
    const { store, plan, worker } = await planAndChecks();
    const savedAt = Date.parse(plan.updatedAt);
    const e = await rejects(worker.signChecks.create({ planId: plan.id, ratings: { [LATE]: 0 }, at: new Date(savedAt - 6 * 60_000).toISOString() }), 'validation');
    expect(e.details.issues?.[0]).to.include({ path: 'at' });
    expect((await store.list('signCheck')).items).to.have.length(0);
    const close = await worker.signChecks.create({ planId: plan.id, ratings: { [LATE]: 0 }, at: new Date(savedAt - 4 * 60_000).toISOString() });
    expect(close.at).to.equal(new Date(savedAt - 4 * 60_000).toISOString());
  });
});
