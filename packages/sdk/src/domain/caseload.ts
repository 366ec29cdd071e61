// The caseload rules (issue 21; docs/adr/0023-caseload-summary.md). Pure: one person's records and the clock in, what
// the worker needs to know and the reasons for seeing them, most urgent first, out. Days are UK calendar days.
import { StrError } from '../errors.js';
import type { Alert, SignCheck, WarningSignPlan } from '../schemas/relapse.js';
import { CONTACT_FREQUENCIES, type CarePlan, type ContactFrequency, type ContactFrequencyCode, type Task } from '../schemas/care-plan.js';
import type { Contact } from '../schemas/contact.js';
import { addDays, daysBetween, isTaskOpen, isTaskOverdue, reviewState, type ReviewState } from './care-plan.js';
import { isAttended } from './contacts.js';
import { checksInOrder, evaluateRule, type RuleParams } from './relapse.js';
import { formatNhsDate, instantOf, londonDate } from './time.js';

/** Hours an open alert may wait for its owner before the caseload calls it overdue (the ADR says why 24). */
export const ALERT_ACKNOWLEDGE_HOURS = 24;

/** Longest gap between attended contacts each agreed frequency allows, in days (monthly: the same date next month). */
export const FREQUENCY_DAYS: Readonly<Record<Exclude<ContactFrequencyCode, 'monthly'>, number>> = {
  'twice-weekly': 4,
  weekly: 7,
  fortnightly: 14,
  'four-weekly': 28,
};

export type CaseloadReasonCode =
  | 'alert-overdue' | 'alert-open' | 'sign-check-rise' | 'contact-overdue' | 'no-contact' | 'tasks-overdue'
  | 'review-overdue' | 'contact-due-today' | 'review-due' | 'unsynced' | 'no-frequency';

/** Why the worker should see the person: a code and its values for a widget's own words, and an English default. */
export interface CaseloadReason {
  readonly code: CaseloadReasonCode;
  /** Counts, days, hours, dates and codes: never a record's words. */
  readonly params: RuleParams;
  readonly text: string;
}

/** The order of need, most urgent first; the ADR gives the reasons for it. */
export const REASON_ORDER: readonly CaseloadReasonCode[] = [
  'alert-overdue', 'alert-open', 'sign-check-rise', 'contact-overdue', 'no-contact', 'tasks-overdue', 'review-overdue',
  'contact-due-today', 'review-due', 'unsynced', 'no-frequency',
];

/** One person's records, as the client reads them (entered-in-error ones are left out here). */
export interface PersonRecords {
  readonly serviceUserId: string;
  readonly displayName: string;
  /** For finding the person by number (the caseload's search); never shown where the name would do. */
  readonly nhsNumber?: string | undefined;
  readonly contacts: readonly Contact[];
  /** The care plan in use, and its tasks. */
  readonly carePlan?: CarePlan | undefined;
  readonly tasks: readonly Task[];
  readonly alerts: readonly Alert[];
  readonly warningSignPlan?: WarningSignPlan | undefined;
  readonly signChecks: readonly SignCheck[];
  /** Changes to the person's records saved on this device and not yet in the record system, when the client knows. */
  readonly unsynced?: number | undefined;
}

export interface CaseloadClock {
  /** The instant the summary is made (alert waits are counted in hours to it). */
  readonly now: Date;
  /** The UK date days are counted to; default the UK date of `now`. */
  readonly today?: string | undefined;
  /** Default {@link ALERT_ACKNOWLEDGE_HOURS}. */
  readonly alertAcknowledgeHours?: number | undefined;
}

export type ContactState =
  | { readonly state: 'none' }
  | { readonly state: 'within' | 'due-today' | 'overdue'; readonly every: ContactFrequencyCode; readonly due: string; readonly daysOverdue: number };

export interface OpenAlert {
  readonly id: string;
  readonly raisedAt: string;
  /** Whole hours it has waited. */
  readonly hours: number;
  readonly overdue: boolean;
}

export interface PersonSummary {
  readonly serviceUserId: string;
  readonly displayName: string;
  readonly nhsNumber?: string;
  /** The last attended contact (AttendStatus 5 or 6) and UK calendar days since it. */
  readonly lastContact?: { readonly id: string; readonly start: string; readonly date: string; readonly daysSince: number };
  readonly contactFrequency?: ContactFrequency;
  readonly contact: ContactState;
  readonly tasks: {
    /** Open tasks past their due date, oldest due first. */
    readonly overdue: readonly { readonly id: string; readonly dueDate: string; readonly daysOverdue: number }[];
    readonly nextDue?: { readonly id: string; readonly dueDate: string };
  };
  readonly review: ReviewState;
  /** Open alerts, longest waiting first. */
  readonly alerts: readonly OpenAlert[];
  readonly lastSignCheck?: { readonly id: string; readonly at: string; readonly total: number; readonly rose: boolean; readonly fires: boolean };
  readonly unsynced?: number;
  /**
   * On the caseload summary of one worker: the person came onto it on `since`, within the last
   * {@link NEW_TO_YOU_DAYS} days, and `reason` is why their care team last changed (a reallocation's, ADR 0026), if given.
   */
  readonly newToYou?: { readonly since: string; readonly reason?: string };
  /** Most urgent first. */
  readonly reasons: readonly CaseloadReason[];
}

/** How long a person newly allocated to a worker is marked "new to you" on their caseload. */
export const NEW_TO_YOU_DAYS = 14;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const frequencyWords = (every: ContactFrequencyCode) => CONTACT_FREQUENCIES.find((f) => f.code === every)!.label.toLowerCase();

/** The UK date a contact is next due after `from` under the frequency. */
export function dueAfter(every: ContactFrequencyCode, from: string): string {
  if (every !== 'monthly') return addDays(from, FREQUENCY_DAYS[every]);
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(y, m, Math.min(d, last)));
  return next.toISOString().slice(0, 10);
}

/** The newest attended contact on or before `today` (entered-in-error ones left out); ties at one instant go by id. */
export function lastAttended(contacts: readonly Contact[], today: string): Contact | undefined {
  let best: Contact | undefined;
  let bestAt = -Infinity;
  for (const c of contacts) {
    if (c.enteredInError || !isAttended(c)) continue;
    const at = instantOf(c.start);
    if (!(at > -Infinity) || londonDate(at) > today) continue;
    if (at > bestAt || (at === bestAt && best !== undefined && c.id > best.id)) [best, bestAt] = [c, at];
  }
  return best;
}

/** Where contact stands against the frequency: counted from the last attended contact, or the frequency's start if later. */
export function contactState(frequency: ContactFrequency | undefined, lastDate: string | undefined, today: string): ContactState {
  if (!frequency || frequency.from > today) return { state: 'none' };
  const from = lastDate !== undefined && lastDate > frequency.from ? lastDate : frequency.from;
  const due = dueAfter(frequency.every, from);
  const daysOverdue = Math.max(0, daysBetween(due, today));
  const state = today > due ? 'overdue' : today === due ? 'due-today' : 'within';
  return { state, every: frequency.every, due, daysOverdue };
}

const reasonOf = (code: CaseloadReasonCode, params: RuleParams, text: string): CaseloadReason => ({ code, params, text });

function contactReasons(s: Pick<PersonSummary, 'contact' | 'lastContact' | 'contactFrequency'>): CaseloadReason[] {
  const c = s.contact;
  if (c.state === 'none') return s.contactFrequency ? [] : [reasonOf('no-frequency', {}, 'No contact frequency agreed')];
  const agreed = frequencyWords(c.every);
  if (c.state === 'overdue') {
    if (!s.lastContact) return [reasonOf('no-contact', { every: c.every, due: c.due, daysOverdue: c.daysOverdue }, `No attended contact recorded — agreed ${agreed}`)];
    const days = s.lastContact.daysSince;
    return [reasonOf('contact-overdue', { days, every: c.every, daysOverdue: c.daysOverdue }, `No contact for ${plural(days, 'day')} — agreed ${agreed}`)];
  }
  if (c.state === 'due-today') return [reasonOf('contact-due-today', { every: c.every }, `Contact due today — agreed ${agreed}`)];
  return [];
}

function alertReasons(alerts: readonly OpenAlert[]): CaseloadReason[] {
  const overdue = alerts.filter((a) => a.overdue);
  if (overdue.length) {
    const hours = overdue[0]!.hours;
    const text = overdue.length === 1 ? `Alert not acknowledged for ${plural(hours, 'hour')}` : `${overdue.length} alerts not acknowledged, the oldest for ${plural(hours, 'hour')}`;
    return [reasonOf('alert-overdue', { count: overdue.length, hours }, text)];
  }
  if (!alerts.length) return [];
  const hours = alerts[0]!.hours;
  const text = alerts.length === 1 ? `Open alert, raised ${plural(hours, 'hour')} ago` : `${alerts.length} open alerts, the oldest raised ${plural(hours, 'hour')} ago`;
  return [reasonOf('alert-open', { count: alerts.length, hours }, text)];
}

function planReasons(s: Pick<PersonSummary, 'tasks' | 'review' | 'lastSignCheck' | 'unsynced'>, rise: RuleParams | undefined): CaseloadReason[] {
  const out: CaseloadReason[] = [];
  if (rise && s.lastSignCheck) {
    const date = londonDate(instantOf(s.lastSignCheck.at));
    out.push(reasonOf('sign-check-rise', { ...rise, date }, `Sign check on ${formatNhsDate(date)} rose ${plural(Number(rise.rise), 'point')} above the baseline`));
  }
  const overdue = s.tasks.overdue;
  if (overdue.length) {
    const days = overdue[0]!.daysOverdue;
    const text = overdue.length === 1 ? `1 task overdue by ${plural(days, 'day')}` : `${overdue.length} tasks overdue, the oldest by ${plural(days, 'day')}`;
    out.push(reasonOf('tasks-overdue', { count: overdue.length, days }, text));
  }
  const r = s.review;
  if (r.state === 'overdue') out.push(reasonOf('review-overdue', { days: -r.days, date: r.date }, `Care plan review overdue by ${plural(-r.days, 'day')}`));
  if (r.state === 'due-today' || (r.state === 'due-soon' && r.days <= 7)) {
    out.push(reasonOf('review-due', { days: r.days, date: r.date }, r.days === 0 ? 'Care plan review due today' : `Care plan review due in ${plural(r.days, 'day')}`));
  }
  if (s.unsynced) out.push(reasonOf('unsynced', { count: s.unsynced }, `${plural(s.unsynced, 'change')} not yet sent to the record system`));
  return out;
}

/** Reasons in order of need, then how far gone (the larger first). */
const compareReasons = (a: CaseloadReason, b: CaseloadReason) => REASON_ORDER.indexOf(a.code) - REASON_ORDER.indexOf(b.code) || needWeight(b) - needWeight(a);

function taskState(tasks: readonly Task[], carePlanId: string | undefined, today: string): PersonSummary['tasks'] {
  const open = tasks.filter((t) => t.carePlanId === carePlanId && isTaskOpen(t) && t.dueDate !== undefined);
  const byDue = (a: Task, b: Task) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : byId(a, b));
  const overdue = open.filter((t) => isTaskOverdue(t, today)).sort(byDue).map((t) => ({ id: t.id, dueDate: t.dueDate!, daysOverdue: daysBetween(t.dueDate!, today) }));
  const next = open.filter((t) => t.dueDate! >= today).sort(byDue)[0];
  return { overdue, ...(next && { nextDue: { id: next.id, dueDate: next.dueDate! } }) };
}

function openAlerts(alerts: readonly Alert[], now: number, limitHours: number): OpenAlert[] {
  return alerts
    .filter((a) => a.status === 'open' && !a.acknowledged && !a.enteredInError)
    .map((a) => {
      const hours = Math.max(0, Math.floor((now - instantOf(a.raisedAt)) / 3_600_000));
      return { id: a.id, raisedAt: a.raisedAt, hours, overdue: hours >= limitHours };
    })
    .sort((a, b) => b.hours - a.hours || instantOf(a.raisedAt) - instantOf(b.raisedAt) || byId(a, b));
}

/** The last sign check on the plan and the relapse rule's verdict on it (the rule in relapse.ts, not a copy). */
function signCheckState(plan: WarningSignPlan | undefined, checks: readonly SignCheck[]): { summary?: PersonSummary['lastSignCheck']; rise?: RuleParams } {
  if (!plan) return {};
  const ordered = checksInOrder(plan, checks);
  const last = ordered[ordered.length - 1];
  if (!last) return {};
  const result = evaluateRule(plan, last, checks.filter((c) => c.id !== last.id));
  const rise = result.reasons.find((r) => r.code === 'rise');
  return { summary: { id: last.id, at: last.at, total: result.total, rose: !!rise, fires: result.fires }, ...(rise && { rise: rise.params }) };
}

function readClock(clock: CaseloadClock): { now: number; today: string; limit: number } {
  const now = clock?.now;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new StrError('validation', 'The caseload needs a valid clock reading', false, { issues: [{ path: 'now', code: 'invalid', message: 'Pass the current date and time' }] });
  const today = clock.today ?? londonDate(now.getTime());
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T12:00:00Z`))) {
    throw new StrError('validation', 'today must be a UK date', false, { issues: [{ path: 'today', code: 'invalid', message: 'Enter a date like 2026-06-03' }] });
  }
  const limit = clock.alertAcknowledgeHours ?? ALERT_ACKNOWLEDGE_HOURS;
  if (typeof limit !== 'number' || !(limit > 0) || limit > 24 * 365) {
    throw new StrError('validation', 'alertAcknowledgeHours must be a positive number of hours', false, { issues: [{ path: 'alertAcknowledgeHours', code: 'invalid', message: 'Enter a number of hours' }] });
  }
  return { now: now.getTime(), today, limit };
}

/** What the worker needs to know about one person today, with the reasons to see them, most urgent first. */
export function summarisePerson(records: PersonRecords, clock: CaseloadClock): PersonSummary {
  const { now, today, limit } = readClock(clock);
  const last = lastAttended(records.contacts, today);
  const lastDate = last && londonDate(instantOf(last.start));
  const plan = records.carePlan && !records.carePlan.enteredInError ? records.carePlan : undefined;
  const frequency = plan?.contactFrequency;
  const signs = signCheckState(records.warningSignPlan, records.signChecks);
  const unsynced = records.unsynced ?? 0;
  const base = {
    serviceUserId: records.serviceUserId,
    displayName: records.displayName,
    ...(records.nhsNumber && { nhsNumber: records.nhsNumber }),
    ...(last && lastDate && { lastContact: { id: last.id, start: last.start, date: lastDate, daysSince: daysBetween(lastDate, today) } }),
    ...(frequency && { contactFrequency: frequency }),
    contact: contactState(frequency, lastDate, today),
    tasks: taskState(records.tasks, plan?.id, today),
    review: plan ? reviewState(plan, today) : ({ state: 'none' } as const),
    alerts: openAlerts(records.alerts, now, limit),
    ...(signs.summary && { lastSignCheck: signs.summary }),
    ...(unsynced > 0 && { unsynced }),
  };
  const reasons = [...alertReasons(base.alerts), ...contactReasons(base), ...planReasons(base, signs.rise)].sort(compareReasons);
  return { ...base, reasons };
}

/** Compares two people by need: their reasons in turn (order of need, then how far gone), then name, then id. */
export function compareNeed(a: PersonSummary, b: PersonSummary): number {
  const n = Math.max(a.reasons.length, b.reasons.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.reasons[i], b.reasons[i]];
    if (!x || !y) return x ? -1 : 1;
    const byReason = compareReasons(x, y);
    if (byReason) return byReason;
  }
  return a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.serviceUserId < b.serviceUserId ? -1 : a.serviceUserId > b.serviceUserId ? 1 : 0;
}

/** How far gone a reason is, within its code: the larger, the more urgent. */
function needWeight(r: CaseloadReason): number {
  const p = r.params;
  switch (r.code) {
    case 'alert-overdue':
    case 'alert-open':
      return Number(p.hours);
    case 'sign-check-rise':
      return Number(p.rise);
    case 'contact-overdue':
    case 'no-contact':
      return Number(p.daysOverdue);
    case 'tasks-overdue':
    case 'review-overdue':
      return Number(p.days);
    case 'review-due':
      return -Number(p.days);
    case 'unsynced':
      return Number(p.count);
    default:
      return 0;
  }
}

/** Everyone's summaries in order of need (a new array). */
export function orderByNeed(people: readonly PersonSummary[]): PersonSummary[] {
  if (!Array.isArray(people)) throw new StrError('validation', 'orderByNeed needs a list of summaries');
  return [...people].sort(compareNeed);
}
