// Runs one step of a reload test inside its own document and posts the result to the parent page.
import { createClient, indexedDbDrafts, indexedDbStore } from '@strkit/sdk';

const params = new URLSearchParams(location.search);
const step = params.get('step');
const db = params.get('db')!;

async function run(): Promise<unknown> {
  const client = createClient({
    store: indexedDbStore({ name: `${db}-records`, persist: false }),
    drafts: indexedDbDrafts({ name: `${db}-drafts` }),
    actor: { id: 'worker-reload', role: 'str-worker' },
  });
  if (step === 'write') {
    await client.drafts.save('contact-log:person', { note: 'half-typed note…', minutes: 30 });
    const c = await client.contacts.create({
      serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182',
      start: '2026-06-03T10:00:00+01:00',
      durationMinutes: 30,
      mechanism: '01',
      locationType: 'A01',
      attendance: '5',
      note: 'saved before reload',
    });
    return { id: c.id, version: c.version };
  }
  const draft = await client.drafts.load('contact-log:person');
  const page = await client.contacts.list({ serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182' });
  const signOut = await client.signOut();
  return { draft: draft?.value, contacts: page.items.map((c) => ({ id: c.id, note: c.note })), signOut };
}

run().then(
  (result) => parent.postMessage({ ok: true, result }, '*'),
  (e: unknown) => parent.postMessage({ ok: false, code: (e as { code?: string })?.code ?? String(e) }, '*'),
);
