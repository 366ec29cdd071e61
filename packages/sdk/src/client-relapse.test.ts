import { expect } from '@open-wc/testing';
import { rejectsWith as rejects } from './client.fixtures.js';
import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { createClient } from './client.js';
import type { Store } from './ports.js';
import { ROLES, type Role } from './schemas/people.js';

let t = Date.parse('2026-06-03T12:00:00Z');
const clock = { now: () => new Date((t += 60_000)) };
const as = (store: Store, role: Role, id = `${role}-1`) => createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;


async function seed(store: Store) {
  const cc = as(store, 'care-coordinator', 'cc-1');
  const person = await cc.serviceUsers.create({ displayName: 'Rae Testperson' });
  const plan = await cc.warningSignPlans.create({
    serviceUserId: person.id,
    agreedOn: '2026-05-01',
    agreedBaseline: { total: 2, fromCheckIds: [] },
    signs: [
      { id: uuid(1), text: 'Sleeping badly for days', stage: 'early', response: 'Talk about sleep; tell the care co-ordinator' },
      { id: uuid(2), text: 'Feeling watched', stage: 'late', response: 'Call the crisis team with the person' },
    ],
    contacts: [{ who: 'Care co-ordinator', how: 'Ring the team office' }],
  });
  return { cc, plan };
}

describe('client.warningSignPlans, signChecks and alerts', () => {
  it('records a check against the plan version, evaluates it, raises and acknowledges an alert', async () => {
    const store = memoryStore();
    const { cc, plan } = await seed(store);
    expect(plan.rule).to.deep.equal({ lateSignAtLeast: 2, risePercent: 50, risePoints: 3, repeatRating: 3, repeatChecks: 2 });
    const worker = as(store, 'str-worker', 'w-1');
    const check = await worker.signChecks.create({ planId: plan.id, ratings: { [uuid(1)]: 1, [uuid(2)]: 2 }, personsView: 'Not too bad.' });
    expect(check).to.include({ planVersion: plan.version, workerId: 'w-1', serviceUserId: plan.serviceUserId, markedWell: false });
    const result = await worker.signChecks.evaluate(check.id);
    expect(result.fires).to.equal(true);
    expect(result.reasons.map((r) => r.text)).to.deep.equal(['Late sign “Feeling watched” rated quite a lot (2 of 3)']);
    const alert = await worker.alerts.create({ checkId: check.id, reason: result.reasons.map((r) => r.text).join('\n'), note: 'Seemed frightened.' });
    expect(alert).to.include({ status: 'open', raisedBy: 'w-1' });
    await rejects(worker.alerts.acknowledge(alert.id, 'Rang them', alert.version), 'forbidden');
    const ack = await cc.alerts.acknowledge(alert.id, 'Visited the same day with the crisis team', alert.version);
    expect(ack.acknowledged).to.include({ by: 'cc-1', action: 'Visited the same day with the crisis team' });
    await rejects(cc.alerts.acknowledge(alert.id, 'again', ack.version), 'validation');
    expect((await cc.warningSignPlans.current(plan.serviceUserId))?.id).to.equal(plan.id);
  });

  it('refuses a check that rates a sign the plan does not have, or a time in the future', async () => {
    const store = memoryStore();
    const { plan } = await seed(store);
    const worker = as(store, 'str-worker', 'w-1');
    const e = await rejects(worker.signChecks.create({ planId: plan.id, ratings: { [uuid(9)]: 1 } }), 'validation');
    expect(e.details.issues?.[0]?.message).to.equal('The plan changed while the check was open: reload it and rate its signs');
    await rejects(worker.signChecks.create({ planId: plan.id, ratings: {}, at: '2030-01-01T00:00:00Z' }), 'validation');
    await rejects(worker.signChecks.create({ planId: plan.id, ratings: { [uuid(1)]: 4 as never } }), 'validation');
  });

  it('update with signs removed works the agreed baseline out again, so a real rise on the signs left fires', async () => {
    const store = memoryStore();
    const cc = as(store, 'care-coordinator', 'cc-1');
    const person = await cc.serviceUsers.create({ displayName: 'Kit Testperson' });
    const s = (n: number, stage: 'early' | 'middle' | 'late') => ({ id: uuid(n), text: `Sign ${n}`, stage, response: `Response ${n}` });
    let plan = await cc.warningSignPlans.create({ serviceUserId: person.id, agreedOn: '2026-05-01', signs: [s(1, 'early'), s(2, 'early'), s(3, 'middle'), s(4, 'middle')] });
    // Well, but with two chronic signs always "a lot": the agreed baseline is 6.
    const well = [];
    for (let i = 0; i < 2; i++) well.push(await cc.signChecks.create({ planId: plan.id, ratings: { [uuid(1)]: 3, [uuid(2)]: 3, [uuid(3)]: 0, [uuid(4)]: 0 }, markedWell: true }));
    plan = await cc.warningSignPlans.update(plan.id, { agreedBaseline: { total: 6, fromCheckIds: well.map((c) => c.id) } }, plan.version);
    expect(plan.agreedBaseline).to.deep.include({ total: 6 });
    // The chronic signs are taken off the plan: the baseline is now 0 on the signs left.
    plan = await cc.warningSignPlans.update(plan.id, { signs: [s(3, 'middle'), s(4, 'middle')] }, plan.version);
    expect(plan.agreedBaseline).to.deep.equal({ total: 0, fromCheckIds: well.map((c) => c.id), signIds: [uuid(3), uuid(4)] });
    const rising = await cc.signChecks.create({ planId: plan.id, ratings: { [uuid(3)]: 2, [uuid(4)]: 2 } });
    const result = await cc.signChecks.evaluate(rising.id);
    expect(result.reasons.map((r) => r.code)).to.deep.equal(['rise']);
  });

  it('refuses a check with no ratings at all; one with every sign "not asked" is stored', async () => {
    const store = memoryStore();
    const { plan } = await seed(store);
    const worker = as(store, 'str-worker', 'w-1');
    const e = await rejects(worker.signChecks.create({ planId: plan.id, ratings: {} }), 'validation');
    expect(e.details.issues?.[0]?.message).to.equal('Rate each sign, or choose “Not asked”');
    expect((await worker.signChecks.forPlan(plan)).length).to.equal(0);
    const notAsked = await worker.signChecks.create({ planId: plan.id, ratings: { [uuid(1)]: 'not-asked', [uuid(2)]: 'not-asked' } });
    expect((await worker.signChecks.evaluate(notAsked.id)).note).to.equal('Every sign was “not asked” at this check, so the rise rule has nothing to compare');
  });

  it('an alert on a plan with many signs firing can be raised: the reason holds every sign\u2019s sentence', async () => {
    const store = memoryStore();
    const cc = as(store, 'care-coordinator', 'cc-1');
    const person = await cc.serviceUsers.create({ displayName: 'Lee Testperson' });
    const signs = Array.from({ length: 40 }, (_, i) => ({ id: uuid(100 + i), text: `Late sign ${i + 1}: hearing the people next door talk about them through the wall`, stage: 'late' as const, response: 'Call the crisis team' }));
    const plan = await cc.warningSignPlans.create({ serviceUserId: person.id, signs });
    const check = await cc.signChecks.create({ planId: plan.id, ratings: Object.fromEntries(signs.map((s) => [s.id, 3 as const])) });
    const result = await cc.signChecks.evaluate(check.id);
    const reason = [...result.reasons.map((r) => r.text), ...(result.note ? [result.note] : [])].join('\n');
    expect(reason.length).to.be.above(2000);
    const alert = await cc.alerts.create({ checkId: check.id, reason });
    expect(alert.reason).to.equal(reason);
  });

  for (const role of ROLES) {
    it(`${role}: the relapse cells of the role table`, async () => {
      const store = memoryStore();
      const { plan } = await seed(store);
      const me = as(store, role, 'me');
      const writer = role !== 'viewer';
      const lead = role === 'care-coordinator' || role === 'team-lead';
      const attempt = async (p: Promise<unknown>, ok: boolean) => (ok ? p : rejects(p, 'forbidden'));
      await attempt(me.warningSignPlans.update(plan.id, { reviewOn: '2026-09-01' }, (await me.warningSignPlans.get(plan.id)).version), lead);
      const check = await attempt(me.signChecks.create({ planId: plan.id, ratings: { [uuid(2)]: 2 } }), writer);
      const any = check ?? (await as(store, 'str-worker', 'w').signChecks.create({ planId: plan.id, ratings: { [uuid(2)]: 2 } }));
      const alert = await attempt(me.alerts.create({ checkId: (any as { id: string }).id }), writer);
      const open = alert ?? (await as(store, 'str-worker', 'w').alerts.create({ checkId: (any as { id: string }).id }));
      await attempt(me.alerts.acknowledge((open as { id: string }).id, 'Done', (open as { version: string }).version), lead);
    });
  }
});
