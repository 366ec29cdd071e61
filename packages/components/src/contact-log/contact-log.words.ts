// How <str-contact-log> says things in the active locale (issue 20): words kept in its state are `Said` (a function of
// the locale), so a locale change redraws them; code labels, durations, field issues and failed saves from the
// catalogue (contact-log.messages.ts).
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, OTHER_PRESENT_LABELS, labelOf, type FieldIssue, type OtherPresentKind,
} from '@strkit/sdk';
import { issueWords, notSavedCase } from '../internal/error-words.js';
import type { Params } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { CONTACT_LOG_MESSAGES, type ContactLogMessages } from './contact-log.messages.js';

export type ContactLogWords = LocaleController<ContactLogMessages>;
export type MessageId = keyof ContactLogMessages & string;

/** Words kept until drawn: said in whatever locale is active then. */
export type Said = (l: ContactLogWords) => string;

export const say = (id: MessageId, params?: Params): Said => (l) => l.t(id, params);

/** "18 hours 45 minutes", "1 hour", "1 minute". */
export function durationWords(l: ContactLogWords, m: number): string {
  const h = Math.floor(m / 60);
  const hours = h ? l.t('hours', { count: h }) : '';
  const minutes = m % 60 || !h ? l.t('minutes', { count: m % 60 }) : '';
  return hours && minutes ? l.t('hours-minutes', { hours, minutes }) : hours || minutes;
}

/** A code's label as a worker reads it, in the locale; a code not on the list is shown as it is. */
export const howLabel = (l: ContactLogWords, code: string): string =>
  labelOf(CONSULTATION_MECHANISMS, code) === undefined ? code : l.t(`how.${code}` as MessageId);

export const attendLabel = (l: ContactLogWords, code: string): string =>
  labelOf(ATTEND_STATUSES, code) === undefined ? code : l.t(`attend.${code}` as MessageId);

/** The plain words of a quick choice of place, else MHSDS's own label: one wording in the form and the history. */
export function whereLabel(l: ContactLogWords, code: string): string {
  if (`place.${code}` in CONTACT_LOG_MESSAGES.source) return l.t(`place.${code}` as MessageId);
  return labelOf(ACTIVITY_LOCATION_TYPES, code) === undefined ? code : l.t(`where.${code}` as MessageId);
}

export const whoLabel = (l: ContactLogWords, kind: OtherPresentKind): string =>
  kind in OTHER_PRESENT_LABELS ? l.t(`who.${kind}` as MessageId) : kind;

const TEXT_ISSUES = ['issue.control', 'issue.broken', 'issue.one-line'] as const;

/**
 * The SDK's field issue in the locale, from its code and params (a limit on text), or from its default words where the
 * SDK gives only those (the text rules); an issue this version cannot say stays in the SDK's English.
 */
export const issueSaid = (issue: FieldIssue): Said => (l) => issueWords<MessageId>((id, p) => l.t(id, p), CONTACT_LOG_MESSAGES.source, TEXT_ISSUES, 'err.note-max', issue);

/** Why a save (`save-failed.*`) or a mark (`mark-failed.*`) failed, chosen by the error's code, never its message. */
export const notSavedSaid = (err: unknown, what: 'save' | 'mark'): Said => (l) => {
  const why = notSavedCase(err);
  const first = why.issue;
  return l.t(`${what}-failed.${why.case}`, { issue: first ? issueSaid(first)(l) : l.t('not-valid') });
};
