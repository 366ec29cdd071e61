// The staff namespaces of the client (issue 22, docs/adr/0025-staff-records.md): supervisions, their private notes,
// and training. Every read passes the staff rules before anything is returned: a list leaves out what the actor may
// not see, a get of it is `forbidden`. The record system must enforce the same; these checks guide and catch mistakes.
import { listAll } from './adapters/shared.js';
import { markEnteredInErrorVerb, updateRecord, type ClientCore, type MarkEnteredInError, type ReadVerbs } from './client-core.js';
import {
  maySeeSupervision, maySeeSupervisionNote, maySeeTraining, mayRecordSupervision, mayRecordTraining, mayWriteSupervisionNote,
} from './domain/staff.js';
import { StrError } from './errors.js';
import type { Page } from './ports.js';
import { parseOrThrow } from './schemas/parse.js';
import type { RecordOf, RecordType } from './schemas/registry.js';
import {
  SupervisionInputSchema, SupervisionNoteInputSchema, SupervisionNoteUpdateSchema, SupervisionUpdateSchema, TrainingInputSchema, TrainingUpdateSchema,
  type Supervision, type SupervisionInput, type SupervisionNote, type SupervisionNoteInput, type SupervisionNoteUpdate, type SupervisionUpdate,
  type Training, type TrainingInput, type TrainingUpdate,
} from './schemas/staff.js';

/** A staff list: one worker's records (`workerId`), or every one the actor may see. */
export interface StaffQuery {
  readonly workerId?: string;
  readonly signal?: AbortSignal;
}

/** Read verbs of a staff type: `list` takes a worker instead of a person. */
export interface StaffReadVerbs<R> extends Omit<ReadVerbs<R>, 'list'> {
  /** Every record the signed-in actor may see, newest first; a viewer is refused. */
  list(query?: StaffQuery): Promise<Page<R>>;
}

export interface SupervisionsApi extends StaffReadVerbs<Supervision>, MarkEnteredInError<Supervision> {
  /** Team leads record any supervision; a co-ordinator one they held. `supervisorId` defaults to the actor. */
  create(input: SupervisionInput): Promise<Supervision>;
  /** `null` clears `nextDueOn`. */
  update(id: string, changes: SupervisionUpdate, expectedVersion: string): Promise<Supervision>;
}

export interface SupervisionNotesApi extends StaffReadVerbs<SupervisionNote>, MarkEnteredInError<SupervisionNote> {
  /** The private notes of a supervision: the two people in it and team leads only. */
  create(input: SupervisionNoteInput): Promise<SupervisionNote>;
  update(id: string, changes: SupervisionNoteUpdate, expectedVersion: string): Promise<SupervisionNote>;
  /** The notes of one supervision the actor may read, newest first. */
  forSupervision(supervisionId: string): Promise<readonly SupervisionNote[]>;
}

export interface TrainingApi extends StaffReadVerbs<Training>, MarkEnteredInError<Training> {
  /** Team leads record any worker's training; a worker their own. `workerId` defaults to the actor. */
  create(input: TrainingInput): Promise<Training>;
  /** `null` clears `expiresOn` or `evidence`. */
  update(id: string, changes: TrainingUpdate, expectedVersion: string): Promise<Training>;
}

type StaffType = 'supervision' | 'supervisionNote' | 'training';

/** The read verbs of one staff type, with `maySee` applied to every record before it is returned. */
function staffReadVerbs<T extends StaffType>(core: ClientCore, type: T, plural: string, maySee: (r: RecordOf<T>) => boolean): StaffReadVerbs<RecordOf<T>> {
  const { store, guard, mustGet, requireAction, requireString, actor } = core;
  const visible = async (id: string) => {
    requireAction('staff.read', `read ${plural}`);
    const r = await mustGet(type, id);
    if (!maySee(r)) throw new StrError('forbidden', `${actor.role} may not read this ${type}`, false, { type, id });
    return r;
  };
  return {
    list: (query) =>
      guard(`Listing ${plural}`, async () => {
        requireAction('staff.read', `read ${plural}`);
        const workerId = query?.workerId === undefined ? undefined : requireString(query.workerId, 'workerId');
        const unreadable: NonNullable<Page<RecordOf<T>>['unreadable']>[number][] = [];
        const all = await listAll(store, type as RecordType, undefined, { unreadable, ...(query?.signal !== undefined && { signal: query.signal }) }) as RecordOf<T>[];
        const items = all.filter((r) => maySee(r) && (workerId === undefined || (r as { workerId: string }).workerId === workerId));
        return { items, ...(unreadable.length > 0 && { unreadable }) };
      }),
    get: (id) => guard(`Reading a ${type}`, () => visible(id)),
    history: (id) =>
      guard(`Reading a ${type}'s history`, async () => {
        await visible(id);
        return (await store.history(type, id)).filter(maySee);
      }),
  };
}

export function supervisionsApi(core: ClientCore): SupervisionsApi {
  const { actor, guard, requireAction, createRecord, mustGet } = core;
  const mayRecord = (s: Pick<Supervision, 'workerId' | 'supervisorId'>) => {
    if (!mayRecordSupervision(actor, s)) throw new StrError('forbidden', `${actor.role} may not record this supervision`);
  };
  return {
    ...staffReadVerbs(core, 'supervision', 'supervisions', (s) => maySeeSupervision(actor, s)),
    create: (input) =>
      guard('Recording a supervision', async () => {
        requireAction('supervision.record', 'record supervision');
        const fields = parseOrThrow(SupervisionInputSchema, input, 'The supervision');
        const record = { actions: [], ...fields, supervisorId: fields.supervisorId ?? actor.id };
        mayRecord(record);
        return createRecord('supervision', record);
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a supervision', async () => {
        requireAction('supervision.record', 'record supervision');
        const fields = parseOrThrow(SupervisionUpdateSchema, changes, 'The change');
        const current = await mustGet('supervision', id);
        mayRecord(current);
        return updateRecord(core, 'supervision', current, fields, expectedVersion);
      }),
    markEnteredInError: markEnteredInErrorVerb(core, 'supervision', 'supervision.record', mayRecord),
  };
}

export function supervisionNotesApi(core: ClientCore): SupervisionNotesApi {
  const { actor, store, guard, requireAction, requireString, createRecord, mustGet } = core;
  const mayWrite = (n: Pick<SupervisionNote, 'workerId' | 'supervisorId'>) => {
    if (!mayWriteSupervisionNote(actor, n)) throw new StrError('forbidden', `${actor.role} may not write these private notes`);
  };
  const maySee = (n: SupervisionNote) => maySeeSupervisionNote(actor, n);
  return {
    ...staffReadVerbs(core, 'supervisionNote', 'private supervision notes', maySee),
    create: (input) =>
      guard('Writing private supervision notes', async () => {
        requireAction('supervision.record', 'write private supervision notes');
        const fields = parseOrThrow(SupervisionNoteInputSchema, input, 'The notes');
        const supervision = await mustGet('supervision', fields.supervisionId);
        const record = { ...fields, workerId: supervision.workerId, supervisorId: supervision.supervisorId };
        mayWrite(record);
        return createRecord('supervisionNote', record);
      }),
    update: (id, changes, expectedVersion) =>
      guard('Changing private supervision notes', async () => {
        requireAction('supervision.record', 'write private supervision notes');
        const fields = parseOrThrow(SupervisionNoteUpdateSchema, changes, 'The notes');
        const current = await mustGet('supervisionNote', id);
        mayWrite(current);
        return updateRecord(core, 'supervisionNote', current, fields, expectedVersion);
      }),
    forSupervision: (supervisionId) =>
      guard('Reading private supervision notes', async () => {
        requireAction('staff.read', 'read private supervision notes');
        const id = requireString(supervisionId, 'supervisionId');
        return (await listAll(store, 'supervisionNote', undefined)).filter((n) => n.supervisionId === id && maySee(n));
      }),
    markEnteredInError: markEnteredInErrorVerb(core, 'supervisionNote', 'supervision.record', mayWrite),
  };
}

export function trainingApi(core: ClientCore): TrainingApi {
  const { actor, guard, requireAction, createRecord, mustGet } = core;
  const mayRecord = (t: Pick<Training, 'workerId'>) => {
    if (!mayRecordTraining(actor, t)) throw new StrError('forbidden', `${actor.role} may record only their own training`);
  };
  return {
    ...staffReadVerbs(core, 'training', 'training records', (t) => maySeeTraining(actor, t)),
    create: (input) =>
      guard('Recording training', async () => {
        requireAction('training.record', 'record training');
        const fields = parseOrThrow(TrainingInputSchema, input, 'The training');
        const record = { ...fields, workerId: fields.workerId ?? actor.id };
        mayRecord(record);
        return createRecord('training', record);
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating training', async () => {
        requireAction('training.record', 'record training');
        const fields = parseOrThrow(TrainingUpdateSchema, changes, 'The change');
        const current = await mustGet('training', id);
        mayRecord(current);
        return updateRecord(core, 'training', current, fields, expectedVersion);
      }),
    markEnteredInError: markEnteredInErrorVerb(core, 'training', 'training.record', mayRecord),
  };
}
