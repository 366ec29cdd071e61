// The caseload's reasons and facts in the active locale, from the SDK's codes and params (caseload.messages.ts). A
// code this version does not know shows the SDK's English text rather than nothing.
import type { CaseloadReason, ContactFrequencyCode, PersonSummary } from '@strkit/sdk';
import type { LocaleController } from '../l10n/controller.js';
import type { CaseloadMessages } from './caseload.messages.js';

export type CaseloadWords = LocaleController<CaseloadMessages>;

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v));

const FREQUENCIES: ReadonlySet<string> = new Set<ContactFrequencyCode>(['twice-weekly', 'weekly', 'fortnightly', 'four-weekly', 'monthly']);

/** "weekly", "bob wythnos"; a code this version does not know, as it is. */
export const frequencyWords = (l: CaseloadWords, every: string) => (FREQUENCIES.has(every) ? l.t(`frequency.${every as ContactFrequencyCode}`) : every);

export function reasonWords(l: CaseloadWords, r: CaseloadReason): string {
  const p = r.params;
  const every = p.every === undefined ? '' : frequencyWords(l, String(p.every));
  switch (r.code) {
    case 'alert-overdue':
      return num(p.count) > 1 ? l.t('reason.alerts-overdue', { alerts: num(p.count), count: num(p.hours) }) : l.t('reason.alert-overdue', { count: num(p.hours) });
    case 'alert-open':
      if (num(p.count) > 1) return l.t('reason.alerts-open', { alerts: num(p.count), count: num(p.hours) });
      return num(p.hours) === 0 ? l.t('reason.alert-open-now') : l.t('reason.alert-open', { count: num(p.hours) });
    case 'sign-check-rise':
      return l.t('reason.sign-check-rise', { date: l.date(String(p.date)), count: num(p.rise) });
    case 'contact-overdue':
      return l.t('reason.contact-overdue', { count: num(p.days), every });
    case 'no-contact':
      return l.t('reason.no-contact', { every });
    case 'tasks-overdue':
      return num(p.count) > 1 ? l.t('reason.tasks-overdue', { tasks: num(p.count), count: num(p.days) }) : l.t('reason.task-overdue', { count: num(p.days) });
    case 'review-overdue':
      return l.t('reason.review-overdue', { count: num(p.days) });
    case 'contact-due-today':
      return l.t('reason.contact-due-today', { every });
    case 'review-due':
      return num(p.days) === 0 ? l.t('reason.review-due-today') : l.t('reason.review-due', { count: num(p.days) });
    case 'unsynced':
      return l.t('reason.unsynced', { count: num(p.count) });
    case 'no-frequency':
      return l.t('reason.no-frequency');
    default:
      return r.text;
  }
}

/** "Last attended contact 28 May 2026, 12 days ago", or that there is none. */
export function lastSeenWords(l: CaseloadWords, p: PersonSummary): string {
  const last = p.lastContact;
  if (!last) return l.t('never-seen');
  return last.daysSince === 0 ? l.t('last-seen-today') : l.t('last-seen', { date: l.date(last.date), count: last.daysSince });
}
