import { expect } from '@open-wc/testing';
import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { createClient } from './client.js';
import { isStrError, type StrErrorCode } from './errors.js';
import type { Store } from './ports.js';
import { ROLES, type Role } from './schemas/people.js';

let t = Date.parse('2026-06-03T12:00:00Z');
const clock = { now: () => new Date((t += 60_000)) };
const as = (store: Store, role: Role, id = `${role}-1`) => createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function rejects(p: Promise<unknown>, code: StrErrorCode) {
  try {
    await p;
  } catch (e) {
    expect(isStrError(e, code), String(e)).to.equal(true);
    return e as { details: { issues?: { message: string }[] } };
  }
  throw new Error(`expected ${code}`);
}

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
    const check = await worker.signChecks.record({ planId: plan.id, ratings: { [uuid(1)]: 1, [uuid(2)]: 2 }, personsView: 'Not too bad.' });
    expect(check).to.include({ planVersion: plan.version, workerId: 'w-1', serviceUserId: plan.serviceUserId, markedWell: false });
    const result = await worker.signChecks.evaluate(check.id);
    expect(result.fires).to.equal(true);
    expect(result.reasons.map((r) => r.text)).to.deep.equal(['Late sign “Feeling watched” rated quite a lot (2 of 3)']);
    const alert = await worker.alerts.raise({ checkId: check.id, reason: result.reasons.map((r) => r.text).join('\n'), note: 'Seemed frightened.' });
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
    const e = await rejects(worker.signChecks.record({ planId: plan.id, ratings: { [uuid(9)]: 1 } }), 'validation');
    expect(e.details.issues?.[0]?.message).to.equal('The plan changed while the check was open: reload it and rate its signs');
    await rejects(worker.signChecks.record({ planId: plan.id, ratings: {}, at: '2030-01-01T00:00:00Z' }), 'validation');
    await rejects(worker.signChecks.record({ planId: plan.id, ratings: { [uuid(1)]: 4 as never } }), 'validation');
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
      const check = await attempt(me.signChecks.record({ planId: plan.id, ratings: { [uuid(2)]: 2 } }), writer);
      const any = check ?? (await as(store, 'str-worker', 'w').signChecks.record({ planId: plan.id, ratings: { [uuid(2)]: 2 } }));
      const alert = await attempt(me.alerts.raise({ checkId: (any as { id: string }).id }), writer);
      const open = alert ?? (await as(store, 'str-worker', 'w').alerts.raise({ checkId: (any as { id: string }).id }));
      await attempt(me.alerts.acknowledge((open as { id: string }).id, 'Done', (open as { version: string }).version), lead);
    });
  }
});
