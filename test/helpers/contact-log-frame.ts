// One step of the contact-log draft reload test, in its own document: <str-contact-log> with IndexedDB drafts.
import { createClient, indexedDbDrafts, indexedDbStore } from '@strkit/sdk';
import '../../packages/components/src/define/str-contact-log.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID } from '../../packages/components/src/contact-log/contact-log.fixtures.js';

const params = new URLSearchParams(location.search);
const step = params.get('step');
const db = params.get('db')!;
const tick = () => new Promise((r) => setTimeout(r, 16));

async function run(): Promise<unknown> {
  const clock = { now: () => new Date(FIXTURE_NOW) };
  const el = document.createElement('str-contact-log');
  el.client = createClient({
    store: indexedDbStore({ name: `${db}-records`, persist: false }), drafts: indexedDbDrafts({ name: `${db}-drafts` }),
    actor: { id: 'worker-reload', role: 'str-worker' }, clock,
  });
  el.clock = clock;
  el.serviceUserId = FIXTURE_PERSON_ID;
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  if (step === 'type') {
    const set = (sel: string, value: string) => {
      const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set('#duration-custom', '35');
    set('#note', 'Half-typed: went to the housing office and');
    // The draft is written 400 ms after typing stops; under load the write lands later, so wait for it, not a fixed
    // time (a fixed 700 ms failed in CI on a busy machine: the reload found no draft).
    const until = Date.now() + 15_000;
    while (Date.now() < until && !(await el.client.drafts.list()).some((d) => JSON.stringify(d.value).includes('housing office'))) await tick();
    return { typed: true };
  }
  const until = Date.now() + 15_000;
  while (Date.now() < until && !root.querySelector('[role=status]')?.textContent?.includes('Draft restored')) await tick();
  return {
    note: root.querySelector<HTMLTextAreaElement>('#note')!.value,
    duration: root.querySelector<HTMLInputElement>('#duration-custom')!.value,
    status: root.querySelector('[role=status]')!.textContent,
  };
}

run().then(
  (result) => parent.postMessage({ ok: true, result }, '*'),
  (e: unknown) => parent.postMessage({ ok: false, code: (e as { code?: string })?.code ?? String(e) }, '*'),
);
