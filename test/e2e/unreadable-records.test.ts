// Issue 14: records read back from a store pass the schema before a widget sees them. A tampered IndexedDB record is
// left out and reported (id and reason, never content), the rest are shown, and nothing crashes. Synthetic data only.
import { createClient, indexedDbStore, isStrError, memoryDrafts, type Clock, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/components/src/define/str-contact-log.js';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';

const clock: Clock = { now: () => new Date('2026-06-05T16:00:00Z') };
const SECRET = 'Private words that must never appear in a message';

/** Rewrites one stored row behind the SDK's back, as a script on the origin or a damaged disk could. */
async function tamper(db: string, id: string, change: (record: Record<string, unknown>) => void) {
  const open = indexedDB.open(db);
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = database.transaction('records', 'readwrite');
  const records = tx.objectStore('records');
  const row = await new Promise<{ record: Record<string, unknown> }>((resolve) => {
    const req = records.get(['contact', id]);
    req.onsuccess = () => resolve(req.result as { record: Record<string, unknown> });
  });
  change(row.record);
  records.put(row);
  await new Promise((r) => (tx.oncomplete = r));
  database.close();
}

async function twoContacts(): Promise<{ client: StrClient; good: string; bad: string; person: string }> {
  const db = `unreadable-${crypto.randomUUID()}`;
  const store = indexedDbStore({ name: db, persist: false });
  const lead = createClient({ store, actor: { id: 'lead-1', role: 'team-lead' }, clock });
  const person = (await lead.serviceUsers.create({ displayName: 'Ash Tamperson' })).id;
  const base = { serviceUserId: person, durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5' } as const;
  const good = (await lead.contacts.create({ ...base, start: '2026-06-04T10:00:00+01:00', note: 'Readable contact' })).id;
  const bad = (await lead.contacts.create({ ...base, start: '2026-06-03T10:00:00+01:00', note: SECRET })).id;
  await tamper(db, bad, (r) => {
    r.durationMinutes = 'a lot';
  });
  return { client: createClient({ store, drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock }), good, bad, person };
}

describe('records that cannot be read', () => {
  it('a tampered IndexedDB record is left out of the list and reported by id and reason, without its content', async () => {
    const { client, good, bad, person } = await twoContacts();
    const page = await client.contacts.list({ serviceUserId: person });
    expect(page.items.map((c) => c.id)).to.deep.equal([good]);
    expect(page.unreadable?.map((u) => u.id)).to.deep.equal([bad]);
    expect(page.unreadable![0]!.reason).to.include('durationMinutes').and.not.include(SECRET).and.not.include('a lot');
  });

  it('reading the tampered record alone is a `mapping` StrError naming its id, not a TypeError', async () => {
    const { client, bad } = await twoContacts();
    try {
      await client.contacts.get(bad);
      expect.fail('should refuse');
    } catch (e) {
      expect(isStrError(e, 'mapping'), String(e)).to.equal(true);
      expect((e as Error).message).to.include(bad).and.not.include(SECRET);
    }
  });

  it('<str-contact-log> shows the readable contacts and says how many could not be read', async () => {
    const { client, person } = await twoContacts();
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${person} .client=${client} .clock=${clock}></str-contact-log>`);
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.unreadable'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(el.shadowRoot!.querySelector('.unreadable')?.textContent).to.include('1 record could not be read');
    expect(el.shadowRoot!.textContent).to.include('Readable contact').and.not.include(SECRET);
  });
});
