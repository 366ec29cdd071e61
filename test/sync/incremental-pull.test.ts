// Issue 16: a pull asks the record system only for what changed since the last pull, by the record system's clock
// (`_lastUpdated` ge the latest change it reported, less an overlap), never the device's; a record seen again inside
// the overlap is dropped by its version.
import { expect } from '@open-wc/testing';
import { fhirStore, indexedDbStore, syncedStore, type Clock, type Contact, type Page, type RecordType, type Store } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhirBaseUrl, resetEngine } from '../fhir/engine.js';

const names: string[] = [];
after(async () => {
  for (const n of names) await deleteDB(n);
});

/** The record system's store, with each contact page it answers to a pull kept for the test to read. */
function watched(remote: Store, pages: Page<unknown>[]): Store {
  return new Proxy(remote, {
    get(target, prop, receiver) {
      if (prop !== 'list') return Reflect.get(target, prop, receiver) as unknown;
      return async (type: RecordType, query?: Parameters<Store['list']>[1]) => {
        const page = await target.list(type, query);
        if (type === 'contact') pages.push(page);
        return page;
      };
    },
  });
}

async function setUp(deviceTime: string) {
  await resetEngine();
  const server = fhirStore({ baseUrl: await fhirBaseUrl() });
  await server.put('serviceUser', validServiceUser({ id: PERSON_ID }));
  const contacts: Contact[] = [];
  contacts.push(await server.put('contact', validContact({ note: 'First visit.' })));
  await new Promise((r) => setTimeout(r, 700)); // the first is older than the overlap; the others are inside it
  for (const note of ['Second visit.', 'Third visit.']) contacts.push(await server.put('contact', validContact({ note })));
  const name = `pull-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const pages: Page<unknown>[] = [];
  const clock: Clock = { now: () => new Date(deviceTime) };
  const s = syncedStore({ local: indexedDbStore({ name, persist: false }), remote: watched(fhirStore({ baseUrl: await fhirBaseUrl() }), pages), clock, auto: false, pull: { overlapMs: 500 } });
  return { server, contacts, s, pages };
}

describe('incremental pull by the record system clock', () => {
  for (const [label, deviceTime] of [['far ahead of', '2099-06-01T12:00:00Z'], ['far behind', '2001-06-01T12:00:00Z']] as const) {
    it(`with the device clock ${label} the server's, the second pull reads only the change and the overlap and applies it once`, async () => {
      const { server, contacts, s, pages } = await setUp(deviceTime);
      expect(await s.sync.pull(PERSON_ID), 'first pull: everything').to.be.at.least(3);
      const first = contacts[1]!;
      // Changed on the record system just after the pull: inside the overlap window.
      const changed = await server.put('contact', { ...first, note: 'Second visit; talked about college.' }, first.version);
      pages.length = 0;
      expect(await s.sync.pull(PERSON_ID), 'second pull applies the change').to.equal(1);
      const asked = pages.flatMap((p) => p.items.map((c) => (c as Contact).id));
      expect(asked, 'the change is read').to.include(changed.id);
      expect(asked, 'a record last changed before the overlap is not read again').to.not.include(contacts[0]!.id);
      expect(asked.length, 'only the change and what lies inside the overlap').to.be.at.most(2);
      expect((await s.get('contact', changed.id))?.note).to.equal(changed.note);
      expect(await s.sync.pull(PERSON_ID), 'seen again inside the overlap: dropped by version').to.equal(0);
      expect((await s.list('contact', { serviceUserId: PERSON_ID })).items.length, 'nothing lost on the device').to.equal(3);
    });
  }

  it('a change to a record last changed before the overlap is pulled once, and the cursor follows the server clock', async () => {
    const { server, contacts, s, pages } = await setUp('2099-06-01T12:00:00Z');
    await s.sync.pull(PERSON_ID);
    const latest = pages.map((p) => p.changedUpTo).find((x) => x !== undefined);
    expect(latest, 'the record system reports its latest change').to.be.a('string');
    pages.length = 0;
    const c = contacts[0]!;
    const changed = await server.put('contact', { ...c, note: 'First visit; met the family.' }, c.version);
    expect(await s.sync.pull(PERSON_ID), 'the change to the oldest record is pulled, once').to.equal(1);
    expect((pages[0]?.changedUpTo ?? '') >= latest!, 'the cursor moves on by the server clock').to.equal(true);
    expect((await s.get('contact', changed.id))?.note).to.equal(changed.note);
  });
});
