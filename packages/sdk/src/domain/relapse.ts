// The relapse alert rule (issue 7; DESIGN.md "Definitions"). Pure: checks and plan in, reasons in words out.
import { londonDate } from './time.js';
import { NOT_ASKED, RATINGS, type AlertRule, type SignCheck, type SignRating, type WarningSignPlan } from '../schemas/relapse.js';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const ratingLabel = (r: SignRating | undefined): string =>
  r === undefined || r === NOT_ASKED ? 'not asked' : (RATINGS.find((x) => x.code === r)?.label.toLowerCase() ?? String(r));

type CheckLike = Pick<SignCheck, 'id' | 'at' | 'ratings' | 'planId' | 'enteredInError'>;
type PlanLike = Pick<WarningSignPlan, 'id' | 'signs' | 'rule' | 'agreedBaseline' | 'agreedOn'>;

/**
 * The total of a check's ratings over the signs of the plan as it is now. Signs "not asked", and signs the plan no
 * longer has, add nothing; so totals stay comparable when a plan changes between checks.
 */
export function checkTotal(plan: Pick<WarningSignPlan, 'signs'>, check: Pick<SignCheck, 'ratings'>): number {
  let total = 0;
  for (const s of plan.signs) {
    const r = check.ratings[s.id];
    if (typeof r === 'number') total += r;
  }
  return total;
}

/** Checks of this plan in time order (oldest first), entered-in-error ones left out. */
export function checksInOrder<C extends CheckLike>(plan: Pick<WarningSignPlan, 'id'>, checks: readonly C[]): C[] {
  return checks
    .filter((c) => c.planId === plan.id && !c.enteredInError)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type Baseline =
  | { readonly source: 'agreed'; readonly value: number; readonly checkIds: readonly string[] }
  | { readonly source: 'first-checks'; readonly value: number; readonly checkIds: readonly string[] }
  | { readonly source: 'none'; readonly checksSoFar: number; readonly needed: number };

/**
 * The baseline: the agreed one on the plan, else the median of the first three checks on or after the day the plan
 * was agreed. Fixed once set, never rolling: a rolling baseline absorbs a slow deterioration.
 */
export function baselineOf(plan: PlanLike, checks: readonly CheckLike[]): Baseline {
  if (plan.agreedBaseline) return { source: 'agreed', value: plan.agreedBaseline.total, checkIds: plan.agreedBaseline.fromCheckIds };
  const agreed = plan.agreedOn;
  const after = checksInOrder(plan, checks).filter((c) => !agreed || londonDate(Date.parse(c.at)) >= agreed);
  const first = after.slice(0, 3);
  if (first.length < 3) return { source: 'none', checksSoFar: first.length, needed: 3 };
  return { source: 'first-checks', value: median(first.map((c) => checkTotal(plan, c))), checkIds: first.map((c) => c.id) };
}

export interface RuleReason {
  readonly code: 'late-sign' | 'rise' | 'repeat';
  /** The reason in words, for the worker, the alert and the co-ordinator. */
  readonly text: string;
  /** The signs behind it (their agreed responses are what to do). */
  readonly signIds: readonly string[];
}

export interface RuleResult {
  readonly fires: boolean;
  readonly reasons: readonly RuleReason[];
  readonly total: number;
  readonly baseline: Baseline;
  /** Why the rise condition could not be judged, in words, when it could not. */
  readonly note?: string;
}

const quote = (s: string) => `“${s.trim()}”`;

/**
 * Whether `check` meets the plan's alert rule, given the person's other checks on this plan. Conditions (thresholds
 * from `plan.rule`): any late-stage sign rated at least `lateSignAtLeast`; the total at least `risePercent` % and
 * `risePoints` points above the baseline; any sign rated at least `repeatRating` on `repeatChecks` checks in a row.
 * Raising any rating of `check` never turns a firing rule off.
 */
export function evaluateRule(plan: PlanLike, check: CheckLike, otherChecks: readonly CheckLike[]): RuleResult {
  const rule: AlertRule = plan.rule;
  const reasons: RuleReason[] = [];
  const rated = (c: Pick<SignCheck, 'ratings'>, id: string) => {
    const r = c.ratings[id];
    return typeof r === 'number' ? r : undefined;
  };

  const late = plan.signs.filter((s) => s.stage === 'late' && (rated(check, s.id) ?? -1) >= rule.lateSignAtLeast);
  for (const s of late) {
    reasons.push({ code: 'late-sign', text: `Late sign ${quote(s.text)} rated ${ratingLabel(check.ratings[s.id])} (${rated(check, s.id)} of 3)`, signIds: [s.id] });
  }

  const total = checkTotal(plan, check);
  // A check that is itself one of the first three sets the baseline and is not judged against it, so raising its
  // ratings can never lift the baseline over the total.
  const others = otherChecks.filter((c) => c.id !== check.id);
  const baseline = baselineOf(plan, [...others, check]);
  let note: string | undefined;
  if (baseline.source === 'none') {
    note = `No baseline yet: ${baseline.checksSoFar} of ${baseline.needed} checks after the plan was agreed, or an agreed baseline`;
  } else if (baseline.source === 'first-checks' && baseline.checkIds.includes(check.id)) {
    note = 'This check is one of the three that set the baseline';
  } else {
    const rise = total - baseline.value;
    const percent = baseline.value === 0 ? (total > 0 ? Infinity : 0) : (rise / baseline.value) * 100;
    if (rise >= rule.risePoints && percent >= rule.risePercent) {
      const what = baseline.source === 'agreed' ? 'the agreed baseline' : 'the baseline (median of the first three checks)';
      const pct = Number.isFinite(percent) ? ` (${Math.round(percent)}%)` : '';
      reasons.push({ code: 'rise', text: `Total ${total} is ${rise} points${pct} above ${what} of ${baseline.value}`, signIds: [] });
    }
  }

  // In a row: this check and the ones just before it in time, all on this plan.
  const ordered = checksInOrder(plan, [...others, check]);
  const at = ordered.findIndex((c) => c.id === check.id);
  const run = at + 1 >= rule.repeatChecks ? ordered.slice(at + 1 - rule.repeatChecks, at + 1) : [];
  if (run.length === rule.repeatChecks) {
    const repeated = plan.signs.filter((s) => run.every((c) => (rated(c, s.id) ?? -1) >= rule.repeatRating));
    for (const s of repeated) {
      reasons.push({ code: 'repeat', text: `${quote(s.text)} rated ${rule.repeatRating === 3 ? 'a lot' : `${rule.repeatRating} or more`} on ${rule.repeatChecks} checks in a row`, signIds: [s.id] });
    }
  }
  return { fires: reasons.length > 0, reasons, total, baseline, ...(note !== undefined && { note }) };
}

/** The agreed responses that go with a result: the signs it names, in plan order. */
export function responsesFor(plan: Pick<WarningSignPlan, 'signs'>, result: Pick<RuleResult, 'reasons'>): { sign: string; response: string }[] {
  const ids = new Set(result.reasons.flatMap((r) => r.signIds));
  return plan.signs.filter((s) => ids.has(s.id)).map((s) => ({ sign: s.text, response: s.response }));
}
