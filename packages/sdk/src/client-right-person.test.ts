// Issue 14, "Right person, right actor": what the client itself guarantees (docs/adr/0004-right-person-right-actor.md).
import { expect } from '@open-wc/testing';
import { PERSON_ID } from '../../../test/helpers/fixtures.js';
import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { createClient } from './client.js';
import { isStrError, type StrErrorCode } from './errors.js';
import type { Clock, Store } from './ports.js';
import type { Role } from './schemas/people.js';

const NOW = new Date('2026-06-03T12:00:00Z');
const clock: Clock = { now: () => new Date(NOW) };
const clientAs = (store: Store, role: Role, id = `${role}-1`, drafts = memoryDrafts()) => createClient({ store, drafts, actor: { id, role }, clock });

async function rejects(p: Promise<unknown>, code: StrErrorCode) {
  try {
    await p;
  } catch (e) {
    expect(isStrError(e), String(e)).to.equal(true);
    expect((e as { code: string }).code, (e as Error).message).to.equal(code);
    return e as { message: string; details: { issues?: { path: string; message: string }[] } };
  }
  throw new Error(`expected ${code}`);
}

/** A store whose list answers only when `release` is called. */
function heldStore(): { store: Store; release: () => void } {
  const inner = memoryStore();
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const store = Object.create(inner) as Store;
  store.list = async (type, query) => {
    await held;
    return inner.list(type, query);
  };
  return { store, release };
}

describe('reads honour an AbortSignal', () => {
  it('a list whose signal is already aborted rejects with `aborted` and returns nothing', async () => {
    const client = clientAs(memoryStore(), 'str-worker');
    await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5' });
    const ac = new AbortController();
    ac.abort();
    await rejects(client.contacts.list({ serviceUserId: PERSON_ID, signal: ac.signal }), 'aborted');
  });

  it('a list in flight rejects with `aborted` as soon as its signal aborts, before the store answers', async () => {
    const { store, release } = heldStore();
    const client = clientAs(store, 'str-worker');
    const ac = new AbortController();
    const listing = client.contacts.list({ serviceUserId: PERSON_ID, signal: ac.signal });
    ac.abort();
    await rejects(listing, 'aborted');
    release();
  });

  it('a signal that is not an AbortSignal is a validation error', async () => {
    const client = clientAs(memoryStore(), 'str-worker');
    await rejects(client.contacts.list({ signal: 'stop' as never }), 'validation');
  });
});
