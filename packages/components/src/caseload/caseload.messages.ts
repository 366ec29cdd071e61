// <str-caseload>'s words, en-GB source (docs/i18n/README.md). Welsh: caseload.cy.ts, loaded only when chosen. The
// reasons are the SDK's reason codes (packages/sdk/src/domain/caseload.ts) in words; a code this version does not
// know shows the SDK's English text (caseload.words.ts).
import { defineCatalogue } from '../l10n/catalogue.js';

const source = {
  'heading-own': 'My caseload',
  /** `{name}` is the worker's name. */
  'heading-of': 'Caseload: {name}',
  loading: 'Loading the caseload…',
  empty: 'No one is on this caseload yet. People appear here when the worker is added to their care team.',
  'not-loaded': 'The caseload could not be loaded. Try again, or ask the team.',
  'try-again': 'Try again',
  whose: 'Whose caseload',
  /** The signed-in worker in the list of whose caseload to view. */
  'worker-you': '{name} (you)',
  show: 'Show',
  'filter.today': 'To see today',
  'filter.week': 'This week',
  'filter.everyone': 'Everyone',
  'only-alerts': 'Only people with an open alert',
  'only-not-seen': 'Only people not seen in 7 days',
  search: 'Search by name or NHS number',
  'search-hint': 'For example, Ada or 999 000 0018',
  'counts-label': 'The caseload in numbers',
  'count.people': 'People',
  'count.today': 'To see today',
  'count.alerts': 'With an open alert',
  'count.not-seen': 'Not seen in 7 days',
  'count.waiting': 'Changes waiting to send',
  /** Announced when a filter or the search changes what is listed. */
  showing: { one: 'Showing {shown} of {count} person', other: 'Showing {shown} of {count} people' },
  'none-match': 'No one on the caseload matches. Choose “Everyone” or clear the search.',
  'none-today': 'No one needs seeing today.',
  'list-label': 'People, most in need first',
  'open-hint': 'Opens their record',
  'nothing-due': 'Nothing due',
  /** A person reallocated to this worker in the last 14 days; the team's reason for the change follows, if given. */
  'new-to-you': 'New to you since {date}',
  'last-seen': { one: 'Last attended contact {date}, {count} day ago', other: 'Last attended contact {date}, {count} days ago' },
  'last-seen-today': 'Last attended contact today',
  'never-seen': 'No attended contact recorded',
  /** `{every}` is one of the frequency words below. */
  agreed: 'Agreed contact: {every}',
  'next-contact': 'Next contact due {date}',
  'next-task': 'Next task due {date}',
  'frequency.twice-weekly': 'twice a week',
  'frequency.weekly': 'weekly',
  'frequency.fortnightly': 'every 2 weeks',
  'frequency.four-weekly': 'every 4 weeks',
  'frequency.monthly': 'monthly',
  offline: 'Offline: this is what is on this device. Changes are sent when the connection is back.',
  // The reasons to see a person, most urgent first. `count` is the number the form agrees with.
  'reason.alert-overdue': { one: 'Alert not acknowledged for {count} hour', other: 'Alert not acknowledged for {count} hours' },
  'reason.alerts-overdue': { one: '{alerts} alerts not acknowledged, the oldest for {count} hour', other: '{alerts} alerts not acknowledged, the oldest for {count} hours' },
  'reason.alert-open': { one: 'Open alert, raised {count} hour ago', other: 'Open alert, raised {count} hours ago' },
  'reason.alert-open-now': 'Open alert, raised in the last hour',
  'reason.alerts-open': { one: '{alerts} open alerts, the oldest raised {count} hour ago', other: '{alerts} open alerts, the oldest raised {count} hours ago' },
  'reason.sign-check-rise': { one: 'Sign check on {date} rose {count} point above the baseline', other: 'Sign check on {date} rose {count} points above the baseline' },
  'reason.contact-overdue': { one: 'No contact for {count} day — agreed {every}', other: 'No contact for {count} days — agreed {every}' },
  'reason.no-contact': 'No attended contact recorded — agreed {every}',
  'reason.task-overdue': { one: 'A task overdue by {count} day', other: 'A task overdue by {count} days' },
  'reason.tasks-overdue': { one: '{tasks} tasks overdue, the oldest by {count} day', other: '{tasks} tasks overdue, the oldest by {count} days' },
  'reason.review-overdue': { one: 'Care plan review overdue by {count} day', other: 'Care plan review overdue by {count} days' },
  'reason.contact-due-today': 'Contact due today — agreed {every}',
  'reason.review-due-today': 'Care plan review due today',
  'reason.review-due': { one: 'Care plan review due in {count} day', other: 'Care plan review due in {count} days' },
  'reason.unsynced': { one: '{count} change not yet sent to the record system', other: '{count} changes not yet sent to the record system' },
  'reason.no-frequency': 'No contact frequency agreed',
} as const;

export type CaseloadMessages = typeof source;

export const CASELOAD_MESSAGES = defineCatalogue({
  ns: 'caseload',
  source,
  locales: { cy: () => import('./caseload.cy.js') },
});
