// fast-check arbitraries of care pathway records (issue 23): key contacts and referrals, any valid shape (the schema
// decides), so the mapping is tested on more than the client's whole-record rules allow.
import {
  KEY_CONTACT_KINDS, KEY_CONTACT_STATUSES, KeyContactSchema, RELATIONSHIP_ROLES, REFERRAL_DIRECTIONS, REFERRAL_OUTCOMES, ReferralSchema,
  type KeyContact, type Referral,
} from '@strkit/sdk';
import fc from 'fast-check';
import { actorId, clean, date, envelope, lineText, opt, wordsText } from './care-plan.js';

const phone = fc.tuple(fc.constantFrom('', '+44 '), fc.stringMatching(/^[0-9][0-9 ()-]{2,20}$/)).map(([p, n]) => `${p}${n}`.trim());
const email = fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,12}$/), fc.stringMatching(/^[a-z0-9-]{1,12}$/)).map(([a, b]) => `${a}@${b}.example`);

export const keyContactArb = clean<KeyContact>(KeyContactSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), kind: fc.constantFrom(...KEY_CONTACT_KINDS), name: lineText(60), role: lineText(40),
  organisation: opt(lineText(60)), relationship: opt(fc.constantFrom(...RELATIONSHIP_ROLES)), phone: opt(phone), email: opt(email), reach: opt(wordsText),
  crisis: fc.boolean(), agreedOn: opt(date), status: fc.constantFrom(...KEY_CONTACT_STATUSES), replacesId: opt(fc.uuid({ version: 4 })), suggestionNote: opt(wordsText),
}));

export const referralArb = clean<Referral>(ReferralSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), direction: fc.constantFrom(...REFERRAL_DIRECTIONS), service: lineText(60), reason: wordsText,
  referrerId: opt(actorId), sentOn: date, acceptedOn: opt(date), firstSeenOn: opt(date), closedOn: opt(date), outcome: opt(fc.constantFrom(...REFERRAL_OUTCOMES)),
  outcomeNote: opt(wordsText),
}));
