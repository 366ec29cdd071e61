// Synthetic demo data for the worker's app: 25 invented people, NHS numbers from the 999 test range (valid modulus
// 11), never real records. Each person has their own goals, an agreed contact frequency, contacts whose how, where and
// note agree, and a care team; some are overdue, some have alerts (one waiting over a day), some have rising signs.
import {
  addDays, nhsNumberCheckDigit, pathwayClient, teamClient, toLondonIso, ukToday, type ContactFrequencyCode, type ContactInput, type LifeArea, type StrClient, type TaskInput, type TrainingItem,
} from '@strkit/sdk';

/** The n-th synthetic NHS number: 999 + six digits + its modulus 11 check digit (skipping invalid stems). */
export function syntheticNhsNumber(n: number): string {
  for (let stem = n * 7 + 1; ; stem++) {
    const nine = `999${String(stem).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

/** An example induction and training checklist for STR and peer support roles (issue 22): configuration, not records. */
export const EXAMPLE_CHECKLIST: readonly TrainingItem[] = [
  { id: 'trust-induction', title: 'Trust induction', roles: ['str-worker', 'peer-support-worker'] },
  { id: 'str-role-induction', title: 'STR role induction: recovery, boundaries, record keeping', roles: ['str-worker'] },
  { id: 'peer-support-values', title: 'Peer support values and sharing lived experience', roles: ['peer-support-worker'] },
  { id: 'safeguarding-adults-2', title: 'Safeguarding adults, level 2', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 36 },
  { id: 'lone-working', title: 'Lone working and personal safety', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 24 },
  { id: 'mental-health-first-aid', title: 'Recognising early warning signs of relapse', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 36 },
];

/** Supervision and training for the two workers, recorded by the team lead (issue 22). */
async function seedStaff(lead: StrClient, today: string) {
  const staff = teamClient(lead);
  const sam = await staff.supervisions.create({
    workerId: 'demo-str-worker', heldOn: addDays(today, -20), kind: 'clinical', nextDueOn: addDays(today, 22),
    actions: [{ text: 'Book the lone-working refresher', ownerId: 'demo-str-worker', dueOn: addDays(today, 10) }],
  });
  await staff.supervisionNotes.create({ supervisionId: sam.id, text: 'Talked through a difficult home visit; feels supported by the team.' });
  await staff.supervisions.create({ workerId: 'demo-peer-worker', heldOn: addDays(today, -50), kind: 'reflective-group' });
  const done = (workerId: string, item: TrainingItem, daysAgo: number) =>
    staff.training.create({ workerId, itemId: item.id, title: item.title, completedOn: addDays(today, -daysAgo) });
  const [induction, strInduction, peerValues, safeguarding, lone, signs] = EXAMPLE_CHECKLIST as [TrainingItem, TrainingItem, TrainingItem, TrainingItem, TrainingItem, TrainingItem];
  for (const [item, days] of [[induction, 400], [strInduction, 390], [safeguarding, 1080], [lone, 200], [signs, 300]] as const) await done('demo-str-worker', item, days);
  for (const [item, days] of [[induction, 120], [peerValues, 110], [lone, 800]] as const) await done('demo-peer-worker', item, days);
}

export const DEMO_WORKERS = [
  { id: 'demo-str-worker', name: 'Sam Example', role: 'str-worker' },
  { id: 'demo-peer-worker', name: 'Ash Example', role: 'peer-support-worker' },
  { id: 'demo-coordinator', name: 'Kit Example', role: 'care-coordinator' },
  { id: 'demo-team-lead', name: 'Max Example', role: 'team-lead' },
  { id: 'demo-viewer', name: 'Lee Example', role: 'viewer' },
] as const;

/** How a contact went: MHSDS mechanism and location that agree with each other and with the note. */
const KINDS: Record<string, { mechanism: ContactInput['mechanism']; locationType: ContactInput['locationType']; notes: readonly string[] }> = {
  home: { mechanism: '01', locationType: 'A01', notes: ['Met at home. Talked through the week and the plan for the next few days.', 'Home visit. Made a shopping list together and checked the post.', 'Met at home; the flat was tidier than last time and they seemed proud of it.'] },
  cafe: { mechanism: '01', locationType: 'N02', notes: ['Met at the café on the high street. Said sleep has been better.', 'Coffee at the community café; talked about getting back to work.'] },
  park: { mechanism: '01', locationType: 'N01', notes: ['Walked round the park together. Quieter today but said the walk helped.', 'Walked to the shops and back; practised the route for the new appointment.'] },
  phone: { mechanism: '02', locationType: 'A01', notes: ['Phone call to check in before the benefits appointment.', 'Phone call. Confirmed Thursday’s visit and the time of the GP appointment.'] },
  video: { mechanism: '11', locationType: 'A01', notes: ['Video call. Practised the bus journey plan.', 'Video call; went through the housing form on screen together.'] },
  dropin: { mechanism: '01', locationType: 'N03', notes: ['Met at the drop-in centre; joined the cooking group for an hour.'] },
  ward: { mechanism: '01', locationType: 'E02', notes: ['Visited on the ward. Talked about what would help when they go home.'] },
};

type SeedTask = [text: string, owner: TaskInput['owner'], dueInDays?: number, repeat?: TaskInput['repeat']];
const WORKER = { kind: 'worker', workerId: 'demo-str-worker' } as const;
const PEER = { kind: 'worker', workerId: 'demo-peer-worker' } as const;
const PERSON = { kind: 'service-user' } as const;
const GOALS: [text: string, area: LifeArea, tasks: SeedTask[]][] = [
  ['I want to move somewhere quieter, nearer my sister.', 'housing', [['Fill in the housing register form together', WORKER, 2], ['Ring the housing officer about the bidding number', PERSON, -1]]],
  ['Sort my money out so I am not worrying every week.', 'money-and-benefits', [['Weekly budget check-in', WORKER, 3, 'weekly'], ['Check benefits with the welfare rights service', { kind: 'other-service', name: 'Welfare Rights Service' }, 6]]],
  ['Get back to swimming on Tuesdays.', 'leisure', [['Find out the leisure centre timetable', PERSON, 1], ['Go to the pool together for the first time', WORKER, 8]]],
  ['Find some volunteering, maybe at the animal shelter.', 'work-and-learning', [['Look at the volunteer centre website together', WORKER, 4], ['Ring the shelter about a taster day', PERSON, 9]]],
  ['Cook proper meals again, not just toast.', 'daily-living', [['Plan three easy meals for the week', WORKER, 1], ['Try the cooking group at the drop-in', PERSON, 5]]],
  ['See my grandchildren more often.', 'relationships', [['Work out the train times to Rhyl', PERSON, 3], ['Talk through the visit beforehand', WORKER, 6]]],
  ['Get my sleep back to normal.', 'mental-health', [['Keep a sleep diary for two weeks', PERSON, 10], ['Go over the diary together', WORKER, 11]]],
  ['Start college in September.', 'work-and-learning', [['Ask the college about the open evening', PERSON, 7], ['Help fill in the application', WORKER, -3]]],
  ['Get a dentist and sort my teeth.', 'physical-health', [['Find a dentist taking NHS patients', WORKER, 2]]],
  ['Go to the football with my brother again.', 'leisure', [['Buy the tickets for the home game', PERSON, 12]]],
  ['Feel safe going out on my own.', 'mental-health', [['Practise the walk to the corner shop', PEER, 1, 'weekly'], ['Talk about what helps when anxious', PEER, 4]]],
  ['Keep my flat clean and the bills paid.', 'housing', [['Set up direct debits for gas and electric', WORKER, -6], ['Weekly tidy together', WORKER, 2, 'weekly']]],
];

interface Profile {
  readonly name: string;
  readonly every?: ContactFrequencyCode;
  /** UK days since the last attended contact. */
  readonly lastSeen: number;
  readonly kinds: readonly (keyof typeof KINDS)[];
  readonly goals: readonly number[];
  /** Days from today to the next care plan review (negative: overdue). */
  readonly review: number;
  readonly worker?: 'demo-str-worker' | 'demo-peer-worker';
  /** Warning signs: checks rising to an alert raised this many hours ago; 'settled' for checks without a rise. */
  readonly signs?: number | 'settled';
  readonly missed?: boolean;
}

const PEOPLE: readonly Profile[] = [
  { name: 'Ada Fennimore', every: 'weekly', lastSeen: 12, kinds: ['home', 'phone'], goals: [0, 6], review: 40, missed: true },
  { name: 'Bram Oakhollow', every: 'twice-weekly', lastSeen: 2, kinds: ['cafe', 'home'], goals: [1], review: 75, signs: 30 },
  { name: 'Cleo Marchbank', every: 'weekly', lastSeen: 7, kinds: ['park', 'home'], goals: [2, 4], review: 5 },
  { name: 'Dev Pellingham', every: 'fortnightly', lastSeen: 3, kinds: ['video', 'cafe'], goals: [7], review: 90 },
  { name: 'Esme Quarrendon', every: 'weekly', lastSeen: 4, kinds: ['home'], goals: [5, 8], review: -3, signs: 'settled' },
  { name: 'Finn Yarrowby', every: 'weekly', lastSeen: 9, kinds: ['phone', 'park'], goals: [9], review: 60, missed: true },
  { name: 'Gwen Tallentire', every: 'four-weekly', lastSeen: 15, kinds: ['home', 'phone'], goals: [11], review: 120 },
  { name: 'Hari Nettlecombe', every: 'weekly', lastSeen: 1, kinds: ['dropin', 'home'], goals: [4, 3], review: 30, signs: 3 },
  { name: 'Iona Brackenbury', every: 'fortnightly', lastSeen: 16, kinds: ['cafe', 'video'], goals: [3], review: 45 },
  { name: 'Jude Wetherall', every: 'weekly', lastSeen: 6, kinds: ['park', 'phone'], goals: [6], review: 80 },
  { name: 'Kai Ormesby', every: 'twice-weekly', lastSeen: 5, kinds: ['home', 'cafe'], goals: [10, 0], review: 20, worker: 'demo-peer-worker' },
  { name: 'Lowri Penhallow', every: 'monthly', lastSeen: 20, kinds: ['video', 'phone'], goals: [7, 2], review: 100, worker: 'demo-peer-worker' },
  { name: 'Mo Castleford', every: 'weekly', lastSeen: 2, kinds: ['ward'], goals: [0], review: 14 },
  { name: 'Nia Drummond-Reay', every: 'weekly', lastSeen: 8, kinds: ['home', 'park'], goals: [5], review: 50, signs: 'settled' },
  { name: 'Owen Saltmarsh', lastSeen: 3, kinds: ['cafe'], goals: [9, 1], review: 70 },
  { name: 'Priya Hollinshead', every: 'fortnightly', lastSeen: 11, kinds: ['home', 'video'], goals: [8], review: 2 },
  { name: 'Quinn Ashworth', every: 'weekly', lastSeen: 0, kinds: ['park'], goals: [10], review: 65, worker: 'demo-peer-worker' },
  { name: 'Rhys Bellweather', every: 'weekly', lastSeen: 13, kinds: ['phone', 'home'], goals: [11, 6], review: -10, missed: true },
  { name: 'Sana Thistlewood', every: 'four-weekly', lastSeen: 10, kinds: ['home'], goals: [4], review: 35 },
  { name: 'Tomasz Kettleby', every: 'weekly', lastSeen: 3, kinds: ['dropin', 'cafe'], goals: [3, 9], review: 55 },
  { name: 'Una Greenhalgh', every: 'twice-weekly', lastSeen: 6, kinds: ['home', 'phone'], goals: [6, 11], review: 25, signs: 'settled' },
  { name: 'Vic Harrowden', every: 'fortnightly', lastSeen: 4, kinds: ['video'], goals: [2], review: 95, worker: 'demo-peer-worker' },
  { name: 'Wyn Morcombe', every: 'weekly', lastSeen: 5, kinds: ['park', 'home'], goals: [1, 5], review: 15 },
  { name: 'Yasmin Copperfield', lastSeen: 21, kinds: ['phone'], goals: [7], review: 85, worker: 'demo-peer-worker' },
  { name: 'Zac Fairweather', every: 'weekly', lastSeen: 1, kinds: ['home', 'cafe'], goals: [8, 10], review: 110 },
];

const GAP: Record<ContactFrequencyCode, number> = { 'twice-weekly': 3, weekly: 7, fortnightly: 14, 'four-weekly': 28, monthly: 30 };

/** A care plan agreed with the person, with their contact frequency, their goals in their words and tasks beneath. */
async function seedPlan(client: StrClient, serviceUserId: string, today: string, p: Profile, n: number) {
  const plan = await client.carePlans.create({
    serviceUserId, agreedWith: [{ kind: 'service-user' }], agreedOn: addDays(today, -30 - n), nextReviewOn: addDays(today, p.review), status: 'active',
    ...(p.every && { contactFrequency: { every: p.every, from: addDays(today, -60) } }),
  });
  for (const g of p.goals) {
    const [text, lifeArea, tasks] = GOALS[g]!;
    const goal = await client.goals.create({ carePlanId: plan.id, text, lifeArea });
    for (const [what, owner, due, repeat] of tasks) {
      await client.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: what, owner, ...(due !== undefined && { dueDate: addDays(today, due) }), ...(repeat && { repeat }) });
    }
  }
}

/** Attended contacts a frequency's gap apart back from `lastSeen` days ago, one missed visit between if `missed`. */
async function seedContacts(client: StrClient, serviceUserId: string, now: Date, p: Profile, n: number) {
  const gap = GAP[p.every ?? 'weekly'];
  for (let i = 3; i >= 0; i--) {
    const daysAgo = p.lastSeen + i * gap;
    const kind = KINDS[p.kinds[i % p.kinds.length]!]!;
    const start = new Date(now.getTime() - daysAgo * 86_400_000);
    start.setUTCHours(9 + ((n + i) % 7), (n * 15) % 60, 0, 0);
    const at = Math.min(start.getTime(), now.getTime() - 3_600_000);
    // The person's STR or peer support worker made the visit (the team's workload counts it as theirs, issue 22).
    const contact: ContactInput = {
      serviceUserId, workerId: p.worker ?? 'demo-str-worker', start: toLondonIso(at), durationMinutes: [30, 45, 60][(i + n) % 3]!, mechanism: kind.mechanism, locationType: kind.locationType,
      attendance: '5', planned: true, note: kind.notes[(i + n) % kind.notes.length]!,
    };
    await client.contacts.create(contact);
  }
  if (p.missed) {
    const at = now.getTime() - Math.max(1, p.lastSeen - 3) * 86_400_000;
    await client.contacts.create({ serviceUserId, workerId: p.worker ?? 'demo-str-worker', start: toLondonIso(Math.floor(at / 60_000) * 60_000), durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '3', planned: true, note: 'Did not answer the door; left a card with the next visit date.' });
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
 * A relapse signature in invented, plausible words with weekly checks. Given `clientAt`, the checks are dated a week
 * apart over ten weeks: settled, or (`alertHoursAgo`) rising over the last three to a check that meets the alert rule,
 * sent to the care co-ordinator that many hours ago. Without it, four settled checks dated now.
 */
async function seedSigns(client: StrClient, serviceUserId: string, now: Date, alertHoursAgo: number | undefined, clientAt?: ClientAt) {
  const last = new Date(now.getTime() - (alertHoursAgo ?? 1) * 3_600_000 - 60_000);
  const today = ukToday(last);
  const weeks = clientAt ? 10 : 0;
  const checkAt = (w: number) => new Date(last.getTime() - w * 7 * 86_400_000);
  const plan = await (clientAt?.(new Date(checkAt(weeks).getTime() - 3_600_000)) ?? client).warningSignPlans.create({
    serviceUserId, agreedOn: addDays(today, -40 - weeks * 7), reviewOn: addDays(today, 140),
    signs: SIGNS.map(([text, stage, response]) => ({ id: crypto.randomUUID(), text, stage, response })),
    contacts: [{ who: 'My care co-ordinator', how: 'Ring the team office, 9 to 5 on weekdays' }, { who: 'The crisis line', how: 'Any time, day or night' }],
  });
  if (!clientAt) {
    for (let w = 4; w >= 1; w--) await client.signChecks.create({ planId: plan.id, ratings: Object.fromEntries(plan.signs.map((s, i) => [s.id, i < 2 && w % 2 === 0 ? 1 : 0])) });
    return;
  }
  for (let w = weeks - 1; w >= 0; w--) {
    const at = checkAt(w);
    const rise = alertHoursAgo === undefined ? 0 : Math.max(0, 3 - w);
    const rate = (i: number) => (i < 3 ? Math.min(3, rise + (w % 3 === 0 ? 1 : 0)) : i < 6 ? Math.min(3, Math.max(0, rise - 1)) : 0) as 0 | 1 | 2 | 3;
    const checker = clientAt(at);
    const check = await checker.signChecks.create({ planId: plan.id, at: toLondonIso(Math.floor(at.getTime() / 1000) * 1000), ratings: Object.fromEntries(plan.signs.map((s, i) => [s.id, rate(i)])) });
    if (w === 0 && alertHoursAgo !== undefined) await checker.alerts.create({ checkId: check.id, note: 'Seemed on edge at the visit; please ring this week.' });
  }
}

/** Invented GP practices, and the key contacts and referrals of the first few people (issue 23's care pathway). */
const PRACTICES = ['Riverside Surgery', 'Northtown Medical Centre', 'Hillside Health Centre'];
async function seedPathway(client: StrClient, serviceUserId: string, today: string, n: number) {
  const pathway = pathwayClient(client);
  const practice = PRACTICES[n % PRACTICES.length]!;
  await pathway.keyContacts.create({ serviceUserId, kind: 'professional', name: `Dr ${['Rowan', 'Sam', 'Alex'][n % 3]} Exampledoctor`, role: 'GP', organisation: practice, phone: `01632 9600${String(n % 100).padStart(2, '0')}`, reach: 'Weekdays 8 to 6; ask reception for a call back', crisis: false });
  if (n % 3 === 0) await pathway.keyContacts.create({ serviceUserId, kind: 'professional', name: 'Housing options duty desk', role: 'Housing officer', organisation: 'Northtown Council Housing', phone: '01632 960200', email: 'housing@northtown.example', crisis: false });
  if (n % 2 === 0) await pathway.keyContacts.create({ serviceUserId, kind: 'family', name: `Jo Examplerelative ${n + 1}`, role: n % 4 === 0 ? 'Sister' : 'Partner', relationship: 'Personal', phone: `07700 9001${String(n % 100).padStart(2, '0')}`, crisis: true, agreedOn: addDays(today, -40) });
  if (n % 4 === 1) await pathway.referrals.create({ serviceUserId, direction: 'out', service: 'Northtown Talking Therapies', reason: 'Low mood; asked for talking therapy.', sentOn: addDays(today, -30 - n), acceptedOn: addDays(today, -25 - n) });
  if (n % 5 === 2) await pathway.referrals.create({ serviceUserId, direction: 'in', service: practice, reason: 'Isolation after a move; referred for support to get out and about.', sentOn: addDays(today, -120), acceptedOn: addDays(today, -118), firstSeenOn: addDays(today, -110) });
}

/**
 * Seeds the store once: workers, people with care teams, contacts, care plans and some warning-sign plans. Uses the
 * co-ordinator's client; given `clientAt` (the co-ordinator acting at a past moment), sign checks and alerts are
 * backdated so the trend has ten weeks of history and one alert has waited more than a day. Given `lead` (the team
 * lead's client), the two workers' supervision and training too.
 */
export async function seed(client: StrClient, now: Date, clientAt?: ClientAt, lead?: StrClient): Promise<void> {
  const existing = await client.serviceUsers.list({ limit: 1 });
  if (existing.items.length > 0) return;
  for (const w of DEMO_WORKERS) await client.workers.create({ actorId: w.id, name: w.name, role: w.role });
  const today = ukToday(now);
  let n = 0;
  for (const p of PEOPLE) {
    const person = await client.serviceUsers.create({ displayName: p.name, nhsNumber: syntheticNhsNumber(n), careCoordinatorId: 'demo-coordinator' });
    await client.careTeams.create({
      serviceUserId: person.id, name: 'North community mental health team',
      participants: [{ workerId: 'demo-coordinator', role: 'care-coordinator' }, { workerId: p.worker ?? 'demo-str-worker', role: p.worker ? 'peer-support-worker' : 'str-worker' }, { workerId: 'demo-team-lead', role: 'team-lead' }],
    });
    await seedContacts(client, person.id, now, p, n);
    await seedPlan(client, person.id, today, p, n);
    if (p.signs !== undefined) await seedSigns(client, person.id, now, p.signs === 'settled' ? undefined : p.signs, clientAt);
    await seedPathway(client, person.id, today, n);
    n++;
  }
  if (lead) await seedStaff(lead, today);
}
