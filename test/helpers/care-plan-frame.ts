// One step of the care-plan reload test, in its own document: <str-care-plan> on IndexedDB, as a host page has it.
import { StrError, createClient, indexedDbDrafts, indexedDbStore, orderedTasks, type RecordType, type Store } from '@strkit/sdk';
import '../../packages/components/src/define/str-care-plan.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';

const params = new URLSearchParams(location.search);
const step = params.get('step');
const db = params.get('db')!;
// Polls with timers: Chrome may withhold animation frames from an iframe it considers off screen.
const frame = () => new Promise((r) => setTimeout(r, 16));

async function run(): Promise<unknown> {
  const real = indexedDbStore({ name: `${db}-records`, persist: false });
  let failOn: RecordType | undefined;
  // The chosen write fails the way a lost connection does; everything else is the real IndexedDB store.
  const store: Store = {
    ...real, name: real.name, durability: real.durability, get: real.get, list: real.list, history: real.history, subscribe: real.subscribe,
    put: (type, record, expected) => (type === failOn ? Promise.reject(new StrError('transport', 'connection lost', true)) : real.put(type, record, expected)),
  };
  const f = typicalPlan();
  if (step === 'seed') {
    await real.put('serviceUser', { id: f.plan.serviceUserId, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
    await real.put('carePlan', f.plan);
    for (const g of f.goals) await real.put('goal', g);
    for (const t of f.tasks) await real.put('task', t);
    for (const n of f.notes) await real.put('progressNote', n);
  }
  const client = createClient({
    store, drafts: indexedDbDrafts({ name: `${db}-drafts` }), actor: { id: 'story-coordinator', role: 'care-coordinator' }, clock: { now: () => new Date(FIXTURE_NOW) },
  });
  const el = document.createElement('str-care-plan');
  el.client = client;
  el.clock = { now: () => new Date(FIXTURE_NOW) };
  el.serviceUserId = FIXTURE_PERSON_ID;
  document.body.append(el);
  await el.whenLoaded();
  const root = el.shadowRoot!;
  const shown = () => [...root.querySelectorAll<HTMLElement>('li[data-task-id]')].map((li) => li.dataset['taskId']!);
  const first = f.tasks[0]!;
  if (step === 'seed') {
    // A failed reorder, a failed completion, and a half-typed note.
    const told: string[] = [];
    for (const [type, button] of [['carePlan', `#t-${first.id}-down`], ['task', `#t-${first.id}-complete`]] as const) {
      // The previous attempt reloads the plan after telling the worker; its buttons come back when that is done.
      while (root.querySelector<HTMLButtonElement>(button)?.disabled !== false) await frame();
      failOn = type;
      root.querySelector<HTMLButtonElement>(button)!.click();
      while (!root.querySelector('.problem')) await frame();
      told.push(root.querySelector('.problem')!.textContent!.trim());
      root.querySelector<HTMLButtonElement>('.problem button')!.click();
      await el.updateComplete;
    }
    root.querySelector<HTMLButtonElement>(`#n-${first.id}-add`)!.click();
    while (!root.querySelector('#ed-text')) await frame();
    const area = root.querySelector<HTMLTextAreaElement>('#ed-text')!;
    area.value = 'Half-typed: did pages 3 and';
    area.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 600)); // the draft is written 400 ms after typing stops
    return { told, shown: shown() };
  }
  const stored = await client.carePlans.load(f.plan.id);
  const expected = stored.goals.flatMap((g) => orderedTasks(stored.plan, g.id, stored.tasks).map((t) => t.id));
  root.querySelector<HTMLButtonElement>(`#n-${first.id}-add`)!.click();
  while (root.querySelector<HTMLTextAreaElement>('#ed-text')?.value !== 'Half-typed: did pages 3 and') await frame();
  return { shown: shown(), expected, firstStatus: stored.tasks.find((t) => t.id === first.id)!.status, seededIds: f.tasks.map((t) => t.id), draft: root.querySelector<HTMLTextAreaElement>('#ed-text')!.value };
}

run().then(
  (result) => parent.postMessage({ ok: true, result }, '*'),
  (e: unknown) => parent.postMessage({ ok: false, code: (e as { code?: string })?.code ?? String(e) }, '*'),
);
