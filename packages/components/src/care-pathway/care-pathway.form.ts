// The forms of <str-care-pathway> as data (issue 23): what a draft holds, the SDK input it makes, and what is wrong
// with it, in the worker's language. The checks are the SDK's own (pathwayInputIssues, keyContactIssues,
// referralIssues), so the form refuses exactly what the client would, with the same words.
import {
  keyContactIssues, pathwayInputIssues, referralIssues, type FieldIssue, type KeyContact, type KeyContactInput, type KeyContactUpdate, type Referral,
  type ReferralInput, type ReferralUpdate,
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

/** A referral's later progress. */
export interface ProgressDraft {
  acceptedOn: string;
  firstSeenOn: string;
  closedOn: string;
  outcome: string;
  outcomeNote: string;
}

/**
 * The open form. `contact` adds a contact, or with `editing` changes one (a co-ordinator) or suggests a change to it (a
 * worker: a new suggestion that replaces it once confirmed). `progress` records a referral's progress.
 */
export type PathwayForm = (
  | { readonly form: 'contact'; readonly id: string; draft: ContactDraft; readonly editing?: KeyContact }
  | { readonly form: 'referral'; readonly id: string; draft: ReferralDraft }
  | { readonly form: 'progress'; readonly id: string; draft: ProgressDraft; readonly referral: Referral }
) & {
  /** The values the form started from (the record as it was when opened): a draft keeps only what was typed over them. */
  readonly base: object;
};

/** What a form's draft keeps on the device: the new record's id, the values it started from, and what is typed. */
export interface KeptDraft {
  readonly id: string;
  readonly base: object;
  readonly draft: object;
}

/**
 * The form's values on opening: `start` (the record as it is now, or an empty form) with only the fields typed over in
 * the kept draft. A field someone else changed meanwhile and the worker did not touch shows their change, and is
 * never sent back as it was.
 */
export function withTyped<D extends object>(start: D, kept: Partial<KeptDraft> | undefined): D {
  if (!kept?.draft) return start;
  const base = (kept.base ?? {}) as Record<string, unknown>;
  const out = { ...start } as Record<string, unknown>;
  for (const [k, v] of Object.entries(kept.draft)) if (k in out && (!(k in base) || base[k] !== v)) out[k] = v;
  return out as D;
}

export const emptyContact = (): ContactDraft => ({ kind: '', name: '', role: '', organisation: '', relationship: '', phone: '', email: '', reach: '', crisis: false, agreedOn: '', suggestionNote: '' });
export const emptyReferral = (today: string): ReferralDraft => ({ direction: 'out', service: '', reason: '', sentOn: today, acceptedOn: '', firstSeenOn: '' });

/** Where a form's draft is kept, per person (and per record changed): `care-pathway:<form>:<serviceUserId>[:<recordId>]`. */
export const draftKey = (form: PathwayForm['form'], serviceUserId: string, recordId?: string): string =>
  `care-pathway:${form}:${serviceUserId}${recordId ? `:${recordId}` : ''}`;

/** The record a form changes, if any (its draft is kept under it). */
export const targetOf = (f: PathwayForm): string | undefined => (f.form === 'progress' ? f.referral.id : f.form === 'contact' ? f.editing?.id : undefined);

/** A contact's details as a draft, to change them. */
export const contactDraftOf = (c: KeyContact): ContactDraft => ({
  kind: c.kind, name: c.name, role: c.role, organisation: c.organisation ?? '', relationship: c.relationship ?? '', phone: c.phone ?? '', email: c.email ?? '',
  reach: c.reach ?? '', crisis: c.crisis, agreedOn: c.agreedOn ?? '', suggestionNote: '',
});

/** A referral's progress as a draft. */
export const progressDraftOf = (r: Referral): ProgressDraft => ({
  acceptedOn: r.acceptedOn ?? '', firstSeenOn: r.firstSeenOn ?? '', closedOn: r.closedOn ?? '', outcome: r.outcome ?? '', outcomeNote: r.outcomeNote ?? '',
});

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
  'err.first-seen-order', 'err.first-seen-after-accepted', 'err.closed-future', 'err.closed-after-sent', 'err.closed-after-accepted',
  'err.closed-after-first-seen', 'err.outcome', 'err.closed', 'err.completed-seen', 'err.outcome-note', 'err.control', 'err.broken', 'err.one-line',
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
  closedOn: 'closed-on', outcome: 'outcome', outcomeNote: 'outcome-note',
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

/** What a co-ordinator's change sends: only the fields that differ from the contact as it is; a blank one cleared (`null`). */
export function contactChanges(d: ContactDraft, c: KeyContact): KeyContactUpdate {
  const input = contactInput(d, c.serviceUserId, c.id, false) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['kind', 'name', 'role', 'crisis'] as const) if (input[k] !== c[k]) out[k] = input[k];
  for (const k of ['organisation', 'relationship', 'phone', 'email', 'reach', 'agreedOn'] as const) {
    if (input[k] !== c[k]) out[k] = input[k] ?? null;
  }
  return out as KeyContactUpdate;
}

/** What a progress form sends: only the dates and outcome that changed; a cleared one is `null`. */
export function progressChanges(d: ProgressDraft, r: Referral): ReferralUpdate {
  const out: Record<string, string | null> = {};
  for (const k of ['acceptedOn', 'firstSeenOn', 'closedOn', 'outcome', 'outcomeNote'] as const) {
    const typed = k === 'outcomeNote' ? opt(d[k]) : d[k] === '' ? undefined : d[k];
    if (typed !== (r[k] ?? undefined)) out[k] = typed ?? null;
  }
  return out as ReferralUpdate;
}

/** What is wrong with a change to a contact: the same rules as a new one, on the contact as it would become. */
export function changeRefusals(d: ContactDraft, c: KeyContact, today: string): Refusal[] {
  const changes = contactChanges(d, c);
  const issues = pathwayInputIssues('keyContactUpdate', changes);
  const next = { ...c, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null)) } as KeyContact;
  for (const [k, v] of Object.entries(changes)) if (v === null) delete (next as Record<string, unknown>)[k];
  return perField([...issues, ...keyContactIssues(next, today)], 'kind');
}

/** What is wrong with a referral's progress on `today`: each date, then the referral as it would become. */
export function progressRefusals(d: ProgressDraft, r: Referral, today: string): Refusal[] {
  const changes = progressChanges(d, r);
  const issues = pathwayInputIssues('referralUpdate', changes);
  const next = { ...r } as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) if (v === null) delete next[k]; else next[k] = v;
  return perField([...issues, ...(issues.length ? [] : referralIssues(next as unknown as Referral, today))], 'accepted-on');
}
