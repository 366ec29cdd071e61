// The caseload's filters, search and counts at their boundaries (caseload.view.ts), with summaries made by the SDK's
// own rules where a boundary is a rule's. Today is Friday 5 June 2026. Synthetic people only.
import { expect } from '@open-wc/testing';
import type { PersonSummary } from '@strkit/sdk';
import { countsOf, dueThisWeek, matchesSearch, needsSeeingToday, notSeenLately, visiblePeople } from './caseload.view.js';

const TODAY = '2026-06-05';
const person = (over: Partial<PersonSummary> = {}): PersonSummary => ({
  serviceUserId: 'p-1', displayName: 'Ada Testperson', nhsNumber: '9990000018', contact: { state: 'none' }, tasks: { overdue: [] },
  review: { state: 'none' }, alerts: [], reasons: [], ...over,
}) as PersonSummary;
const within = (due: string) => ({ state: 'within', every: 'weekly', due, daysOverdue: 0 }) as const;

describe('the caseload’s filters', () => {
  it('"to see today": an open alert, anything overdue, a contact or review due today, a task due today; not waiting changes', () => {
    expect(needsSeeingToday(person({ reasons: [{ code: 'alert-open', params: { count: 1, hours: 2 }, text: '' }] }), TODAY)).to.equal(true);
    expect(needsSeeingToday(person({ reasons: [{ code: 'review-due', params: { days: 0 }, text: '' }] }), TODAY)).to.equal(true);
    expect(needsSeeingToday(person({ reasons: [{ code: 'review-due', params: { days: 1 }, text: '' }] }), TODAY)).to.equal(false);
    expect(needsSeeingToday(person({ tasks: { overdue: [], nextDue: { id: 't', dueDate: TODAY } } }), TODAY)).to.equal(true);
    expect(needsSeeingToday(person({ reasons: [{ code: 'unsynced', params: { count: 2 }, text: '' }] }), TODAY)).to.equal(false);
    expect(needsSeeingToday(person({ reasons: [{ code: 'no-frequency', params: {}, text: '' }] }), TODAY)).to.equal(false);
  });

  it('"this week": today and the next 6 days; the same weekday next week is not this week', () => {
    expect(dueThisWeek(person({ contact: within('2026-06-11') }), TODAY)).to.equal(true);
    expect(dueThisWeek(person({ contact: within('2026-06-12') }), TODAY)).to.equal(false);
    expect(dueThisWeek(person({ tasks: { overdue: [], nextDue: { id: 't', dueDate: '2026-06-11' } } }), TODAY)).to.equal(true);
    expect(dueThisWeek(person({ review: { state: 'due-soon', date: '2026-06-11', days: 6 } as PersonSummary['review'] }), TODAY)).to.equal(true);
    expect(dueThisWeek(person({ review: { state: 'due-soon', date: '2026-06-12', days: 7 } as PersonSummary['review'] }), TODAY)).to.equal(false);
  });

  it('"not seen in 7 days": seen 7 or more days ago, or never; seen 6 days ago is seen', () => {
    const seen = (daysSince: number) => person({ lastContact: { id: 'c', start: '', date: '', daysSince } });
    expect([notSeenLately(seen(6)), notSeenLately(seen(7)), notSeenLately(person())]).to.deep.equal([false, true, true]);
  });

  it('finds by part of a name (any case, any accents) or an NHS number typed with spaces or dashes; a part of one number finds it', () => {
    const sian = person({ displayName: 'Siân Testperson' });
    expect(['sian', 'SIÂN', 'an test', 'Sian'].map((q) => matchesSearch(sian, q))).to.deep.equal([true, true, true, true]);
    expect(['999 000 0018', '999-000-0018', '0018', ' 9990000018 '].map((q) => matchesSearch(sian, q))).to.deep.equal([true, true, true, true]);
    expect(['999 000 0026', 'Ben'].map((q) => matchesSearch(sian, q))).to.deep.equal([false, false]);
    expect(matchesSearch(person({ nhsNumber: undefined } as Partial<PersonSummary>), '999'), 'no number, no match by number').to.equal(false);
  });

  it('keeps the order it is given, and counts the whole caseload whatever is shown', () => {
    const alerted = person({ serviceUserId: 'a', alerts: [{ id: 'x', raisedAt: '', hours: 1, overdue: false }], reasons: [{ code: 'alert-open', params: { count: 1, hours: 1 }, text: '' }] });
    const quiet = person({ serviceUserId: 'b', lastContact: { id: 'c', start: '', date: '', daysSince: 1 } });
    const all = [alerted, quiet];
    expect(visiblePeople(all, { filter: 'everyone', onlyAlerts: false, onlyNotSeen: false, search: '' }, TODAY).map((p) => p.serviceUserId)).to.deep.equal(['a', 'b']);
    expect(visiblePeople(all, { filter: 'today', onlyAlerts: false, onlyNotSeen: false, search: '' }, TODAY).map((p) => p.serviceUserId)).to.deep.equal(['a']);
    expect(countsOf(all, TODAY)).to.deep.equal({ people: 2, today: 1, alerts: 1, notSeen: 1 });
  });
});
