// The care pathway's inputs (issue 23: key contacts and referrals) for the zod-free check, apart from input-check.ts so
// that a widget without the care pathway does not carry them. input-check.test.ts holds them to the zod schemas,
// message for message (docs/adr/0015-zod-free-input-check.md).
import type { FieldIssue } from '../errors.js';
import { boolean, nullable, oneOf, optional as o, refine, type Checker } from './check-engine.js';
import { isoDate, issuesBy, noteText, singleLine, strict, uuid, externalId } from './input-check.js';
import type { PathwayInputKind } from './inputs.js';
import {
  EMAIL_MESSAGE, KEY_CONTACT_KINDS, PHONE_MESSAGE, PHONE_MAX, REACH_MAX, REFERRAL_DIRECTIONS, REFERRAL_OUTCOMES, REFERRAL_TEXT_MAX, RELATIONSHIP_ROLES, isEmail, isPhone,
} from './pathway.js';

const maybe = (c: Checker) => o(nullable(c));

const kind = oneOf(KEY_CONTACT_KINDS, 'Choose someone from a service, or family or a friend');
const name = singleLine(200, 'Enter their name');
const role = singleLine(200, 'Enter their role, like GP, housing officer or sister');
const organisation = singleLine(200, 'Enter the organisation, or leave it out');
const relationship = oneOf(RELATIONSHIP_ROLES, 'Choose how they are related to the person');
const phone = singleLine(PHONE_MAX, 'Enter a phone number, or leave it out', refine(isPhone, PHONE_MESSAGE));
const email = singleLine(254, 'Enter an email address, or leave it out', refine(isEmail, EMAIL_MESSAGE));
const reach = noteText(REACH_MAX, true, 'Enter how and when to reach them, or leave it out');
const crisis = boolean('Say whether to contact them in a crisis');
const suggestionNote = noteText(REACH_MAX, true, 'Enter why you suggest this, or leave it out');
const service = singleLine(200, 'Enter the service');
const reason = noteText(REFERRAL_TEXT_MAX, true, 'Enter the reason for the referral');
const outcome = oneOf(REFERRAL_OUTCOMES, 'Choose how the referral ended');
const outcomeNote = noteText(REFERRAL_TEXT_MAX, true, 'Enter what came of it, or leave it out');

const PATHWAY_CHECKERS: Readonly<Record<PathwayInputKind, Checker>> = {
  keyContact: strict({
    id: o(uuid), serviceUserId: uuid, kind, name, role, organisation: o(organisation), relationship: o(relationship), phone: o(phone), email: o(email), reach: o(reach),
    crisis, agreedOn: o(isoDate), replacesId: o(uuid), suggestionNote: o(suggestionNote),
  }),
  keyContactUpdate: strict({
    kind: o(kind), name: o(name), role: o(role), organisation: maybe(organisation), relationship: maybe(relationship), phone: maybe(phone), email: maybe(email),
    reach: maybe(reach), crisis: o(crisis), agreedOn: maybe(isoDate), status: o(oneOf(['active', 'inactive'], 'Choose active or inactive')),
  }),
  referral: strict({
    id: o(uuid), serviceUserId: uuid, direction: oneOf(REFERRAL_DIRECTIONS, 'Choose a referral to another service or from one'), service, reason, referrerId: o(externalId),
    sentOn: isoDate, acceptedOn: o(isoDate), firstSeenOn: o(isoDate), closedOn: o(isoDate), outcome: o(outcome), outcomeNote: o(outcomeNote),
  }),
  referralUpdate: strict({
    service: o(service), reason: o(reason), sentOn: o(isoDate), acceptedOn: maybe(isoDate), firstSeenOn: maybe(isoDate), closedOn: maybe(isoDate),
    outcome: maybe(outcome), outcomeNote: maybe(outcomeNote),
  }),
};

/** `inputIssues` for the care pathway's writes (`pathwayClient(client)`): `keyContacts.create`/`update`, `referrals.create`/`update`. */
export function pathwayInputIssues(kind: PathwayInputKind, value: unknown): FieldIssue[] {
  return issuesBy(PATHWAY_CHECKERS, kind, value);
}
