// What <str-caseload> lists, from the SDK's summary (issue 21): the filters, the search and the counts. Pure, so
// every boundary is tested without a page (caseload.view.test.ts). The order is always the SDK's order of need.
import { addDays, type CaseloadReasonCode, type PersonSummary } from '@strkit/sdk';

export type CaseloadFilter = 'today' | 'week' | 'everyone';
export const CASELOAD_FILTERS: readonly CaseloadFilter[] = ['today', 'week', 'everyone'];

export interface CaseloadQuery {
  readonly filter: CaseloadFilter;
  readonly onlyAlerts: boolean;
  readonly onlyNotSeen: boolean;
  /** What the worker typed: part of a name, or of an NHS number (spaces ignored). */
  readonly search: string;
}

/** Days without an attended contact that count as "not seen in 7 days": seen 7 or more UK days ago, or never. */
export const NOT_SEEN_DAYS = 7;

/**
 * Reasons that mean "see them today": anything overdue, an open alert, a rise, a contact or review due today. Not
 * unsynced changes (the device sends those) nor a missing frequency (a conversation for the plan, not a visit).
 */
const TODAY: ReadonlySet<CaseloadReasonCode> = new Set(['alert-overdue', 'alert-open', 'sign-check-rise', 'contact-overdue', 'no-contact', 'tasks-overdue', 'review-overdue', 'contact-due-today']);

export function needsSeeingToday(p: PersonSummary, today: string): boolean {
  return p.reasons.some((r) => TODAY.has(r.code) || (r.code === 'review-due' && Number(r.params.days) === 0)) || p.tasks.nextDue?.dueDate === today;
}

/** Today's people, and anyone with a contact, review or task due in the next 6 days (this day next week is next week). */
export function dueThisWeek(p: PersonSummary, today: string): boolean {
  if (needsSeeingToday(p, today)) return true;
  const end = addDays(today, 6);
  const c = p.contact;
  const review = p.review.state === 'due-soon' || p.review.state === 'due-today' ? p.review.date : undefined;
  return [c.state === 'within' ? c.due : undefined, review, p.tasks.nextDue?.dueDate].some((d) => d !== undefined && d <= end);
}

export const notSeenLately = (p: PersonSummary) => !p.lastContact || p.lastContact.daysSince >= NOT_SEEN_DAYS;

/** Lower case without accents, so "Siân" is found by "sian" and "SIÂN". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');

export function matchesSearch(p: PersonSummary, search: string): boolean {
  const typed = search.trim();
  if (!typed) return true;
  const digits = typed.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits)) return (p.nhsNumber ?? '').includes(digits);
  return fold(p.displayName).includes(fold(typed).replace(/\s+/g, ' '));
}

/** The people to list, in the summary's order. */
export function visiblePeople(people: readonly PersonSummary[], q: CaseloadQuery, today: string): PersonSummary[] {
  return people.filter(
    (p) =>
      (q.filter === 'everyone' || (q.filter === 'today' ? needsSeeingToday(p, today) : dueThisWeek(p, today))) &&
      (!q.onlyAlerts || p.alerts.length > 0) &&
      (!q.onlyNotSeen || notSeenLately(p)) &&
      matchesSearch(p, q.search),
  );
}

export interface CaseloadCounts {
  readonly people: number;
  readonly today: number;
  readonly alerts: number;
  readonly notSeen: number;
}

/** The counts at the top: always of the whole caseload, whatever is filtered. */
export function countsOf(people: readonly PersonSummary[], today: string): CaseloadCounts {
  return {
    people: people.length,
    today: people.filter((p) => needsSeeingToday(p, today)).length,
    alerts: people.filter((p) => p.alerts.length > 0).length,
    notSeen: people.filter(notSeenLately).length,
  };
}
