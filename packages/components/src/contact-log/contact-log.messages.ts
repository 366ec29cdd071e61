// <str-contact-log>'s words, en-GB source (docs/i18n/README.md). Welsh: contact-log.cy.ts, loaded only when chosen.
// The code labels a worker reads (`how.*`, `where.*`, `attend.*`, `who.*`) and the two definitions are the SDK's own
// words as the source (packages/sdk/src/codes/mhsds.ts, from the MHSDS v6 data dictionary, shortened;
// OTHER_PRESENT_LABELS in packages/sdk/src/schemas/contact.ts; domain/contacts.ts). The codes themselves, and the
// displays a FHIR record carries, stay as published.
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, CONTACT_TOTALS_DEFINITION, DNA_RATE_DEFINITION, OTHER_PRESENT_KINDS,
  OTHER_PRESENT_LABELS,
} from '@strkit/sdk';
import { defineCatalogue, type Message } from '../l10n/catalogue.js';

type Labels<P extends string, C extends string> = { readonly [K in C as `${P}.${K}`]: string };

/** A code list's labels as messages `<prefix>.<code>`, the SDK's words as the en-GB source (one copy in the bundle). */
const labels = <P extends string, C extends string>(prefix: P, list: readonly { readonly code: C; readonly label: string }[]): Labels<P, C> =>
  Object.fromEntries(list.map((c) => [`${prefix}.${c.code}`, c.label])) as Labels<P, C>;

const how = labels('how', CONSULTATION_MECHANISMS);
const where = labels('where', ACTIVITY_LOCATION_TYPES);
const attend = labels('attend', ATTEND_STATUSES);
const who = labels('who', OTHER_PRESENT_KINDS.map((code) => ({ code, label: OTHER_PRESENT_LABELS[code] })));

/** Why a save (or a mark) failed, by the StrError's code (internal/error-words.ts `notSavedCase`), one sentence each. */
const failed = {
  'save-failed.full':
    'This device is out of storage space, so the contact could not be saved on it. It is still here: do not close this page. Free some space (or connect, so waiting changes can be sent), then save again.',
  'save-failed.conflict': 'Someone else changed this contact while you were correcting it. Cancel, open it again and check their change',
  'save-failed.forbidden': 'Not saved: you do not have permission to make this change. It is still here.',
  'save-failed.not-found': 'Not saved: the contact was removed from the record system or never reached it. It is still here.',
  'save-failed.invalid': 'Not saved: {issue}. It is still here.',
  'save-failed.no-answer': 'Not saved: the record system did not answer. It is still here: try again.',
  'save-failed.other': 'The contact could not be saved. It is still here: try again, or tell your system administrator.',
  'mark-failed.full':
    'This device is out of storage space, so the mark could not be saved on it. The contact is unchanged: do not close this page. Free some space (or connect, so waiting changes can be sent), then save again.',
  'mark-failed.conflict': 'Someone else changed this contact. Close it, open it again and check',
  'mark-failed.forbidden': 'Not saved: you do not have permission to make this change. The contact is unchanged.',
  'mark-failed.not-found': 'Not saved: the mark was removed from the record system or never reached it. The contact is unchanged.',
  'mark-failed.invalid': 'Not saved: {issue}. The contact is unchanged.',
  'mark-failed.no-answer': 'Not saved: the record system did not answer. The contact is unchanged: try again.',
  'mark-failed.other': 'The mark could not be saved. The contact is unchanged: try again, or tell your system administrator.',
  /** `{issue}` when the record system gave no field issue. */
  'not-valid': 'the contact is not valid',
  'not-saved-unknown-person': 'Not saved: this person is not in the record system. Check the person chosen. What you typed is still here.',
} as const;

/** The form's own checks (contact-log.form.ts), and the SDK's field issues said from their code and params. */
const checks = {
  'err.date': 'Enter the date of the contact',
  'err.time': 'Enter the time the contact started',
  'err.real-date': 'Enter a real date',
  'err.no-such-time': 'There was no {time} on {date} in the UK: the clocks went forward from 1am to 2am. Enter the time the clock showed.',
  'err.which-time': 'The clocks went back that night, so {time} happened twice. Choose which {time} it was.',
  'err.future': 'The contact cannot start in the future',
  'err.duration': 'Enter how long the contact lasted, in minutes',
  'err.duration-range': 'Duration must be a whole number of minutes from {min} to {max}',
  'err.duration-confirm': '{duration} — is that right? Correct the minutes, or tick “Yes” to confirm',
  'err.mechanism': 'Choose how the contact took place',
  'err.location': 'Choose where the contact took place',
  'err.attendance': 'Choose whether the person attended',
  'err.note-max': 'Enter {max} characters or fewer',
  'err.role-max': 'Enter each role in {max} characters or fewer',
  'err.language-max': 'Enter the language in {max} characters or fewer',
  'err.eie-reason': 'Enter why this contact was entered in error',
  'issue.control': 'Remove the invisible control characters from this text',
  'issue.broken': 'This text contains a broken character; retype it',
  'issue.one-line': 'Keep this on one line',
} as const;

const form = {
  'no-person': 'No person is chosen, so no contacts can be shown or logged here.',
  'unknown-person': 'This person is not in the record system, so no contact can be logged for them. Check the person chosen.',
  'read-only': 'You can see contacts here but not log them.',
  'form.log': 'Log a contact',
  'form.correct': 'Correct a contact',
  problem: 'There is a problem',
  /** Visually hidden before each message beside a field. */
  'error-prefix': 'Error:',
  date: 'Date',
  'start-time': 'Start time',
  'which-time': 'Which {time}?',
  'which-time-hint': 'The clocks went back an hour on {date}, so {time} happened twice.',
  'first-time': 'The first {time} (British Summer Time, before the clocks went back)',
  'second-time': 'The second {time} (Greenwich Mean Time, after the clocks went back)',
  'duration-legend': 'How long, in minutes',
  'duration-hint': 'Pick one or type the minutes',
  'duration-other': 'Other',
  'long-duration': '{duration} — is that right?',
  'long-duration-yes': 'Yes, it lasted {duration}',
  'how-legend': 'How did the contact take place?',
  'where-legend': 'Where?',
  'how-another': 'Another way',
  'where-another': 'Another place',
  'how-list': 'How, from the full list',
  'where-list': 'Where, from the full list',
  choose: 'Choose…',
  /** The quick choices of place: plain words for the commonest MHSDS locations. */
  'place.A01': "Person's home",
  'place.N02': 'In the community',
  'place.E02': 'On a ward',
  attended: 'Did the person attend?',
  planned: 'This contact was planned',
  'others-legend': 'Who else was there?',
  'others-hint': 'Select all that apply',
  'their-role': '{who}: their role (optional)',
  'interpreter-language': "Interpreter's language",
  'tasks-legend': 'Care-plan tasks worked on',
  'tasks-hint': 'Optional. Tick any the contact helped with.',
  note: 'Note',
  'note-hint': 'What happened, in plain words. Kept as a draft on this device while you type.',
  save: 'Save contact',
  'save-correction': 'Save correction',
  saving: 'Saving…',
  'cancel-correction': 'Cancel correction',
  discard: 'Discard draft',
} as const;

const news = {
  'draft-restored': 'Draft restored, saved {when}',
  'draft-not-kept': 'Your draft could not be kept on this device. Save the contact before you leave this page.',
  sent: 'Contact sent to the record system',
  'correction-sent': 'Correction sent to the record system',
  saved: 'Contact saved: {when}',
  'correction-saved': 'Correction saved: {when}',
  correcting: 'Correcting the contact of {when}',
  'correction-cancelled': 'Correction cancelled',
  'draft-discarded': 'Draft discarded',
  'versions-failed': 'The earlier versions could not be loaded. Try again.',
  'marking-sent': 'Marking sent to the record system.',
  marked: 'Contact marked as entered in error. It stays in the record, under "Entered in error".',
} as const;

const history = {
  summary: 'Summary',
  'totals-definition': CONTACT_TOTALS_DEFINITION,
  'dna-definition': DNA_RATE_DEFINITION,
  'working-out': 'Working out the totals…',
  'dna-how': 'How the did not attend rate is worked out',
  'this-week': 'This week (from Monday)',
  'this-month': 'This month',
  totals: {
    one: '{count} attended contact, {duration}; {dna} did not attend; {cancelled} cancelled',
    other: '{count} attended contacts, {duration}; {dna} did not attend; {cancelled} cancelled',
  },
  'dna-rate': 'Did not attend rate',
  'dna-none': 'No contacts were due yet',
  'dna-value': '{percent}% ({notAttended} of {due} due)',
  hours: { one: '{count} hour', other: '{count} hours' },
  minutes: { one: '{count} minute', other: '{count} minutes' },
  'hours-minutes': '{hours} {minutes}',
  contacts: 'Contacts',
  'contacts-newest-first': 'Contacts, newest first',
  loading: 'Loading the contacts…',
  'load-failed': 'The contacts could not be loaded. Reload the page to try again.',
  none: 'No contacts logged yet.',
  showing: { one: 'Showing {shown} of {count} contact', other: 'Showing {shown} of {count} contacts' },
  'no-match': 'No contacts match these filters.',
  'filter-legend': 'Filter contacts',
  from: 'From',
  to: 'To',
  how: 'How',
  'any-way': 'Any way',
  attendance: 'Attendance',
  any: 'Any',
  search: 'Search notes',
  'clear-filters': 'Clear filters',
  'week-beginning': 'Week beginning {date}',
  'date-time': '{date}, {time}',
  unplanned: 'unplanned',
  with: 'with {people}',
  'no-note': 'No note.',
  'tasks-worked': 'Care-plan tasks worked on: {tasks}',
  'task-gone': 'a task not on the current plan',
  'logged-by': 'Logged by {who} on {date}',
  'edited-by': 'edited by {who} on {date}',
  'show-versions': 'Show earlier versions',
  'earlier-versions': 'Earlier versions',
  version: 'Saved by {who} on {saved}: {when}, {duration}, {how}',
  'version-note': 'Note: {note}',
  correct: 'Correct this contact',
  mark: 'Mark as entered in error',
  'why-eie': 'Why was this contact entered in error?',
  keep: 'Keep it',
  'entered-in-error': 'Entered in error ({count})',
  'marked-by': 'Marked by {who} on {date}. Reason: {reason}',
} as const satisfies Readonly<Record<string, Message>>;

const source = { ...form, ...checks, ...failed, ...news, ...history, ...how, ...where, ...attend, ...who };

export type ContactLogMessages = typeof source;

export const CONTACT_LOG_MESSAGES = defineCatalogue({
  ns: 'contact-log',
  source,
  locales: { cy: () => import('./contact-log.cy.js') },
});
