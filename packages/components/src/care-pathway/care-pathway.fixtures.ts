// One invented person's care pathway for <str-care-pathway>'s tests and stories: a care team, a warning-sign plan, a
// care plan, key contacts (a GP, a housing officer, a sister who is a crisis contact, a worker's suggestion) and
// referrals (one waiting, one seen and closed), made through the SDK client so every record is as the kit writes it.
// "Now" is the fixtures' 5 June 2026, 17:00 in London. Synthetic people only (NHS numbers in the 999 test range).
import { createClient, memoryDrafts, pathwayClient, type PathwayClient, type Role, type Store, type StrClient } from '@strkit/sdk';
import { FIXTURE_NOW } from '../contact-log/contact-log.fixtures.js';
import type { CarePathway } from './care-pathway.view.js';

export const COORDINATOR = 'care-coordinator-1';
export const WORKER = 'str-worker-1';

/** A client for `id` whose clock stands `daysBefore` the fixtures' now (ticking a second a call). */
export function pathwayClientAt(store: Store, role: Role, id: string, daysBefore = 0): StrClient & PathwayClient {
  let t = FIXTURE_NOW.getTime() - daysBefore * 86_400_000 - 60_000;
  const client = createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock: { now: () => new Date((t += 1000)) } });
  return { ...client, ...pathwayClient(client) };
}

/** The fixtures' clock, for the element's `.clock`. */
export const fixtureClock = { now: () => FIXTURE_NOW };

/** Seeds Ada's pathway; returns her id. `bare`: the person and her care team only. */
export async function seedPathway(store: Store, bare = false): Promise<string> {
  const cc = pathwayClientAt(store, 'care-coordinator', COORDINATOR, 30);
  await cc.workers.create({ name: 'Wren Worker', role: 'str-worker', actorId: WORKER });
  await cc.workers.create({ name: 'Kit Coordinator', role: 'care-coordinator', actorId: COORDINATOR });
  const ada = await cc.serviceUsers.create({ displayName: 'Ada Testperson', nhsNumber: '9990000018' });
  await cc.careTeams.create({ serviceUserId: ada.id, name: 'North community team', participants: [{ workerId: COORDINATOR, role: 'care-coordinator' }, { workerId: WORKER, role: 'str-worker' }] });
  if (bare) return ada.id;
  await cc.carePlans.create({ serviceUserId: ada.id, coordinatorId: COORDINATOR, agreedWith: [{ kind: 'service-user' }], agreedOn: '2026-05-06', nextReviewOn: '2026-08-06', status: 'active', contactFrequency: { every: 'weekly', from: '2026-05-06' } });
  await cc.warningSignPlans.create({
    serviceUserId: ada.id,
    signs: [
      { id: crypto.randomUUID(), text: 'Sleeping less than four hours', stage: 'early', response: 'Ring Wren and plan a walk together' },
      { id: crypto.randomUUID(), text: 'Not answering the door', stage: 'late', response: 'Ring the crisis team the same day' },
    ],
    contacts: [{ who: 'Crisis team', how: 'Ring 01632 960999, day or night' }],
    agreedOn: '2026-05-06',
  });
  await cc.keyContacts.create({ serviceUserId: ada.id, kind: 'professional', name: 'Dr Rowan Testdoctor', role: 'GP', organisation: 'Riverside Surgery', phone: '01632 960001', reach: 'Weekdays 8 to 6; ask reception for a call back', crisis: false });
  await cc.keyContacts.create({ serviceUserId: ada.id, kind: 'professional', name: 'Sam Testofficer', role: 'Housing officer', organisation: 'Northtown Housing', phone: '01632 960123', email: 'sam.testofficer@northtown-housing.example', crisis: false });
  await cc.keyContacts.create({ serviceUserId: ada.id, kind: 'family', name: 'Jo Testsister', role: 'Sister', relationship: 'Personal', phone: '07700 900123', crisis: true, agreedOn: '2026-05-06' });
  const wren = pathwayClientAt(store, 'str-worker', WORKER, 3);
  await wren.keyContacts.create({ serviceUserId: ada.id, kind: 'professional', name: 'Lee Testvolunteer', role: 'Allotment group lead', organisation: 'Northtown Allotments', phone: '01632 960555', crisis: false, suggestionNote: 'Ada goes every Tuesday and trusts Lee.' });
  await wren.referrals.create({ serviceUserId: ada.id, direction: 'out', service: 'Northtown Talking Therapies', reason: 'Low mood; Ada asked for talking therapy.', sentOn: '2026-04-20', acceptedOn: '2026-04-27' });
  await cc.referrals.create({ serviceUserId: ada.id, direction: 'in', service: 'Riverside Surgery', reason: 'Isolation after moving flat.', sentOn: '2026-03-02', acceptedOn: '2026-03-04', firstSeenOn: '2026-03-16' });
  return ada.id;
}

/** The same pathway as plain data, for controlled mode (no client). */
export const fixturePathway = (): CarePathway => ({
  serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182',
  today: '2026-06-05',
  personName: 'Ada Testperson',
  team: [{ id: COORDINATOR, name: 'Kit Coordinator', role: 'care-coordinator' }, { id: WORKER, name: 'Wren Worker', role: 'str-worker' }],
  contacts: [{
    id: '10000000-0000-4000-8000-000000000b01', version: '1', schemaVersion: 1, createdAt: '2026-05-06T09:00:00Z', createdBy: COORDINATOR, updatedAt: '2026-05-06T09:00:00Z', updatedBy: COORDINATOR,
    serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182', kind: 'family', name: 'Jo Testsister', role: 'Sister', relationship: 'Personal', phone: '07700 900123', crisis: true, agreedOn: '2026-05-06', status: 'active',
  }],
  referrals: [{
    id: '10000000-0000-4000-8000-000000000b02', version: '1', schemaVersion: 1, createdAt: '2026-04-20T09:00:00Z', createdBy: WORKER, updatedAt: '2026-04-20T09:00:00Z', updatedBy: WORKER,
    serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182', direction: 'out', service: 'Northtown Talking Therapies', reason: 'Low mood.', referrerId: WORKER, sentOn: '2026-04-20',
  }],
  crisisPlan: { signs: [{ id: '10000000-0000-4000-8000-000000000b03', text: 'Sleeping less than four hours', stage: 'early', response: 'Ring Wren' }], contacts: [{ who: 'Crisis team', how: 'Ring 01632 960999' }] },
  contactFrequency: 'weekly',
  nextContactDue: '2026-06-10',
  nextReviewOn: '2026-08-06',
});
