// The team summary on the FHIR engine (issue 22: "efficient on IndexedDB and FHIR as for the caseload"): 6 STR and
// peer support workers with 10 people each (a care team, a care plan with a goal and a task, 4 contacts in the last
// four weeks; an open alert for every fifth person), a supervision and training records for each worker. Every
// request waits 100 ms before it goes (a record system across a network). Candidate: `fhirStore.readPeople` (batch
// searches), the path teamSummary takes on FHIR. Baseline, same run: the person-by-person path (the same store with
// `readPeople` hidden). Both timed from a fresh store to the summary in hand; the requests each made are printed. A
// second row times the team lead's first workers of <str-team> on the same engine. Synthetic people only.
import { createClient, fhirStore, memoryDrafts, teamClient, teamSummary, type Store, type TrainingItem } from '@strkit/sdk';
import '../packages/components/src/define/str-team.js';
import { firstRows } from './caseload-first-rows.js';
import { paired, type BenchRow } from './harness.js';
import { slowFetch, testNhsNumbers, tickingClock } from './synthetic.js';

const WORKERS = 6;
const PER_WORKER = 10;
const CONTACTS = 4;
const LATENCY_MS = 100;
const TODAY = '2026-06-05';
const SUMMARY_AT = '2026-06-05T16:00:00Z';
const SIGN = '00000000-0000-4000-8000-0000000be702';
const CHECKLIST: readonly TrainingItem[] = [
  { id: 'induction', title: 'Trust induction', roles: ['str-worker', 'peer-support-worker'] },
  { id: 'lone-working', title: 'Lone working', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 24 },
];

async function seed(store: Store): Promise<void> {
  const lead = createClient({ store, drafts: memoryDrafts(), actor: { id: 'bench-lead', role: 'team-lead' }, clock: tickingClock('2026-05-01T08:00:00Z') });
  const staff = teamClient(lead);
  const nhs = testNhsNumbers(WORKERS * PER_WORKER);
  for (let w = 0; w < WORKERS; w++) {
    const id = `bench-worker-${w}`;
    const role = w % 3 ? 'str-worker' : 'peer-support-worker';
    await lead.workers.create({ name: `Bench Worker ${w}`, role, actorId: id });
    await staff.supervisions.create({ workerId: id, heldOn: `2026-04-1${w}`, kind: 'clinical' });
    await staff.training.create({ workerId: id, itemId: 'induction', title: 'Trust induction', completedOn: '2025-09-01' });
    const worker = createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock: tickingClock('2026-06-05T06:00:00Z') });
    for (let k = 0; k < PER_WORKER; k++) {
      const n = w * PER_WORKER + k;
      const p = await lead.serviceUsers.create({ displayName: `Bench Person ${n}`, nhsNumber: nhs[n]! });
      await lead.careTeams.create({ serviceUserId: p.id, name: 'Bench team', participants: [{ workerId: 'bench-cc', role: 'care-coordinator' }, { workerId: id, role }] });
      const plan = await lead.carePlans.create({ serviceUserId: p.id, status: 'active', nextReviewOn: '2026-06-20', contactFrequency: { every: 'weekly', from: '2026-01-05' } });
      const goal = await lead.goals.create({ carePlanId: plan.id, text: 'Get back to swimming on Tuesdays.', lifeArea: 'leisure' });
      await lead.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Ring the leisure centre', owner: { kind: 'service-user' }, dueDate: k % 2 ? '2026-06-01' : '2026-06-09' });
      for (let c = 0; c < CONTACTS; c++) {
        const start = `${new Date(Date.UTC(2026, 4, 10 + c * 6 + (n % 3))).toISOString().slice(0, 10)}T10:00:00+01:00`;
        await worker.contacts.create({ serviceUserId: p.id, start, durationMinutes: 45, mechanism: '01', locationType: 'A01', attendance: c === 3 && n % 4 === 0 ? '3' : '5' });
      }
      if (n % 5 === 0) {
        const signs = await lead.warningSignPlans.create({ serviceUserId: p.id, signs: [{ id: SIGN, text: 'Sleeping badly', stage: 'late', response: 'Ring the team' }] });
        const check = await worker.signChecks.create({ planId: signs.id, ratings: { [SIGN]: 3 } });
        await worker.alerts.create({ checkId: check.id });
      }
    }
  }
}

export async function run(params: URLSearchParams): Promise<BenchRow[]> {
  const origin = new URL(params.get('fhir')!).origin;
  const baseUrl = `${origin}/t/team${Math.random().toString(36).slice(2, 8)}/fhir/R4`;
  const t0 = performance.now();
  await seed(fhirStore({ baseUrl }));
  const seededIn = performance.now() - t0;

  const requests = { candidate: 0, baseline: 0 };
  const slow = (which: keyof typeof requests) => slowFetch(requests, which, LATENCY_MS);
  const lead = (store: Store) => createClient({ store, drafts: memoryDrafts(), actor: { id: 'bench-lead', role: 'team-lead' }, clock: tickingClock(SUMMARY_AT) });
  const summarise = async (store: Store, which: keyof typeof requests) => {
    requests[which] = 0;
    const s = await teamSummary(lead(store), { today: TODAY, checklist: CHECKLIST });
    if (s.workers.length !== WORKERS || s.workers.some((w) => w.caseload !== PER_WORKER)) throw new Error('the summary does not have every worker and person');
    return s;
  };
  let candidate = '';
  let baseline = '';
  const row = await paired({
    name: `team summary, FHIR, ${WORKERS} workers, ${WORKERS * PER_WORKER} people, +${LATENCY_MS} ms a request: readPeople (batch searches)`,
    baselineName: 'person by person (list per type)',
    items: WORKERS * PER_WORKER,
    runs: 5,
    warmup: 1,
    candidate: async () => {
      candidate = JSON.stringify((await summarise(fhirStore({ baseUrl, fetch: slow('candidate') }), 'candidate')).workers);
    },
    baseline: async () => {
      baseline = JSON.stringify((await summarise({ ...fhirStore({ baseUrl, fetch: slow('baseline') }), readPeople: undefined }, 'baseline')).workers);
    },
  });
  if (candidate !== baseline) throw new Error('the two paths gave different summaries');
  const counted = `requests: ${requests.candidate} against ${requests.baseline} person by person; the two summaries are equal (seeded in ${(seededIn / 1000).toFixed(0)} s)`;

  const rows = await firstRows({
    name: `<str-team>: first workers on screen, FHIR, ${WORKERS} workers, +${LATENCY_MS} ms a request`,
    baselineName: 'teamSummary() alone, same store',
    items: WORKERS,
    client: () => lead(fhirStore({ baseUrl, fetch: slow('candidate') })),
    baseline: () => summarise(fhirStore({ baseUrl, fetch: slow('baseline') }), 'baseline'),
    tag: 'str-team',
    prepare: (el) => ((el as HTMLElementTagNameMap['str-team']).checklist = CHECKLIST),
    row: '[data-worker]',
  });
  return [{ ...row, extra: counted }, rows];
}
