// Synthetic relapse signatures and checks for tests, stories and benchmarks. The signs are invented, in the style of
// a person's own words; no licensed instrument (Early Signs Scale, ReQoL, WEMWBS, Recovery Star) is used.
import { DEFAULT_ALERT_RULE, type Alert, type SignCheck, type SignRating, type WarningSign, type WarningSignPlan } from '@strkit/sdk';
import { FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER } from '../care-plan/care-plan.fixtures.js';

export { FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER };
export const FIXTURE_SIGN_PLAN_ID = '60000000-0000-4000-8000-000000000001';

const id = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const env = (rid: string, at = '2026-03-02T10:00:00Z', by = FIXTURE_COORDINATOR) => ({ id: rid, version: '1', schemaVersion: 1, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });

const TYPICAL: [string, WarningSign['stage'], string][] = [
  ['I stop answering my phone', 'early', 'Send a text to say hello; visit if no reply in two days'],
  ['Staying up most of the night', 'early', 'Talk about sleep; go back to the bedtime plan'],
  ['Skipping meals', 'early', 'Eat together on the visit; check the cupboards'],
  ['Not wanting to go to the allotment', 'early', 'Suggest a short visit together'],
  ['Music sounds too loud', 'middle', 'Turn things down; try the headphones and quiet room plan'],
  ['I get snappy with my sister', 'middle', 'Ask how things are with family; offer a break'],
  ['Feeling that people on the bus are looking at me', 'middle', 'Talk it through; tell the care co-ordinator this week'],
  ['Pacing the flat', 'middle', 'Go for a walk together; use the breathing card'],
  ['Not taking my tablets', 'middle', 'Ask gently; tell the care co-ordinator the same day'],
  ['Hearing people talk about me through the wall', 'late', 'Tell the care co-ordinator today; offer the crisis line number'],
  ['Thinking the TV is sending me messages', 'late', 'Tell the care co-ordinator today; stay with me if I want'],
  ['Wanting to hide and not come out', 'late', 'Contact the crisis team with me; my sister Jo is my nominated contact'],
];

export function signPlan(overrides: Partial<WarningSignPlan> = {}, signs: readonly [string, WarningSign['stage'], string][] = TYPICAL): WarningSignPlan {
  return {
    ...env(FIXTURE_SIGN_PLAN_ID),
    serviceUserId: FIXTURE_PERSON_ID,
    coordinatorId: FIXTURE_COORDINATOR,
    signs: signs.map(([text, stage, response], i) => ({ id: id(61000000, i + 1), text, stage, response })),
    contacts: [
      { who: 'Bea, my care co-ordinator', how: 'Ring the team office, 9 to 5 on weekdays' },
      { who: 'Jo, my sister', how: 'Text her first; she will ring back' },
    ],
    rule: DEFAULT_ALERT_RULE,
    agreedOn: '2026-03-02',
    reviewOn: '2026-09-02',
    ...overrides,
  };
}

/** A plan with `count` signs spread over the three stages. */
export function largeSignPlan(count = 200): WarningSignPlan {
  const stages: WarningSign['stage'][] = ['early', 'middle', 'late'];
  return signPlan({}, Array.from({ length: count }, (_, i) => [`Sign ${i + 1}: something the person notices`, stages[Math.floor((i * 3) / count)]!, `Agreed response ${i + 1}`]));
}

/** A check on `at`, rating the plan's signs with `rate(index)`. */
export function fixtureCheck(plan: WarningSignPlan, n: number, at: string, rate: (i: number) => SignRating, overrides: Partial<SignCheck> = {}): SignCheck {
  return {
    ...env(id(62000000, n), at, FIXTURE_WORKER),
    serviceUserId: plan.serviceUserId,
    planId: plan.id,
    planVersion: plan.version,
    at,
    workerId: FIXTURE_WORKER,
    ratings: Object.fromEntries(plan.signs.map((s, i) => [s.id, rate(i)])),
    functioning: { sleep: { level: 'usual' } },
    observations: '',
    personsView: '',
    markedWell: false,
    ...overrides,
  };
}

/** Weekly checks from 2 March 2026: settled, then a slow rise over the last weeks. */
export function weeklyChecks(plan: WarningSignPlan, weeks = 52): SignCheck[] {
  return Array.from({ length: weeks }, (_, w) => {
    const at = new Date(Date.parse('2026-03-02T10:00:00Z') + w * 7 * 86_400_000).toISOString();
    const level = w < weeks - 6 ? (w % 4 === 0 ? 1 : 0) : 1 + Math.floor((w - (weeks - 6)) / 2);
    return fixtureCheck(plan, w + 1, at, (i) => (i < 4 ? (Math.min(3, level + (i % 2)) as SignRating) : i < 8 ? (Math.min(3, Math.max(0, level - 1)) as SignRating) : 0));
  });
}

/** Three settled checks after the plan was agreed (they set the baseline), the latest on 1 June 2026. */
export function settledChecks(plan: WarningSignPlan): SignCheck[] {
  return ['2026-05-18T10:00:00Z', '2026-05-25T10:00:00Z', '2026-06-01T10:00:00Z'].map((at, k) => fixtureCheck(plan, 100 + k, at, (i) => (i < 2 ? 1 : 0)));
}

/** An open alert about `check`, raised by the fixture worker `hoursAgo` hours before FIXTURE_NOW. */
export function fixtureAlert(check: SignCheck, n: number, hoursAgo: number, overrides: Partial<Alert> = {}): Alert {
  const at = new Date(FIXTURE_NOW.getTime() - hoursAgo * 3_600_000).toISOString();
  return {
    ...env(id(70000000, n), at, FIXTURE_WORKER),
    serviceUserId: check.serviceUserId, checkId: check.id, reason: 'Late sign “Hearing people talk about me through the wall” rated quite a lot (2 of 3)',
    note: '', raisedBy: FIXTURE_WORKER, raisedAt: at, status: 'open',
    ...overrides,
  };
}
