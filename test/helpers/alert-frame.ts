// One step of the alert reload test, in its own document: <str-relapse-signs> with records and drafts in IndexedDB,
// and a store that refuses alert writes while the step says the connection is down.
import { StrError, createClient, indexedDbDrafts, indexedDbStore, type Store } from '@strkit/sdk';
import '../../packages/components/src/define/str-relapse-signs.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const params = new URLSearchParams(location.search);
const step = params.get('step');
const db = params.get('db')!;
// Polls with timers: Chrome may withhold animation frames from an iframe it considers off screen.
const tick = () => new Promise((r) => setTimeout(r, 16));

async function run(): Promise<unknown> {
  const real = indexedDbStore({ name: `${db}-records`, persist: false });
  const down = step === 'confirm' || step === 'still-down';
  let attempts = 0;
  const store: Store = {
    ...real, name: real.name, durability: real.durability, get: real.get, list: real.list, history: real.history, subscribe: real.subscribe,
    put: (type, record, expected) => {
      if (type === 'alert') attempts++;
      return type === 'alert' && down ? Promise.reject(new StrError('transport', 'offline', true)) : real.put(type, record, expected);
    },
  };
  const plan = signPlan();
  if (step === 'confirm') {
    await real.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
    const stored = await real.put('warningSignPlan', plan);
    for (const c of settledChecks(stored)) await real.put('signCheck', { ...c, planVersion: stored.version });
  }
  const el = document.createElement('str-relapse-signs');
  el.client = createClient({ store, drafts: indexedDbDrafts({ name: `${db}-drafts` }), actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock: { now: () => new Date(FIXTURE_NOW) } });
  el.clock = { now: () => new Date(FIXTURE_NOW) };
  el.serviceUserId = FIXTURE_PERSON_ID;
  document.body.append(el);
  await el.whenLoaded();
  const root = el.shadowRoot!;
  const outbox = () => root.querySelector('.outbox')?.textContent ?? '';
  if (step === 'confirm') {
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    while (!root.querySelector('[part=result] button.primary')) await tick();
    root.querySelector<HTMLButtonElement>('[part=result] button.primary')!.click();
    while (!outbox()) await tick();
    return { outbox: outbox(), stored: (await real.list('alert', { serviceUserId: FIXTURE_PERSON_ID })).items.length };
  }
  for (let i = 0; i < 200 && !outbox(); i++) await tick();
  const before = outbox();
  const retry = [...root.querySelectorAll<HTMLButtonElement>('.outbox button')].find((b) => b.textContent!.startsWith('Try sending'));
  retry?.click();
  // Until the retry has reached the store and the element has settled (the button is back, or the outbox is gone).
  for (let i = 0; i < 300 && !(attempts > 0 && (!outbox() || root.querySelector('.outbox button:not([disabled])'))); i++) await tick();
  await el.updateComplete;
  return { before, after: outbox(), attempts, stored: (await real.list('alert', { serviceUserId: FIXTURE_PERSON_ID })).items.map((a) => a.status) };
}

run().then(
  (result) => parent.postMessage({ ok: true, result }, '*'),
  (e: unknown) => parent.postMessage({ ok: false, code: (e as { code?: string })?.code ?? String(e) }, '*'),
);
