import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CarePlan, Goal, ProgressNote, Task } from '../schemas/care-plan.js';
import { addDays, daysBetween, inOrder, isTaskOverdue, moveItem, nextDueDate, reviewState, reviewSummary, tasksDueWithin, ukToday } from './care-plan.js';

const PLAN_ID = '11111111-1111-4111-8111-111111111111';
const PERSON = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
const env = (id: string, createdAt = '2026-05-01T09:00:00Z') => ({
  id, version: '1', schemaVersion: 1, createdAt, createdBy: 'cc-1', updatedAt: createdAt, updatedBy: 'cc-1',
});
const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const plan = (over: Partial<CarePlan> = {}): CarePlan => ({
  ...env(PLAN_ID), serviceUserId: PERSON, coordinatorId: 'cc-1', agreedWith: [], status: 'active', goalOrder: [], taskOrder: {}, ...over,
});
const goal = (n: number, over: Partial<Goal> = {}): Goal => ({
  ...env(uuidOf(n)), serviceUserId: PERSON, carePlanId: PLAN_ID, text: `Goal ${n}`, lifeArea: 'housing', status: 'active', ...over,
});
const task = (n: number, goalN: number, over: Partial<Task> = {}): Task => ({
  ...env(uuidOf(1000 + n)), serviceUserId: PERSON, carePlanId: PLAN_ID, goalId: uuidOf(goalN), text: `Task ${n}`,
  owner: { kind: 'service-user' }, status: 'not-started', ...over,
});
const note = (n: number, about: ProgressNote['about'], createdAt: string): ProgressNote => ({
  ...env(uuidOf(5000 + n), createdAt), serviceUserId: PERSON, carePlanId: PLAN_ID, about, text: `Note ${n}`,
});

describe('care-plan dates', () => {
  it('adds days across month, year and clock-change boundaries', () => {
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30'); // UK clocks go forward on 29 March 2026
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
    expect(() => addDays('3 June', 1)).to.throw(RangeError);
    expect(daysBetween('2026-10-24', '2026-10-26')).to.equal(2); // clocks go back on 25 October 2026
  });

  it('takes today in UK time: 00:30 BST on 3 June is 3 June, though UTC says 2 June', () => {
    expect(ukToday(new Date('2026-06-02T23:30:00Z'))).to.equal('2026-06-03');
  });

  it('keeps a repeating task\u2019s rhythm and clamps months to their last day', () => {
    expect(nextDueDate('weekly', '2026-05-27', '2026-06-03')).to.equal('2026-06-10');
    expect(nextDueDate('weekly', '2026-06-10', '2026-06-03')).to.equal('2026-06-17');
    expect(nextDueDate('daily', undefined, '2026-06-03')).to.equal('2026-06-04');
    expect(nextDueDate('fortnightly', '2026-05-01', '2026-06-03')).to.equal('2026-06-12');
    expect(nextDueDate('monthly', '2026-01-31', '2026-02-01')).to.equal('2026-02-28');
    expect(nextDueDate('monthly', '2026-01-31', '2026-03-01')).to.equal('2026-03-31');
  });

  it('a monthly repeat keeps its anchor day: 31 Jan → 29 Feb → 31 Mar → 30 Apr, done on each due day', () => {
    const anchor = '2028-01-31';
    let due = anchor;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      due = nextDueDate('monthly', due, due, anchor);
      seen.push(due);
    }
    expect(seen).to.deep.equal(['2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']);
    // Done early, it still moves on one step; done late, to the first anchor-day date after today.
    expect(nextDueDate('monthly', '2028-02-29', '2028-02-20', anchor)).to.equal('2028-03-31');
    expect(nextDueDate('monthly', '2028-02-29', '2028-04-02', anchor)).to.equal('2028-04-30');
  });

  it('flags overdue open tasks only', () => {
    expect(isTaskOverdue(task(1, 1, { dueDate: '2026-06-02' }), '2026-06-03')).to.equal(true);
    expect(isTaskOverdue(task(1, 1, { dueDate: '2026-06-03' }), '2026-06-03')).to.equal(false);
    expect(isTaskOverdue(task(1, 1, { dueDate: '2026-06-02', status: 'completed' }), '2026-06-03')).to.equal(false);
    expect(isTaskOverdue(task(1, 1, { dueDate: '2026-06-02', status: 'cancelled', statusReason: 'x' }), '2026-06-03')).to.equal(false);
    expect(isTaskOverdue(task(1, 1), '2026-06-03')).to.equal(false);
  });

  it('states where the review stands', () => {
    expect(reviewState(plan(), '2026-06-03')).to.deep.equal({ state: 'none' });
    expect(reviewState(plan({ nextReviewOn: '2026-06-01' }), '2026-06-03')).to.deep.equal({ state: 'overdue', date: '2026-06-01', days: -2 });
    expect(reviewState(plan({ nextReviewOn: '2026-06-03' }), '2026-06-03').state).to.equal('due-today');
    expect(reviewState(plan({ nextReviewOn: '2026-06-17' }), '2026-06-03').state).to.equal('due-soon');
    expect(reviewState(plan({ nextReviewOn: '2026-06-18' }), '2026-06-03').state).to.equal('scheduled');
  });
});

describe('care-plan order', () => {
  it('never drops or repeats an item, whatever the stored order says', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 })), fc.uniqueArray(fc.integer({ min: 0, max: 20 })), (order, ns) => {
        const items = ns.map((n) => goal(n, { createdAt: `2026-05-${String((n % 28) + 1).padStart(2, '0')}T09:00:00Z` }));
        const out = inOrder(order.map(uuidOf), items);
        expect(out.map((g) => g.id).sort()).to.deep.equal(items.map((g) => g.id).sort());
      }),
    );
  });

  it('puts listed items first in order, the rest oldest first', () => {
    const items = [goal(1, { createdAt: '2026-05-03T00:00:00Z' }), goal(2, { createdAt: '2026-05-01T00:00:00Z' }), goal(3), goal(4, { createdAt: '2026-05-02T00:00:00Z' })];
    expect(inOrder([uuidOf(3), uuidOf(99), uuidOf(1)], items).map((g) => g.text)).to.deep.equal(['Goal 3', 'Goal 1', 'Goal 2', 'Goal 4']);
  });

  it('moves one item', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).to.deep.equal(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 9)).to.deep.equal(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).to.deep.equal(['a', 'b', 'c']);
  });
});

describe('care-plan views', () => {
  it('lists open tasks due in the next 7 days, overdue first', () => {
    const tasks = [
      task(1, 1, { dueDate: '2026-06-11' }),
      task(2, 1, { dueDate: '2026-06-10' }),
      task(3, 1, { dueDate: '2026-05-30' }),
      task(4, 1, { dueDate: '2026-06-04', status: 'completed' }),
      task(5, 1),
    ];
    expect(tasksDueWithin(tasks, '2026-06-03').map((t) => t.text)).to.deep.equal(['Task 3', 'Task 2']);
  });

  it('summarises each goal since the last review', () => {
    const p = plan({ lastReviewedOn: '2026-05-15', goalOrder: [uuidOf(2), uuidOf(1)] });
    const tasks = [
      task(1, 1, { status: 'completed', lastDoneOn: '2026-05-20' }),
      task(2, 1, { dueDate: '2026-06-01' }),
      task(3, 1, { status: 'cancelled', statusReason: 'Not wanted' }),
      task(4, 2, { repeat: 'weekly', status: 'in-progress', lastDoneOn: '2026-06-01', dueDate: '2026-06-08' }),
      task(5, 2, { repeat: 'weekly', status: 'in-progress', lastDoneOn: '2026-05-01', dueDate: '2026-06-08' }),
    ];
    const notes = [
      note(1, { kind: 'task', id: uuidOf(1001) }, '2026-05-20T10:00:00Z'),
      note(2, { kind: 'goal', id: uuidOf(1) }, '2026-05-01T10:00:00Z'), // before the review
      note(3, { kind: 'goal', id: uuidOf(2) }, '2026-05-14T23:30:00Z'), // 00:30 on 15 May in the UK: counts
    ];
    const s = reviewSummary(p, [goal(1), goal(2)], tasks, notes, '2026-06-03');
    expect(s.since).to.equal('2026-05-15');
    expect(s.goals.map((g) => [g.goal.text, g.done, g.open, g.overdue, g.cancelled, g.notesSince.map((n) => n.text)])).to.deep.equal([
      ['Goal 2', 1, 2, 0, 0, ['Note 3']],
      ['Goal 1', 1, 1, 1, 1, ['Note 1']],
    ]);
  });
});
