// Issue 22: the team lead's view of a team of 30 workers and 600 people (20 each, 12 contacts each over 6 weeks) on a
// real IndexedDB store. The team summary (teamSummary: each worker's caseload, contacts this week and in 28 days, DNA
// rate, overdue tasks, alerts, supervision and training) against a fixed raw baseline that reads the same kinds of
// record from a plain database (every care team, worker, supervision and training record; the 28 days' contacts by a
// date index; each person's tasks, alerts and checks by a person index) and computes nothing; the records each reads
// are printed. Then the first workers of <str-team> on screen, against the summary alone. Synthetic people only.
import { createClient, indexedDbStore, memoryDrafts, teamClient, teamSummary, type Contact, type Store, type TrainingItem } from '@strkit/sdk';
import { deleteDB, openDB } from 'idb';
import '../packages/components/src/define/str-team.js';
import { countingStore, firstRows } from './caseload-first-rows.js';
import { paired, type BenchRow } from './harness.js';
import { storedContact } from './synthetic.js';

const WORKERS = 30;
const PER_WORKER = 20;
const CONTACTS = 12;
const NOW = new Date('2026-06-05T16:00:00Z');
const TODAY = '2026-06-05';
const DAY = 86_400_000;
const CHECKLIST: readonly TrainingItem[] = [
  { id: 'induction', title: 'Trust induction', roles: ['str-worker', 'peer-support-worker'] },
  { id: 'safeguarding-2', title: 'Safeguarding adults, level 2', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 36 },
  { id: 'lone-working', title: 'Lone working', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 24 },
];

const workerId = (w: number) => `bench-worker-${w}`;

const contact = (serviceUserId: string, worker: string, i: number, n: number): Contact =>
  storedContact(serviceUserId, worker, new Date(NOW.getTime() - (i * 3.5 + (n % 3) + 1) * DAY).toISOString(), i % 7 !== 3);

async function seed(store: Store) {
  const at = (days: number) => createClient({ store, drafts: memoryDrafts(), actor: { id: 'bench-lead', role: 'team-lead' }, clock: { now: () => new Date(NOW.getTime() - days * DAY) } });
  const lead = at(100);
  const staff = teamClient(at(1));
  await deleteDB('bench-team-raw');
  const raw = await openDB('bench-team-raw', 1, {
    upgrade(db) {
      for (const type of ['task', 'alert', 'signCheck']) db.createObjectStore(type, { keyPath: 'id' }).createIndex('bySuid', 'serviceUserId');
      db.createObjectStore('contact', { keyPath: 'id' }).createIndex('byStart', 'start');
      for (const type of ['careTeam', 'worker', 'supervision', 'training']) db.createObjectStore(type, { keyPath: 'id' });
    },
  });
  for (let w = 0; w < WORKERS; w++) {
    const id = workerId(w);
    await raw.put('worker', await lead.workers.create({ name: `Bench Worker ${String(w).padStart(2, '0')}`, role: w % 4 ? 'str-worker' : 'peer-support-worker', actorId: id }));
    await raw.put('supervision', await staff.supervisions.create({ workerId: id, heldOn: `2026-0${w % 2 ? 4 : 5}-1${w % 10}`, kind: 'clinical' }));
    for (const item of CHECKLIST.slice(0, 1 + (w % 3))) await raw.put('training', await staff.training.create({ workerId: id, itemId: item.id, title: item.title, completedOn: '2024-01-15' }));
    for (let k = 0; k < PER_WORKER; k++) {
      const n = w * PER_WORKER + k;
      const p = await lead.serviceUsers.create({ displayName: `Bench Person ${n}` });
      await raw.put('careTeam', await lead.careTeams.create({ serviceUserId: p.id, name: 'Bench team', participants: [{ workerId: 'bench-cc', role: 'care-coordinator' }, { workerId: id, role: 'str-worker' }] }));
      const plan = await lead.carePlans.create({ serviceUserId: p.id, status: 'active', nextReviewOn: '2026-06-20', contactFrequency: { every: 'weekly', from: '2026-01-01' } });
      const goal = await lead.goals.create({ carePlanId: plan.id, text: 'Get back to swimming on Tuesdays.', lifeArea: 'leisure' });
      await raw.put('task', await lead.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Ring the leisure centre', owner: { kind: 'service-user' }, dueDate: k % 2 ? '2026-06-01' : '2026-06-09' }));
      const contacts = Array.from({ length: CONTACTS }, (_, i) => contact(p.id, id, i, n));
      for (const c of contacts) await store.put('contact', c);
      const tx = raw.transaction('contact', 'readwrite');
      for (const c of contacts) void tx.store.put(c);
      await tx.done;
    }
  }
  return raw;
}

export async function run(): Promise<BenchRow[]> {
  await deleteDB('bench-team');
  const store = indexedDbStore({ name: 'bench-team', persist: false });
  const t0 = performance.now();
  const raw = await seed(store);
  const seededIn = performance.now() - t0;
  const counted = { read: 0 };
  const counting = countingStore(store, counted);
  const client = createClient({ store: counting, drafts: memoryDrafts(), actor: { id: 'bench-lead', role: 'team-lead' }, clock: { now: () => NOW } });
  let rawRead = 0;
  let workers = 0;
  const rows: BenchRow[] = [];
  const windowFrom = new Date(NOW.getTime() - 28 * DAY).toISOString();
  const summary = await paired({
    name: `team summary: ${WORKERS} workers, ${WORKERS * PER_WORKER} people, IndexedDB`,
    baselineName: 'raw IDB: teams, workers, staff records, 28 days of contacts, each person’s tasks, alerts, checks',
    items: WORKERS * PER_WORKER,
    runs: 7,
    warmup: 1,
    target: 1.5,
    candidate: async () => {
      counted.read = 0;
      workers = (await teamSummary(client, { today: TODAY, checklist: CHECKLIST })).workers.length;
    },
    baseline: async () => {
      rawRead = 0;
      const teams = await raw.getAll('careTeam');
      rawRead += teams.length;
      for (const type of ['worker', 'supervision', 'training'] as const) rawRead += (await raw.getAll(type)).length;
      rawRead += (await raw.getAllFromIndex('contact', 'byStart', IDBKeyRange.lowerBound(windowFrom))).length;
      for (const t of teams) {
        for (const type of ['task', 'alert', 'signCheck'] as const) rawRead += (await raw.getAllFromIndex(type, 'bySuid', t.serviceUserId)).length;
      }
    },
  });
  rows.push({ ...summary, extra: `${workers} workers listed; records read: summary ${counted.read}, raw ${rawRead} (seeded in ${(seededIn / 1000).toFixed(0)} s)` });

  rows.push(await firstRows({
    name: `<str-team>: first workers on screen, ${WORKERS} workers`,
    baselineName: 'teamSummary() alone',
    items: WORKERS,
    client: () => client,
    baseline: () => teamSummary(client, { checklist: CHECKLIST }),
    tag: 'str-team',
    prepare: (el) => ((el as HTMLElementTagNameMap['str-team']).checklist = CHECKLIST),
    row: '[data-worker]',
  }));
  store.close();
  raw.close();
  return rows;
}
