// @strkit/sdk — public API. Everything a host or a widget needs; adapters are exported for hosts only.
// The same names are also at narrower entry points (ADR 0009): @strkit/sdk/codes, /indexeddb and /fhir. Every module
// is free of side effects, so a bundler keeps only what a host imports, from here or from a subpath.
import { guarded } from './errors.js';
import * as contactRules from './domain/contacts.js';
import * as planRules from './domain/care-plan.js';
import * as relapseRules from './domain/relapse.js';
import * as caseloadRules from './domain/caseload.js';
import * as staffRules from './domain/staff.js';
import * as pathwayRules from './domain/pathway.js';
import * as searchRules from './domain/search.js';
import * as textRules from './schemas/text.js';

export { StrError, isStrError, type StrErrorCode, type FieldIssue, type StrErrorDetails } from './errors.js';

export * from './codes.js';

export { EnteredInErrorSchema, type EnteredInError } from './schemas/envelope.js';
export {
  ROLES, ROLE_LABELS, RoleSchema, ActorSchema, NhsNumberSchema,
  ServiceUserSchema, ServiceUserInputSchema, ServiceUserUpdateSchema, WorkerSchema, WorkerInputSchema, WorkerUpdateSchema,
  type Role, type Actor, type ServiceUser, type ServiceUserInput, type ServiceUserUpdate, type Worker, type WorkerInput, type WorkerUpdate,
} from './schemas/people.js';
export {
  ContactSchema, ContactInputSchema, ContactUpdateSchema, OTHER_PRESENT_KINDS, OTHER_PRESENT_LABELS, CONTACT_NOTE_MAX,
  type Contact, type ContactInput, type ContactUpdate, type OtherPresentKind,
} from './schemas/contact.js';
export {
  LIFE_AREAS, CARE_PLAN_STATUSES, GOAL_STATUSES, TASK_STATUSES, TASK_REPEATS, TASK_OWNER_KINDS, GOAL_TEXT_MAX, TASK_TEXT_MAX, PROGRESS_NOTE_MAX,
  CONTACT_FREQUENCIES, ContactFrequencySchema, ContactFrequencyInputSchema,
  type ContactFrequency, type ContactFrequencyCode, type ContactFrequencyInput,
  CarePlanSchema, CarePlanInputSchema, CarePlanUpdateSchema, GoalSchema, GoalInputSchema, GoalUpdateSchema, TaskSchema, TaskInputSchema,
  TaskUpdateSchema, TaskOwnerSchema, ProgressNoteSchema, ProgressNoteInputSchema, AgreedWithSchema,
  type LifeArea, type CarePlanStatus, type GoalStatus, type TaskStatus, type TaskRepeat, type TaskOwnerKind, type TaskOwner,
  type CarePlan, type CarePlanInput, type CarePlanUpdate, type Goal, type GoalInput, type GoalUpdate, type Task, type TaskInput,
  type TaskUpdate, type ProgressNote, type ProgressNoteInput,
} from './schemas/care-plan.js';
export {
  SIGN_STAGES, RATINGS, NOT_ASKED, FUNCTIONING_AREAS, FUNCTIONING_LEVELS, ALERT_STATUSES, ALERT_NOTE_MAX, DEFAULT_ALERT_RULE, SIGN_TEXT_MAX, RESPONSE_TEXT_MAX, MAX_SIGNS,
  WarningSignSchema, CrisisContactSchema, AlertRuleSchema, WarningSignPlanSchema, WarningSignPlanInputSchema, WarningSignPlanUpdateSchema,
  SignCheckSchema, SignCheckInputSchema, FunctioningSchema, AlertSchema, AlertInputSchema,
  type SignStage, type Rating, type SignRating, type FunctioningArea, type FunctioningLevel, type WarningSign, type CrisisContact, type AlertRule,
  type WarningSignPlan, type WarningSignPlanInput, type WarningSignPlanUpdate, type SignCheck, type SignCheckInput, type Alert, type AlertInput, type AlertStatus,
} from './schemas/relapse.js';
export {
  CareTeamSchema, CareTeamInputSchema, CareTeamUpdateSchema, CareTeamParticipantSchema,
  type CareTeam, type CareTeamInput, type CareTeamUpdate, type CareTeamParticipant,
} from './schemas/team.js';
export {
  SUPERVISION_KINDS, SUPERVISION_KIND_WORDS, SUPERVISION_ACTION_MAX, SUPERVISION_NOTE_MAX, TRAINING_EVIDENCE_MAX,
  SupervisionSchema, SupervisionInputSchema, SupervisionUpdateSchema, SupervisionActionSchema, SupervisionNoteSchema, SupervisionNoteInputSchema,
  SupervisionNoteUpdateSchema, TrainingSchema, TrainingInputSchema, TrainingUpdateSchema,
  type SupervisionKind, type Supervision, type SupervisionInput, type SupervisionUpdate, type SupervisionAction, type SupervisionNote,
  type SupervisionNoteInput, type SupervisionNoteUpdate, type Training, type TrainingInput, type TrainingUpdate, type TrainingItem,
} from './schemas/staff.js';
export {
  RELATIONSHIP_ROLES, KEY_CONTACT_KINDS, KEY_CONTACT_STATUSES, REFERRAL_DIRECTIONS, REFERRAL_OUTCOMES, REFERRAL_OUTCOME_WORDS,
  PHONE_MAX, REACH_MAX, REFERRAL_TEXT_MAX,
  KeyContactSchema, ReferralSchema,
  type RelationshipRole, type KeyContactKind, type KeyContactStatus, type ReferralDirection, type ReferralOutcome, type KeyContact, type Referral,
} from './schemas/pathway.js';
export {
  KeyContactInputSchema, KeyContactUpdateSchema, ReferralInputSchema, ReferralUpdateSchema,
  type KeyContactInput, type KeyContactUpdate, type ReferralInput, type ReferralUpdate,
} from './schemas/pathway-input.js';
export { RECORDS, RECORD_TYPES, PERSON_RECORD_TYPES, STAFF_RECORD_TYPES, isRecordType, type RecordType, type RecordOf, type AnyRecord } from './schemas/registry.js';
export { parseRecord } from './schemas/parse.js';
export { type InputKind, type StaffInputKind, type PathwayInputKind } from './schemas/inputs.js';
export { inputIssues } from './schemas/input-check.js';
export { staffInputIssues } from './schemas/input-check-staff.js';
export { pathwayInputIssues } from './schemas/input-check-pathway.js';
export { upgradeRecord, MIGRATIONS, type Migration, type MigrationTable } from './schemas/migrations.js';

export * from './domain/time.js';
export { can, canCorrect, ROLE_PERMISSIONS, type Action } from './domain/permissions.js';

export type { BatchItem, BatchOutcome, BatchPut } from './batch.js';
export { systemClock, type Store, type DraftStore, type Draft, type Query, type ReadOptions, type Page, type Unreadable, type Change, type Clock, type OutboxStore, type OutboxEntry } from './ports.js';
export { memoryStore } from './adapters/memory/memory-store.js';
export { memoryDrafts } from './adapters/memory/memory-drafts.js';
export * from './indexeddb.js';

export {
  createClient,
  untilAborted,
  type StrClient, type ClientOptions, type ContactsApi, type ServiceUsersApi, type WorkersApi, type DraftsApi, type CareTeamsApi,
  type SubscribeFilter, type SignOutResult, type LocalDataReport,
} from './client.js';
export type { CarePlansApi, GoalsApi, TasksApi, TaskStatusOptions, ProgressNotesApi, CarePlanView } from './client-care-plan.js';
export type { ReadVerbs, MarkEnteredInError } from './client-core.js';
export type { WarningSignPlansApi, SignChecksApi, AlertsApi } from './client-relapse.js';
export type { CaseloadApi, CaseloadSummary, CaseloadSummaryOptions } from './client-caseload.js';
export { teamClient, teamSummary, type TeamClient } from './client-team-lead.js';
export { pathwayClient, type PathwayClient, type KeyContactsApi, type ReferralsApi } from './client-pathway.js';
export type { TeamApi, TeamSummary, TeamSummaryOptions } from './client-team.js';
export type { SupervisionsApi, SupervisionNotesApi, TrainingApi, StaffQuery, StaffReadVerbs } from './client-staff.js';
export * from './fhir.js';
export { CONTACT_TOTALS_DEFINITION, DNA_RATE_DEFINITION, MHS201_COLUMNS, type DnaRate, type ContactTotals, type MhsdsContext, type MhsdsCareContactRow } from './domain/contacts.js';
export const didNotAttendRate = /* @__PURE__ */ guarded('didNotAttendRate', 'validation', contactRules.didNotAttendRate);
export const contactTotals = /* @__PURE__ */ guarded('contactTotals', 'validation', contactRules.contactTotals);
export const isAttended = /* @__PURE__ */ guarded('isAttended', 'validation', contactRules.isAttended);
export const textMatches = /* @__PURE__ */ guarded('textMatches', 'validation', searchRules.textMatches);
export const hasVisibleText = /* @__PURE__ */ guarded('hasVisibleText', 'validation', textRules.hasVisibleText);
export const toMhsdsCareContacts = /* @__PURE__ */ guarded('toMhsdsCareContacts', 'validation', contactRules.toMhsdsCareContacts);
export const agreedBaselineFrom = /* @__PURE__ */ guarded('agreedBaselineFrom', 'validation', relapseRules.agreedBaselineFrom);
export const hasRatings = /* @__PURE__ */ guarded('hasRatings', 'validation', relapseRules.hasRatings);
export const toCsv = /* @__PURE__ */ guarded('toCsv', 'validation', contactRules.toCsv) as typeof contactRules.toCsv;

export type { ReviewState, ReviewSummary, GoalReview } from './domain/care-plan.js';
export const addDays = /* @__PURE__ */ guarded('addDays', 'validation', planRules.addDays);
export const daysBetween = /* @__PURE__ */ guarded('daysBetween', 'validation', planRules.daysBetween);
export const ukToday = /* @__PURE__ */ guarded('ukToday', 'validation', planRules.ukToday);
export const nextDueDate = /* @__PURE__ */ guarded('nextDueDate', 'validation', planRules.nextDueDate);
export const isTaskOpen = /* @__PURE__ */ guarded('isTaskOpen', 'validation', planRules.isTaskOpen);
export const isTaskOverdue = /* @__PURE__ */ guarded('isTaskOverdue', 'validation', planRules.isTaskOverdue);
export const reviewState = /* @__PURE__ */ guarded('reviewState', 'validation', planRules.reviewState);
export const inOrder = /* @__PURE__ */ guarded('inOrder', 'validation', planRules.inOrder) as typeof planRules.inOrder;
export const orderedGoals = /* @__PURE__ */ guarded('orderedGoals', 'validation', planRules.orderedGoals);
export const orderedTasks = /* @__PURE__ */ guarded('orderedTasks', 'validation', planRules.orderedTasks);
export const moveItem = /* @__PURE__ */ guarded('moveItem', 'validation', planRules.moveItem);
export const tasksDueWithin = /* @__PURE__ */ guarded('tasksDueWithin', 'validation', planRules.tasksDueWithin);
export const ownsTask = /* @__PURE__ */ guarded('ownsTask', 'validation', planRules.ownsTask);
export const canSetTaskStatus = /* @__PURE__ */ guarded('canSetTaskStatus', 'validation', planRules.canSetTaskStatus);
export const reviewSummary = /* @__PURE__ */ guarded('reviewSummary', 'validation', planRules.reviewSummary);

export type { Baseline, RuleReason, RuleResult } from './domain/relapse.js';
export const evaluateRule = /* @__PURE__ */ guarded('evaluateRule', 'validation', relapseRules.evaluateRule);
export const baselineOf = /* @__PURE__ */ guarded('baselineOf', 'validation', relapseRules.baselineOf);
export const checkTotal = /* @__PURE__ */ guarded('checkTotal', 'validation', relapseRules.checkTotal);
export const checksInOrder = /* @__PURE__ */ guarded('checksInOrder', 'validation', relapseRules.checksInOrder) as typeof relapseRules.checksInOrder;
export const responsesFor = /* @__PURE__ */ guarded('responsesFor', 'validation', relapseRules.responsesFor);
export const ratingLabel = /* @__PURE__ */ guarded('ratingLabel', 'validation', relapseRules.ratingLabel);
export { ALERT_ACKNOWLEDGE_HOURS, FREQUENCY_DAYS, REASON_ORDER } from './domain/caseload.js';
export type { CaseloadReason, CaseloadReasonCode, CaseloadClock, ContactState, OpenAlert, PersonRecords, PersonSummary } from './domain/caseload.js';
export const summarisePerson = /* @__PURE__ */ guarded('summarisePerson', 'validation', caseloadRules.summarisePerson);
export const orderByNeed = /* @__PURE__ */ guarded('orderByNeed', 'validation', caseloadRules.orderByNeed);
export const contactState = /* @__PURE__ */ guarded('contactState', 'validation', caseloadRules.contactState);
export const lastAttended = /* @__PURE__ */ guarded('lastAttended', 'validation', caseloadRules.lastAttended);
export { SUPERVISION_INTERVAL_DAYS, TRAINING_EXPIRING_DAYS } from './domain/staff.js';
export type { SupervisionState, TrainingState } from './domain/staff.js';
export { WORKLOAD_WINDOW_DAYS, type TeamWorker, type WorkerSummary } from './domain/team.js';
export const supervisionState = /* @__PURE__ */ guarded('supervisionState', 'validation', staffRules.supervisionState);
export const trainingStatus = /* @__PURE__ */ guarded('trainingStatus', 'validation', staffRules.trainingStatus);
export const trainingExpiry = /* @__PURE__ */ guarded('trainingExpiry', 'validation', staffRules.expiryOf);
export const maySeeSupervision = /* @__PURE__ */ guarded('maySeeSupervision', 'validation', staffRules.maySeeSupervision);
export const maySeeSupervisionNote = /* @__PURE__ */ guarded('maySeeSupervisionNote', 'validation', staffRules.maySeeSupervisionNote);
export const maySeeTraining = /* @__PURE__ */ guarded('maySeeTraining', 'validation', staffRules.maySeeTraining);
export type { ReferralStage, ReferralWait, KeyContactGroup } from './domain/pathway.js';
export const referralWait = /* @__PURE__ */ guarded('referralWait', 'validation', pathwayRules.referralWait);
export const referralStage = /* @__PURE__ */ guarded('referralStage', 'validation', pathwayRules.referralStage);
export const referralIssues = /* @__PURE__ */ guarded('referralIssues', 'validation', pathwayRules.referralIssues);
export const keyContactIssues = /* @__PURE__ */ guarded('keyContactIssues', 'validation', pathwayRules.keyContactIssues);
export const groupKeyContacts = /* @__PURE__ */ guarded('groupKeyContacts', 'validation', pathwayRules.groupKeyContacts);
export const mayWriteKeyContact = /* @__PURE__ */ guarded('mayWriteKeyContact', 'validation', pathwayRules.mayWriteKeyContact);
export const mayAddReferral = /* @__PURE__ */ guarded('mayAddReferral', 'validation', pathwayRules.mayAddReferral);
export const mayWriteReferral = /* @__PURE__ */ guarded('mayWriteReferral', 'validation', pathwayRules.mayWriteReferral);
export { syncedStore, type SyncedStore, type SyncedStoreOptions, type SyncEngine, type SyncState, type SyncAttention, type SyncAttentionReason, type SyncAttentionParams } from './sync.js';
export { memoryCheckpoints, type DeviceCheckpoint, type DeviceCheckpoints } from './device-checkpoint.js';
