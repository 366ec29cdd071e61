// The team lead's namespaces (issue 22, docs/adr/0025-staff-records.md), made apart from `createClient` so that a
// worker's app, which never needs them, does not carry them: `teamClient(client)` gives them for a client.
import { coreOf } from './client-core.js';
import { supervisionNotesApi, supervisionsApi, trainingApi, type SupervisionNotesApi, type SupervisionsApi, type TrainingApi } from './client-staff.js';
import { teamApi, type TeamApi, type TeamSummary, type TeamSummaryOptions } from './client-team.js';
import type { StrClient } from './client.js';

export interface TeamClient {
  /** Supervision records: each read gives only what the client's signed-in actor may see. */
  readonly supervisions: SupervisionsApi;
  /** The private notes of a supervision: the two people in it and team leads only. */
  readonly supervisionNotes: SupervisionNotesApi;
  readonly training: TrainingApi;
  /** Each worker's workload, supervision and training. */
  readonly team: TeamApi;
}

/** The staff records and team summary for a client made by `createClient`, as its signed-in actor. */
export function teamClient(client: StrClient): TeamClient {
  const core = coreOf(client);
  return { supervisions: supervisionsApi(core), supervisionNotes: supervisionNotesApi(core), training: trainingApi(core), team: teamApi(core) };
}

/** `teamClient(client).team.summary(options)` alone, for a view that only reads it (`<str-team>`): less to load. */
export function teamSummary(client: StrClient, options?: TeamSummaryOptions): Promise<TeamSummary> {
  let core;
  try {
    core = coreOf(client);
  } catch (e) {
    return Promise.reject(e);
  }
  return teamApi(core).summary(options);
}
