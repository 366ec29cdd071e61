// What <str-care-pathway> shows, as plain data (issue 23): made from the SDK's records by `readPathway` (connected) or
// given as `.pathway` (controlled). Pure functions of it decide the groups, the order and each referral's wait.
import {
  contactState, groupKeyContacts, instantOf, lastAttended, londonDate, pathwayClient, referralStage, referralWait,
  type ContactFrequencyCode, type CrisisContact, type KeyContact, type KeyContactGroup, type Referral, type ReferralWait, type Role, type StrClient, type WarningSign,
} from '@strkit/sdk';

/** A worker in the person's care team, named. */
export interface PathwayWorker {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/** Everything the care pathway shows about one person. */
export interface CarePathway {
  readonly serviceUserId: string;
  /** The UK date waits are counted to. */
  readonly today: string;
  /** The person's name, for the person's copy. */
  readonly personName?: string;
  readonly contacts: readonly KeyContact[];
  readonly referrals: readonly Referral[];
  /** The care team's workers (the person's allocated STR worker, co-ordinator and others). */
  readonly team: readonly PathwayWorker[];
  /** From the warning-sign plan: the signs in the person's words, the agreed responses, who to contact. */
  readonly crisisPlan?: { readonly signs: readonly WarningSign[]; readonly contacts: readonly CrisisContact[] };
  /** From the care plan in use. */
  readonly contactFrequency?: ContactFrequencyCode;
  readonly nextContactDue?: string;
  readonly nextReviewOn?: string;
}

export interface ShownReferral {
  readonly referral: Referral;
  readonly stage: ReturnType<typeof referralStage>;
  readonly wait: ReferralWait;
}

/** Open referrals (longest waiting first), then past ones (most recently closed first); entered-in-error ones left out. */
export function referralsOf(p: CarePathway): { open: ShownReferral[]; past: ShownReferral[] } {
  const shown = p.referrals.filter((r) => !r.enteredInError).map((referral) => ({ referral, stage: referralStage(referral), wait: referralWait(referral, p.today) }));
  const open = shown.filter((s) => s.stage !== 'closed').sort((a, b) => b.wait.days - a.wait.days || a.referral.sentOn.localeCompare(b.referral.sentOn));
  const past = shown.filter((s) => s.stage === 'closed').sort((a, b) => b.referral.closedOn!.localeCompare(a.referral.closedOn!));
  return { open, past };
}

/** The contacts by agency, then family and friends; crisis contacts first in each. Suggestions stay, marked. */
export const contactGroups = (p: CarePathway, locale: string): KeyContactGroup[] => groupKeyContacts(p.contacts, locale);

/** A crisis contact to show: who (a key contact's name and role, or the plan's words) and how to reach them. */
export interface CrisisContactShown {
  readonly who: string;
  readonly role?: string;
  /** A key contact's phone and email; the plan's own words for its contacts. */
  readonly how: readonly string[];
}

/** Everyone to contact in a crisis: the crisis key contacts (confirmed ones only), then the warning-sign plan's. */
export function crisisContacts(p: CarePathway): CrisisContactShown[] {
  const confirmed = p.contacts.filter((c) => c.crisis && c.status === 'active' && !c.enteredInError);
  return [
    ...confirmed.map((c) => ({ who: c.name, role: c.role, how: [c.phone, c.email].filter((x): x is string => !!x) })),
    ...(p.crisisPlan?.contacts ?? []).map((c) => ({ who: c.who, how: [c.how] })),
  ];
}

/** Reads one person's pathway through the client, for `signal`'s scope. */
export async function readPathway(client: StrClient, serviceUserId: string, today: string, signal: AbortSignal): Promise<CarePathway> {
  const pathway = pathwayClient(client);
  const o = { signal };
  const [contacts, referrals, careTeam, signPlan, plan, workers, person, recent] = await Promise.all([
    pathway.keyContacts.list({ serviceUserId, limit: 1000, signal }),
    pathway.referrals.list({ serviceUserId, limit: 1000, signal }),
    client.careTeams.current(serviceUserId, o),
    client.warningSignPlans.current(serviceUserId, o),
    client.carePlans.current(serviceUserId, o),
    client.workers.list({ limit: 10_000, signal }),
    client.serviceUsers.get(serviceUserId).catch(() => undefined),
    client.contacts.list({ serviceUserId, limit: 50, signal }),
  ]);
  const named = new Map(workers.items.filter((w) => !w.enteredInError).map((w) => [w.actorId ?? w.id, w.name]));
  const last = lastAttended(recent.items, today);
  const state = contactState(plan?.contactFrequency, last ? londonDate(instantOf(last.start)) : undefined, today);
  return {
    serviceUserId,
    today,
    ...(person && { personName: person.displayName }),
    contacts: contacts.items,
    referrals: referrals.items,
    team: (careTeam?.participants ?? []).map((p) => ({ id: p.workerId, name: named.get(p.workerId) ?? p.workerId, role: p.role })),
    ...(signPlan && { crisisPlan: { signs: signPlan.signs, contacts: signPlan.contacts } }),
    ...(plan?.contactFrequency && { contactFrequency: plan.contactFrequency.every }),
    ...(state.state !== 'none' && { nextContactDue: state.due }),
    ...(plan?.nextReviewOn && { nextReviewOn: plan.nextReviewOn }),
  };
}
