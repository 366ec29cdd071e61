// <str-sync-status>'s words, en-GB source (docs/i18n/README.md). Welsh: sync-status.cy.ts, loaded only when chosen.
import { defineCatalogue } from '../l10n/catalogue.js';

const source = {
  'lost-after': 'Changes made on this device after {when} may have been lost:',
  'lost-unknown': 'Changes made on this device may have been lost:',
  'lost-why': "the browser cleared this device's storage. Check the record system for anything missing and enter it again.",
  'all-sent': 'All changes are in the record system.',
  'all-sent-checked': 'All changes are in the record system, checked at {time}.',
  sending: 'Sending:',
  waiting: 'Waiting to send:',
  offline: 'Offline:',
  unsynced: {
    one: '{count} change is saved on this device and not yet in the record system.',
    other: '{count} changes are saved on this device and not yet in the record system.',
  },
  oldest: 'The oldest was saved {when} ({ago}).',
  'nothing-lost': 'Nothing is lost: they will be sent when the connection is back.',
  'will-send': 'They will be sent when the connection is back.',
  'not-persisted':
    'This browser has not agreed to keep records on this device: it may clear them if the device runs low on space, so changes are safe only once sent.',
  attention: { one: '{count} change needs your attention:', other: '{count} changes need your attention:' },
  conflict: 'Someone else changed this record in the record system meanwhile. Both versions are kept.',
  'conflict-gone': 'The record system no longer has this record (it was deleted there). Yours is kept: keep it to send it as a new record, or copy its text.',
  /** Followed by the record system's own message, shown as it came and marked as English. */
  refused: 'The record system refused it:',
  // A refusal said from the SDK's code (SyncAttention `reason: 'refused'` and its StrError `code`).
  'refused.forbidden': 'The record system refused it: you do not have permission to make this change.',
  'refused.validation': 'The record system refused it as not valid.',
  'refused.unauthenticated': 'The record system refused the sign-in. Sign in again, then try again.',
  'refused.not-found': 'The record system refused it: it does not have the record this change is for.',
  'refused.mapping': 'This change could not be put into the record system’s format.',
  'refused.other': 'The record system refused it (HTTP {status}).',
  'refused.other-no-status': 'The record system refused it.',
  /** Followed by the record system's own words (a FHIR OperationOutcome), shown as written and marked as English. */
  'their-words': 'It said:',
  'send-now': 'Send now',
  'keep-mine': 'Keep mine',
  'take-theirs': 'Take theirs',
  'try-again': 'Try again',
  'keep-mine-new': 'Keep mine as a new version',
  'copy-text': 'Copy the text',
  /** Visually hidden after each button, so every button's accessible name says which record it acts on. */
  'for-record': 'for {record}',
  'text-to-copy': 'The text of {record}, to copy:',
} as const;

export type SyncStatusMessages = typeof source;

export const SYNC_STATUS_MESSAGES = defineCatalogue({
  ns: 'sync-status',
  source,
  locales: { cy: () => import('./sync-status.cy.js') },
});
