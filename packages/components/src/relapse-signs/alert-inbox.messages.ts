// <str-alert-inbox>'s own words, en-GB source (docs/i18n/README.md): the open alerts, also the alerts view of
// <str-relapse-signs>; the words it shares with the other relapse elements are relapse-shared.messages.ts. Welsh:
// alert-inbox.cy.ts, loaded only when chosen.
import { defineCatalogue, joinCatalogues } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { RELAPSE_MESSAGES, type RelapseMessages } from './relapse-shared.messages.js';

const source = {
  'alerts-heading': 'Open alerts',
  'alerts-loading': 'Loading the alerts…',
  'alerts-none': 'No open alerts.',
  'alerts-not-loaded': 'The alerts could not be loaded. Try again, or ask the team.',
  'alerts-done': 'Acknowledged in the last 7 days',
  'go-to-alert': 'Go to an alert',
  /** A skip link; `{person}` is the person's name (in `<bdi>`). */
  'alert-link': 'Alert {n} of {of}: {person}, raised {date}',
  'alert-place': 'Alert {n} of {of}',
  'person-not-on-caseload': 'A person not on this caseload',
  'person-not-named': 'A person (name not given)',
  overdue: 'Overdue:',
  'overdue-for': { one: 'open for {count} hour, more than {limit}.', other: 'open for {count} hours, more than {limit}.' },
  /** `{when}` is a `<time>`, `{who}` the worker's name (in `<bdi>`). */
  raised: 'Raised {when} by {who}',
  note: 'Note:',
  'what-done': 'What was done',
  'what-done-for': 'for {person}',
  'enter-what-done': 'Enter what was done',
  acknowledge: 'Acknowledge',
  'acknowledge-for': 'the alert for {person}',
  'ack-sent': 'Acknowledgement sent for {person}',
  'ack-done': 'Alert for {person} acknowledged',
  'ack-conflict': 'Someone else acknowledged or changed this alert; the list now shows what is stored',
  /** `{when}` is a `<time>`, `{who}` the worker's name and `{action}` what they wrote (each in its element). */
  acknowledged: 'Acknowledged {when} by {who}: {action}',
} as const;

export type AlertInboxMessages = typeof source;

export const ALERT_INBOX_MESSAGES = defineCatalogue({
  ns: 'alert-inbox',
  source,
  locales: { cy: () => import('./alert-inbox.cy.js') },
});

/** The element's words: the shared relapse words and its own. */
export const ALERT_INBOX_WORDS = joinCatalogues(RELAPSE_MESSAGES, ALERT_INBOX_MESSAGES);
export type AlertInboxWords = LocaleController<RelapseMessages & AlertInboxMessages>;
