// The care pathway through the client (issue 23, docs/adr/0027-care-pathway.md): the role table (co-ordinators edit,
// workers suggest contacts and add the referrals they make, viewers read), whole-record refusals a person can act on,
// and a referral's waiting time at its boundaries on a fixed clock. Memory store and a real IndexedDB. Synthetic people.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { indexedDbStore } from './adapters/indexeddb/indexeddb-store.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { pathwayAs, rejectsWith, tickingClock } from './client.fixtures.js';
import { groupKeyContacts, referralIssues, referralWait } from './domain/pathway.js';
import type { Store } from './ports.js';
import { OTHER_PERSON_ID, PERSON_ID } from './records.fixtures.js';
import type { Referral } from './schemas/pathway.js';
import type { KeyContactInput } from './schemas/pathway-input.js';

const GP: KeyContactInput = { serviceUserId: PERSON_ID, kind: 'professional', name: 'Dr Rowan Testdoctor', role: 'GP', organisation: 'Riverside Surgery', phone: '01632 960001', crisis: false };
const SISTER: KeyContactInput = { serviceUserId: PERSON_ID, kind: 'family', name: 'Jo Testsister', role: 'Sister', relationship: 'Personal', phone: '07700 900123', crisis: true, agreedOn: '2026-06-01' };
const clock = () => tickingClock('2026-06-03T12:00:00Z');

const stores: [string, () => Promise<{ store: Store; done: () => Promise<void> }>][] = [
  ['memoryStore', async () => ({ store: memoryStore(), done: async () => undefined })],
  ['indexedDbStore', async () => {
    const name = `pathway-${crypto.randomUUID()}`;
    const store = indexedDbStore({ name, persist: false });
    return { store, done: async () => (store.close?.(), void (await deleteDB(name))) };
  }],
];

for (const [name, open] of stores) {
  describe(`the care pathway through the client (${name})`, () => {
    let store: Store;
    let done: () => Promise<void>;
    beforeEach(async () => void ({ store, done } = await open()));
    afterEach(() => done());

    it('a co-ordinator adds contacts that are active at once; a worker’s are suggestions until the co-ordinator confirms', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const worker = pathwayAs(store, 'str-worker', 'worker-1', clock());
      const gp = await cc.keyContacts.create(GP);
      expect(gp.status).to.equal('active');
      const suggested = await worker.keyContacts.create({ ...SISTER, suggestionNote: 'Alex asked for Jo to be rung if things get bad.' });
      expect(suggested.status, 'never shown as confirmed').to.equal('suggested');
      // The worker may change their own suggestion, not the co-ordinator's contact, and may not confirm.
      const edited = await worker.keyContacts.update(suggested.id, { reach: 'Evenings after 6' }, suggested.version);
      await rejectsWith(worker.keyContacts.update(gp.id, { phone: '01632 960002' }, gp.version), 'forbidden');
      await rejectsWith(worker.keyContacts.confirm(edited.id, edited.version), 'forbidden');
      await rejectsWith(worker.keyContacts.update(edited.id, { status: 'active' }, edited.version), 'forbidden');
      const confirmed = await cc.keyContacts.confirm(edited.id, edited.version);
      expect(confirmed.status).to.equal('active');
      await rejectsWith(worker.keyContacts.update(confirmed.id, { reach: 'Any time' }, confirmed.version), 'forbidden');
      expect((await cc.keyContacts.history(confirmed.id)).map((c) => c.status)).to.deep.equal(['suggested', 'suggested', 'active']);
    });

    it('a suggested change replaces the contact only when confirmed, and the old one stays, inactive', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const peer = pathwayAs(store, 'peer-support-worker', 'peer-1', clock());
      const gp = await cc.keyContacts.create(GP);
      const change = await peer.keyContacts.create({ ...GP, phone: '01632 960999', replacesId: gp.id, suggestionNote: 'The surgery has a new number.' });
      expect((await cc.keyContacts.get(gp.id)).status, 'untouched until confirmed').to.equal('active');
      await cc.keyContacts.confirm(change.id, change.version);
      expect((await cc.keyContacts.get(gp.id)).status).to.equal('inactive');
      expect(groupKeyContacts((await cc.keyContacts.list({ serviceUserId: PERSON_ID })).items).flatMap((g) => g.contacts.map((c) => c.phone))).to.deep.equal(['01632 960999']);
      // Declining a suggestion keeps it, inactive.
      const other = await peer.keyContacts.create({ ...GP, name: 'Dr Sam Testlocum', phone: '01632 960111' });
      expect((await cc.keyContacts.decline(other.id, other.version)).status).to.equal('inactive');
      // A suggestion may not replace another person's contact.
      const elsewhere = await cc.keyContacts.create({ ...GP, serviceUserId: OTHER_PERSON_ID });
      const err = await rejectsWith(peer.keyContacts.create({ ...GP, replacesId: elsewhere.id }), 'validation');
      expect(err.details.issues?.[0]).to.deep.include({ path: 'replacesId', message: 'Choose one of this person’s contacts to change' });
    });

    it('confirming a change whose old contact was marked entered in error confirms it and leaves the old one alone; a suggestion’s status changes only by confirm or decline', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const peer = pathwayAs(store, 'peer-support-worker', 'peer-1', clock());
      const gp = await cc.keyContacts.create(GP);
      const change = await peer.keyContacts.create({ ...GP, phone: '01632 960999', replacesId: gp.id });
      const marked = await cc.keyContacts.markEnteredInError(gp.id, 'Wrong person', gp.version);
      const refused = await rejectsWith(cc.keyContacts.update(change.id, { status: 'active' }, change.version), 'validation');
      expect(refused.details.issues?.[0]).to.deep.include({ path: 'status', message: 'Confirm or decline a suggestion instead of changing its status' });
      expect((await cc.keyContacts.confirm(change.id, change.version)).status).to.equal('active');
      expect(await cc.keyContacts.get(gp.id), 'the old one as it was').to.deep.equal(marked);
    });

    it('a referral from another service names no referrer in this team, so no worker can take it as their own', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const err = await rejectsWith(cc.referrals.create({ serviceUserId: PERSON_ID, direction: 'in', service: 'Riverside Surgery', reason: 'Isolation', sentOn: '2026-05-01', referrerId: 'worker-1' }), 'validation');
      expect(err.details.issues).to.deep.equal([{ path: 'referrerId', code: 'invalid', message: 'Leave the referrer out: a referral from another service was made by that service' }]);
    });

    it('a viewer reads the pathway and writes nothing', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const viewer = pathwayAs(store, 'viewer', 'viewer-1', clock());
      const gp = await cc.keyContacts.create(GP);
      expect((await viewer.keyContacts.list({ serviceUserId: PERSON_ID })).items.map((c) => c.id)).to.deep.equal([gp.id]);
      await rejectsWith(viewer.keyContacts.create(GP), 'forbidden');
      await rejectsWith(viewer.referrals.create({ serviceUserId: PERSON_ID, direction: 'out', service: 'Talking therapies', reason: 'Low mood', sentOn: '2026-06-01' }), 'forbidden');
      await rejectsWith(viewer.keyContacts.markEnteredInError(gp.id, 'Wrong person', gp.version), 'forbidden');
    });

    it('a family contact needs the relationship and the person’s agreement; a crisis contact needs a phone; every refusal names its field', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const { agreedOn: _a, relationship: _r, ...bare } = SISTER;
      const err = await rejectsWith(cc.keyContacts.create(bare), 'validation');
      expect(err.details.issues?.map((i) => i.path)).to.deep.equal(['relationship', 'agreedOn']);
      const noPhone = await rejectsWith(cc.keyContacts.create({ ...GP, phone: undefined, crisis: true }), 'validation');
      expect(noPhone.details.issues).to.deep.equal([{ path: 'phone', code: 'invalid', message: 'Enter a phone number: a crisis contact must be reachable by phone' }]);
      const unreachable = await rejectsWith(cc.keyContacts.create({ ...GP, phone: undefined }), 'validation');
      expect(unreachable.details.issues?.[0]?.message).to.equal('Enter a phone number, an email address or how to reach them');
      const future = await rejectsWith(cc.keyContacts.create({ ...SISTER, agreedOn: '2026-06-04' }), 'validation');
      expect(future.details.issues?.[0]).to.deep.include({ path: 'agreedOn' });
      const badPhone = await rejectsWith(cc.keyContacts.create({ ...GP, phone: 'ring reception' }), 'validation');
      expect(badPhone.details.issues?.[0]).to.deep.include({ path: 'phone', message: 'Enter a phone number using numbers, spaces and brackets, like 01632 960 123' });
      expect((await cc.keyContacts.list({ serviceUserId: PERSON_ID })).items, 'nothing was written').to.deep.equal([]);
    });

    it('a worker adds a referral they made and records its progress; not another worker’s; co-ordinators any', async () => {
      const cc = pathwayAs(store, 'care-coordinator', 'cc-1', clock());
      const w1 = pathwayAs(store, 'str-worker', 'worker-1', clock());
      const w2 = pathwayAs(store, 'str-worker', 'worker-2', clock());
      const mine = await w1.referrals.create({ serviceUserId: PERSON_ID, direction: 'out', service: 'Northtown Talking Therapies', reason: 'Low mood', sentOn: '2026-05-20' });
      expect(mine.referrerId, 'the referrer defaults to the worker').to.equal('worker-1');
      await rejectsWith(w1.referrals.create({ serviceUserId: PERSON_ID, direction: 'out', service: 'Debt advice', reason: 'Arrears', sentOn: '2026-05-20', referrerId: 'worker-2' }), 'forbidden');
      await rejectsWith(w1.referrals.create({ serviceUserId: PERSON_ID, direction: 'in', service: 'Riverside Surgery', reason: 'Isolation', sentOn: '2026-05-01' }), 'forbidden');
      const accepted = await w1.referrals.update(mine.id, { acceptedOn: '2026-05-27' }, mine.version);
      await rejectsWith(w2.referrals.update(mine.id, { firstSeenOn: '2026-06-01' }, accepted.version), 'forbidden');
      const seen = await cc.referrals.update(mine.id, { firstSeenOn: '2026-06-01' }, accepted.version);
      const inward = await cc.referrals.create({ serviceUserId: PERSON_ID, direction: 'in', service: 'Riverside Surgery', reason: 'Isolation', sentOn: '2026-05-01' });
      expect(inward.referrerId).to.equal(undefined);
      const closing = await rejectsWith(cc.referrals.update(mine.id, { closedOn: '2026-06-02' }, seen.version), 'validation');
      expect(closing.details.issues).to.deep.equal([{ path: 'outcome', code: 'invalid', message: 'Choose how the referral ended' }]);
      const early = await rejectsWith(cc.referrals.update(mine.id, { closedOn: '2026-05-30', outcome: 'completed' }, seen.version), 'validation');
      expect(early.details.issues).to.deep.equal([{ path: 'closedOn', code: 'invalid', message: 'The date closed must be on or after the date first seen' }]);
      const closed = await cc.referrals.update(mine.id, { closedOn: '2026-06-02', outcome: 'completed' }, seen.version);
      const marked = await w1.referrals.markEnteredInError(closed.id, 'Wrong person', closed.version);
      expect(marked.enteredInError?.reason).to.equal('Wrong person');
      await rejectsWith(cc.referrals.update(mine.id, { outcomeNote: 'Too late' }, marked.version), 'validation');
    });
  });
}

describe('a referral’s waiting time (UK calendar days, fixed clock)', () => {
  const sent = (x: Partial<Referral>) => ({ sentOn: '2026-03-02', ...x });
  it('runs from sent to today while not yet seen: sent today is 0 days; 6 days is 0 weeks, 7 is 1', () => {
    expect(referralWait(sent({}), '2026-03-02')).to.deep.equal({ state: 'waiting', days: 0, weeks: 0, until: '2026-03-02' });
    expect(referralWait(sent({}), '2026-03-08')).to.deep.include({ days: 6, weeks: 0 });
    expect(referralWait(sent({}), '2026-03-09')).to.deep.include({ days: 7, weeks: 1 });
    expect(referralWait(sent({ acceptedOn: '2026-03-05' }), '2026-03-09'), 'accepted is still waiting to be seen').to.deep.include({ state: 'waiting', days: 7 });
  });
  it('stops on the day first seen, and does not grow after', () => {
    expect(referralWait(sent({ firstSeenOn: '2026-03-02' }), '2026-06-01')).to.deep.equal({ state: 'seen', days: 0, weeks: 0, until: '2026-03-02' });
    expect(referralWait(sent({ firstSeenOn: '2026-04-13', closedOn: '2026-05-01', outcome: 'completed' }), '2026-09-01')).to.deep.equal({ state: 'seen', days: 42, weeks: 6, until: '2026-04-13' });
  });
  it('counts calendar days across the clock change (29 March 2026), not 24-hour periods', () => {
    expect(referralWait(sent({ sentOn: '2026-03-28' }), '2026-03-30')).to.deep.include({ days: 2 });
    expect(referralWait(sent({ sentOn: '2026-10-24' }), '2026-10-26')).to.deep.include({ days: 2 });
  });
  it('a referral closed without being seen waited until it closed', () => {
    expect(referralWait(sent({ closedOn: '2026-04-01', outcome: 'declined' }), '2026-09-01')).to.deep.equal({ state: 'closed-unseen', days: 30, weeks: 4, until: '2026-04-01' });
  });
  it('refuses dates out of order or in the future, in words', () => {
    expect(referralIssues({ sentOn: '2026-06-04' }, '2026-06-03')).to.deep.equal([{ path: 'sentOn', code: 'invalid', message: 'The date sent must be today or in the past' }]);
    expect(referralIssues({ sentOn: '2026-06-01', acceptedOn: '2026-05-31' }, '2026-06-03')).to.deep.equal([{ path: 'acceptedOn', code: 'invalid', message: 'The date accepted must be on or after the date sent' }]);
    expect(referralIssues({ sentOn: '2026-06-01', firstSeenOn: '2026-06-01', outcome: 'completed' }, '2026-06-03')).to.deep.equal([{ path: 'closedOn', code: 'invalid', message: 'Enter the date the referral closed' }]);
    expect(referralIssues({ sentOn: '2026-06-01', closedOn: '2026-06-02', outcome: 'completed' }, '2026-06-03')).to.deep.equal([{ path: 'firstSeenOn', code: 'invalid', message: 'Enter the date first seen: a completed referral was seen' }]);
  });
});
