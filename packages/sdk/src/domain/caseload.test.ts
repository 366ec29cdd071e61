// The caseload rules at their boundaries: a fixed clock, UK dates, both clock-change weeks (docs/adr/0023).
import { expect } from '@open-wc/testing';
import { isStrError } from '../errors.js';
import { PERSON_ID, testId, validContact, validRecord } from '../records.fixtures.js';
import type { CarePlan, ContactFrequency, Task } from '../schemas/care-plan.js';
import type { Contact } from '../schemas/contact.js';
import type { Alert, SignCheck, WarningSignPlan } from '../schemas/relapse.js';
import { REASON_ORDER, orderByNeed, summarisePerson, type CaseloadReasonCode, type PersonRecords, type PersonSummary } from './caseload.js';
import { evaluateRule } from './relapse.js';

const NOON = (date: string) => new Date(`${date}T12:00:00Z`);
const weekly = (from = '2026-01-01'): ContactFrequency => ({ every: 'weekly', from, agreedBy: 'cc-1' });

const plan = (overrides: Partial<CarePlan> = {}): CarePlan => validRecord('carePlan', { contactFrequency: weekly(), ...overrides });
const contact = (start: string, attendance: Contact['attendance'] = '5', extra: Partial<Contact> = {}): Contact => validContact({ start, attendance, ...extra });

function records(overrides: Partial<PersonRecords> = {}): PersonRecords {
  return { serviceUserId: PERSON_ID, displayName: 'Alex Testperson', contacts: [], carePlan: plan(), tasks: [], alerts: [], signChecks: [], ...overrides };
}
const codes = (s: PersonSummary) => s.reasons.map((r) => r.code);

describe('caseload rules: contact against the agreed frequency', () => {
  it('weekly: day 6 is within, day 7 is due today, day 8 is overdue with the reason in words', () => {
    const r = records({ contacts: [contact('2026-06-03T10:00:00+01:00')] });
    const day = (d: string) => summarisePerson(r, { now: NOON(d) });
    expect(day('2026-06-09').contact).to.include({ state: 'within', due: '2026-06-10' });
    expect(codes(day('2026-06-09'))).to.deep.equal([]);
    expect(day('2026-06-10').contact).to.include({ state: 'due-today' });
    expect(day('2026-06-10').reasons).to.deep.equal([{ code: 'contact-due-today', params: { every: 'weekly' }, text: 'Contact due today — agreed weekly' }]);
    const eight = day('2026-06-11');
    expect(eight.lastContact).to.include({ date: '2026-06-03', daysSince: 8 });
    expect(eight.reasons).to.deep.equal([{ code: 'contact-overdue', params: { days: 8, every: 'weekly', daysOverdue: 1 }, text: 'No contact for 8 days — agreed weekly' }]);
    expect(day('2026-06-15').reasons[0]!.text).to.equal('No contact for 12 days — agreed weekly');
  });

  const cases: [ContactFrequency['every'], string, string, string, string][] = [
    // every, last contact, the last day within, the first day overdue, words
    ['twice-weekly', '2026-06-01', '2026-06-05', '2026-06-06', 'twice a week'],
    ['fortnightly', '2026-06-01', '2026-06-15', '2026-06-16', 'every 2 weeks'],
    ['four-weekly', '2026-06-01', '2026-06-29', '2026-06-30', 'every 4 weeks'],
    ['monthly', '2026-01-31', '2026-02-28', '2026-03-01', 'monthly'],
    ['monthly', '2026-12-15', '2027-01-15', '2027-01-16', 'monthly'],
  ];
  for (const [every, last, lastWithin, firstOverdue, words] of cases) {
    it(`${every} from ${last}: due ${lastWithin}, overdue ${firstOverdue}`, () => {
      const r = records({ carePlan: plan({ contactFrequency: { every, from: '2025-01-01', agreedBy: 'cc-1' } }), contacts: [contact(`${last}T10:00:00Z`)] });
      expect(summarisePerson(r, { now: NOON(lastWithin) }).contact).to.include({ state: 'due-today', due: lastWithin });
      const over = summarisePerson(r, { now: NOON(firstOverdue) });
      expect(over.contact).to.include({ state: 'overdue', daysOverdue: 1 });
      expect(over.reasons[0]!.text).to.match(new RegExp(`^No contact for \\d+ days — agreed ${words}$`));
    });
  }

  it('counts only attended contacts (AttendStatus 5 or 6), never entered-in-error ones', () => {
    const r = records({
      contacts: [
        contact('2026-06-01T10:00:00+01:00', '6'),
        contact('2026-06-05T10:00:00+01:00', '3'), contact('2026-06-06T10:00:00+01:00', '7'),
        contact('2026-06-07T10:00:00+01:00', '2'), contact('2026-06-08T10:00:00+01:00', '4'),
        contact('2026-06-09T10:00:00+01:00', '5', { enteredInError: { reason: 'Wrong person', at: '2026-06-09T11:00:00Z', by: 'worker-1' } }),
      ],
    });
    const s = summarisePerson(r, { now: NOON('2026-06-10') });
    expect(s.lastContact).to.include({ date: '2026-06-01', daysSince: 9 });
    expect(codes(s)).to.deep.equal(['contact-overdue']);
  });

  it('counts UK calendar days across the autumn change (BST → GMT): 6 days, not 7 by UTC dates', () => {
    // 00:10 BST on Monday 19 October is 23:10 UTC on the 18th; clocks go back on Sunday 25 October 2026.
    const r = records({ contacts: [contact('2026-10-19T00:10:00+01:00')] });
    const sunday = summarisePerson(r, { now: new Date('2026-10-25T23:30:00Z') });
    expect(sunday.lastContact).to.include({ date: '2026-10-19', daysSince: 6 });
    expect(sunday.contact).to.include({ state: 'within', due: '2026-10-26' });
    expect(summarisePerson(r, { now: new Date('2026-10-26T00:30:00Z') }).contact).to.include({ state: 'due-today' });
  });

  it('counts UK calendar days across the spring change (GMT → BST): 7 days, not 6 by elapsed hours', () => {
    // 00:30 GMT Monday 23 March to 00:30 BST Monday 30 March 2026 is 6 days 23 hours, and 7 UK calendar days.
    const r = records({ contacts: [contact('2026-03-23T00:30:00+00:00')] });
    const monday = summarisePerson(r, { now: new Date('2026-03-29T23:30:00Z') });
    expect(monday.lastContact).to.include({ daysSince: 7 });
    expect(codes(monday)).to.deep.equal(['contact-due-today']);
    expect(summarisePerson(r, { now: new Date('2026-03-29T22:59:00Z') }).contact).to.include({ state: 'within' });
  });

  it('counts from the frequency’s start when it began after the last contact, and not at all before it starts', () => {
    const r = (from: string, contacts: Contact[] = [contact('2026-05-01T10:00:00+01:00')]) => records({ carePlan: plan({ contactFrequency: weekly(from) }), contacts });
    expect(summarisePerson(r('2026-06-01'), { now: NOON('2026-06-08') }).contact).to.include({ state: 'due-today', due: '2026-06-08' });
    const late = summarisePerson(r('2026-06-01'), { now: NOON('2026-06-09') });
    expect(late.reasons[0]).to.deep.include({ code: 'contact-overdue', text: 'No contact for 39 days — agreed weekly' });
    const future = summarisePerson(r('2026-07-01'), { now: NOON('2026-06-09') });
    expect(future.contact).to.deep.equal({ state: 'none' });
    expect(codes(future)).to.deep.equal([]);
    const never = summarisePerson(r('2026-06-01', []), { now: NOON('2026-06-09') });
    expect(never.reasons).to.deep.equal([{ code: 'no-contact', params: { every: 'weekly', due: '2026-06-08', daysOverdue: 1 }, text: 'No attended contact recorded — agreed weekly' }]);
  });

  it('says when no frequency is agreed (no plan, or a plan without one)', () => {
    const { contactFrequency: _f, ...bare } = plan();
    expect(codes(summarisePerson(records({ carePlan: bare as CarePlan }), { now: NOON('2026-06-09') }))).to.deep.equal(['no-frequency']);
    expect(summarisePerson(records({ carePlan: undefined }), { now: NOON('2026-06-09') }).reasons).to.deep.equal([{ code: 'no-frequency', params: {}, text: 'No contact frequency agreed' }]);
  });
});

describe('caseload rules: tasks, review, alerts, sign checks, unsynced work', () => {
  const recent = [contact('2026-06-08T10:00:00+01:00')];
  const task = (dueDate: string, extra: Partial<Task> = {}, p = plan()): Task => validRecord('task', { carePlanId: p.id, dueDate, ...extra });

  it('reports overdue tasks (oldest first) and the next one due; done, cancelled, other plans’ tasks are left out', () => {
    const p = plan();
    const tasks = [
      task('2026-06-04', {}, p), task('2026-06-08', {}, p), task('2026-06-09', {}, p), task('2026-06-12', {}, p),
      task('2026-06-01', { status: 'completed' }, p), task('2026-06-01', { status: 'cancelled', statusReason: 'Not needed' }, p), task('2026-06-01', { carePlanId: testId() }),
    ];
    const s = summarisePerson(records({ carePlan: p, contacts: recent, tasks }), { now: NOON('2026-06-09') });
    expect(s.tasks.overdue.map((t) => [t.dueDate, t.daysOverdue])).to.deep.equal([['2026-06-04', 5], ['2026-06-08', 1]]);
    expect(s.tasks.nextDue).to.deep.equal({ id: tasks[2]!.id, dueDate: '2026-06-09' });
    expect(s.reasons).to.deep.equal([{ code: 'tasks-overdue', params: { count: 2, days: 5 }, text: '2 tasks overdue, the oldest by 5 days' }]);
    const one = summarisePerson(records({ carePlan: p, contacts: recent, tasks: [task('2026-06-08', {}, p)] }), { now: NOON('2026-06-09') });
    expect(one.reasons[0]!.text).to.equal('1 task overdue by 1 day');
  });

  it('reports the care-plan review: overdue, due today, due within 7 days, and nothing beyond', () => {
    const at = (nextReviewOn: string) => summarisePerson(records({ carePlan: plan({ nextReviewOn }), contacts: recent }), { now: NOON('2026-06-09') });
    expect(at('2026-06-06').reasons).to.deep.equal([{ code: 'review-overdue', params: { days: 3, date: '2026-06-06' }, text: 'Care plan review overdue by 3 days' }]);
    expect(at('2026-06-09').reasons[0]!.text).to.equal('Care plan review due today');
    expect(at('2026-06-16').reasons[0]!.text).to.equal('Care plan review due in 7 days');
    expect(at('2026-06-17').reasons).to.deep.equal([]);
    expect(at('2026-06-17').review).to.include({ state: 'due-soon', days: 8 });
  });

  it('counts an alert’s wait in real hours: open until 24, then overdue; acknowledged ones are left out', () => {
    const alert = (raisedAt: string, extra: Partial<Alert> = {}): Alert => validRecord('alert', { raisedAt, ...extra });
    const now = new Date('2026-06-09T12:00:00Z');
    const open = summarisePerson(records({ contacts: recent, alerts: [alert('2026-06-08T12:00:01Z')] }), { now });
    expect(open.reasons).to.deep.equal([{ code: 'alert-open', params: { count: 1, hours: 23 }, text: 'Open alert, raised 23 hours ago' }]);
    const due = summarisePerson(records({ contacts: recent, alerts: [alert('2026-06-08T12:00:00Z'), alert('2026-06-09T11:00:00Z')] }), { now });
    expect(due.alerts.map((a) => [a.hours, a.overdue])).to.deep.equal([[24, true], [1, false]]);
    expect(due.reasons).to.deep.equal([{ code: 'alert-overdue', params: { count: 1, hours: 24 }, text: 'Alert not acknowledged for 24 hours' }]);
    const acked = alert('2026-06-01T12:00:00Z', { status: 'acknowledged', acknowledged: { by: 'cc-1', at: '2026-06-01T13:00:00Z', action: 'Rang.' } });
    expect(summarisePerson(records({ contacts: recent, alerts: [acked] }), { now }).alerts).to.deep.equal([]);
  });

  it('an alert raised the day the clocks go back waits 30 hours by the clock that counts, not 29 by the wall clock', () => {
    const alert: Alert = validRecord('alert', { raisedAt: '2026-10-24T12:00:00+01:00' });
    const s = summarisePerson(records({ contacts: [contact('2026-10-24T10:00:00+01:00')], alerts: [alert] }), { now: new Date('2026-10-25T17:00:00Z') });
    expect(s.reasons[0]!.text).to.equal('Alert not acknowledged for 30 hours');
    const two = summarisePerson(records({ contacts: [contact('2026-10-24T10:00:00+01:00')], alerts: [alert, validRecord('alert', { raisedAt: '2026-10-25T10:00:00Z' })] }), {
      now: new Date('2026-10-25T17:00:00Z'), alertAcknowledgeHours: 4,
    });
    expect(two.reasons[0]!.text).to.equal('2 alerts not acknowledged, the oldest for 30 hours');
  });

  it('reports the last sign check and a rise against the baseline by the relapse rule itself', () => {
    const [a, b, c] = [testId(), testId(), testId()];
    const signs = [a, b, c].map((id) => ({ id, text: 'Sleeping less', stage: 'early' as const, response: 'Ring the team' }));
    const wsp: WarningSignPlan = validRecord('warningSignPlan', { signs, agreedBaseline: { total: 2, fromCheckIds: [], signIds: [a, b, c] } });
    const check = (at: string, rating: 0 | 1 | 2): SignCheck => validRecord('signCheck', { planId: wsp.id, at, ratings: { [a]: rating, [b]: 2, [c]: 2 } });
    const older = check('2026-06-01T10:00:00+01:00', 2);
    const latest = check('2026-06-08T10:00:00+01:00', 0);
    const flat = summarisePerson(records({ contacts: recent, warningSignPlan: wsp, signChecks: [latest, older] }), { now: NOON('2026-06-09') });
    expect(flat.lastSignCheck).to.deep.equal({ id: latest.id, at: latest.at, total: 4, rose: false, fires: false });
    expect(codes(flat)).to.deep.equal([]);
    const rising = check('2026-06-09T09:00:00+01:00', 2);
    const s = summarisePerson(records({ contacts: recent, warningSignPlan: wsp, signChecks: [older, latest, rising] }), { now: NOON('2026-06-09') });
    const rule = evaluateRule(wsp, rising, [older, latest]).reasons.find((r) => r.code === 'rise')!;
    expect(s.lastSignCheck).to.include({ id: rising.id, total: 6, rose: true, fires: true });
    expect(s.reasons).to.deep.equal([{ code: 'sign-check-rise', params: { ...rule.params, date: '2026-06-09' }, text: 'Sign check on 9 June 2026 rose 4 points above the baseline' }]);
  });

  it('reports unsynced changes when the client knows them', () => {
    expect(summarisePerson(records({ contacts: recent, unsynced: 1 }), { now: NOON('2026-06-09') }).reasons).to.deep.equal([
      { code: 'unsynced', params: { count: 1 }, text: '1 change not yet sent to the record system' },
    ]);
    expect(summarisePerson(records({ contacts: recent, unsynced: 0 }), { now: NOON('2026-06-09') })).to.not.have.property('unsynced');
  });

  it('refuses a clock it cannot read, with a validation StrError', () => {
    for (const clock of [{ now: new Date(NaN) }, { now: NOON('2026-06-09'), today: '2026-02-30x' }, { now: NOON('2026-06-09'), alertAcknowledgeHours: -1 }]) {
      try {
        summarisePerson(records(), clock);
        expect.fail('expected a refusal');
      } catch (e) {
        expect(isStrError(e, 'validation'), String(e)).to.equal(true);
      }
    }
  });
});

describe('caseload rules: the order of need', () => {
  const now = new Date('2026-06-09T12:00:00Z');
  /** A person whose only reason is `code` (weight `n` where the code has one), named `name`. */
  function personWith(code: CaseloadReasonCode, name: string, n = 1): PersonRecords {
    const id = testId();
    const p = plan({ serviceUserId: id });
    const seen = [contact('2026-06-08T10:00:00+01:00', '5', { serviceUserId: id })];
    const base = { serviceUserId: id, displayName: name, carePlan: p, contacts: seen, tasks: [], alerts: [], signChecks: [] };
    const alertAt = (hours: number) => [validRecord('alert', { serviceUserId: id, raisedAt: new Date(now.getTime() - hours * 3_600_000).toISOString() })];
    switch (code) {
      case 'alert-overdue': return { ...base, alerts: alertAt(24 + n) };
      case 'alert-open': return { ...base, alerts: alertAt(n) };
      case 'contact-overdue': return { ...base, contacts: [contact(`2026-05-${String(32 - n).padStart(2, '0')}T10:00:00+01:00`, '5', { serviceUserId: id })] };
      case 'sign-check-rise': return { ...base, ...risingChecks(id) };
      case 'no-contact': return { ...base, contacts: [], carePlan: plan({ serviceUserId: id, contactFrequency: weekly('2026-05-25') }) };
      case 'tasks-overdue': return { ...base, tasks: [validRecord('task', { serviceUserId: id, carePlanId: p.id, dueDate: `2026-06-0${9 - n}` })] };
      case 'review-overdue': return { ...base, carePlan: plan({ serviceUserId: id, nextReviewOn: `2026-06-0${9 - n}` }) };
      case 'contact-due-today': return { ...base, contacts: [contact('2026-06-02T10:00:00+01:00', '5', { serviceUserId: id })] };
      case 'review-due': return { ...base, carePlan: plan({ serviceUserId: id, nextReviewOn: `2026-06-1${n}` }) };
      case 'unsynced': return { ...base, unsynced: n };
      case 'no-frequency': return { ...base, carePlan: undefined };
      default: return base;
    }
  }
  const summary = (r: PersonRecords) => summarisePerson(r, { now });
  /** An agreed baseline of 2 and a last check of 6: a rise of 4. */
  function risingChecks(serviceUserId: string): Pick<PersonRecords, 'warningSignPlan' | 'signChecks'> {
    const sign = testId();
    const wsp: WarningSignPlan = validRecord('warningSignPlan', { serviceUserId, signs: [{ id: sign, text: 'Not sleeping', stage: 'early', response: 'Ring' }], agreedBaseline: { total: 0, fromCheckIds: [], signIds: [sign] } });
    return { warningSignPlan: wsp, signChecks: [validRecord('signCheck', { serviceUserId, planId: wsp.id, at: '2026-06-08T10:00:00+01:00', ratings: { [sign]: 3 } })] };
  }

  it('orders one reason each as the ADR does, whatever order the people come in', () => {
    // The ADR's order, written out here so a change to REASON_ORDER must change this test too.
    const codesToTest: CaseloadReasonCode[] = [
      'alert-overdue', 'alert-open', 'sign-check-rise', 'contact-overdue', 'no-contact', 'tasks-overdue', 'review-overdue',
      'contact-due-today', 'review-due', 'unsynced', 'no-frequency',
    ];
    expect(REASON_ORDER).to.deep.equal(codesToTest);
    const people = codesToTest.map((c, i) => summary(personWith(c, `Person ${String.fromCharCode(90 - i)}`)));
    for (const [i, p] of people.entries()) expect(codes(p), codesToTest[i]).to.deep.equal([codesToTest[i]]);
    const shuffled = [...people].reverse();
    shuffled.push(shuffled.shift()!);
    expect(orderByNeed(shuffled).map((p) => p.reasons[0]!.code)).to.deep.equal(codesToTest);
  });

  it('puts a rising sign check after open alerts and before an overdue contact', () => {
    expect(REASON_ORDER.indexOf('sign-check-rise')).to.equal(REASON_ORDER.indexOf('alert-open') + 1);
    expect(REASON_ORDER.indexOf('sign-check-rise')).to.be.lessThan(REASON_ORDER.indexOf('contact-overdue'));
  });

  it('within one reason, the one further gone first; then more reasons; then name; then id', () => {
    const longer = summary(personWith('alert-overdue', 'Zed Testperson', 10));
    const shorter = summary(personWith('alert-overdue', 'Amy Testperson', 2));
    expect(orderByNeed([shorter, longer]).map((p) => p.displayName)).to.deep.equal(['Zed Testperson', 'Amy Testperson']);
    const tasksLate = summary(personWith('tasks-overdue', 'Bo Testperson', 5));
    const tasksLess = summary(personWith('tasks-overdue', 'Al Testperson', 1));
    expect(orderByNeed([tasksLess, tasksLate]).map((p) => p.displayName)).to.deep.equal(['Bo Testperson', 'Al Testperson']);
    const oneReason = summary(personWith('tasks-overdue', 'Aaa Testperson', 1));
    const twoReasons = summary({ ...personWith('tasks-overdue', 'Zoe Testperson', 1), unsynced: 1 });
    expect(codes(twoReasons)).to.deep.equal(['tasks-overdue', 'unsynced']);
    expect(orderByNeed([oneReason, twoReasons]).map((p) => p.displayName)).to.deep.equal(['Zoe Testperson', 'Aaa Testperson']);
    const same = [summary(personWith('unsynced', 'Kim Testperson')), summary(personWith('unsynced', 'Kim Testperson')), summary(personWith('unsynced', 'Ann Testperson'))];
    const ordered = orderByNeed(same);
    expect(ordered[0]!.displayName).to.equal('Ann Testperson');
    expect(ordered[1]!.serviceUserId < ordered[2]!.serviceUserId).to.equal(true);
    expect(orderByNeed([...same].reverse())).to.deep.equal(ordered);
  });

  it('orders one person’s reasons most urgent first', () => {
    const r = personWith('tasks-overdue', 'Al Testperson', 2);
    const s = summary({ ...r, unsynced: 2, alerts: personWith('alert-open', 'x', 3).alerts, contacts: [], carePlan: { ...r.carePlan!, nextReviewOn: '2026-06-01' } });
    expect(codes(s)).to.deep.equal(['alert-open', 'no-contact', 'tasks-overdue', 'review-overdue', 'unsynced']);
  });
});
