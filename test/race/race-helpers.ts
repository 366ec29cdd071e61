// Helpers for the right-person battery: a store whose every call takes a random few milliseconds, and synthetic
// people whose records each carry a marker no other person's records contain.
import { createClient, type Store } from '@strkit/sdk';

export interface Person {
  readonly id: string;
  readonly marker: string;
}

export const personMarker = (p: Person): string => p.marker;

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
/** A new task with no timer clamp (nested timers wait at least 4 ms in Chromium). */
export const nextTask = (): Promise<void> => new Promise((r) => {
  waiting.push(r);
  channel.port2.postMessage(0);
});

/** Half the time the next task, otherwise a timer of up to `maxMs`: replies overtake each other both ways. */
export const randomDelay = (maxMs: number): Promise<void> => (Math.random() < 0.5 ? nextTask() : new Promise((r) => setTimeout(r, Math.random() * maxMs)));

/** The same store, but every read and write waits 0 to `maxMs` ms first (random, so replies overtake each other). */
export function delayingStore(store: Store, maxMs: number): Store {
  const delayed = Object.create(store) as Store;
  const wait = () => randomDelay(maxMs);
  Object.assign(delayed, {
    get: async (...a: Parameters<Store['get']>) => (await wait(), store.get(...a)),
    list: async (...a: Parameters<Store['list']>) => (await wait(), store.list(...a)),
    put: async (...a: Parameters<Store['put']>) => (await wait(), store.put(...a)),
    history: async (...a: Parameters<Store['history']>) => (await wait(), store.history(...a)),
  });
  return delayed;
}

const NAMES = ['Robin Racetest', 'Ellis Switchperson', 'Morgan Latencyson', 'Jude Overtaker'];

/**
 * `n` invented people, each with a care plan (a goal and a worker task), a warning-sign plan and a contact, all of
 * whose text carries that person's marker.
 */
export async function seedPeople(store: Store, n: number): Promise<Person[]> {
  const lead = createClient({ store, actor: { id: 'lead-race', role: 'team-lead' }, clock: { now: () => new Date('2026-06-01T09:00:00Z') } });
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const marker = `[marker ${i} of ${NAMES[i]}]`;
    const person = await lead.serviceUsers.create({ displayName: NAMES[i]! });
    const plan = await lead.carePlans.create({ serviceUserId: person.id, status: 'active', agreedOn: '2026-05-01' });
    const goal = await lead.goals.create({ carePlanId: plan.id, text: `Goal ${marker}`, lifeArea: 'housing' });
    await lead.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: `Task ${marker}`, owner: { kind: 'worker', workerId: 'w-race-1' } });
    await lead.warningSignPlans.create({
      serviceUserId: person.id,
      signs: [
        { id: crypto.randomUUID(), text: `Early sign ${marker}`, stage: 'early', response: 'Talk it through' },
        { id: crypto.randomUUID(), text: `Late sign ${marker}`, stage: 'late', response: 'Tell the care co-ordinator today' },
      ],
      agreedOn: '2026-05-01',
    });
    await lead.contacts.create({
      serviceUserId: person.id, start: '2026-06-01T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5',
      note: `Contact ${marker}`,
    });
    people.push({ id: person.id, marker });
  }
  return people;
}
