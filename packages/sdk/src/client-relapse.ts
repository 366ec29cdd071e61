// The relapse-sign namespaces of the client (issue 7): warning-sign plans, sign checks, alerts.
import { listAll, readReporting, type ListAllOptions } from './adapters/shared.js';
import { applyChanges, markEnteredInErrorVerb, readVerbs, type ClientCore, type MarkEnteredInError, type ReadVerbs } from './client-core.js';
import { canCorrect } from './domain/permissions.js';
import { agreedBaselineFrom, evaluateRule, type RuleResult } from './domain/relapse.js';
import { StrError } from './errors.js';
import type { ReadOptions, Store } from './ports.js';
import { parseOrThrow } from './schemas/parse.js';
import {
  AlertInputSchema, DEFAULT_ALERT_RULE, SignCheckInputSchema, WarningSignPlanInputSchema, WarningSignPlanUpdateSchema,
  type Alert, type AlertInput, type SignCheck, type SignCheckInput, type WarningSignPlan, type WarningSignPlanInput, type WarningSignPlanUpdate,
} from './schemas/relapse.js';
import { externalId, noteText } from './schemas/text.js';

export interface WarningSignPlansApi extends ReadVerbs<WarningSignPlan>, MarkEnteredInError<WarningSignPlan> {
  /** The person's plan: the newest not entered in error, or undefined. */
  current(serviceUserId: string, options?: ReadOptions): Promise<WarningSignPlan | undefined>;
  /** Co-ordinators and team leads, with the person. */
  create(input: WarningSignPlanInput): Promise<WarningSignPlan>;
  /** `null` clears an optional field (`agreedBaseline`, `agreedOn`, `reviewOn`). */
  update(id: string, changes: WarningSignPlanUpdate, expectedVersion: string): Promise<WarningSignPlan>;
}

export interface SignChecksApi extends ReadVerbs<SignCheck>, MarkEnteredInError<SignCheck> {
  /** Records a check against the plan as it is now (its version is kept with the check). Checks are never edited. */
  create(input: SignCheckInput): Promise<SignCheck>;
  /** Whether a stored check meets its plan's alert rule, with the reasons in words. */
  evaluate(checkId: string): Promise<RuleResult>;
  /** Every check of a plan, oldest first. */
  forPlan(plan: Pick<WarningSignPlan, 'id' | 'serviceUserId'>, options?: ReadOptions): Promise<SignCheck[]>;
  /** Every check of a person, on any of their plans, oldest first (a sign's run goes on when a plan is replaced). */
  forPerson(serviceUserId: string, options?: ReadOptions): Promise<SignCheck[]>;
}

/** Alerts are answered, never marked entered in error: see docs/adr/0007-client-verbs.md. */
export interface AlertsApi extends ReadVerbs<Alert> {
  /**
   * Raises an alert to the care co-ordinator about a check. Pass your own `id` so a retried send never duplicates.
   * Its `owner` is who receives it (co-ordinator, else care team, else the client's `teamLeadId`); when `owner` is
   * absent the alert is still recorded but nobody will receive it: tell the worker, with the crisis contacts.
   */
  create(input: AlertInput): Promise<Alert>;
  /** Co-ordinators and team leads: what was done. */
  acknowledge(id: string, action: string, expectedVersion: string): Promise<Alert>;
}

const ActionSchema = noteText(2000, true, 'Enter what was done');

/** How far before its plan version a check's time may be (clock differences between devices). docs/adr/0004-right-person-right-actor.md. */
export const CHECK_BEFORE_PLAN_TOLERANCE_MS = 5 * 60_000;

/** An alert's reason: the rule's sentences, then why the rise rule could not compare when it could not (ADR 0005). */
export const reasonOf = (result: RuleResult): string =>
  [...result.reasons.map((r) => r.text), ...(result.note ? [result.note] : [])].join('\n');

/** How alerts find an owner when the person has no care co-ordinator or care team (`createClient({ teamLeadId })`). */
export interface AlertRouting {
  readonly teamLeadId?: string | undefined;
}

/** Who receives an alert, from what is on this device now, so a later (offline) push never lacks one. */
async function ownerFor(store: Store, teamLeadId: string | undefined, serviceUserId: string): Promise<Alert['owner']> {
  const person = await store.get('serviceUser', serviceUserId);
  if (person?.careCoordinatorId) return { kind: 'care-coordinator', id: person.careCoordinatorId };
  const team = (await listAll(store, 'careTeam', serviceUserId)).find((t) => t.status === 'active' && !t.enteredInError);
  if (team) return { kind: 'care-team', id: team.id };
  if (teamLeadId) return { kind: 'team-lead', id: teamLeadId };
  return undefined;
}

const allFor = <T extends 'signCheck' | 'warningSignPlan'>(store: Store, type: T, serviceUserId: string, o: ListAllOptions = {}) => listAll(store, type, serviceUserId, o);

const checksForPlan = async (store: Store, plan: Pick<WarningSignPlan, 'id' | 'serviceUserId'>, o: ListAllOptions = {}) =>
  (await allFor(store, 'signCheck', plan.serviceUserId, o)).filter((c) => c.planId === plan.id).reverse();
const checksForPerson = async (store: Store, serviceUserId: string, o: ListAllOptions = {}) => (await allFor(store, 'signCheck', serviceUserId, o)).reverse();

/**
 * The agreed baseline as it must be stored with these signs (docs/adr/0005-alert-baseline.md): worked out again from
 * its checks when they are here, else kept with the signs it covers, so the rise rule compares like with like.
 */
async function baselineFor(store: Store, plan: WarningSignPlan, signsBefore: WarningSignPlan['signs']): Promise<WarningSignPlan> {
  const b = plan.agreedBaseline;
  if (!b) return plan;
  const again = b.fromCheckIds.length ? agreedBaselineFrom(plan.signs, await checksForPlan(store, plan), b.fromCheckIds) : undefined;
  if (again && again.fromCheckIds.length === b.fromCheckIds.length) return { ...plan, agreedBaseline: again };
  // No checks to work it out from: it keeps the signs it was set on (a sign added now is not in it).
  return { ...plan, agreedBaseline: { ...b, signIds: b.signIds ?? signsBefore.map((s) => s.id) } };
}

function warningSignPlansApi(core: ClientCore): WarningSignPlansApi {
  const { store, actor, guard, requireAction, requireString, mustGet, createRecord, putUpdated } = core;
  return {
    ...readVerbs(core, 'warningSignPlan', 'warning-sign plans', 'a warning-sign plan'),
    markEnteredInError: markEnteredInErrorVerb(core, 'warningSignPlan', 'warning-sign-plan.edit'),
    current: (serviceUserId, options) =>
      guard('Reading the warning-sign plan', () =>
        readReporting(options, async (o) => (await allFor(store, 'warningSignPlan', requireString(serviceUserId, 'serviceUserId'), o)).find((p) => !p.enteredInError))),
    create: (input) =>
      guard('Creating a warning-sign plan', async () => {
        requireAction('warning-sign-plan.edit', 'create warning-sign plans');
        const fields = parseOrThrow(WarningSignPlanInputSchema, input, 'The plan');
        await mustGet('serviceUser', fields.serviceUserId);
        const b = fields.agreedBaseline;
        return createRecord('warningSignPlan', {
          coordinatorId: actor.id, contacts: [], rule: DEFAULT_ALERT_RULE, ...fields,
          ...(b && { agreedBaseline: { ...b, signIds: b.signIds ?? fields.signs.map((s) => s.id) } }),
        });
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a warning-sign plan', async () => {
        requireAction('warning-sign-plan.edit', 'edit warning-sign plans');
        const fields = parseOrThrow(WarningSignPlanUpdateSchema, changes, 'The change');
        const before = await mustGet('warningSignPlan', id);
        const changed = applyChanges(before, fields);
        // Signs changed, or a baseline given: the baseline is worked out on the signs the plan now has. A baseline
        // given with this change was agreed on these signs; one already there, on the signs before it.
        const signsOfBaseline = fields.agreedBaseline ? changed.signs : before.signs;
        return putUpdated('warningSignPlan', fields.signs !== undefined || fields.agreedBaseline ? await baselineFor(store, changed, signsOfBaseline) : changed, expectedVersion);
      }),
  };
}

/** When a check may be dated: not in the future, and not before the plan version it is rated against. */
function checkTime(core: ClientCore, plan: WarningSignPlan, asked: string | undefined): string {
  const at = asked ?? core.nowIso();
  if (Date.parse(at) > core.now().getTime()) {
    throw new StrError('validation', 'The check is in the future', false, { issues: [{ path: 'at', code: 'future', message: 'The check cannot be in the future' }] });
  }
  // A check is rated against the plan as it is now, so it cannot be dated before that plan version was saved
  // (a backdated check would rewrite the trend and the "in a row" rule). The tolerance covers clocks that differ
  // between the co-ordinator's device and the worker's.
  if (Date.parse(at) < Date.parse(plan.updatedAt) - CHECK_BEFORE_PLAN_TOLERANCE_MS) {
    throw new StrError('validation', `The check is dated before plan ${plan.id} version ${plan.version}`, false, {
      issues: [{ path: 'at', code: 'before-plan', message: 'The check cannot be dated before the warning-sign plan it uses was saved' }],
    });
  }
  return at;
}

function recordSignCheck(core: ClientCore, input: SignCheckInput): Promise<SignCheck> {
  const { actor, guard, requireAction, mustGet, createRecord } = core;
  return guard('Recording a sign check', async () => {
    requireAction('sign-check.record', 'record sign checks');
    const fields = parseOrThrow(SignCheckInputSchema, input, 'The check');
    if (Object.keys(fields.ratings).length === 0) {
      // A check with no ratings at all would count as a total of 0 and drag the baseline down.
      throw new StrError('validation', 'The check rates no sign', false, {
        issues: [{ path: 'ratings', code: 'no-ratings', message: 'Rate each sign, or choose “Not asked”' }],
      });
    }
    const plan = await mustGet('warningSignPlan', fields.planId);
    const known = new Set(plan.signs.map((s) => s.id));
    const stray = Object.keys(fields.ratings).filter((k) => !known.has(k));
    if (stray.length) {
      throw new StrError('validation', `The check rates ${stray.length} sign(s) not on plan ${plan.id}`, false, {
        issues: [{ path: 'ratings', code: 'unknown-sign', message: 'The plan changed while the check was open: reload it and rate its signs' }],
      });
    }
    const at = checkTime(core, plan, fields.at);
    return createRecord('signCheck', {
      functioning: {}, observations: '', personsView: '', markedWell: false, ...fields,
      at, serviceUserId: plan.serviceUserId, planVersion: plan.version, workerId: actor.id,
    });
  });
}

function signChecksApi(core: ClientCore): SignChecksApi {
  const { store, actor, guard, requireString, mustGet } = core;
  return {
    ...readVerbs(core, 'signCheck', 'sign checks', 'a sign check'),
    // A check's worker, or a co-ordinator or team lead, as for contacts.
    markEnteredInError: markEnteredInErrorVerb(core, 'signCheck', 'sign-check.record', (check) => {
      if (!canCorrect(actor, check)) throw new StrError('forbidden', `${actor.role} may mark only their own sign checks`);
    }),
    forPlan: (plan, options) => guard('Listing sign checks', () => readReporting(options, (o) => checksForPlan(store, plan, o))),
    forPerson: (serviceUserId, options) => guard('Listing sign checks', () => readReporting(options, (o) => checksForPerson(store, requireString(serviceUserId, 'serviceUserId'), o))),
    create: (input) => recordSignCheck(core, input),
    evaluate: (checkId) =>
      guard('Evaluating a sign check', async () => {
        const check = await mustGet('signCheck', checkId);
        const plan = await mustGet('warningSignPlan', check.planId);
        return evaluateRule(plan, check, await checksForPerson(store, plan.serviceUserId));
      }),
  };
}

function raiseAlert(core: ClientCore, teamLeadId: string | undefined, input: AlertInput): Promise<Alert> {
  const { store, actor, guard, requireAction, mustGet, createRecord, nowIso } = core;
  return guard('Raising an alert', async () => {
    requireAction('alert.raise', 'raise alerts');
    const fields = parseOrThrow(AlertInputSchema, input, 'The alert');
    const check = await mustGet('signCheck', fields.checkId);
    // The reason is the rule's, from the stored check and its plan, never the caller's words (issue 14): an alert
    // says exactly why the agreed rule fired, and a check that does not meet the rule raises none.
    const plan = await mustGet('warningSignPlan', check.planId);
    // The same evaluation as signChecks.evaluate: the person's checks on every plan (a sign's run goes on).
    const result = evaluateRule(plan, check, await checksForPerson(store, plan.serviceUserId));
    if (!result.fires) {
      throw new StrError('validation', `sign check ${check.id} does not meet the alert rule`, false, {
        issues: [{ path: 'checkId', code: 'rule-not-met', message: 'This check does not meet the agreed alert rule, so no alert is raised from it' }],
      });
    }
    const reason = reasonOf(result);
    if (fields.reason !== undefined && fields.reason !== reason) {
      throw new StrError('validation', `The reason given for an alert on check ${check.id} is not the rule's`, false, {
        issues: [{ path: 'reason', code: 'not-the-rule', message: 'Leave the reason out: it is worked out from the check by the alert rule' }],
      });
    }
    const owner = await ownerFor(store, teamLeadId, check.serviceUserId);
    return createRecord('alert', { note: '', ...fields, reason, serviceUserId: check.serviceUserId, raisedBy: actor.id, raisedAt: nowIso(), status: 'open', ...(owner && { owner }) });
  });
}

function alertsApi(core: ClientCore, teamLeadId: string | undefined): AlertsApi {
  const { actor, guard, requireAction, mustGet, putUpdated, nowIso } = core;
  return {
    ...readVerbs(core, 'alert', 'alerts', 'an alert'),
    create: (input) => raiseAlert(core, teamLeadId, input),
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
}

/** The relapse-sign namespaces of the client; `routing` names who receives an alert when the person has nobody. */
export function relapseApis(core: ClientCore, routing: AlertRouting = {}) {
  const teamLeadId = routing.teamLeadId === undefined ? undefined : parseOrThrow(externalId, routing.teamLeadId, 'The team lead (teamLeadId)');
  return { warningSignPlans: warningSignPlansApi(core), signChecks: signChecksApi(core), alerts: alertsApi(core, teamLeadId) };
}
