import { isStrError, type FieldIssue } from '@strkit/sdk';
import type { Params } from '../l10n/catalogue.js';

/** What a failed save said, in the worker's words: what it was and what is still on screen. */
export interface NotSavedWords {
  /** The record, lower case: "the contact", "the check", "this change". */
  readonly what: string;
  /** What is still there, as a sentence start: "It is still here", "Your changes are still here". */
  readonly kept: string;
  /** The words for a conflict, where the widget has a better next step than "save again". */
  readonly conflict?: string;
}

/** The device has no room left for the record (the local store refused it): nothing may be closed until it is saved. */
export const isDeviceFull = (err: unknown): boolean => isStrError(err, 'storage') && err.details.reason === 'quota';

/** Which failure a StrError is, chosen by `code` (and the first field issue, for `invalid`): a widget words each case. */
export function notSavedCase(err: unknown): { case: 'full' | 'conflict' | 'forbidden' | 'not-found' | 'invalid' | 'no-answer' | 'other'; issue?: FieldIssue } {
  if (isDeviceFull(err)) return { case: 'full' };
  if (isStrError(err, 'conflict')) return { case: 'conflict' };
  if (isStrError(err, 'forbidden')) return { case: 'forbidden' };
  if (isStrError(err, 'not-found')) return { case: 'not-found' };
  if (isStrError(err, 'validation')) return { case: 'invalid', ...(err.details.issues?.[0] && { issue: err.details.issues[0] }) };
  return { case: isStrError(err) && err.retryable ? 'no-answer' : 'other' };
}

/**
 * The one place a StrError becomes words on screen (issue 17). Chosen by `code`, never from `message`, and never
 * with record content: a worker reads what happened and what to do, and is told their input is kept.
 */
export function whyNotSaved(err: unknown, { what, kept, conflict }: NotSavedWords): string {
  const why = notSavedCase(err);
  switch (why.case) {
    case 'full':
      return `This device is out of storage space, so ${what} could not be saved on it. ${kept}: do not close this page. Free some space (or connect, so waiting changes can be sent), then save again.`;
    case 'conflict':
      return conflict ?? `Not saved: someone else changed ${what} meanwhile. ${kept}: check their change, then save again.`;
    case 'forbidden':
      return `Not saved: you do not have permission to make this change. ${kept}.`;
    case 'not-found':
      return `Not saved: ${what} was removed from the record system or never reached it. ${kept}.`;
    case 'invalid':
      return `Not saved: ${why.issue?.message ?? `${what} is not valid`}. ${kept}.`;
    case 'no-answer':
      return `Not saved: the record system did not answer. ${kept}: try again.`;
    default:
      return `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be saved. ${kept}: try again, or tell your system administrator.`;
  }
}

/**
 * The SDK's field issue in a widget's language (issue 20), one rule for every widget: the message of `ids` whose
 * en-GB words are the SDK's own words, else a limit on text by its code and params (`maxId`, with `{max}`); an issue
 * this version cannot say stays in the SDK's English. `source` is the widget catalogue's en-GB source.
 */
export function issueWords<Id extends string>(
  t: (id: Id, params?: Params) => string, source: Readonly<Record<string, unknown>>, ids: readonly Id[], maxId: Id, issue: FieldIssue,
): string {
  const id = ids.find((i) => source[i] === issue.message);
  if (id) return t(id);
  const max = issue.params?.maximum;
  if (issue.code === 'too_big' && issue.params?.origin === 'string' && typeof max === 'number') return t(maxId, { max });
  return issue.message;
}
