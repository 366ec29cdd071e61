// A small team for <str-team>'s tests and stories: three invented workers, five people, supervision and training,
// made through the SDK client so every record is as the kit writes it. "Now" is the fixtures' 5 June 2026, 17:00 in
// London. Synthetic people only: the NHS numbers are in the 999 test range.
import { createClient, memoryDrafts, teamClient, type Role, type Store, type StrClient, type TeamClient, type TrainingItem } from '@strkit/sdk';
import { FIXTURE_NOW } from '../contact-log/contact-log.fixtures.js';

export const TEAM_LEAD = 'team-lead-1';

/** An example induction and training checklist for STR and peer support workers (the example page ships it too). */
export const EXAMPLE_CHECKLIST: readonly TrainingItem[] = [
  { id: 'trust-induction', title: 'Trust induction', roles: ['str-worker', 'peer-support-worker'] },
  { id: 'safeguarding-adults-2', title: 'Safeguarding adults, level 2', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 36 },
  { id: 'lone-working', title: 'Lone working and personal safety', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 24 },
  { id: 'peer-support-values', title: 'Peer support values and boundaries', roles: ['peer-support-worker'] },
];

/** A client for `id` whose clock stands `daysBefore` the fixtures' now (ticking a second a call). */
export function teamClientAt(store: Store, role: Role, id: string, daysBefore = 0): StrClient & TeamClient {
  let t = FIXTURE_NOW.getTime() - daysBefore * 86_400_000 - 60_000;
  const client = createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock: { now: () => new Date((t += 1000)) } });
  return { ...client, ...teamClient(client) };
}

/**
 * Wren (STR worker): two people, supervision overdue, safeguarding expiring. Rowan (STR worker): one person,
 * supervised last week, all training done. Sky (peer support worker): no supervision, training missing.
 */
export async function seedTeam(store: Store): Promise<void> {
  const lead = teamClientAt(store, 'team-lead', TEAM_LEAD, 60);
  await lead.workers.create({ name: 'Wren Worker', role: 'str-worker', actorId: 'str-worker-1' });
  await lead.workers.create({ name: 'Rowan Worker', role: 'str-worker', actorId: 'str-worker-2' });
  await lead.workers.create({ name: 'Sky Peer', role: 'peer-support-worker', actorId: 'peer-worker-1' });
  await lead.workers.create({ name: 'Kit Coordinator', role: 'care-coordinator', actorId: 'care-coordinator-1' });
  const people: [string, string, string][] = [
    ['Ada Testperson', '9990000018', 'str-worker-1'], ['Ben Testperson', '9990000026', 'str-worker-1'], ['Cat Testperson', '9990000034', 'str-worker-2'],
    ['Dan Testperson', '9990000042', 'peer-worker-1'], ['Eve Testperson', '9990000050', 'peer-worker-1'],
  ];
  for (const [displayName, nhsNumber, workerId] of people) {
    const p = await lead.serviceUsers.create({ displayName, nhsNumber });
    await lead.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'care-coordinator-1', role: 'care-coordinator' }, { workerId, role: 'str-worker' }] });
    const worker = teamClientAt(store, 'str-worker', workerId, 2);
    await worker.contacts.create({ serviceUserId: p.id, start: '2026-06-03T10:00:00+01:00', durationMinutes: 45, mechanism: '01', locationType: 'A01', attendance: workerId === 'peer-worker-1' ? '3' : '5' });
  }
  const now = teamClientAt(store, 'team-lead', TEAM_LEAD);
  await now.supervisions.create({ workerId: 'str-worker-1', heldOn: '2026-04-01', kind: 'clinical' });
  await now.supervisions.create({ workerId: 'str-worker-2', heldOn: '2026-05-29', kind: 'line-management', actions: [{ text: 'Shadow a peer support visit', ownerId: 'str-worker-2', dueOn: '2026-06-19' }] });
  const done = (workerId: string, item: TrainingItem, completedOn: string) => now.training.create({ workerId, itemId: item.id, title: item.title, completedOn });
  const [induction, safeguarding, lone] = EXAMPLE_CHECKLIST as [TrainingItem, TrainingItem, TrainingItem];
  await done('str-worker-1', induction, '2025-09-01');
  await done('str-worker-1', safeguarding, '2023-06-20');
  await done('str-worker-1', lone, '2025-09-02');
  for (const item of [induction, safeguarding, lone]) await done('str-worker-2', item, '2026-01-10');
}
