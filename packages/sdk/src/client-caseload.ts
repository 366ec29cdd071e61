// The caseload namespace of the client (issue 21; docs/adr/0023-caseload-summary.md): who the worker supports, from
// their care teams, each with what needs doing and why, in order of need. Reads through the store port only.
import { listAll, readReporting, type ListAllOptions } from './adapters/shared.js';
import { pickPlanInUse } from './client-care-plan.js';
import type { ClientCore } from './client-core.js';
import { NEW_TO_YOU_DAYS, orderByNeed, summarisePerson, type PersonRecords, type PersonSummary } from './domain/caseload.js';
import { daysBetween } from './domain/care-plan.js';
import { isAttended } from './domain/contacts.js';
import { londonDate, londonDateToEpoch } from './domain/time.js';
import { StrError, isStrError } from './errors.js';
import type { PersonRead, ReadOptions, Store } from './ports.js';
import type { Contact } from './schemas/contact.js';
import type { ServiceUser } from './schemas/people.js';
import { serviceUserIdOf, type RecordOf, type RecordType } from './schemas/registry.js';
import type { SyncEngine } from './sync.js';

export interface CaseloadSummaryOptions extends ReadOptions {
  /** Whose caseload (their sign-in id); default the signed-in actor. Co-ordinators and team leads may choose anyone. */
  readonly workerId?: string;
  /** The UK date to plan for ("2026-06-03"); default today by the client's clock. Alert waits count to the clock. */
  readonly today?: string;
}

export interface CaseloadSummary {
  readonly workerId: string;
  readonly today: string;
  /** When it was made, by the client's clock. */
  readonly at: string;
  /** Everyone on the worker's care teams, most in need first. */
  readonly people: readonly PersonSummary[];
}

export interface CaseloadApi {
  /**
   * The worker's caseload: each person on a current care team with the worker (from the team's `from` date), with
   * the last attended contact, tasks, review, alerts, last sign check and unsynced changes, and the reasons to see
   * them, most in need first. Records that cannot be read are reported through `onUnreadable`, never guessed at.
   */
  summary(options?: CaseloadSummaryOptions): Promise<CaseloadSummary>;
}

/** Contacts read newest first a page at a time, until the last attended one: never the person's whole history. */
const CONTACT_PAGE = 20;
/** People read at once: enough to overlap a remote store's latency, few enough not to flood it. */
const PARALLEL = 8;

const invalid = (path: string, message: string) => new StrError('validation', `caseload.summary: ${path} is not valid`, false, { issues: [{ path, code: 'invalid', message }] });

function readOptions(core: ClientCore, options: CaseloadSummaryOptions | undefined): { workerId: string; today: string } {
  let workerId: unknown, today: unknown;
  try {
    if (options !== undefined && (typeof options !== 'object' || options === null)) throw new Error('not an object');
    ({ workerId, today } = options ?? {});
  } catch (cause) {
    throw new StrError('validation', 'caseload.summary: the options could not be read', false, { issues: [{ path: '', code: 'invalid', message: 'Pass { workerId?, today? }' }] }, { cause });
  }
  const worker = workerId === undefined ? core.actor.id : core.requireString(workerId, 'workerId');
  const day = today === undefined ? londonDate(core.now().getTime()) : today;
  if (typeof day !== 'string' || londonDateToEpoch(day) === undefined) throw invalid('today', 'Enter a date like 2026-06-03');
  return { workerId: worker, today: day };
}

/** For each worker, the people whose current care team (their newest active one) has the worker on it by `today`. */
/** When a person joined a worker's caseload with a start date, and why the team last changed (ADR 0026). */
export interface Joined {
  readonly from: string;
  readonly reason?: string;
}

export async function caseloadsOf(
  store: Store, workerIds: readonly string[], today: string, o: ListAllOptions,
  /** Filled, for one worker's caseload, with each person whose allocation to them has a start date. */
  joined?: Map<string, Joined>,
): Promise<Map<string, string[]>> {
  const decided = new Set<string>();
  const caseloads = new Map<string, string[]>(workerIds.map((w) => [w, []]));
  let cursor: string | undefined;
  do {
    const page = await store.list('careTeam', { limit: 1000, ...(cursor !== undefined && { cursor }), ...(o.signal && { signal: o.signal }) });
    o.unreadable?.push(...(page.unreadable ?? []));
    for (const team of page.items) {
      if (team.enteredInError || team.status !== 'active' || decided.has(team.serviceUserId)) continue;
      decided.add(team.serviceUserId);
      for (const [workerId, people] of caseloads) {
        const theirs = team.participants.find((p) => p.workerId === workerId && (p.from === undefined || p.from <= today));
        if (!theirs) continue;
        people.push(team.serviceUserId);
        if (joined && theirs.from !== undefined) joined.set(team.serviceUserId, { from: theirs.from, ...(team.changeReason !== undefined && { reason: team.changeReason }) });
      }
    }
    cursor = page.next;
  } while (cursor !== undefined);
  return caseloads;
}

/** The person's contacts, newest first, up to and including the last attended one on or before `today`. */
async function recentContacts(store: Store, serviceUserId: string, today: string, o: ListAllOptions): Promise<Contact[]> {
  const out: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list('contact', { serviceUserId, limit: CONTACT_PAGE, ...(cursor !== undefined && { cursor }), ...(o.signal && { signal: o.signal }) });
    o.unreadable?.push(...(page.unreadable ?? []));
    out.push(...page.items);
    if (page.items.some((c) => !c.enteredInError && isAttended(c) && londonDate(Date.parse(c.start)) <= today)) break;
    cursor = page.next;
  } while (cursor !== undefined);
  return out;
}

const NOT_HERE = 'A care team names a person who is not on this device or cannot be read';

/** One person's records as the rules take them, from what the store read (entered-in-error plans left out here). */
function asRecords(read: PersonRead & { serviceUser: ServiceUser }, unsynced: number): PersonRecords {
  const { serviceUser, contacts, records } = read;
  return {
    serviceUserId: serviceUser.id, displayName: serviceUser.displayName, ...(serviceUser.nhsNumber && { nhsNumber: serviceUser.nhsNumber }), contacts, carePlan: pickPlanInUse(records.carePlan), tasks: records.task,
    alerts: records.alert, warningSignPlan: records.warningSignPlan.find((p) => !p.enteredInError), signChecks: records.signCheck, ...(unsynced > 0 && { unsynced }),
  };
}

/** One person's records read through `get` and `list`; undefined (and reported) when the person cannot be read. */
async function recordsOf(store: Store, serviceUserId: string, today: string, unsynced: number, o: ListAllOptions): Promise<PersonRecords | undefined> {
  let person;
  try {
    person = await store.get('serviceUser', serviceUserId);
  } catch (e) {
    if (!isStrError(e, 'mapping')) throw e;
  }
  if (!person) {
    o.unreadable?.push({ id: serviceUserId, reason: NOT_HERE });
    return undefined;
  }
  const [contacts, carePlan, task, alert, warningSignPlan, signCheck] = await Promise.all([
    recentContacts(store, serviceUserId, today, o),
    listAll(store, 'carePlan', serviceUserId, o),
    listAll(store, 'task', serviceUserId, o),
    listAll(store, 'alert', serviceUserId, o),
    listAll(store, 'warningSignPlan', serviceUserId, o),
    listAll(store, 'signCheck', serviceUserId, o),
  ]);
  return asRecords({ serviceUser: person, contacts, records: { carePlan, task, alert, warningSignPlan, signCheck } }, unsynced);
}

/** The records a store gave for a person that are about them; any other is reported, never counted (defence in depth). */
function onlyTheirs<P extends PersonRead>(id: string, read: P, o: ListAllOptions): P {
  const keep = <T extends RecordType>(type: T, rs: readonly RecordOf<T>[]): RecordOf<T>[] =>
    rs.filter((r) => {
      if (serviceUserIdOf(type, r) === id) return true;
      o.unreadable?.push({ id: r.id, reason: `The store gave this ${type} for another person than ${id}` });
      return false;
    });
  const r = read.records;
  return {
    ...read, contacts: keep('contact', read.contacts),
    records: { carePlan: keep('carePlan', r.carePlan), task: keep('task', r.task), alert: keep('alert', r.alert), warningSignPlan: keep('warningSignPlan', r.warningSignPlan), signCheck: keep('signCheck', r.signCheck) },
  };
}

/** Everyone's records: in few round trips when the store can read many people at once, else person by person. */
export async function everyonesRecords(store: Store, ids: readonly string[], today: string, unsynced: ReadonlyMap<string, number>, o: ListAllOptions): Promise<PersonRecords[]> {
  const out: PersonRecords[] = [];
  if (store.readPeople) {
    const read = await store.readPeople(ids, { contactsUntil: today, ...(o.signal && { signal: o.signal }) });
    o.unreadable?.push(...read.unreadable);
    for (const id of ids) {
      const person = read.people.get(id);
      if (person?.serviceUser?.id === id) out.push(asRecords(onlyTheirs(id, person as PersonRead & { serviceUser: ServiceUser }, o), unsynced.get(id) ?? 0));
      else o.unreadable?.push({ id, reason: NOT_HERE });
    }
    return out;
  }
  for (let i = 0; i < ids.length; i += PARALLEL) {
    const batch = await Promise.all(ids.slice(i, i + PARALLEL).map((id) => recordsOf(store, id, today, unsynced.get(id) ?? 0, o)));
    for (const r of batch) if (r) out.push(r);
  }
  return out;
}

/** Unsynced changes per person, when the store is a synced one. */
export async function unsyncedByPerson(store: Store): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const sync = (store as Store & { sync?: SyncEngine }).sync;
  if (!sync) return counts;
  for (const e of await sync.entries()) if (e.serviceUserId) counts.set(e.serviceUserId, (counts.get(e.serviceUserId) ?? 0) + 1);
  return counts;
}

async function summarise(core: ClientCore, workerId: string, today: string, o: ListAllOptions): Promise<CaseloadSummary> {
  const now = core.now();
  const at = core.nowIso();
  const joined = new Map<string, Joined>();
  const ids = (await caseloadsOf(core.store, [workerId], today, o, joined)).get(workerId)!;
  const unsynced = await unsyncedByPerson(core.store);
  const people = (await everyonesRecords(core.store, ids, today, unsynced, o)).map((r) => {
    const summary = summarisePerson(r, { now, today });
    const j = joined.get(r.serviceUserId);
    // New to this worker in the last 14 days: said on their caseload, with why the team changed (a reallocation's reason).
    return j && daysBetween(j.from, today) <= NEW_TO_YOU_DAYS ? { ...summary, newToYou: { since: j.from, ...(j.reason !== undefined && { reason: j.reason }) } } : summary;
  });
  return { workerId, today, at, people: orderByNeed(people) };
}

export function caseloadApi(core: ClientCore): CaseloadApi {
  const { actor, guard, requireAction } = core;
  return {
    summary: (options) =>
      guard('Summarising the caseload', async () => {
        requireAction('read', 'view caseloads');
        const { workerId, today } = readOptions(core, options);
        if (workerId !== actor.id) requireAction('caseload.view-any', 'view another worker’s caseload');
        return readReporting(options, (o) => summarise(core, workerId, today, o));
      }),
  };
}
