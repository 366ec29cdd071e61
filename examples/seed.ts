// Synthetic demo data: invented people, NHS numbers from the 999 test range (valid modulus 11), never real records.
import { addDays, nhsNumberCheckDigit, toLondonIso, ukToday, type ContactInput, type LifeArea, type StrClient, type TaskInput } from '@strkit/sdk';

const PEOPLE = [
  'Ada Fennimore', 'Bram Oakhollow', 'Cleo Marchbank', 'Dev Pellingham', 'Esme Quarrendon',
  'Finn Yarrowby', 'Gwen Tallentire', 'Hari Nettlecombe',
];

/** The n-th synthetic NHS number: 999 + six digits + its modulus 11 check digit (skipping invalid stems). */
export function syntheticNhsNumber(n: number): string {
  for (let stem = n * 7 + 1; ; stem++) {
    const nine = `999${String(stem).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

export const DEMO_WORKERS = [
  { id: 'demo-str-worker', name: 'Sam Example (STR worker)', role: 'str-worker' },
  { id: 'demo-coordinator', name: 'Kit Example (care co-ordinator)', role: 'care-coordinator' },
  { id: 'demo-viewer', name: 'Lee Example (viewer)', role: 'viewer' },
] as const;

const NOTES = [
  'Met at home. Talked through the week; plans to visit the library on Thursday.',
  'Phone call to check in before the benefits appointment.',
  'Went to the café together. Said sleep has been better.',
  'Did not answer the door; left a card with the next visit date.',
  'Video call. Practised the bus journey plan.',
];

type SeedTask = [text: string, owner: TaskInput['owner'], dueInDays?: number, repeat?: TaskInput['repeat']];
const WORKER = { kind: 'worker', workerId: 'demo-str-worker' } as const;
const PERSON = { kind: 'service-user' } as const;
const GOALS: [text: string, area: LifeArea, tasks: SeedTask[]][] = [
  ['I want to move somewhere quieter, nearer my sister.', 'housing', [
    ['Fill in the housing register form together', WORKER, 2],
    ['Ring the housing officer about the bidding number', PERSON, -1],
    ['Ask the GP for a supporting letter', { kind: 'other-service', name: 'GP surgery' }, 10],
  ]],
  ['Sort my money out so I am not worrying every week.', 'money-and-benefits', [
    ['Weekly budget check-in', WORKER, 3, 'weekly'],
    ['Check benefits with the welfare rights service', { kind: 'other-service', name: 'Welfare Rights Service' }, 6],
  ]],
  ['Get back to swimming on Tuesdays.', 'leisure', [
    ['Find out the leisure centre timetable', PERSON, 1],
    ['Go to the pool together for the first time', WORKER, 8],
  ]],
];

/** A care plan agreed with the person, reviewed in three months, with goals in their words and tasks beneath. */
async function seedPlan(client: StrClient, serviceUserId: string, today: string, n: number) {
  const plan = await client.carePlans.create({
    serviceUserId, agreedWith: [{ kind: 'service-user' }], agreedOn: addDays(today, -30 - n), nextReviewOn: addDays(today, n === 1 ? -2 : 60 + n), status: 'active',
  });
  for (const [text, lifeArea, tasks] of GOALS) {
    const goal = await client.goals.create({ carePlanId: plan.id, text, lifeArea });
    for (const [what, owner, due, repeat] of tasks) {
      await client.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: what, owner, ...(due !== undefined && { dueDate: addDays(today, due + (n % 3)) }), ...(repeat && { repeat }) });
    }
  }
}

const SIGNS: [string, 'early' | 'middle' | 'late', string][] = [
  ['I stop answering my phone', 'early', 'Send a text to say hello; visit if no reply in two days'],
  ['Staying up most of the night', 'early', 'Talk about sleep; go back to the bedtime plan'],
  ['Skipping meals', 'early', 'Eat together on the visit'],
  ['Music sounds too loud', 'middle', 'Turn things down; try the quiet room plan'],
  ['Feeling that people on the bus are looking at me', 'middle', 'Talk it through; tell the care co-ordinator this week'],
  ['Not taking my tablets', 'middle', 'Ask gently; tell the care co-ordinator the same day'],
  ['Hearing people talk about me through the wall', 'late', 'Tell the care co-ordinator today; offer the crisis line number'],
  ['Wanting to hide and not come out', 'late', 'Contact the crisis team with me'],
];

/** A client acting at `at` (its clock set there): what the seed uses to date records in the past. */
export type ClientAt = (at: Date) => StrClient;

/**
 * A relapse signature in invented, plausible words, with weekly checks. Given `clientAt`, the plan is saved ten weeks
 * ago and the checks are dated a week apart since (settled, then a rise in the last weeks), so the trend has history;
 * without it, the plan and four settled checks are dated now (the SDK refuses a check dated before its plan was saved).
 */
async function seedSigns(client: StrClient, serviceUserId: string, now: Date, clientAt?: ClientAt) {
  const today = ukToday(now);
  const weeks = clientAt ? 10 : 0;
  // Each check at 10:00 UTC, a week apart, the last today (or a minute ago, before 10:00): whole days in London too.
  const checkAt = (w: number) => new Date(Math.min(Date.parse(`${addDays(today, -7 * w)}T10:00:00Z`), now.getTime() - 60_000));
  const saved = new Date(checkAt(weeks).getTime() - 3_600_000);
  const plan = await (clientAt?.(saved) ?? client).warningSignPlans.create({
    serviceUserId,
    agreedOn: addDays(today, -40 - weeks * 7),
    reviewOn: addDays(today, 140),
    signs: SIGNS.map(([text, stage, response]) => ({ id: crypto.randomUUID(), text, stage, response })),
    contacts: [{ who: 'My care co-ordinator', how: 'Ring the team office, 9 to 5 on weekdays' }, { who: 'The crisis line', how: 'Any time, day or night' }],
  });
  if (!clientAt) {
    for (let w = 4; w >= 1; w--) {
      await client.signChecks.create({ planId: plan.id, ratings: Object.fromEntries(plan.signs.map((s, i) => [s.id, i < 2 && w % 2 === 0 ? 1 : 0])) });
    }
    return;
  }
  for (let w = weeks - 1; w >= 0; w--) {
    const at = checkAt(w);
    // Settled (an early sign now and then), then early and middle signs rising over the last three weeks.
    const rise = Math.max(0, 3 - w);
    const rate = (i: number) => (i < 3 ? Math.min(3, rise + (w % 3 === 0 ? 1 : 0)) : i < 6 ? Math.min(3, Math.max(0, rise - 1)) : 0) as 0 | 1 | 2 | 3;
    const check = await clientAt(at).signChecks.create({ planId: plan.id, at: toLondonIso(Math.floor(at.getTime() / 1000) * 1000), ratings: Object.fromEntries(plan.signs.map((s, i) => [s.id, rate(i)])) });
    // The latest check meets the alert rule: the worker alerted the care co-ordinator, whose inbox shows it.
    if (w === 0) await client.alerts.create({ checkId: check.id, note: 'Seemed on edge at the visit; please ring this week.' });
  }
}

/**
 * Seeds the store once: workers, people, a few weeks of contacts each, care plans and warning-sign plans. Uses the
 * co-ordinator's client; given `clientAt` (the co-ordinator acting at a past moment), the sign checks are backdated
 * weekly so the trend shows ten weeks of history.
 */
export async function seed(client: StrClient, now: Date, clientAt?: ClientAt): Promise<void> {
  const existing = await client.serviceUsers.list({ limit: 1 });
  if (existing.items.length > 0) return;
  for (const w of DEMO_WORKERS) await client.workers.create({ actorId: w.id, name: w.name, role: w.role });
  const today = ukToday(now);
  let n = 0;
  for (const displayName of PEOPLE) {
    const person = await client.serviceUsers.create({
      displayName,
      nhsNumber: syntheticNhsNumber(n),
      careCoordinatorId: 'demo-coordinator',
    });
    for (let i = 0; i < 6; i++) {
      const start = now.getTime() - (i * 3 + (n % 3) + 1) * 86_400_000 - (n % 5) * 3_600_000;
      const attended = (i + n) % 7 !== 3;
      const contact: ContactInput = {
        serviceUserId: person.id,
        start: toLondonIso(Math.floor(start / 60_000) * 60_000),
        durationMinutes: [15, 30, 45, 60][(i + n) % 4]!,
        mechanism: (['01', '02', '11'] as const)[(i + n) % 3]!,
        locationType: (['A01', 'N01', 'E02'] as const)[(i * 2 + n) % 3]!,
        attendance: attended ? '5' : '3',
        planned: true,
        note: NOTES[(i + n) % NOTES.length]!,
      };
      await client.contacts.create(contact);
    }
    if (n < 4) await seedPlan(client, person.id, today, n);
    if (n < 4) await seedSigns(client, person.id, now, clientAt);
    n++;
  }
}
