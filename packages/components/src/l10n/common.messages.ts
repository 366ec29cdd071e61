// Strings every widget shares (en-GB source). Welsh: common.cy.ts, loaded only when Welsh is chosen.
import { defineCatalogue } from './catalogue.js';

const source = {
  /** Instead of "0 minutes ago" (always shown beside the absolute time). */
  'just-now': 'just now',
  /** "{date} at {time}": an instant in NHS style. */
  'date-at-time': '{date} at {time}',
  // Used only where the browser's Intl has no data for the locale (Chromium ships none for Welsh): the same words
  // Intl gives elsewhere, from CLDR (format.ts).
  months: 'January|February|March|April|May|June|July|August|September|October|November|December',
  'date-nhs': '{day} {month} {year}',
  'minutes-ago': { one: '{count} minute ago', other: '{count} minutes ago' },
  'hours-ago': { one: '{count} hour ago', other: '{count} hours ago' },
  'days-ago': { one: '{count} day ago', other: '{count} days ago' },
  minutes: { one: '{count} minute', other: '{count} minutes' },
  hours: { one: '{count} hour', other: '{count} hours' },
  'list-pair': '{first} and {last}',
  'list-comma': '{first}, {rest}',
  // A record named as "this …", per record type: a whole phrase each, since languages inflect it (Welsh mutates
  // after "y" for a feminine noun and puts "hwn"/"hon" after it).
  'this.serviceUser': "this person's details",
  'this.worker': "this worker's details",
  'this.contact': 'this contact',
  'this.carePlan': 'this care plan',
  'this.goal': 'this goal',
  'this.task': 'this task',
  'this.progressNote': 'this progress note',
  'this.warningSignPlan': 'this warning-sign plan',
  'this.signCheck': 'this check',
  'this.careTeam': 'this care team',
  'this.alert': 'this alert',
  /** A record of a type this version of the kit does not know. */
  'this.other': 'this record',
  /** The notice when records were left out (internal/unreadable-notice.ts), shared by every widget. */
  'unreadable-newer': {
    one: '{count} record was made by a newer version of STR Kit, so it is not shown here. Reload the page to see it.',
    other: '{count} records were made by a newer version of STR Kit, so they are not shown here. Reload the page to see them.',
  },
  'unreadable-other': {
    one: '{count} record could not be read, so it is not shown. Tell your system administrator.',
    other: '{count} records could not be read, so they are not shown. Tell your system administrator.',
  },
} as const;

export type CommonMessages = typeof source;

export const COMMON = defineCatalogue({
  ns: 'common',
  source,
  locales: { cy: () => import('./common.cy.js') },
});
