// Inputs for the equivalence test of the zod-free input check (input-check.test.ts): one valid input per kind, and an
// arbitrary that breaks it in every way a host or a form could (a field dropped, replaced, repeated past its limit,
// an unknown key added), with the Big List of Naughty Strings among the replacements. Synthetic values only.
import fc from 'fast-check';
import type { InputKind, PathwayInputKind, StaffInputKind } from './inputs.js';

const ID = '0d6e3a1e-8c1b-4c3a-9d3e-1a2b3c4d5e6f';
const ID2 = '7b1f9c2d-3e4a-4b5c-8d6e-9f0a1b2c3d4e';

export const VALID: Readonly<Record<InputKind | StaffInputKind | PathwayInputKind, Record<string, unknown>>> = {
  contact: {
    serviceUserId: ID, workerId: 'w1', start: '2026-06-03T10:30:00+01:00', durationMinutes: 45, mechanism: '01', locationType: 'L01',
    attendance: '5', planned: true, othersPresent: [{ kind: 'carer' }, { kind: 'other-professional', role: 'Housing officer' }],
    interpreterLanguage: 'Polish', taskIds: [ID2], note: 'Walked to the park.', id: ID2,
  },
  contactUpdate: { workerId: 'w2', start: '2026-01-10T09:00:00+00:00', durationMinutes: 30, interpreterLanguage: null, note: '' },
  carePlan: { id: ID, serviceUserId: ID2, coordinatorId: 'c1', agreedWith: [{ kind: 'service-user' }, { kind: 'carer', name: 'Sam Example' }], agreedOn: '2026-05-01', nextReviewOn: '2026-11-01', status: 'active', contactFrequency: { every: 'weekly', from: '2026-05-01', agreedBy: 'c1' } },
  carePlanUpdate: { coordinatorId: 'c2', agreedWith: [], agreedOn: null, nextReviewOn: '2027-02-28', status: 'on-hold', contactFrequency: { every: 'fortnightly', from: '2026-06-01' } },
  goal: { id: ID, carePlanId: ID2, text: 'Get back to the allotment', lifeArea: 'leisure', targetDate: '2026-09-01', status: 'active' },
  goalUpdate: { text: 'Cook twice a week', lifeArea: 'daily-living', targetDate: null, status: 'completed' },
  task: { id: ID, carePlanId: ID2, goalId: ID, text: 'Ring the allotment society', owner: { kind: 'worker', workerId: 'w1' }, dueDate: '2026-07-01', repeat: 'weekly' },
  taskUpdate: { goalId: ID2, text: 'Visit the plot', owner: { kind: 'other-service', name: 'Housing team' }, dueDate: null, repeat: null },
  progressNote: { id: ID, about: { kind: 'task', id: ID2 }, text: 'Went twice this week.' },
  warningSignPlan: {
    id: ID, serviceUserId: ID2, coordinatorId: 'c1',
    signs: [{ id: ID, text: 'Sleeping less', stage: 'early', response: 'Ring the team' }, { id: ID2, text: 'Hearing voices', stage: 'late', response: 'Crisis line' }],
    contacts: [{ who: 'Crisis team', how: 'Phone 0000 000 000' }],
    rule: { lateSignAtLeast: 2, risePercent: 50, risePoints: 3, repeatRating: 3, repeatChecks: 2 },
    agreedBaseline: { total: 2, fromCheckIds: [ID], signIds: [ID, ID2] }, agreedOn: '2026-04-01', reviewOn: '2026-10-01',
  },
  warningSignPlanUpdate: { coordinatorId: 'c2', signs: [{ id: ID, text: 'Not eating', stage: 'middle', response: 'Visit' }], agreedBaseline: null, agreedOn: null, reviewOn: '2026-12-01' },
  signCheck: {
    id: ID, planId: ID2, at: '2026-06-03T10:30:00+01:00', ratings: { [ID]: 2, [ID2]: 'not-asked' },
    functioning: { sleep: { level: 'less', note: 'Up at 4' }, eating: { level: 'usual' } }, observations: 'Calm', personsView: 'Tired', markedWell: false,
  },
  alert: { id: ID, checkId: ID2, reason: 'A late sign rated 2', note: 'Please ring today' },
  careTeam: { id: ID, serviceUserId: ID2, name: 'North team', status: 'active', participants: [{ workerId: 'w1', role: 'str-worker', from: '2026-01-05' }], changeReason: 'First allocation' },
  careTeamUpdate: { name: 'South team', status: 'inactive', participants: [], changeReason: 'Moved to the south team' },
  supervision: { id: ID, workerId: 'w1', supervisorId: 'lead1', heldOn: '2026-06-01', kind: 'debrief', actions: [{ text: 'Book the lone-working course', ownerId: 'w1', dueOn: '2026-06-30' }], nextDueOn: '2026-07-13' },
  supervisionNote: { id: ID, supervisionId: ID2, text: 'Talked through the visit.' },
  reallocation: { changeReason: 'On leave for three months' },
  training: { id: ID, workerId: 'w1', itemId: 'lone-working', title: 'Lone working', completedOn: '2026-05-01', expiresOn: '2028-05-01', evidence: 'Certificate seen' },
  keyContact: {
    id: ID, serviceUserId: ID2, kind: 'family', name: 'Jo Example', role: 'Sister', organisation: 'Carers Link', relationship: 'Carer', phone: '+44 7700 900123',
    email: 'jo@example.org', reach: 'Evenings after 6', crisis: true, agreedOn: '2026-06-01', replacesId: ID2, suggestionNote: 'Alex asked for this',
  },
  keyContactUpdate: { kind: 'professional', name: 'Dr Example', role: 'GP', organisation: null, relationship: null, phone: '01632 960001', email: null, reach: null, crisis: false, agreedOn: null, status: 'inactive' },
  referral: {
    id: ID, serviceUserId: ID2, direction: 'out', service: 'Talking therapies', reason: 'Low mood', referrerId: 'w1', sentOn: '2026-05-20', acceptedOn: '2026-05-27',
    firstSeenOn: '2026-06-10', closedOn: '2026-08-01', outcome: 'completed', outcomeNote: 'Eight sessions',
  },
  referralUpdate: { service: 'Debt advice', reason: 'Arrears', sentOn: '2026-05-21', acceptedOn: null, firstSeenOn: '2026-06-01', closedOn: null, outcome: null, outcomeNote: null },
};

/** Values that test a rule each: blank, invisible, control, broken, long, wrong type, edge numbers and dates. */
const SPECIAL: readonly unknown[] = [
  '', ' ', '  a  ', '\u200B', '\u3164', 'a\nb', 'a\u2028b', 'a\u0001b', 'a\tb', '\uD800', 'ok\uDC00', 'x'.repeat(129), 'y'.repeat(201), 'z'.repeat(501),
  'n'.repeat(1001), 'm'.repeat(2001), 'k'.repeat(5001), 'l'.repeat(10_001), ID.toUpperCase(), `${ID} `, '00000000-0000-0000-0000-000000000000',
  '2026-02-29', '2028-02-29', '2026-13-01', '2026-06-03T10:30:00Z', '2026-06-03T10:30:00+05:30', '2026-03-29T01:30:00+01:00', '2026-06-03T10:30+01:00',
  '2026-06-03T10:30:00.123+01:00', 0, -0, 1, 3, 4, 1.5, 1441, 1440, 1000, 1001, 900, 901, -1, NaN, Infinity, -Infinity, 2 ** 60, -(2 ** 60), '5', true, false, null,
  undefined, [], {}, [1], { length: 3 }, 'not-asked', 'carer', 'worker', 'late', 'sleep', '01', 'L01', '5', ID, ID2, new Date(0), Object.create(null),
];

/** A value of the right type, a special, a naughty string, or anything at all. */
const replacement = (naughty: readonly string[]) =>
  fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom(...naughty), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.anything({ maxDepth: 2 }));

/** `value`, broken (or not) in one of many ways, recursively. */
const broken = (value: unknown, naughty: readonly string[], depth: number): fc.Arbitrary<unknown> => {
  const keep = fc.constant(value);
  if (depth > 3) return fc.oneof({ weight: 3, arbitrary: keep }, { weight: 1, arbitrary: replacement(naughty) });
  if (Array.isArray(value)) {
    const items = fc.tuple(...value.map((v) => broken(v, naughty, depth + 1)));
    const repeated = fc.constantFrom(11, 21, 31, 51, 301, 2).map((n) => Array.from({ length: n }, () => value[0] ?? ID));
    return fc.oneof({ weight: 3, arbitrary: value.length ? items : keep }, { weight: 1, arbitrary: repeated }, { weight: 1, arbitrary: replacement(naughty) });
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).map(([k, v]) =>
      fc.oneof({ weight: 4, arbitrary: broken(v, naughty, depth + 1).map((x) => [[k, x]]) }, { weight: 1, arbitrary: fc.constant([]) }));
    const extra = fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.constantFrom('zz', '__proto__', 'constructor', 'toString').map((k) => [[k, 1]]) });
    const obj = fc.tuple(fc.tuple(...entries), extra).map(([kv, more]) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of [...kv.flat(), ...more] as [string, unknown][]) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    });
    return fc.oneof({ weight: 5, arbitrary: obj }, { weight: 1, arbitrary: replacement(naughty) });
  }
  return fc.oneof({ weight: 2, arbitrary: keep }, { weight: 3, arbitrary: replacement(naughty) });
};

/** Inputs for one kind: mostly its valid input broken a little, sometimes anything at all. */
export const inputsOf = (kind: InputKind | StaffInputKind | PathwayInputKind, naughty: readonly string[]) =>
  fc.oneof({ weight: 8, arbitrary: broken(VALID[kind], naughty, 0) }, { weight: 1, arbitrary: fc.anything() });
