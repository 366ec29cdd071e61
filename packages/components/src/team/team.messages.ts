// <str-team>'s words, en-GB source (docs/i18n/README.md). Welsh: team.cy.ts, loaded only when chosen.
import { defineCatalogue } from '../l10n/catalogue.js';

const source = {
  heading: 'The team',
  loading: 'Loading the team…',
  empty: 'No supervision or training is recorded for this team yet.',
  'no-workers': 'No STR or peer support workers are listed yet. Add them as workers to see their workload here.',
  'not-loaded': 'The team could not be loaded. Try again, or ask the team.',
  'try-again': 'Try again',
  'not-allowed': 'Only team leads and care co-ordinators see the team’s workload.',
  'counts-label': 'The team in numbers',
  'count.workers': 'Workers',
  'count.supervision': 'Supervision overdue or never recorded',
  'count.training': 'Training missing or expired',
  'count.alerts': 'Alerts not acknowledged in 24 hours',
  'only-attention': 'Only workers who need attention',
  /** Announced when the filter changes what is listed. */
  showing: { one: 'Showing {shown} of {count} worker', other: 'Showing {shown} of {count} workers' },
  'none-match': 'No worker needs attention.',
  'list-label': 'Workers, by name',
  'role.str-worker': 'STR worker',
  'role.peer-support-worker': 'Peer support worker',
  'role.care-coordinator': 'Care co-ordinator',
  'role.team-lead': 'Team lead',
  'role.viewer': 'Viewer',
  'fact.caseload': 'Caseload',
  'fact.contacts': 'Attended contacts',
  'fact.dna': 'Did not attend (4 weeks)',
  'fact.tasks': 'Overdue tasks',
  'fact.alerts': 'Open alerts',
  'fact.supervision': 'Supervision',
  'fact.training': 'Training',
  people: { one: '{count} person', other: '{count} people' },
  contacts: 'This week: {week} · 4 weeks: {month}',
  'dna-rate': { one: '{percent}% of {count} contact due', other: '{percent}% of {count} contacts due' },
  'dna-none': 'No contacts due',
  /** `{late}` is how many of the open alerts wait past 24 hours. */
  alerts: 'Open: {open} · Not acknowledged in 24 hours: {late}',
  'supervision.never': 'Never recorded',
  'supervision.within': 'Last {last}; next due {due}',
  'supervision.due-today': 'Last {last}; due today',
  'supervision.overdue': { one: 'Last {last}; overdue by {count} day', other: 'Last {last}; overdue by {count} days' },
  'training.all-done': 'Up to date',
  'training.none-required': 'No checklist items for this role',
  /** Counts follow a colon, so no noun agrees with them. */
  'training.summary': 'Missing: {missing} · Expiring within 30 days: {expiring} · Expired: {expired}',
  'training.missing': '{title}: not recorded',
  'training.expiring': { one: '{title}: expires {date} (in {count} day)', other: '{title}: expires {date} (in {count} days)' },
  'training.expired': '{title}: expired {date}',
} as const;

export type TeamMessages = typeof source;

export const TEAM_MESSAGES = defineCatalogue({
  ns: 'team',
  source,
  locales: { cy: () => import('./team.cy.js') },
});
