// The caseload summary on the FHIR engine (issue 21; docs/adr/0023-caseload-summary.md, "FHIR"): 40 people on a
// worker's caseload, each with a care team, a care plan (frequency, a goal, two tasks), 12 contacts with notes, a
// warning-sign plan with four checks and, for every fourth person, a rise and an open alert. Every request waits 100 ms before it
// goes (a record system across a network). Candidate: `fhirStore.readPeople` (batch searches). Baseline, same run:
// the person-by-person path the memory and IndexedDB stores take (the same store with `readPeople` hidden). Both are
// timed from a fresh store (no Patient ids remembered) to the summary in hand, the worker's first rows. Target:
// at most 8 requests (issue 21); the requests each made are printed beside the row. A second row times the
// worker's first rows of <str-caseload> on the same engine.
import { createClient, fhirStore, type Store } from '@strkit/sdk';
import { firstRows } from './caseload-first-rows.js';
import { paired, type BenchRow } from './harness.js';
import { slowFetch, testNhsNumbers, tickingClock } from './synthetic.js';

const PEOPLE = 40;
const CONTACTS = 12;
const LATENCY_MS = 100;
const SUMMARY_AT = '2026-06-09T12:01:00Z';
const SIGN = '00000000-0000-4000-8000-0000000be701';

async function seed(store: Store): Promise<void> {
  const as = (role: 'care-coordinator' | 'str-worker', id: string, at: string) => createClient({ store, actor: { id, role }, clock: tickingClock(at) });
  const cc = as('care-coordinator', 'cc-1', '2026-05-01T08:00:00Z');
  const worker = as('str-worker', 'worker-1', '2026-06-08T06:00:00Z');
  const nhs = testNhsNumbers(PEOPLE);
  for (let i = 0; i < PEOPLE; i++) {
    const p = await cc.serviceUsers.create({ displayName: `Bench Person ${i}`, nhsNumber: nhs[i]! });
    await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }, { workerId: 'worker-1', role: 'str-worker' }] });
    const plan = await cc.carePlans.create({ serviceUserId: p.id, status: 'active', nextReviewOn: '2026-06-20', contactFrequency: { every: 'weekly', from: '2026-01-05' } });
    const goal = await cc.goals.create({ carePlanId: plan.id, text: 'Cook a meal for friends', lifeArea: 'leisure' });
    await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Plan the menu', owner: { kind: 'service-user' }, dueDate: '2026-06-01' });
    await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Book the kitchen', owner: { kind: 'worker', workerId: 'worker-1' }, dueDate: '2026-06-30' });
    for (let k = 0; k < CONTACTS; k++) {
      const start = `${new Date(Date.UTC(2026, 3, 1 + k * 5 + (i % 5))).toISOString().slice(0, 10)}T10:00:00+01:00`;
      await worker.contacts.create({ serviceUserId: p.id, start, durationMinutes: 40, mechanism: '02', locationType: 'A01', attendance: k % 5 === 4 ? '3' : '5', note: 'Went to the market together.' });
    }
    const signs = await cc.warningSignPlans.create({ serviceUserId: p.id, signs: [{ id: SIGN, text: 'Sleeping badly', stage: 'early', response: 'Talk it through' }] });
    let last;
    for (const r of [0, 0, 1, i % 4 === 0 ? 3 : 1] as const) last = await worker.signChecks.create({ planId: signs.id, ratings: { [SIGN]: r } });
    if (i % 4 === 0) await worker.alerts.create({ checkId: last!.id });
  }
}

export async function run(params: URLSearchParams): Promise<BenchRow[]> {
  const origin = new URL(params.get('fhir')!).origin;
  const baseUrl = `${origin}/t/caseload${Math.random().toString(36).slice(2, 8)}/fhir/R4`;
  await seed(fhirStore({ baseUrl }));

  const requests = { candidate: 0, baseline: 0 };
  const slow = (which: keyof typeof requests) => slowFetch(requests, which, LATENCY_MS);
  const summarise = async (store: Store, which: keyof typeof requests) => {
    requests[which] = 0;
    const client = createClient({ store, actor: { id: 'worker-1', role: 'str-worker' }, clock: tickingClock(SUMMARY_AT) });
    const s = await client.caseload.summary();
    if (s.people.length !== PEOPLE) throw new Error(`the summary has ${s.people.length} people, not ${PEOPLE}`);
    return s;
  };
  let candidate = '';
  let baseline = '';
  const row = await paired({
    name: `caseload summary, FHIR, ${PEOPLE} people, +${LATENCY_MS} ms a request: readPeople (batch searches)`,
    baselineName: 'person by person (get + list per type)',
    items: PEOPLE,
    runs: 5,
    warmup: 1,
    candidate: async () => {
      candidate = JSON.stringify((await summarise(fhirStore({ baseUrl, fetch: slow('candidate') }), 'candidate')).people);
    },
    baseline: async () => {
      baseline = JSON.stringify((await summarise({ ...fhirStore({ baseUrl, fetch: slow('baseline') }), readPeople: undefined }, 'baseline')).people);
    },
  });
  if (candidate !== baseline) throw new Error('the two paths gave different summaries');
  // Counted now: the first-rows row below sends requests of its own.
  const counted = `requests: ${requests.candidate} (target ≤ 8, ${requests.candidate <= 8 ? 'met' : 'MISSED'}) against ${requests.baseline} person by person; the two summaries are equal`;

  // The worker's first rows: <str-caseload> on a fresh FHIR store (readPeople).
  const rows = await firstRows({
    name: `<str-caseload>: first rows on screen, FHIR, ${PEOPLE} people, +${LATENCY_MS} ms a request`,
    baselineName: 'client.caseload.summary() alone, same store',
    items: PEOPLE,
    client: () => createClient({ store: fhirStore({ baseUrl, fetch: slow('candidate') }), actor: { id: 'worker-1', role: 'str-worker' }, clock: tickingClock(SUMMARY_AT) }),
    baseline: () => summarise(fhirStore({ baseUrl, fetch: slow('baseline') }), 'baseline'),
  });
  return [{ ...row, extra: counted }, rows];
}
