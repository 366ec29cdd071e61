// The relapse-sign namespaces of the client (issue 7): warning-sign plans, sign checks, alerts.
import { listAll } from './adapters/shared.js';
import { applyChanges, type ClientCore } from './client-care-plan.js';
import { evaluateRule, type RuleResult } from './domain/relapse.js';
import { StrError } from './errors.js';
import type { Page, Query } from './ports.js';
import { parseOrThrow } from './schemas/parse.js';
import {
  AlertInputSchema, DEFAULT_ALERT_RULE, SignCheckInputSchema, WarningSignPlanInputSchema, WarningSignPlanUpdateSchema,
  type Alert, type AlertInput, type SignCheck, type SignCheckInput, type WarningSignPlan, type WarningSignPlanInput, type WarningSignPlanUpdate,
} from './schemas/relapse.js';
import { externalId, noteText } from './schemas/text.js';

export interface WarningSignPlansApi {
  list(query?: Query): Promise<Page<WarningSignPlan>>;
  get(id: string): Promise<WarningSignPlan>;
  history(id: string): Promise<readonly WarningSignPlan[]>;
  /** The person's plan: the newest not entered in error, or undefined. */
  current(serviceUserId: string): Promise<WarningSignPlan | undefined>;
  /** Co-ordinators and team leads, with the person. */
  create(input: WarningSignPlanInput): Promise<WarningSignPlan>;
  /** `agreedBaseline: null` clears the agreed baseline. */
  update(id: string, changes: WarningSignPlanUpdate, expectedVersion: string): Promise<WarningSignPlan>;
}

export interface SignChecksApi {
  list(query?: Query): Promise<Page<SignCheck>>;
  get(id: string): Promise<SignCheck>;
  /** Records a check against the plan as it is now (its version is kept with the check). */
  record(input: SignCheckInput): Promise<SignCheck>;
  /** Whether a stored check meets its plan's alert rule, with the reasons in words. */
  evaluate(checkId: string): Promise<RuleResult>;
  /** Every check of a plan, oldest first. */
  forPlan(plan: Pick<WarningSignPlan, 'id' | 'serviceUserId'>): Promise<SignCheck[]>;
}

export interface AlertsApi {
  list(query?: Query): Promise<Page<Alert>>;
  get(id: string): Promise<Alert>;
  history(id: string): Promise<readonly Alert[]>;
  /**
   * Raises an alert to the care co-ordinator about a check. Pass your own `id` so a retried send never duplicates.
   * Its `owner` is who receives it (co-ordinator, else care team, else the client's `teamLeadId`); when `owner` is
   * absent the alert is still recorded but nobody will receive it: tell the worker, with the crisis contacts.
   */
  raise(input: AlertInput): Promise<Alert>;
  /** Co-ordinators and team leads: what was done. */
  acknowledge(id: string, action: string, expectedVersion: string): Promise<Alert>;
}

const ActionSchema = noteText(2000, true, 'Enter what was done');

/** How alerts find an owner when the person has no care co-ordinator or care team (`createClient({ teamLeadId })`). */
export interface AlertRouting {
  readonly teamLeadId?: string | undefined;
}

export function relapseApis(core: ClientCore, routing: AlertRouting = {}) {
  const { store, actor, guard, requireAction, requireString, mustGet, createRecord, putUpdated, nowIso } = core;
  const teamLeadId = routing.teamLeadId === undefined ? undefined : parseOrThrow(externalId, routing.teamLeadId, 'The team lead (teamLeadId)');

  /** Who receives an alert, from what is on this device now, so a later (offline) push never lacks one. */
  async function ownerFor(serviceUserId: string): Promise<Alert['owner']> {
    const person = await store.get('serviceUser', serviceUserId);
    if (person?.careCoordinatorId) return { kind: 'care-coordinator', id: person.careCoordinatorId };
    const team = (await listAll(store, 'careTeam', serviceUserId)).find((t) => t.status === 'active' && !t.enteredInError);
    if (team) return { kind: 'care-team', id: team.id };
    if (teamLeadId) return { kind: 'team-lead', id: teamLeadId };
    return undefined;
  }

  const allFor = <T extends 'signCheck' | 'warningSignPlan'>(type: T, serviceUserId: string) => listAll(store, type, serviceUserId);

  const forPlan = async (plan: Pick<WarningSignPlan, 'id' | 'serviceUserId'>) =>
    (await allFor('signCheck', plan.serviceUserId)).filter((c) => c.planId === plan.id).reverse();

  const warningSignPlans: WarningSignPlansApi = {
    list: (query) => guard('Listing warning-sign plans', () => store.list('warningSignPlan', query)),
    get: (id) => guard('Reading a warning-sign plan', () => mustGet('warningSignPlan', id)),
    history: (id) => guard('Reading warning-sign plan history', () => store.history('warningSignPlan', requireString(id, 'id'))),
    current: (serviceUserId) =>
      guard('Reading the warning-sign plan', async () =>
        (await allFor('warningSignPlan', requireString(serviceUserId, 'serviceUserId'))).find((p) => !p.enteredInError)),
    create: (input) =>
      guard('Creating a warning-sign plan', async () => {
        requireAction('warning-sign-plan.edit', 'create warning-sign plans');
        const fields = parseOrThrow(WarningSignPlanInputSchema, input, 'The plan');
        await mustGet('serviceUser', fields.serviceUserId);
        return createRecord('warningSignPlan', { coordinatorId: actor.id, contacts: [], rule: DEFAULT_ALERT_RULE, ...fields });
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a warning-sign plan', async () => {
        requireAction('warning-sign-plan.edit', 'edit warning-sign plans');
        const fields = parseOrThrow(WarningSignPlanUpdateSchema, changes, 'The change');
        return putUpdated('warningSignPlan', applyChanges(await mustGet('warningSignPlan', id), fields), expectedVersion);
      }),
  };

  const signChecks: SignChecksApi = {
    list: (query) => guard('Listing sign checks', () => store.list('signCheck', query)),
    get: (id) => guard('Reading a sign check', () => mustGet('signCheck', id)),
    forPlan: (plan) => guard('Listing sign checks', () => forPlan(plan)),
    record: (input) =>
      guard('Recording a sign check', async () => {
        requireAction('sign-check.record', 'record sign checks');
        const fields = parseOrThrow(SignCheckInputSchema, input, 'The check');
        const plan = await mustGet('warningSignPlan', fields.planId);
        const known = new Set(plan.signs.map((s) => s.id));
        const stray = Object.keys(fields.ratings).filter((k) => !known.has(k));
        if (stray.length) {
          throw new StrError('validation', `The check rates ${stray.length} sign(s) not on plan ${plan.id}`, false, {
            issues: [{ path: 'ratings', code: 'unknown-sign', message: 'The plan changed while the check was open: reload it and rate its signs' }],
          });
        }
        const at = fields.at ?? nowIso();
        if (Date.parse(at) > core.now().getTime()) {
          throw new StrError('validation', 'The check is in the future', false, { issues: [{ path: 'at', code: 'future', message: 'The check cannot be in the future' }] });
        }
        return createRecord('signCheck', {
          functioning: {}, observations: '', personsView: '', markedWell: false, ...fields,
          at, serviceUserId: plan.serviceUserId, planVersion: plan.version, workerId: actor.id,
        });
      }),
    evaluate: (checkId) =>
      guard('Evaluating a sign check', async () => {
        const check = await mustGet('signCheck', checkId);
        const plan = await mustGet('warningSignPlan', check.planId);
        return evaluateRule(plan, check, await forPlan(plan));
      }),
  };

  const alerts: AlertsApi = {
    list: (query) => guard('Listing alerts', () => store.list('alert', query)),
    get: (id) => guard('Reading an alert', () => mustGet('alert', id)),
    history: (id) => guard('Reading alert history', () => store.history('alert', requireString(id, 'id'))),
    raise: (input) =>
      guard('Raising an alert', async () => {
        requireAction('alert.raise', 'raise alerts');
        const fields = parseOrThrow(AlertInputSchema, input, 'The alert');
        const check = await mustGet('signCheck', fields.checkId);
        const owner = await ownerFor(check.serviceUserId);
        return createRecord('alert', { note: '', ...fields, serviceUserId: check.serviceUserId, raisedBy: actor.id, raisedAt: nowIso(), status: 'open', ...(owner && { owner }) });
      }),
    acknowledge: (id, action, expectedVersion) =>
      guard('Acknowledging an alert', async () => {
        requireAction('alert.acknowledge', 'acknowledge alerts');
        const what = parseOrThrow(ActionSchema, action, 'What was done');
        const alert = await mustGet('alert', id);
        if (alert.status === 'acknowledged') {
          throw new StrError('validation', `alert ${id} is already acknowledged`, false, { issues: [{ path: 'status', code: 'invalid', message: 'This alert was already acknowledged' }] });
        }
        return putUpdated('alert', { ...alert, status: 'acknowledged', acknowledged: { by: actor.id, at: nowIso(), action: what } }, expectedVersion);
      }),
  };

  return { warningSignPlans, signChecks, alerts };
}
