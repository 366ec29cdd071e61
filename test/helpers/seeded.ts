// One person's whole record in a memory store, for tests that walk every widget (keyboard, forced colours).
import { memoryStore, type Store } from '@strkit/sdk';
import { FIXTURE_PERSON } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { fixtureAlert, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

export interface SeededOptions {
  /** Marks the first check as on a day the person was well (the plan editor then offers it for the agreed baseline). */
  readonly firstCheckWell?: boolean;
  /** Open alerts on the third check, each as `[n, hoursAgo]` for `fixtureAlert`. */
  readonly alerts: readonly (readonly [number, number])[];
}

/** The fixture person, the workers, a care plan, a warning-sign plan with three settled checks, and open alerts. */
export async function seededStore({ firstCheckWell = false, alerts }: SeededOptions): Promise<Store> {
  const store = memoryStore();
  await store.put('serviceUser', FIXTURE_PERSON);
  for (const w of fixtureWorkers) await store.put('worker', w);
  const f = typicalPlan();
  await store.put('carePlan', f.plan);
  for (const g of f.goals) await store.put('goal', g);
  for (const t of f.tasks) await store.put('task', t);
  const plan = await store.put('warningSignPlan', signPlan());
  const checks = settledChecks(plan).map((c, i) => ({ ...c, planVersion: plan.version, ...(firstCheckWell && i === 0 && { markedWell: true }) }));
  for (const c of checks) await store.put('signCheck', c);
  for (const [n, hoursAgo] of alerts) await store.put('alert', fixtureAlert(checks[2]!, n, hoursAgo));
  return store;
}
