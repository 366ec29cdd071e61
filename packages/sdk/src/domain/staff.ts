// Staff records (issue 22, docs/adr/0025-staff-records.md): who may see and write supervision, its private notes and
// training, and the pure rules for when supervision is due and where training stands. Dates are UK calendar dates;
// "today" comes from the caller's clock. These checks guide the UI and the client; the record system must enforce
// the same (a device the worker controls is not a security boundary).
import type { Actor } from '../schemas/people.js';
import type { Supervision, SupervisionNote, Training, TrainingItem } from '../schemas/staff.js';
import { addDays, addMonths, daysBetween } from './care-plan.js';

/** How often supervision is due when a record names no next date: every 6 weeks (docs/adr/0025-staff-records.md). */
export const SUPERVISION_INTERVAL_DAYS = 42;
/** Training is "expiring" when it expires within this many days. */
export const TRAINING_EXPIRING_DAYS = 30;

const role = (actor: Actor | undefined): string | undefined => {
  try {
    return typeof actor?.role === 'string' ? actor.role : undefined;
  } catch {
    return undefined;
  }
};
const isLead = (a: Actor | undefined) => role(a) === 'team-lead';
const isCoordinator = (a: Actor | undefined) => role(a) === 'care-coordinator';
const isWorker = (a: Actor | undefined) => role(a) === 'str-worker' || role(a) === 'peer-support-worker';
const isParty = (a: Actor | undefined, r: { workerId: string; supervisorId: string }) => {
  try {
    return typeof a?.id === 'string' && (r.workerId === a.id || r.supervisorId === a.id);
  } catch {
    return false;
  }
};

/** A supervision record (not its private notes): team leads and co-ordinators all; workers their own; viewers none. */
export function maySeeSupervision(actor: Actor | undefined, s: Pick<Supervision, 'workerId' | 'supervisorId'>): boolean {
  return isLead(actor) || isCoordinator(actor) || (isWorker(actor) && isParty(actor, s));
}

/** Records or changes a supervision: team leads any; a co-ordinator only as its supervisor. */
export function mayRecordSupervision(actor: Actor | undefined, s: Pick<Supervision, 'workerId' | 'supervisorId'>): boolean {
  return isLead(actor) || (isCoordinator(actor) && s.supervisorId === actor?.id);
}

/** Private notes: the two people in the room (not a viewer) and team leads only. */
export function maySeeSupervisionNote(actor: Actor | undefined, n: Pick<SupervisionNote, 'workerId' | 'supervisorId'>): boolean {
  return isLead(actor) || ((isWorker(actor) || isCoordinator(actor)) && isParty(actor, n));
}

/** Writes private notes: team leads, or a co-ordinator who was the supervisor. */
export function mayWriteSupervisionNote(actor: Actor | undefined, n: Pick<SupervisionNote, 'workerId' | 'supervisorId'>): boolean {
  return mayRecordSupervision(actor, n);
}

/** Training: team leads and co-ordinators all; workers their own; viewers none. */
export function maySeeTraining(actor: Actor | undefined, t: Pick<Training, 'workerId'>): boolean {
  return isLead(actor) || isCoordinator(actor) || (isWorker(actor) && t.workerId === actor?.id);
}

/** Records training: team leads any worker's; a worker their own. */
export function mayRecordTraining(actor: Actor | undefined, t: Pick<Training, 'workerId'>): boolean {
  return isLead(actor) || (isWorker(actor) && t.workerId === actor?.id);
}

export type SupervisionState =
  | { readonly state: 'never' }
  | { readonly state: 'within' | 'due-today' | 'overdue'; readonly lastHeldOn: string; readonly dueOn: string; readonly daysSince: number; readonly daysOverdue: number };

/**
 * Where a worker's supervision stands on `today`: from the last one held on or before today (entered-in-error ones
 * left out), due on its `nextDueOn` or `intervalDays` after it. Due today is not overdue; the day after is 1 day over.
 */
export function supervisionState(supervisions: readonly Supervision[], workerId: string, today: string, intervalDays = SUPERVISION_INTERVAL_DAYS): SupervisionState {
  let last: Supervision | undefined;
  for (const s of supervisions) {
    if (s.enteredInError || s.workerId !== workerId || s.heldOn > today) continue;
    if (!last || s.heldOn > last.heldOn || (s.heldOn === last.heldOn && s.id > last.id)) last = s;
  }
  if (!last) return { state: 'never' };
  const dueOn = last.nextDueOn ?? addDays(last.heldOn, intervalDays);
  const daysOverdue = Math.max(0, daysBetween(dueOn, today));
  return { state: today > dueOn ? 'overdue' : today === dueOn ? 'due-today' : 'within', lastHeldOn: last.heldOn, dueOn, daysSince: daysBetween(last.heldOn, today), daysOverdue };
}

export type TrainingState =
  | { readonly item: TrainingItem; readonly state: 'missing' }
  | { readonly item: TrainingItem; readonly state: 'done' | 'expiring' | 'expired'; readonly record: Training; readonly expiresOn?: string; readonly daysLeft?: number };

/** When a completion expires: its own date, else the item's renewal interval from completion, else never. */
export function expiryOf(record: Pick<Training, 'completedOn' | 'expiresOn'>, item: Pick<TrainingItem, 'renewEveryMonths'> | undefined): string | undefined {
  if (record.expiresOn !== undefined) return record.expiresOn;
  return item?.renewEveryMonths !== undefined ? addMonths(record.completedOn, item.renewEveryMonths) : undefined;
}

/**
 * Each checklist item a worker of `workerRole` must complete, and where it stands on `today`, by the latest completion
 * on or before today (entered-in-error ones left out). Expired on or after the expiry date; expiring when it expires
 * within 30 days (30 days before: expiring; 31: done).
 */
export function trainingStatus(
  checklist: readonly TrainingItem[], records: readonly Training[], worker: { readonly id: string; readonly role: string }, today: string,
): TrainingState[] {
  const out: TrainingState[] = [];
  for (const item of checklist) {
    if (!(item.roles as readonly string[]).includes(worker.role)) continue;
    let latest: Training | undefined;
    for (const r of records) {
      if (r.enteredInError || r.workerId !== worker.id || r.itemId !== item.id || r.completedOn > today) continue;
      if (!latest || r.completedOn > latest.completedOn || (r.completedOn === latest.completedOn && r.id > latest.id)) latest = r;
    }
    if (!latest) {
      out.push({ item, state: 'missing' });
      continue;
    }
    const expiresOn = expiryOf(latest, item);
    if (expiresOn === undefined) {
      out.push({ item, state: 'done', record: latest });
      continue;
    }
    const daysLeft = daysBetween(today, expiresOn);
    const state = daysLeft <= 0 ? 'expired' : daysLeft <= TRAINING_EXPIRING_DAYS ? 'expiring' : 'done';
    out.push({ item, state, record: latest, expiresOn, daysLeft });
  }
  return out;
}
