// The team namespace of the client (issue 22, docs/adr/0025-staff-records.md): each worker's workload, supervision
// and training for the team lead, in one pass over the care teams and one date-bounded read of contacts.
import { listAll, readReporting, type ListAllOptions } from './adapters/shared.js';
import { pickPlanInUse } from './client-care-plan.js';
import { caseloadsOf, everyonesRecords, unsyncedByPerson } from './client-caseload.js';
import type { ClientCore } from './client-core.js';
import { addDays } from './domain/care-plan.js';
import { summarisePerson, type PersonRecords, type PersonSummary } from './domain/caseload.js';
import { maySeeSupervision, maySeeTraining } from './domain/staff.js';
import { WORKLOAD_WINDOW_DAYS, summariseWorker, type TeamWorker, type WorkerSummary } from './domain/team.js';
import { londonDate, londonDateToEpoch } from './domain/time.js';
import { StrError } from './errors.js';
import type { ReadOptions, Store } from './ports.js';
import type { Contact } from './schemas/contact.js';
import type { TrainingItem } from './schemas/staff.js';

export interface TeamSummaryOptions extends ReadOptions {
  /** The UK date counted to; default today by the client's clock. */
  readonly today?: string;
  /** The team's induction and training checklist (configuration); default none. */
  readonly checklist?: readonly TrainingItem[];
  /** Which workers (sign-in ids); default every STR and peer support worker in the store. */
  readonly workerIds?: readonly string[];
  /** Days between supervisions when a record names no next date; default 42. */
  readonly supervisionIntervalDays?: number;
}

export interface TeamSummary {
  readonly today: string;
  /** When it was made, by the client's clock. */
  readonly at: string;
  /** One line per worker, by name. */
  readonly workers: readonly WorkerSummary[];
}

export interface TeamApi {
  /** Each worker's caseload size, contacts, DNA rate, overdue tasks, alerts, supervision and training. Team leads and co-ordinators. */
  summary(options?: TeamSummaryOptions): Promise<TeamSummary>;
}

const FRONTLINE = new Set(['str-worker', 'peer-support-worker']);
/** People read at once on a store without `readPeople`: enough to overlap, few enough not to flood it. */
const PARALLEL = 8;

/**
 * What the workload needs of each person: the plan in use, its tasks and the alerts. A store that reads many people
 * at once (FHIR) does so in a few round trips; otherwise three lists a person, never their contacts (the team's
 * contacts are one date-bounded read) or checks.
 */
async function workloadRecords(store: Store, ids: readonly string[], today: string, o: ListAllOptions): Promise<PersonRecords[]> {
  if (store.readPeople) return everyonesRecords(store, ids, today, await unsyncedByPerson(store), o);
  const out: PersonRecords[] = [];
  for (let i = 0; i < ids.length; i += PARALLEL) {
    out.push(...(await Promise.all(ids.slice(i, i + PARALLEL).map(async (serviceUserId) => {
      const [plans, tasks, alerts] = await Promise.all([listAll(store, 'carePlan', serviceUserId, o), listAll(store, 'task', serviceUserId, o), listAll(store, 'alert', serviceUserId, o)]);
      return { serviceUserId, displayName: '', contacts: [], carePlan: pickPlanInUse(plans), tasks, alerts, signChecks: [] };
    }))));
  }
  return out;
}

function readOptions(core: ClientCore, options: TeamSummaryOptions | undefined) {
  const fail = (path: string, message: string) => new StrError('validation', `team.summary: ${path} is not valid`, false, { issues: [{ path, code: 'invalid', message }] });
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw fail('', 'Pass { today?, checklist?, workerIds? }');
  const today = options?.today ?? londonDate(core.now().getTime());
  if (typeof today !== 'string' || londonDateToEpoch(today) === undefined) throw fail('today', 'Enter a date like 2026-06-03');
  const interval = options?.supervisionIntervalDays;
  if (interval !== undefined && !(Number.isInteger(interval) && interval >= 1 && interval <= 366)) throw fail('supervisionIntervalDays', 'Enter a whole number of days from 1 to 366');
  const workerIds = options?.workerIds?.map((w) => core.requireString(w, 'workerIds'));
  return { today, checklist: options?.checklist ?? [], workerIds, interval };
}

async function summarise(core: ClientCore, options: ReturnType<typeof readOptions>, o: ListAllOptions): Promise<TeamSummary> {
  const { store, actor } = core;
  const now = core.now();
  const at = core.nowIso();
  const { today, checklist, workerIds, interval } = options;
  const known = (await listAll(store, 'worker', undefined, o)).filter((w) => !w.enteredInError && w.actorId !== undefined);
  const team: TeamWorker[] = (workerIds ?? known.filter((w) => FRONTLINE.has(w.role)).map((w) => w.actorId!)).map((id) => {
    const w = known.find((k) => k.actorId === id);
    return { id, name: w?.name ?? id, role: w?.role ?? 'str-worker' };
  });
  const caseloads = await caseloadsOf(store, team.map((w) => w.id), today, o);
  const everyone = [...new Set([...caseloads.values()].flat())];
  const records = await workloadRecords(store, everyone, today, o);
  const summaries = new Map<string, PersonSummary>(records.map((r) => [r.serviceUserId, summarisePerson(r, { now, today })]));
  // One read of every contact in the window, for all workers at once (never one read per person).
  const contacts: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list('contact', { from: addDays(today, -(WORKLOAD_WINDOW_DAYS - 1)), to: addDays(today, 1), limit: 10_000, ...(cursor !== undefined && { cursor }), ...(o.signal && { signal: o.signal }) });
    o.unreadable?.push(...(page.unreadable ?? []));
    contacts.push(...page.items);
    cursor = page.next;
  } while (cursor !== undefined);
  const supervisions = (await listAll(store, 'supervision', undefined, o)).filter((s) => maySeeSupervision(actor, s));
  const training = (await listAll(store, 'training', undefined, o)).filter((t) => maySeeTraining(actor, t));
  const workers = team.map((worker) =>
    summariseWorker({
      worker, checklist, contacts, supervisions, training,
      people: (caseloads.get(worker.id) ?? []).flatMap((id) => summaries.get(id) ?? []),
    }, { today, supervisionIntervalDays: interval }));
  workers.sort((a, b) => a.worker.name.localeCompare(b.worker.name, 'en-GB') || (a.worker.id < b.worker.id ? -1 : 1));
  return { today, at, workers };
}

export function teamApi(core: ClientCore): TeamApi {
  const { guard, requireAction } = core;
  return {
    summary: (options) =>
      guard('Summarising the team', async () => {
        requireAction('caseload.view-any', 'view the team’s workload');
        const read = readOptions(core, options);
        return readReporting(options, (o) => summarise(core, read, o));
      }),
  };
}
