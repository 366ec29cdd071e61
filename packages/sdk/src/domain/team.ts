// The team lead's view of each worker (issue 22, docs/adr/0025-staff-records.md): workload from the caseload
// summary's rules, contacts in UK calendar weeks, supervision and training from the staff rules. Pure; takes a clock.
import type { Contact } from '../schemas/contact.js';
import type { Role } from '../schemas/people.js';
import type { Supervision, Training, TrainingItem } from '../schemas/staff.js';
import { addDays } from './care-plan.js';
import type { PersonSummary } from './caseload.js';
import { didNotAttendRate, isAttended, type DnaRate } from './contacts.js';
import { supervisionState, trainingStatus, type SupervisionState, type TrainingState } from './staff.js';
import { londonDate, londonDateToEpoch, londonWeekStart } from './time.js';

/** "Last 4 weeks": the 28 UK days ending today. */
export const WORKLOAD_WINDOW_DAYS = 28;

export interface TeamWorker {
  /** The id the worker signs in with. */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface WorkerSummary {
  readonly worker: TeamWorker;
  /** People on a current care team with the worker. */
  readonly caseload: number;
  /** Attended contacts (AttendStatus 5 or 6) the worker logged: this UK week (from Monday) and the 28 days ending today. */
  readonly attended: { readonly thisWeek: number; readonly last4Weeks: number };
  /** Did-not-attend rate of the worker's contacts over the 28 days (national definition). */
  readonly dna: DnaRate;
  /** Open tasks past their due date on the worker's caseload. */
  readonly overdueTasks: number;
  /** Open alerts about people on the worker's caseload, and those waiting past the acknowledgement time. */
  readonly openAlerts: number;
  readonly overdueAlerts: number;
  readonly supervision: SupervisionState;
  readonly training: { readonly items: readonly TrainingState[]; readonly missing: number; readonly expiring: number; readonly expired: number };
}

export interface WorkerInputs {
  readonly worker: TeamWorker;
  /** The caseload summary of each person on the worker's caseload. */
  readonly people: readonly PersonSummary[];
  /** Contacts in the window; those of other workers are left out here. */
  readonly contacts: readonly Contact[];
  readonly supervisions: readonly Supervision[];
  readonly training: readonly Training[];
  readonly checklist: readonly TrainingItem[];
}

export interface TeamClock {
  /** The UK date counted to. */
  readonly today: string;
  readonly supervisionIntervalDays?: number | undefined;
}

/** One worker's line of the team summary. */
export function summariseWorker(input: WorkerInputs, clock: TeamClock): WorkerSummary {
  const { worker, people, contacts } = input;
  const { today } = clock;
  const midnight = londonDateToEpoch(today);
  if (midnight === undefined) throw new RangeError('summariseWorker needs today as a date like 2026-06-03');
  const weekStart = londonWeekStart(midnight + 12 * 3_600_000);
  const windowStart = addDays(today, -(WORKLOAD_WINDOW_DAYS - 1));
  const inWindow: Contact[] = [];
  let thisWeek = 0;
  for (const c of contacts) {
    if (c.workerId !== worker.id || c.enteredInError) continue;
    const day = londonDate(Date.parse(c.start));
    if (day < windowStart || day > today) continue;
    inWindow.push(c);
    if (isAttended(c) && day >= weekStart) thisWeek++;
  }
  const items = trainingStatus(input.checklist, input.training, worker, today);
  const count = (state: TrainingState['state']) => items.filter((s) => s.state === state).length;
  return {
    worker,
    caseload: people.length,
    attended: { thisWeek, last4Weeks: inWindow.filter(isAttended).length },
    dna: didNotAttendRate(inWindow),
    overdueTasks: people.reduce((n, p) => n + p.tasks.overdue.length, 0),
    openAlerts: people.reduce((n, p) => n + p.alerts.length, 0),
    overdueAlerts: people.reduce((n, p) => n + p.alerts.filter((a) => a.overdue).length, 0),
    supervision: supervisionState(input.supervisions, worker.id, today, clock.supervisionIntervalDays),
    training: { items, missing: count('missing'), expiring: count('expiring'), expired: count('expired') },
  };
}
