import type * as z from 'zod/mini';
import {
  CARE_PLAN_SCHEMA_VERSION, CarePlanSchema, GOAL_SCHEMA_VERSION, GoalSchema, PROGRESS_NOTE_SCHEMA_VERSION, ProgressNoteSchema,
  TASK_SCHEMA_VERSION, TaskSchema,
} from './care-plan.js';
import { CONTACT_SCHEMA_VERSION, ContactSchema } from './contact.js';
import {
  ALERT_SCHEMA_VERSION, AlertSchema, SIGN_CHECK_SCHEMA_VERSION, SignCheckSchema, WARNING_SIGN_PLAN_SCHEMA_VERSION, WarningSignPlanSchema,
} from './relapse.js';
import { CARE_TEAM_SCHEMA_VERSION, CareTeamSchema } from './team.js';
import {
  SUPERVISION_NOTE_SCHEMA_VERSION, SUPERVISION_SCHEMA_VERSION, SupervisionNoteSchema, SupervisionSchema, TRAINING_SCHEMA_VERSION, TrainingSchema,
} from './staff.js';
import { KEY_CONTACT_SCHEMA_VERSION, KeyContactSchema, REFERRAL_SCHEMA_VERSION, ReferralSchema } from './pathway.js';
import { SERVICE_USER_SCHEMA_VERSION, ServiceUserSchema, WORKER_SCHEMA_VERSION, WorkerSchema } from './people.js';

interface RecordDescriptor<S extends z.ZodMiniType> {
  readonly schema: S;
  readonly schemaVersion: number;
  /** The person the record is about, for `list({ serviceUserId })` and the Patient compartment. */
  readonly serviceUserId: (r: z.infer<S>) => string | undefined;
  /** The instant lists are ordered by (newest first) and date ranges filter on. */
  readonly date: (r: z.infer<S>) => string;
  readonly status?: (r: z.infer<S>) => string | undefined;
}

const describe = <S extends z.ZodMiniType>(d: RecordDescriptor<S>) => d;

/** Every record type the SDK stores. Widget issues add theirs here; adapters are generic over this table. */
export const RECORDS = {
  serviceUser: describe({
    schema: ServiceUserSchema,
    schemaVersion: SERVICE_USER_SCHEMA_VERSION,
    serviceUserId: (r) => r.id,
    date: (r) => r.createdAt,
  }),
  worker: describe({
    schema: WorkerSchema,
    schemaVersion: WORKER_SCHEMA_VERSION,
    serviceUserId: () => undefined,
    date: (r) => r.createdAt,
  }),
  contact: describe({
    schema: ContactSchema,
    schemaVersion: CONTACT_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.start,
  }),
  carePlan: describe({
    schema: CarePlanSchema,
    schemaVersion: CARE_PLAN_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
    status: (r) => r.status,
  }),
  goal: describe({
    schema: GoalSchema,
    schemaVersion: GOAL_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
    status: (r) => r.status,
  }),
  task: describe({
    schema: TaskSchema,
    schemaVersion: TASK_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
    status: (r) => r.status,
  }),
  progressNote: describe({
    schema: ProgressNoteSchema,
    schemaVersion: PROGRESS_NOTE_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
  }),
  warningSignPlan: describe({
    schema: WarningSignPlanSchema,
    schemaVersion: WARNING_SIGN_PLAN_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
  }),
  signCheck: describe({
    schema: SignCheckSchema,
    schemaVersion: SIGN_CHECK_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.at,
  }),
  careTeam: describe({
    schema: CareTeamSchema,
    schemaVersion: CARE_TEAM_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
    status: (r) => r.status,
  }),
  alert: describe({
    schema: AlertSchema,
    schemaVersion: ALERT_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.raisedAt,
    status: (r) => r.status,
  }),
  // The care pathway (docs/adr/0027-care-pathway.md).
  keyContact: describe({
    schema: KeyContactSchema,
    schemaVersion: KEY_CONTACT_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
    status: (r) => r.status,
  }),
  referral: describe({
    schema: ReferralSchema,
    schemaVersion: REFERRAL_SCHEMA_VERSION,
    serviceUserId: (r) => r.serviceUserId,
    date: (r) => r.createdAt,
  }),
  // Staff records (docs/adr/0025-staff-records.md): about no person, like `worker`.
  supervision: describe({
    schema: SupervisionSchema,
    schemaVersion: SUPERVISION_SCHEMA_VERSION,
    serviceUserId: () => undefined,
    date: (r) => r.createdAt,
  }),
  supervisionNote: describe({
    schema: SupervisionNoteSchema,
    schemaVersion: SUPERVISION_NOTE_SCHEMA_VERSION,
    serviceUserId: () => undefined,
    date: (r) => r.createdAt,
  }),
  training: describe({
    schema: TrainingSchema,
    schemaVersion: TRAINING_SCHEMA_VERSION,
    serviceUserId: () => undefined,
    date: (r) => r.createdAt,
  }),
} as const;

export type RecordType = keyof typeof RECORDS;
export type RecordOf<T extends RecordType> = z.infer<(typeof RECORDS)[T]['schema']>;
export type AnyRecord = RecordOf<RecordType>;
export const RECORD_TYPES = Object.keys(RECORDS) as RecordType[];
/** Records about no person on a caseload: the workers, and staff records (docs/adr/0025-staff-records.md). */
export const STAFF_RECORD_TYPES: readonly RecordType[] = ['worker', 'supervision', 'supervisionNote', 'training'];
/** The types a person's records are made of: what a pull of one person reads. */
export const PERSON_RECORD_TYPES: readonly RecordType[] = RECORD_TYPES.filter((t) => !STAFF_RECORD_TYPES.includes(t));

export const isRecordType = (t: unknown): t is RecordType =>
  typeof t === 'string' && Object.prototype.hasOwnProperty.call(RECORDS, t);

/** Where a record sorts: its instant in epoch milliseconds. */
export function sortKeyOf<T extends RecordType>(type: T, record: RecordOf<T>): number {
  const d = RECORDS[type] as unknown as RecordDescriptor<z.ZodMiniType>;
  return Date.parse(d.date(record));
}

export function serviceUserIdOf<T extends RecordType>(type: T, record: RecordOf<T>): string | undefined {
  return (RECORDS[type] as unknown as RecordDescriptor<z.ZodMiniType>).serviceUserId(record);
}

export function statusOf<T extends RecordType>(type: T, record: RecordOf<T>): string | undefined {
  return (RECORDS[type] as unknown as RecordDescriptor<z.ZodMiniType>).status?.(record);
}
