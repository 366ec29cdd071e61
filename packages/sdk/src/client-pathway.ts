// The care pathway namespaces (issue 23, docs/adr/0027-care-pathway.md): a person's key contacts across agencies and
// their referrals. Co-ordinators and team leads edit; workers suggest contacts for the co-ordinator to confirm and add
// the referrals they make. Every write is checked as a whole (domain/pathway.ts) before anything is stored.
import { applyChanges, coreOf, enteredInErrorRefusal, markEnteredInErrorVerb, readVerbs, type ClientCore, type MarkEnteredInError, type ReadVerbs } from './client-core.js';
import { ukToday } from './domain/care-plan.js';
import { keyContactIssues, mayAddReferral, mayWriteKeyContact, mayWriteReferral, referralIssues } from './domain/pathway.js';
import { can } from './domain/permissions.js';
import { StrError, type FieldIssue } from './errors.js';
import type { StrClient } from './client.js';
import { parseOrThrow } from './schemas/parse.js';
import type { KeyContact, Referral } from './schemas/pathway.js';
import {
  KeyContactInputSchema, KeyContactUpdateSchema, ReferralInputSchema, ReferralUpdateSchema, type KeyContactInput, type KeyContactUpdate, type ReferralInput, type ReferralUpdate,
} from './schemas/pathway-input.js';

export interface KeyContactsApi extends ReadVerbs<KeyContact>, MarkEnteredInError<KeyContact> {
  /**
   * Co-ordinators and team leads add a contact; workers and peer support workers add a suggestion (status
   * `suggested`) for the co-ordinator to confirm. `replacesId` names the contact it changes: confirming the new one
   * makes the old one inactive (a co-ordinator's does so at once).
   */
  create(input: KeyContactInput): Promise<KeyContact>;
  /** Co-ordinators and team leads any; a worker their own suggestion while it is one. `null` clears a field. */
  update(id: string, changes: KeyContactUpdate, expectedVersion: string): Promise<KeyContact>;
  /** Co-ordinators and team leads: a suggestion becomes active (and the contact it replaces inactive). Safe to retry. */
  confirm(id: string, expectedVersion: string): Promise<KeyContact>;
  /** Co-ordinators and team leads: a suggestion not taken up becomes inactive (kept, with its history). */
  decline(id: string, expectedVersion: string): Promise<KeyContact>;
}

export interface ReferralsApi extends ReadVerbs<Referral>, MarkEnteredInError<Referral> {
  /** Co-ordinators and team leads any; a worker one they made (`direction: 'out'`, `referrerId` defaults to them). */
  create(input: ReferralInput): Promise<Referral>;
  /** Its progress: accepted, first seen, closed with an outcome. `null` clears. Co-ordinators and team leads any; a worker their own. */
  update(id: string, changes: ReferralUpdate, expectedVersion: string): Promise<Referral>;
}

const refuse = (what: string, issues: readonly FieldIssue[]) => new StrError('validation', `${what} is not valid`, false, { issues });

export function keyContactsApi(core: ClientCore): KeyContactsApi {
  const { actor, guard, requireAction, createRecord, mustGet, putUpdated } = core;
  const today = () => ukToday(core.now());
  const mayWrite = (c: KeyContact) => {
    if (!mayWriteKeyContact(actor, c)) throw new StrError('forbidden', `${actor.role} may not change this key contact; suggest a change instead`);
  };
  const check = (c: KeyContact | Omit<KeyContact, 'id' | 'version' | 'schemaVersion' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>) => {
    const issues = keyContactIssues(c, today());
    if (issues.length > 0) throw refuse('The key contact', issues);
  };
  /** The contact a suggestion replaces: the same person's, and not entered in error. */
  const replaced = async (replacesId: string, serviceUserId: string) => {
    const old = await mustGet('keyContact', replacesId);
    if (old.serviceUserId !== serviceUserId) throw refuse('The key contact', [{ path: 'replacesId', code: 'invalid', message: 'Choose one of this person’s contacts to change' }]);
    if (old.enteredInError) throw enteredInErrorRefusal('keyContact', replacesId);
    return old;
  };
  /**
   * Makes the replaced contact inactive, once the one replacing it is active (two active is visible; none is not). One
   * marked entered in error since, or inactive already, is left as it is.
   */
  const retire = async (replacesId: string, serviceUserId: string) => {
    const old = await mustGet('keyContact', replacesId);
    if (old.serviceUserId !== serviceUserId || old.enteredInError || old.status === 'inactive') return;
    await putUpdated('keyContact', { ...old, status: 'inactive' }, old.version);
  };
  const editable = async (id: string) => {
    const current = await mustGet('keyContact', id);
    if (current.enteredInError) throw enteredInErrorRefusal('keyContact', id);
    return current;
  };
  const decide = (verb: 'confirm' | 'decline') => (id: string, expectedVersion: string) =>
    guard(verb === 'confirm' ? 'Confirming a key contact' : 'Declining a suggested key contact', async () => {
      requireAction('pathway.edit', `${verb} suggested key contacts`);
      const current = await editable(id);
      if (verb === 'decline') {
        if (current.status !== 'suggested') throw refuse('The key contact', [{ path: 'status', code: 'invalid', message: 'Only a suggestion can be declined' }]);
        return putUpdated('keyContact', { ...current, status: 'inactive' }, expectedVersion);
      }
      if (current.status === 'inactive') throw refuse('The key contact', [{ path: 'status', code: 'invalid', message: 'This contact is inactive; add it again instead' }]);
      // The contact it replaces is checked before anything is written: the same person's, and there.
      if (current.replacesId !== undefined) {
        const old = await mustGet('keyContact', current.replacesId);
        if (old.serviceUserId !== current.serviceUserId) throw refuse('The key contact', [{ path: 'replacesId', code: 'invalid', message: 'Choose one of this person’s contacts to change' }]);
      }
      // A retried confirm finds it active already and finishes the replacement.
      const confirmed = current.status === 'suggested' ? await putUpdated('keyContact', { ...current, status: 'active' }, expectedVersion) : current;
      if (confirmed.replacesId !== undefined) await retire(confirmed.replacesId, confirmed.serviceUserId);
      return confirmed;
    });
  return {
    ...readVerbs(core, 'keyContact', 'key contacts', 'a key contact'),
    create: (input) =>
      guard('Adding a key contact', async () => {
        const editor = can(actor, 'pathway.edit');
        if (!editor) requireAction('pathway.suggest', 'add key contacts');
        const fields = parseOrThrow(KeyContactInputSchema, input, 'The key contact');
        const record = { ...fields, status: editor ? 'active' as const : 'suggested' as const };
        check(record);
        if (record.suggestionNote !== undefined && editor) throw refuse('The key contact', [{ path: 'suggestionNote', code: 'invalid', message: 'Leave the suggestion note out: you can change contacts yourself' }]);
        if (record.replacesId !== undefined) await replaced(record.replacesId, record.serviceUserId);
        const created = await createRecord('keyContact', record);
        if (editor && created.replacesId !== undefined) await retire(created.replacesId, created.serviceUserId);
        return created;
      }),
    update: (id, changes, expectedVersion) =>
      guard('Changing a key contact', async () => {
        if (!can(actor, 'pathway.edit')) requireAction('pathway.suggest', 'change key contacts');
        const fields = parseOrThrow(KeyContactUpdateSchema, changes, 'The change');
        const current = await editable(id);
        mayWrite(current);
        if (fields.status !== undefined && !can(actor, 'pathway.edit')) throw new StrError('forbidden', `${actor.role} may not confirm or retire key contacts`);
        // A suggestion becomes active only through confirm, which also retires the contact it replaces.
        if (fields.status !== undefined && current.status === 'suggested') {
          throw refuse('The key contact', [{ path: 'status', code: 'invalid', message: 'Confirm or decline a suggestion instead of changing its status' }]);
        }
        const next = applyChanges(current, fields);
        check(next);
        return putUpdated('keyContact', next, expectedVersion);
      }),
    confirm: decide('confirm'),
    decline: decide('decline'),
    markEnteredInError: markEnteredInErrorVerb(core, 'keyContact', 'pathway.suggest', mayWrite),
  };
}

export function referralsApi(core: ClientCore): ReferralsApi {
  const { actor, guard, requireAction, createRecord, mustGet, putUpdated } = core;
  const today = () => ukToday(core.now());
  const mayWrite = (r: Referral) => {
    if (!mayWriteReferral(actor, r)) throw new StrError('forbidden', `${actor.role} may change only the referrals they made`);
  };
  const check = (r: Parameters<typeof referralIssues>[0]) => {
    const issues = referralIssues(r, today());
    if (issues.length > 0) throw refuse('The referral', issues);
  };
  return {
    ...readVerbs(core, 'referral', 'referrals', 'a referral'),
    create: (input) =>
      guard('Adding a referral', async () => {
        requireAction('referral.add', 'add referrals');
        const fields = parseOrThrow(ReferralInputSchema, input, 'The referral');
        const record = { ...fields, ...(fields.direction === 'out' && fields.referrerId === undefined && { referrerId: actor.id }) };
        if (!mayAddReferral(actor, record)) throw new StrError('forbidden', `${actor.role} may add only a referral they made to another service`);
        check(record);
        return createRecord('referral', record);
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a referral', async () => {
        requireAction('referral.add', 'update referrals');
        const fields = parseOrThrow(ReferralUpdateSchema, changes, 'The change');
        const current = await mustGet('referral', id);
        if (current.enteredInError) throw enteredInErrorRefusal('referral', id);
        mayWrite(current);
        const next = applyChanges(current, fields);
        check(next);
        return putUpdated('referral', next, expectedVersion);
      }),
    markEnteredInError: markEnteredInErrorVerb(core, 'referral', 'referral.add', mayWrite),
  };
}

export interface PathwayClient {
  readonly keyContacts: KeyContactsApi;
  readonly referrals: ReferralsApi;
}

/**
 * The care pathway's namespaces for a client made by `createClient`, as its signed-in actor: made apart, like
 * `teamClient`, so that a page without the care pathway does not carry them.
 */
export function pathwayClient(client: StrClient): PathwayClient {
  const core = coreOf(client);
  return { keyContacts: keyContactsApi(core), referrals: referralsApi(core) };
}
