// The forms of <str-care-pathway> as data (issue 23): what a draft holds, the SDK input it makes, and what is wrong
// with it, in the worker's language. The checks are the SDK's own (pathwayInputIssues, keyContactIssues,
// referralIssues), so the form refuses exactly what the client would, with the same words.
import {
  keyContactIssues, pathwayInputIssues, referralIssues, type FieldIssue, type KeyContact, type KeyContactInput, type ReferralInput,
} from '@strkit/sdk';
import { issueWords } from '../internal/error-words.js';
import type { Params } from '../l10n/catalogue.js';
import { CARE_PATHWAY_MESSAGES, type CarePathwayMessages } from './care-pathway.messages.js';

export type Id = keyof CarePathwayMessages & string;
export interface PathwayWords {
  t(id: Id, params?: Params): string;
}
/** Words kept until drawn, so a change of language redraws them. */
export type Said = (l: PathwayWords) => string;

/** The id prefix of every form control. */
export const PREFIX = 'pw-';

export interface ContactDraft {
  kind: string;
  name: string;
  role: string;
  organisation: string;
  relationship: string;
  phone: string;
  email: string;
  reach: string;
  crisis: boolean;
  agreedOn: string;
  suggestionNote: string;
}

export interface ReferralDraft {
  direction: string;
  service: string;
  reason: string;
  sentOn: string;
  acceptedOn: string;
  firstSeenOn: string;
}

export type PathwayForm =
  | { readonly form: 'contact'; readonly id: string; draft: ContactDraft }
  | { readonly form: 'referral'; readonly id: string; draft: ReferralDraft };

export const emptyContact = (): ContactDraft => ({ kind: '', name: '', role: '', organisation: '', relationship: '', phone: '', email: '', reach: '', crisis: false, agreedOn: '', suggestionNote: '' });
export const emptyReferral = (today: string): ReferralDraft => ({ direction: 'out', service: '', reason: '', sentOn: today, acceptedOn: '', firstSeenOn: '' });

/** Where a form's draft is kept, per person: `care-pathway:<form>:<serviceUserId>`. */
export const draftKey = (form: PathwayForm['form'], serviceUserId: string): string => `care-pathway:${form}:${serviceUserId}`;

/** Blank optional text is left out (never sent as ""), so the SDK sees only what was typed. */
const opt = (s: string) => (s.trim() === '' ? undefined : s);

/** The SDK input a contact draft makes. A worker's is a suggestion: only they send a note with it. */
export function contactInput(d: ContactDraft, serviceUserId: string, id: string, suggesting: boolean): KeyContactInput {
  const family = d.kind === 'family';
  return {
    id,
    serviceUserId,
    kind: d.kind as KeyContactInput['kind'],
    name: d.name,
    role: d.role,
    ...(opt(d.organisation) !== undefined && { organisation: d.organisation }),
    ...(family && d.relationship !== '' && { relationship: d.relationship as NonNullable<KeyContactInput['relationship']> }),
    ...(opt(d.phone) !== undefined && { phone: d.phone }),
    ...(opt(d.email) !== undefined && { email: d.email }),
    ...(opt(d.reach) !== undefined && { reach: d.reach }),
    crisis: d.crisis,
    ...(family && d.agreedOn !== '' && { agreedOn: d.agreedOn }),
    ...(suggesting && opt(d.suggestionNote) !== undefined && { suggestionNote: d.suggestionNote }),
  };
}

export function referralInput(d: ReferralDraft, serviceUserId: string, id: string): ReferralInput {
  return {
    id,
    serviceUserId,
    direction: d.direction as ReferralInput['direction'],
    service: d.service,
    reason: d.reason,
    sentOn: d.sentOn,
    ...(d.acceptedOn !== '' && { acceptedOn: d.acceptedOn }),
    ...(d.firstSeenOn !== '' && { firstSeenOn: d.firstSeenOn }),
  };
}

/** The SDK's messages this catalogue says in every language, by id (their en-GB words are the SDK's). */
const SAID: readonly Id[] = [
  'err.kind', 'err.name', 'err.role', 'err.relationship', 'err.agreed', 'err.agreed-future', 'err.crisis-phone', 'err.reachable', 'err.phone', 'err.email',
  'err.direction', 'err.service', 'err.reason', 'err.date', 'err.sent-future', 'err.accepted-future', 'err.first-seen-future', 'err.accepted-order',
  'err.first-seen-order', 'err.first-seen-after-accepted', 'err.control', 'err.broken', 'err.one-line',
];

/** The SDK's field issue in the worker's language: by its words, or a limit on text by its code; else as the SDK said it. */
export const issueSaid = (issue: FieldIssue): Said => (l) => issueWords<Id>((id, p) => l.t(id, p), CARE_PATHWAY_MESSAGES.source, SAID, 'err.max', issue);

export interface Refusal {
  /** The form field (its control's id is PREFIX + field). */
  readonly field: string;
  readonly say: Said;
}

const FIELDS: Readonly<Record<string, string>> = {
  kind: 'kind', name: 'name', role: 'role', organisation: 'organisation', relationship: 'relationship', phone: 'phone', email: 'email', reach: 'reach',
  crisis: 'crisis', agreedOn: 'agreed-on', suggestionNote: 'suggestion-note',
  direction: 'direction', service: 'service', reason: 'reason', sentOn: 'sent-on', acceptedOn: 'accepted-on', firstSeenOn: 'first-seen-on',
};

/** One refusal per field, the first found; an issue no field stands for goes to the form's first field. */
function perField(issues: readonly FieldIssue[], first: string): Refusal[] {
  const seen = new Set<string>();
  return issues.map((i) => ({ field: FIELDS[i.path.split('.')[0] ?? ''] ?? first, say: issueSaid(i) })).filter((r) => !seen.has(r.field) && !!seen.add(r.field));
}

/** What is wrong with a contact form on `today`: each field's own rules, then the whole contact's. */
export function contactRefusals(d: ContactDraft, serviceUserId: string, id: string, suggesting: boolean, today: string): Refusal[] {
  const input = contactInput(d, serviceUserId, id, suggesting);
  const issues = pathwayInputIssues('keyContact', input);
  const whole = keyContactIssues(input as Pick<KeyContact, 'kind' | 'relationship' | 'agreedOn' | 'phone' | 'email' | 'reach' | 'crisis'>, today);
  // A date the browser could not read is "" here: say it is needed, as the SDK would of a family contact's.
  return perField([...issues, ...(d.kind === '' ? [] : whole)], 'kind');
}

/** What is wrong with a referral form on `today`. */
export function referralRefusals(d: ReferralDraft, serviceUserId: string, id: string, today: string): Refusal[] {
  const input = referralInput(d, serviceUserId, id);
  const issues = pathwayInputIssues('referral', input);
  return perField([...issues, ...(issues.some((i) => i.path === 'sentOn') ? [] : referralIssues(input, today))], 'direction');
}
