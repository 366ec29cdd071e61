// Issue 21: the caseload of a worker with 500 people, 50 contacts each, on a real IndexedDB store. The summary (every
// person's last attended contact, tasks, review, alerts and checks, the reasons and the order of need) against a
// fixed raw baseline that reads every contact, task, alert and check of those people through an index on the person
// id and computes nothing; the records each reads are printed. Then the first rows of <str-caseload> on screen,
// against the summary alone (what drawing adds). Synthetic people only.
import { createClient, indexedDbStore, memoryDrafts, type Contact, type Store } from '@strkit/sdk';
import { deleteDB, openDB } from 'idb';
import { countingStore, firstRows } from './caseload-first-rows.js';
import { storedContact } from './synthetic.js';
import { paired, type BenchRow } from './harness.js';

const PEOPLE = 500;
const CONTACTS = 50;
const WORKER = 'bench-worker';
const NOW = new Date('2026-06-05T16:00:00Z');
const DAY = 86_400_000;

const contact = (serviceUserId: string, i: number, n: number): Contact =>
  storedContact(serviceUserId, WORKER, new Date(NOW.getTime() - (i * 3 + (n % 5) + 1) * DAY).toISOString(), i % 9 !== 4);

/** The caseload in the kit's store and the same records in a raw database with one index on the person id. */
async function seed(store: Store) {
  const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'bench-lead', role: 'team-lead' }, clock: { now: () => new Date(NOW.getTime() - 200 * DAY) } });
  await deleteDB('bench-caseload-raw');
  const raw = await openDB('bench-caseload-raw', 1, {
    upgrade(db) {
      for (const type of ['contact', 'task', 'alert', 'signCheck']) db.createObjectStore(type, { keyPath: 'id' }).createIndex('bySuid', 'serviceUserId');
    },
  });
  const ids: string[] = [];
  for (let n = 0; n < PEOPLE; n++) {
    const p = await client.serviceUsers.create({ displayName: `Bench Person ${n}` });
    ids.push(p.id);
    await client.careTeams.create({ serviceUserId: p.id, name: 'Bench team', participants: [{ workerId: WORKER, role: 'str-worker' }] });
    const plan = await client.carePlans.create({ serviceUserId: p.id, status: 'active', nextReviewOn: '2026-06-20', contactFrequency: { every: n % 3 ? 'weekly' : 'fortnightly', from: '2026-01-01' } });
    const goal = await client.goals.create({ carePlanId: plan.id, text: 'Get back to swimming on Tuesdays.', lifeArea: 'leisure' });
    for (const due of ['2026-06-01', '2026-06-09']) {
      const t = await client.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Ring the leisure centre', owner: { kind: 'service-user' }, dueDate: due });
      await raw.put('task', t);
    }
    const contacts = Array.from({ length: CONTACTS }, (_, i) => contact(p.id, i, n));
    for (const c of contacts) await store.put('contact', c);
    const tx = raw.transaction('contact', 'readwrite');
    for (const c of contacts) void tx.store.put(c);
    await tx.done;
  }
  return { ids, raw };
}

export async function run(): Promise<BenchRow[]> {
  await deleteDB('bench-caseload');
  const store = indexedDbStore({ name: 'bench-caseload', persist: false });
  const t0 = performance.now();
  const { ids, raw } = await seed(store);
  const seededIn = performance.now() - t0;
  // Count what the summary reads: every record each list and get gives back.
  const counted = { read: 0 };
  const counting = countingStore(store, counted);
  const client = createClient({ store: counting, drafts: memoryDrafts(), actor: { id: WORKER, role: 'str-worker' }, clock: { now: () => NOW } });
  let rawRead = 0;
  const rows: BenchRow[] = [];
  let people = 0;
  const summary = await paired({
    name: `caseload summary: ${PEOPLE} people × ${CONTACTS} contacts, IndexedDB`,
    baselineName: 'raw IDB: every contact, task, alert, check by person index',
    items: PEOPLE,
    runs: 7,
    warmup: 1,
    target: 1.5,
    candidate: async () => {
      counted.read = 0;
      people = (await client.caseload.summary()).people.length;
    },
    baseline: async () => {
      rawRead = 0;
      for (const id of ids) {
        for (const type of ['contact', 'task', 'alert', 'signCheck'] as const) rawRead += (await raw.getAllFromIndex(type, 'bySuid', id)).length;
      }
    },
  });
  rows.push({ ...summary, extra: `${people} people listed; records read: summary ${counted.read}, raw ${rawRead} (seeded in ${(seededIn / 1000).toFixed(0)} s)` });

  rows.push(await firstRows({
    name: `<str-caseload>: first rows on screen, ${PEOPLE} people`,
    baselineName: 'client.caseload.summary() alone',
    items: PEOPLE,
    client: () => client,
    baseline: () => client.caseload.summary(),
  }));
  store.close();
  raw.close();
  return rows;
}
