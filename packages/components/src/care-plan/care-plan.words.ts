// How <str-care-plan> says things in the active locale (issue 20): words kept in its state are `Said` (a function of
// the locale), so a locale change redraws them; code labels, names, field issues and failed saves from the catalogue
// (care-plan.messages.ts).
import type { FieldIssue } from '@strkit/sdk';
import { issueWords, notSavedCase } from '../internal/error-words.js';
import type { FieldError } from '../internal/form-errors.js';
import type { Params } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { CARE_PLAN_MESSAGES, type CarePlanMessages } from './care-plan.messages.js';

export type CarePlanWords = LocaleController<CarePlanMessages>;
export type MessageId = keyof CarePlanMessages & string;

/** Words kept until drawn: said in whatever locale is active then. */
export type Said = (l: CarePlanWords) => string;

export const say = (id: MessageId, params?: Params): Said => (l) => l.t(id, params);

/** A form field's error, kept until drawn. */
export interface SaidError {
  readonly field: string;
  readonly say: Said;
}

export const saidError = (field: string, id: MessageId): SaidError => ({ field, say: say(id) });

/** The errors in the active locale, for FormErrors. */
export const errorsIn = (l: CarePlanWords, errors: readonly SaidError[]): FieldError[] => errors.map((e) => ({ field: e.field, message: e.say(l) }));

type Prefix = 'task-status' | 'goal-status' | 'plan-status' | 'life-area' | 'repeat';

/** A code's label as a worker reads it, in the locale; a code not on the list is shown as it is. */
export const codeLabel = (l: CarePlanWords, prefix: Prefix, code: string): string =>
  `${prefix}.${code}` in CARE_PLAN_MESSAGES.source ? l.t(`${prefix}.${code}` as MessageId) : code;

/** The ids whose en-GB words are the SDK's own field-issue words (or the form's own, where they are the same). */
const ISSUE_IDS = (Object.keys(CARE_PLAN_MESSAGES.source) as MessageId[]).filter((id) => id.startsWith('issue.') || id.startsWith('err.'));

/**
 * The SDK's field issue in the locale: by its words where the SDK gives only those, or from its code and params (a
 * limit on text); an issue this version cannot say stays in the SDK's English.
 */
export const issueSaid = (issue: FieldIssue): Said => (l) => issueWords<MessageId>((id, p) => l.t(id, p), CARE_PLAN_MESSAGES.source, ISSUE_IDS, 'err.max', issue);

/** Why a save failed, chosen by the error's code, never its message. */
export const notSavedSaid = (err: unknown): Said => (l) => {
  const why = notSavedCase(err);
  const first = why.issue;
  return l.t(`save-failed.${why.case}`, { issue: first ? issueSaid(first)(l) : l.t('not-valid') });
};

/** The errors in the locale, said again only when they or the locale changed (task rows guard on the list). */
export function errorsSaidOnce(): (l: CarePlanWords, errors: readonly SaidError[]) => readonly FieldError[] {
  let was: { errors: readonly SaidError[]; lang: string; said: readonly FieldError[] } | undefined;
  return (l, errors) => {
    if (was?.errors !== errors || was.lang !== l.lang) was = { errors, lang: l.lang, said: errorsIn(l, errors) };
    return was.said;
  };
}

