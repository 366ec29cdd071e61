// The person's care pathway (issue 23, docs/adr/0027-care-pathway.md): who may write key contacts and referrals, the
// rules that span fields (refused with words a person can act on, before anything is written), and how long a
// referral has waited. Dates are UK calendar dates; "today" comes from the caller's clock. The role checks guide the
// UI and the client; the record system must enforce the same.
import type { FieldIssue } from '../errors.js';
import type { KeyContact, Referral } from '../schemas/pathway.js';
import type { Actor } from '../schemas/people.js';
import { daysBetween } from './care-plan.js';
import { can } from './permissions.js';

const idOf = (actor: Actor | undefined): string | undefined => {
  try {
    return typeof actor?.id === 'string' ? actor.id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Writes (changes, marks entered in error) a key contact: co-ordinators and team leads any; a worker only their own
 * suggestion while it is still a suggestion. Everyone who reads the person's record reads their contacts.
 */
export function mayWriteKeyContact(actor: Actor | undefined, c: Pick<KeyContact, 'status' | 'createdBy'>): boolean {
  if (can(actor, 'pathway.edit')) return true;
  return can(actor, 'pathway.suggest') && c.status === 'suggested' && c.createdBy === idOf(actor);
}

/** Adds a referral: co-ordinators and team leads any; a worker one they made (to another service, as its referrer). */
export function mayAddReferral(actor: Actor | undefined, r: Pick<Referral, 'direction' | 'referrerId'>): boolean {
  if (can(actor, 'pathway.edit')) return true;
  return can(actor, 'referral.add') && r.direction === 'out' && r.referrerId !== undefined && r.referrerId === idOf(actor);
}

/** Records a referral's progress or marks it entered in error: co-ordinators and team leads any; a worker their own. */
export function mayWriteReferral(actor: Actor | undefined, r: Pick<Referral, 'referrerId' | 'createdBy'>): boolean {
  if (can(actor, 'pathway.edit')) return true;
  const me = idOf(actor);
  return can(actor, 'referral.add') && me !== undefined && (r.referrerId === me || r.createdBy === me);
}

const issue = (path: string, message: string): FieldIssue => ({ path, code: 'invalid', message });

/**
 * What is wrong with a key contact as a whole (each field already passed its schema): a family contact needs the
 * relationship and the date the person agreed; anyone needs a way to reach them; a crisis contact needs a phone.
 */
export function keyContactIssues(c: Pick<KeyContact, 'kind' | 'relationship' | 'agreedOn' | 'phone' | 'email' | 'reach' | 'crisis'>, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (c.kind === 'family') {
    if (c.relationship === undefined) out.push(issue('relationship', 'Choose how they are related to the person'));
    if (c.agreedOn === undefined) out.push(issue('agreedOn', 'Enter the date the person agreed to this contact: family and carers are added only with the person’s agreement'));
  } else if (c.relationship !== undefined) {
    out.push(issue('relationship', 'Leave the relationship out for someone from a service'));
  }
  if (c.agreedOn !== undefined && c.agreedOn > today) out.push(issue('agreedOn', 'The date the person agreed must be today or in the past'));
  if (c.crisis && c.phone === undefined) out.push(issue('phone', 'Enter a phone number: a crisis contact must be reachable by phone'));
  else if (c.phone === undefined && c.email === undefined && c.reach === undefined) out.push(issue('phone', 'Enter a phone number, an email address or how to reach them'));
  return out;
}

type ReferralDates = Pick<Referral, 'sentOn' | 'acceptedOn' | 'firstSeenOn' | 'closedOn' | 'outcome'> & Partial<Pick<Referral, 'direction' | 'referrerId'>>;

const DATE_WORDS = { sentOn: 'sent', acceptedOn: 'accepted', firstSeenOn: 'first seen', closedOn: 'closed' } as const;

/**
 * What is wrong with a referral's dates and outcome: none in the future, each on or after the ones before it (sent,
 * accepted, first seen, closed), an outcome exactly when it is closed, and a completed referral was seen. A referral
 * from another service names no referrer in this team.
 */
export function referralIssues(r: ReferralDates, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  const order = ['sentOn', 'acceptedOn', 'firstSeenOn', 'closedOn'] as const;
  for (const [i, key] of order.entries()) {
    const date = r[key];
    if (date === undefined) continue;
    if (date > today) {
      out.push(issue(key, `The date ${DATE_WORDS[key]} must be today or in the past`));
      continue;
    }
    const before = order.slice(0, i).filter((k) => r[k] !== undefined && r[k]! > date).pop();
    if (before) out.push(issue(key, `The date ${DATE_WORDS[key]} must be on or after the date ${DATE_WORDS[before]}`));
  }
  if (r.closedOn !== undefined && r.outcome === undefined) out.push(issue('outcome', 'Choose how the referral ended'));
  if (r.outcome !== undefined && r.closedOn === undefined) out.push(issue('closedOn', 'Enter the date the referral closed'));
  if (r.outcome === 'completed' && r.firstSeenOn === undefined) out.push(issue('firstSeenOn', 'Enter the date first seen: a completed referral was seen'));
  // A referral from another service was made by that service: no one in this team may be named as having made it (and
  // so be able to change it as their own).
  if (r.direction === 'in' && r.referrerId !== undefined) out.push(issue('referrerId', 'Leave the referrer out: a referral from another service was made by that service'));
  return out;
}

/** Where a referral stands: closed, seen (first seen, not closed), accepted (not yet seen) or waiting (sent only). */
export type ReferralStage = 'waiting' | 'accepted' | 'seen' | 'closed';
export const referralStage = (r: Pick<Referral, 'acceptedOn' | 'firstSeenOn' | 'closedOn'>): ReferralStage =>
  r.closedOn !== undefined ? 'closed' : r.firstSeenOn !== undefined ? 'seen' : r.acceptedOn !== undefined ? 'accepted' : 'waiting';

export interface ReferralWait {
  /**
   * `seen`: the wait ended when the service first saw the person; `waiting`: not yet seen and still open, so it runs
   * to today; `closed-unseen`: closed without being seen, so it ran to the closing date.
   */
  readonly state: 'waiting' | 'seen' | 'closed-unseen';
  /** Whole UK calendar days from the date sent to `until`: sent today is 0. */
  readonly days: number;
  /** Completed weeks (`days` ÷ 7, rounded down), as waiting times are reported. */
  readonly weeks: number;
  /** The date the wait is counted to. */
  readonly until: string;
}

/** How long a referral has waited: from sent to first seen, or to today while not yet seen (issue 23). */
export function referralWait(r: ReferralDates, today: string): ReferralWait {
  const [state, until] = r.firstSeenOn !== undefined ? ['seen', r.firstSeenOn] as const
    : r.closedOn !== undefined ? ['closed-unseen', r.closedOn] as const
    : ['waiting', today] as const;
  const days = Math.max(0, daysBetween(r.sentOn, until));
  return { state, days, weeks: Math.floor(days / 7), until };
}

/** Key contacts a reader relies on: not entered in error, not inactive. Suggestions stay, marked as suggestions. */
export const currentKeyContacts = (contacts: readonly KeyContact[]): KeyContact[] =>
  contacts.filter((c) => !c.enteredInError && c.status !== 'inactive');

export interface KeyContactGroup {
  /** The agency's name; undefined for family, carers and friends, and for services with no organisation given. */
  readonly organisation: string | undefined;
  readonly family: boolean;
  readonly contacts: readonly KeyContact[];
}

/**
 * The person's current contacts grouped by agency (issue 23): services by organisation name (those without one
 * together), then family and friends. Within a group, crisis contacts first, then by name.
 */
export function groupKeyContacts(contacts: readonly KeyContact[], locale = 'en-GB'): KeyContactGroup[] {
  const byName = (a: KeyContact, b: KeyContact) => Number(b.crisis) - Number(a.crisis) || a.name.localeCompare(b.name, locale);
  const groups = new Map<string, KeyContact[]>();
  for (const c of currentKeyContacts(contacts)) {
    const key = c.kind === 'family' ? '\u0002family' : c.organisation === undefined ? '\u0001none' : `\u0000${c.organisation.toLocaleLowerCase(locale)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a[0] === b[0] ? a.localeCompare(b, locale) : a < b ? -1 : 1))
    .map(([key, list]) => ({
      organisation: key.startsWith('\u0000') ? list[0]!.organisation : undefined,
      family: key === '\u0002family',
      contacts: list.sort(byName),
    }));
}
