// The staff rules (issue 22, docs/adr/0025-staff-records.md) at every boundary, on UK calendar dates.
import { expect } from '@open-wc/testing';
import type { Supervision, Training, TrainingItem } from '../schemas/staff.js';
import { SUPERVISION_INTERVAL_DAYS, supervisionState, trainingStatus } from './staff.js';

const env = (id: string) => ({ id, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead-1', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead-1' });
const sup = (id: string, heldOn: string, extra: Partial<Supervision> = {}): Supervision => ({
  ...env(id), workerId: 'worker-1', supervisorId: 'lead-1', heldOn, kind: 'clinical', actions: [], ...extra,
});

describe('supervision due and overdue', () => {
  it('never supervised: says so, not "overdue by" a made-up number', () => {
    expect(supervisionState([], 'worker-1', '2026-06-01')).to.deep.equal({ state: 'never' });
    expect(supervisionState([sup('a', '2026-05-01', { workerId: 'worker-2' })], 'worker-1', '2026-06-01').state).to.equal('never');
  });

  it('six weeks from the last one: the day before due, due that day, 1 day over the day after', () => {
    expect(SUPERVISION_INTERVAL_DAYS).to.equal(42);
    const s = [sup('a', '2026-04-20')]; // due Monday 1 June 2026
    expect(supervisionState(s, 'worker-1', '2026-05-31')).to.deep.include({ state: 'within', dueOn: '2026-06-01', daysSince: 41, daysOverdue: 0 });
    expect(supervisionState(s, 'worker-1', '2026-06-01')).to.deep.include({ state: 'due-today', daysOverdue: 0 });
    expect(supervisionState(s, 'worker-1', '2026-06-02')).to.deep.include({ state: 'overdue', daysOverdue: 1, daysSince: 43 });
  });

  it('an agreed next date wins over the interval; a team’s own interval is honoured', () => {
    const s = [sup('a', '2026-04-20', { nextDueOn: '2026-05-18' })];
    expect(supervisionState(s, 'worker-1', '2026-05-19')).to.deep.include({ state: 'overdue', dueOn: '2026-05-18', daysOverdue: 1 });
    expect(supervisionState([sup('a', '2026-04-20')], 'worker-1', '2026-05-19', 28)).to.deep.include({ state: 'overdue', dueOn: '2026-05-18' });
  });

  it('counts calendar days across the clocks going forward (29 March 2026) and back (25 October 2026)', () => {
    expect(supervisionState([sup('a', '2026-03-28')], 'worker-1', '2026-03-30')).to.deep.include({ daysSince: 2 });
    expect(supervisionState([sup('a', '2026-10-24')], 'worker-1', '2026-10-26')).to.deep.include({ daysSince: 2 });
  });

  it('the latest held on or before today counts; one entered in error or dated in the future does not', () => {
    const s = [
      sup('a', '2026-04-20'),
      sup('b', '2026-05-20', { enteredInError: { reason: 'Wrong worker', at: '2026-05-21T09:00:00Z', by: 'lead-1' } }),
      sup('c', '2026-06-10'),
    ];
    expect(supervisionState(s, 'worker-1', '2026-06-02')).to.deep.include({ state: 'overdue', lastHeldOn: '2026-04-20' });
    expect(supervisionState(s, 'worker-1', '2026-06-10')).to.deep.include({ state: 'within', lastHeldOn: '2026-06-10' });
  });
});

const ITEMS: TrainingItem[] = [
  { id: 'safeguarding-2', title: 'Safeguarding adults, level 2', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 36 },
  { id: 'induction', title: 'Trust induction', roles: ['str-worker', 'peer-support-worker'] },
  { id: 'coordinator-only', title: 'Care co-ordination', roles: ['care-coordinator'] },
];
const done = (id: string, itemId: string, completedOn: string, extra: Partial<Training> = {}): Training => ({
  ...env(id), workerId: 'worker-1', itemId, title: itemId, completedOn, ...extra,
});
const worker = { id: 'worker-1', role: 'str-worker' };
const stateOf = (records: Training[], today: string, item = 'safeguarding-2') => trainingStatus(ITEMS, records, worker, today).find((s) => s.item.id === item)!;

describe('training status', () => {
  it('lists only the items the worker’s role must complete; missing when there is no record', () => {
    const all = trainingStatus(ITEMS, [], worker, '2026-06-01');
    expect(all.map((s) => [s.item.id, s.state])).to.deep.equal([['safeguarding-2', 'missing'], ['induction', 'missing']]);
  });

  it('expiring within 30 days: 31 days before the expiry done, 30 days before expiring, on the day expired', () => {
    const r = [done('t', 'safeguarding-2', '2023-07-01', { expiresOn: '2026-07-01' })];
    expect(stateOf(r, '2026-05-31')).to.deep.include({ state: 'done', daysLeft: 31 });
    expect(stateOf(r, '2026-06-01')).to.deep.include({ state: 'expiring', daysLeft: 30 });
    expect(stateOf(r, '2026-06-30')).to.deep.include({ state: 'expiring', daysLeft: 1 });
    expect(stateOf(r, '2026-07-01')).to.deep.include({ state: 'expired', daysLeft: 0 });
  });

  it('with no expiry on the record, the item’s renewal interval gives it (36 months; 29 February → 28 February)', () => {
    expect(stateOf([done('t', 'safeguarding-2', '2023-06-15')], '2026-06-15')).to.deep.include({ state: 'expired', expiresOn: '2026-06-15' });
    expect(stateOf([done('t', 'safeguarding-2', '2024-02-29')], '2027-01-01')).to.deep.include({ expiresOn: '2027-02-28' });
    expect(stateOf([done('t', 'induction', '2020-01-01')], '2026-06-01', 'induction')).to.deep.include({ state: 'done' });
  });

  it('the latest completion counts; one entered in error, another worker’s or one dated after today does not', () => {
    const r = [
      done('old', 'safeguarding-2', '2023-01-10'),
      done('eie', 'safeguarding-2', '2026-05-01', { enteredInError: { reason: 'Wrong course', at: '2026-05-02T09:00:00Z', by: 'lead-1' } }),
      done('other', 'safeguarding-2', '2026-05-01', { workerId: 'worker-2' }),
      done('later', 'safeguarding-2', '2026-07-01'),
    ];
    expect(stateOf(r, '2026-06-01')).to.deep.include({ state: 'expired', expiresOn: '2026-01-10' });
    expect(stateOf(r, '2026-07-01')).to.deep.include({ state: 'done', expiresOn: '2029-07-01' });
  });
});
