// The relapse alert rule (issue 7; DESIGN.md "Definitions"). Pure: checks and plan in, reasons in words out.
import { londonDate } from './time.js';
import { NOT_ASKED, RATINGS, type AlertRule, type SignCheck, type SignRating, type WarningSign, type WarningSignPlan } from '../schemas/relapse.js';

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
  | { readonly source: 'agreed'; readonly value: number; readonly checkIds: readonly string[]; readonly signIds: readonly string[] }
  | { readonly source: 'first-checks'; readonly value: number; readonly checkIds: readonly string[]; readonly signIds: readonly string[] }
  | {
      readonly source: 'none';
      readonly checksSoFar: number;
      readonly needed: number;
      /** Why, in English; `whyCode` (with `checksSoFar` and `needed`) lets a widget say it in the reader's language. */
      readonly why: string;
      readonly whyCode: BaselineWhyCode;
    };

/**
 * Why there is no baseline: the agreed one covers signs the plan no longer has (and its checks are gone); the plan
 * replaced an earlier one and has too few checks of its own; or too few checks since the plan was agreed.
 */
export type BaselineWhyCode = 'agreed-signs-gone' | 'replaced-too-few' | 'too-few';

/** Values a rule sentence's words are built from: counts, ratings and codes, never a sign's words (see `signIds`). */
export type RuleParams = Readonly<Record<string, string | number>>;

/** Whether a check rated anything at all: one where every sign is "not asked" is kept but says nothing of a trend. */
export const hasRatings = (check: Pick<SignCheck, 'ratings'>): boolean => Object.values(check.ratings).some((r) => typeof r === 'number');

/** The total of a check over the given signs only ("not asked" adds nothing). */
const totalOver = (signIds: readonly string[], check: Pick<SignCheck, 'ratings'>): number =>
  signIds.reduce((t, id) => {
    const r = check.ratings[id];
    return typeof r === 'number' ? t + r : t;
  }, 0);

/**
 * The agreed baseline a co-ordinator's picked checks give on a plan's signs: the median of their totals over those
 * signs, with the signs it covers. The SDK and the plan editor both use this (docs/adr/0005-alert-baseline.md).
 */
export function agreedBaselineFrom(
  signs: readonly Pick<WarningSign, 'id'>[],
  checks: readonly Pick<SignCheck, 'id' | 'ratings'>[],
  checkIds: readonly string[],
): { total: number; fromCheckIds: string[]; signIds: string[] } | undefined {
  const picked = checks.filter((c) => checkIds.includes(c.id));
  if (!picked.length) return undefined;
  // Signs the picked checks said something about (a rating or "not asked"): a sign added later has no baseline.
  const signIds = signs.map((s) => s.id).filter((id) => picked.some((c) => id in c.ratings));
  return { total: median(picked.map((c) => totalOver(signIds, c))), fromCheckIds: picked.map((c) => c.id), signIds };
}

/**
 * The baseline: the agreed one on the plan, else the median of the first three checks (with ratings) on or after the
 * day the plan was agreed. Fixed once set, never rolling: a rolling baseline absorbs a slow deterioration. It covers
 * only the signs it was made from that the plan still has; the rise rule compares totals over those signs alone, so
 * a sign added later can never make a false rise, and a removed one no longer weighs on either side.
 */
export function baselineOf(plan: PlanLike, checks: readonly CheckLike[]): Baseline {
  const ordered = checksInOrder(plan, checks);
  const onPlan = new Set(plan.signs.map((s) => s.id));
  const agreed = plan.agreedBaseline;
  if (agreed) {
    // Recomputed from its checks on the signs the plan has now, when those checks are here (signs changed since).
    const fromChecks = agreed.fromCheckIds.length ? agreedBaselineFrom(plan.signs, ordered, agreed.fromCheckIds) : undefined;
    if (fromChecks && fromChecks.fromCheckIds.length === agreed.fromCheckIds.length) {
      return { source: 'agreed', value: fromChecks.total, checkIds: fromChecks.fromCheckIds, signIds: fromChecks.signIds };
    }
    const covered = agreed.signIds ?? plan.signs.map((s) => s.id);
    if (covered.every((id) => onPlan.has(id))) return { source: 'agreed', value: agreed.total, checkIds: agreed.fromCheckIds, signIds: covered };
    return {
      source: 'none', checksSoFar: 0, needed: 0, whyCode: 'agreed-signs-gone',
      why: 'The agreed baseline was set on signs the plan no longer has, and its checks are not here to work it out again: the rise rule waits for the care co-ordinator to agree a new baseline',
    };
  }
  const after = ordered.filter((c) => hasRatings(c) && (!plan.agreedOn || londonDate(Date.parse(c.at)) >= plan.agreedOn));
  const first = after.slice(0, 3);
  const replaced = checks.some((c) => c.planId !== plan.id && !c.enteredInError);
  if (first.length < 3) {
    const lead = replaced ? 'This plan replaced an earlier one, so the rise rule waits for a new baseline' : 'No baseline yet';
    return {
      source: 'none', checksSoFar: first.length, needed: 3, whyCode: replaced ? 'replaced-too-few' : 'too-few',
      why: `${lead}: ${first.length} of 3 checks after the plan was agreed, or an agreed baseline`,
    };
  }
  const signIds = plan.signs.map((s) => s.id).filter((id) => first.some((c) => id in c.ratings));
  return { source: 'first-checks', value: median(first.map((c) => totalOver(signIds, c))), checkIds: first.map((c) => c.id), signIds };
}

export interface RuleReason {
  readonly code: 'late-sign' | 'rise' | 'repeat';
  /** The reason in words (English), for the worker, the alert and the co-ordinator. */
  readonly text: string;
  /**
   * What `text` is made of, so a widget can say it in the reader's language (issue 20): `late-sign` {rating, of},
   * `rise` {total, rise, percent (absent from a baseline of 0), baseline, baselineSource, covered, signs},
   * `repeat` {rating, checks}. The signs are `signIds` (their words are on the plan).
   */
  readonly params: RuleParams;
  /** The signs behind it (their agreed responses are what to do). */
  readonly signIds: readonly string[];
}

export interface RuleResult {
  readonly fires: boolean;
  readonly reasons: readonly RuleReason[];
  readonly total: number;
  readonly baseline: Baseline;
  /** Why the rise condition could not be judged, or what it left out, in words, when it could not judge all of it. */
  readonly note?: string;
  /**
   * `note` as a code, for a widget to say in the reader's language: `no-baseline` {whyCode, checksSoFar, needed},
   * `all-not-asked`, `sets-baseline`, `no-baseline-signs`, or `signs-not-in-baseline` {inBaseline, added} with the
   * signs left out in `noteSignIds`.
   */
  readonly noteCode?: RuleNoteCode;
  readonly noteParams?: RuleParams;
  readonly noteSignIds?: readonly string[];
}

export type RuleNoteCode = 'no-baseline' | 'all-not-asked' | 'sets-baseline' | 'no-baseline-signs' | 'signs-not-in-baseline';

/** What the rise rule could not judge, in English and as a code. */
interface RuleNote {
  readonly note: string;
  readonly noteCode: RuleNoteCode;
  readonly noteParams?: RuleParams;
  readonly noteSignIds?: readonly string[];
}

const quote = (s: string) => `“${s.trim()}”`;

const rated = (c: Pick<SignCheck, 'ratings'>, id: string) => {
  const r = c.ratings[id];
  return typeof r === 'number' ? r : undefined;
};

/** Late-stage signs rated at least the rule's `lateSignAtLeast`. */
function lateSignReasons(plan: PlanLike, check: CheckLike, rule: AlertRule): RuleReason[] {
  return plan.signs
    .filter((s) => s.stage === 'late' && (rated(check, s.id) ?? -1) >= rule.lateSignAtLeast)
    .map((s) => ({
      code: 'late-sign', text: `Late sign ${quote(s.text)} rated ${ratingLabel(check.ratings[s.id])} (${rated(check, s.id)} of 3)`,
      params: { rating: rated(check, s.id)!, of: 3 }, signIds: [s.id],
    }));
}

/** The rise condition: a reason when the total over the baseline's signs rose enough, and a note when it cannot judge all. */
function riseOutcome(plan: PlanLike, check: CheckLike, baseline: Baseline, rule: AlertRule): { reason?: RuleReason } & Partial<RuleNote> {
  if (baseline.source === 'none') {
    return { note: baseline.why, noteCode: 'no-baseline', noteParams: { whyCode: baseline.whyCode, checksSoFar: baseline.checksSoFar, needed: baseline.needed } };
  }
  if (!hasRatings(check)) return { note: 'Every sign was “not asked” at this check, so the rise rule has nothing to compare', noteCode: 'all-not-asked' };
  if (baseline.source === 'first-checks' && baseline.checkIds.includes(check.id)) return { note: 'This check is one of the three that set the baseline', noteCode: 'sets-baseline' };
  if (baseline.signIds.length === 0) return { note: 'None of the plan’s signs were in the baseline, so the rise rule waits for a new baseline', noteCode: 'no-baseline-signs' };
  const out: { reason?: RuleReason } & { -readonly [K in keyof RuleNote]?: RuleNote[K] } = {};
  const compared = totalOver(baseline.signIds, check);
  const rise = compared - baseline.value;
  const percent = baseline.value === 0 ? (compared > 0 ? Infinity : 0) : (rise / baseline.value) * 100;
  if (rise >= rule.risePoints && percent >= rule.risePercent) {
    const what = baseline.source === 'agreed' ? 'the agreed baseline' : 'the baseline (median of the first three checks)';
    const pct = Number.isFinite(percent) ? ` (${Math.round(percent)}%)` : '';
    const over = baseline.signIds.length < plan.signs.length ? ` on the ${baseline.signIds.length} signs it covers` : '';
    out.reason = {
      code: 'rise', text: `Total ${compared} is ${rise} points${pct} above ${what} of ${baseline.value}${over}`, signIds: [],
      params: {
        total: compared, rise, ...(Number.isFinite(percent) && { percent: Math.round(percent) }), baseline: baseline.value,
        baselineSource: baseline.source, covered: baseline.signIds.length, signs: plan.signs.length,
      },
    };
  }
  const added = plan.signs.filter((s) => !baseline.signIds.includes(s.id));
  if (added.length) {
    out.noteCode = 'signs-not-in-baseline';
    out.noteParams = { inBaseline: baseline.signIds.length, added: added.length };
    out.noteSignIds = added.map((s) => s.id);
    out.note = `The rise rule compares the ${baseline.signIds.length} signs in the baseline; ${added.length === 1 ? 'one sign is' : `${added.length} signs are`} not in it (${added.map((s) => quote(s.text)).join(', ')}) and count${added.length === 1 ? 's' : ''} for the late-sign and repeat rules only`;
  }
  return out;
}

/**
 * Signs rated at least `repeatRating` on `repeatChecks` checks in a row: this check and the person's checks just
 * before it in time, on this plan or one it replaced; a sign is followed by its id, so a plan change or replacement
 * never restarts its run.
 */
function repeatReasons(plan: PlanLike, check: CheckLike, others: readonly CheckLike[], rule: AlertRule): RuleReason[] {
  const ordered = [...others, check]
    .filter((c) => !c.enteredInError)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = ordered.findIndex((c) => c.id === check.id);
  const run = at + 1 >= rule.repeatChecks ? ordered.slice(at + 1 - rule.repeatChecks, at + 1) : [];
  if (run.length !== rule.repeatChecks) return [];
  return plan.signs
    .filter((s) => run.every((c) => (rated(c, s.id) ?? -1) >= rule.repeatRating))
    .map((s) => ({
      code: 'repeat', text: `${quote(s.text)} rated ${rule.repeatRating === 3 ? 'a lot' : `${rule.repeatRating} or more`} on ${rule.repeatChecks} checks in a row`,
      params: { rating: rule.repeatRating, checks: rule.repeatChecks }, signIds: [s.id],
    }));
}

/**
 * Whether `check` meets the plan's alert rule, given the person's other checks (of this plan and of any plan it
 * replaced). Conditions (thresholds from `plan.rule`): any late-stage sign rated at least `lateSignAtLeast`; the total
 * at least `risePercent` % and `risePoints` points above the baseline, over the signs the baseline covers; any sign
 * rated at least `repeatRating` on `repeatChecks` of the person's checks in a row (a sign keeps its id when a plan is
 * changed or replaced, so its run goes on). When the rise rule cannot compare, `note` says why in words; the late-sign
 * and repeat rules run regardless. Raising any rating of `check` never turns a firing rule off.
 */
export function evaluateRule(plan: PlanLike, check: CheckLike, otherChecks: readonly CheckLike[]): RuleResult {
  const rule: AlertRule = plan.rule;
  const total = checkTotal(plan, check);
  // A check that is itself one of the first three sets the baseline and is not judged against it, so raising its
  // ratings can never lift the baseline over the total.
  const others = otherChecks.filter((c) => c.id !== check.id);
  const baseline = baselineOf(plan, [...others, check]);
  const { reason: rise, ...note } = riseOutcome(plan, check, baseline, rule);
  const reasons = [...lateSignReasons(plan, check, rule), ...(rise ? [rise] : []), ...repeatReasons(plan, check, others, rule)];
  return { fires: reasons.length > 0, reasons, total, baseline, ...note };
}

/** The agreed responses that go with a result: the signs it names, in plan order. */
export function responsesFor(plan: Pick<WarningSignPlan, 'signs'>, result: Pick<RuleResult, 'reasons'>): { sign: string; response: string }[] {
  const ids = new Set(result.reasons.flatMap((r) => r.signIds));
  return plan.signs.filter((s) => ids.has(s.id)).map((s) => ({ sign: s.text, response: s.response }));
}
