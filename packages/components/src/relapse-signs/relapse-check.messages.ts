// <str-relapse-check>'s own words, en-GB source (docs/i18n/README.md): the check form, its status line, what a saved
// check means and the alert; the words it shares with the other relapse elements are relapse-shared.messages.ts.
// Welsh: relapse-check.cy.ts, loaded only when chosen. The rule's reasons and notes are l10n/rules.messages.ts. The
// rating, area and level labels are the worker-facing words for the SDK's codes (packages/sdk/src/schemas/relapse.ts),
// which they match in en-GB; a `{sign}` or `{date}` a render module puts an element in (`<bdi>`, `<time>`) is
// filled by l10n/place.ts.
import { defineCatalogue, joinCatalogues } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { RELAPSE_MESSAGES, type RelapseMessages } from './relapse-shared.messages.js';

const source = {
  /** A rating as a radio's label and in the trend: "2 Quite a lot". */
  'rating.0': '0 Not noticed',
  'rating.1': '1 A little',
  'rating.2': '2 Quite a lot',
  'rating.3': '3 A lot',
  'rating.not-asked': 'Not asked',
  'area.sleep': 'Sleep',
  'area.eating': 'Eating',
  'area.self-care': 'Self-care',
  'area.social-contact': 'Social contact',
  'area.activity': 'Activity',
  'area-note.sleep': 'Note on sleep (optional)',
  'area-note.eating': 'Note on eating (optional)',
  'area-note.self-care': 'Note on self-care (optional)',
  'area-note.social-contact': 'Note on social contact (optional)',
  'area-note.activity': 'Note on activity (optional)',
  'level.usual': 'As usual',
  'level.more': 'More than usual',
  'level.less': 'Less than usual',
  'level.much-less': 'Much less than usual',
  'check-heading': 'Check the early warning signs',
  'rate-hint': 'Rate each sign for the last week: 0 not noticed, 1 a little, 2 quite a lot, 3 a lot, or “Not asked”.',
  rated: '{rated} of {total} rated.',
  'rate-each-sign': 'Rate each sign, or choose “Not asked”',
  'rate-sign': 'Rate “{sign}”, or choose “Not asked”',
  'error-title': 'There is a problem',
  'more-signs': { one: 'and {count} more sign', other: 'and {count} more signs' },
  'none-noticed': 'None noticed: set every sign to 0',
  functioning: 'Day-to-day functioning',
  observations: 'Mental-state observations',
  'observations-hint': 'What you saw and heard, in plain words',
  'persons-view': 'The person’s own view, in their words',
  'marked-well': 'The person is well today (the co-ordinator may use this check for the agreed baseline)',
  'save-check': 'Save check',
  'signs-heading': 'Early warning signs',
  restored: 'Check in progress restored, from {date} at {time}',
  'all-set-zero': { one: 'All {count} sign set to 0, not noticed', other: 'All {count} signs set to 0, not noticed' },
  saving: 'Saving…',
  'saved-fires': 'Check saved. It meets the alert rule.',
  'saved-not': 'Check saved. It does not meet the alert rule.',
  'unknown-person.check': 'This person is not in the record system, so no warning signs can be recorded for them. Check the person chosen.',
  'result-fires': 'This check meets the alert rule',
  'result-not': 'Check saved: the alert rule is not met',
  total: 'Total {total}.',
  'total-baseline': 'Total {total}; baseline {baseline}.',
  why: 'Why',
  'what-agreed': 'What was agreed',
  'alert-note': 'Note for the care co-ordinator (optional)',
  'alert-note-hint': 'Up to {max} characters',
  'note-too-long': 'Enter {max} characters or fewer in the note (it has {length})',
  'send-alert': 'Send an alert to the care co-ordinator',
  'alert-sent': 'Alert sent to the care co-ordinator',
  'alert-sent-done': 'Alert sent to the care co-ordinator.',
  'sending-alert': 'Sending the alert…',
  'alert-unowned': 'Alert recorded, but nobody will receive it',
  'unowned-heading': 'Nobody will receive this alert',
  'unowned-body': 'The alert is recorded, but this person has no care co-ordinator, care team or team lead set, so no one is told. Contact someone now.',
  'no-crisis-contacts': 'No crisis contacts are recorded on the plan: ask your team lead or the duty worker.',
  'not-sent': { one: 'An alert has not been sent yet', other: '{count} alerts have not been sent yet' },
  confirmed: 'Confirmed {date} at {time}. It is kept on this device and stays here until it is sent.',
  'send-again': 'Try sending the alert again',
  'contact-if-not-sent': 'If it will not send, contact them directly:',
  'waiting-status': 'Alert saved on this device, not sent yet: the care co-ordinator has not been told',
  'waiting-heading': 'The care co-ordinator has not been told yet',
  'waiting-body': 'The alert is saved on this device and will be sent when there is a connection. Until then, the care co-ordinator has not been told.',
  'urgent-contacts': 'If it is urgent, contact them directly:',
  'urgent-no-contacts': 'If it is urgent, contact someone directly: no crisis contacts are recorded on the plan, so ask your team lead or the duty worker.',
} as const;

export type RelapseCheckMessages = typeof source;

export const RELAPSE_CHECK_MESSAGES = defineCatalogue({
  ns: 'relapse-check',
  source,
  locales: { cy: () => import('./relapse-check.cy.js') },
});

/** The element's words: the shared relapse words and its own. */
export const RELAPSE_CHECK_WORDS = joinCatalogues(RELAPSE_MESSAGES, RELAPSE_CHECK_MESSAGES);
export type RelapseCheckWords = LocaleController<RelapseMessages & RelapseCheckMessages>;
