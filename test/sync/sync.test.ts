// Offline first (issue 9): local writes with an outbox, synced to the record system exactly once, nothing lost.
import { expect } from '@open-wc/testing';
import {
  StrError, createClient, fhirStore, indexedDbStore, isStrError, memoryStore, syncedStore, type Clock, type Contact, type Store, type SyncedStore,
} from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, injectFaults, resetEngine } from '../fhir/engine.js';

const names: string[] = [];
const dbName = () => {
  const n = `sync-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
after(async () => {
  for (const n of names) await deleteDB(n);
});

/** A record system that is not there: every call fails the way a dropped connection does. */
const unreachable = (): Store => {
  const fail = () => Promise.reject(new StrError('transport', 'offline', true));
  return { name: 'unreachable', durability: 'remote', get: fail, list: fail, put: fail, history: fail, subscribe: () => () => undefined };
};

async function drained(s: SyncedStore, tries = 200) {
  for (let i = 0; i < tries; i++) {
    const state = await s.sync.now();
    if (state.unsynced === 0) return state;
    await new Promise((r) => setTimeout(r, 20));
  }
  return s.sync.state;
}

describe('syncedStore', () => {
  it('a write is on the device at once, with an outbox entry, and reaches the record system once', async () => {
    const remote = memoryStore();
    const local = indexedDbStore({ name: dbName(), persist: false });
    const s = syncedStore({ local, remote, auto: false });
    const c = await s.put('contact', validContact());
    expect(await local.get('contact', c.id)).to.deep.equal(c);
    expect((await local.outbox()).map((e) => e.id)).to.deep.equal([c.id]);
    expect(s.sync.state.unsynced).to.equal(1);
    const state = await s.sync.now();
    expect(state).to.include({ unsynced: 0, online: true });
    expect((await remote.get('contact', c.id))?.note).to.equal(c.note);
    // A correction offline, then synced: an If-Match update on the record system.
    const fixed = await s.put('contact', { ...c, note: 'corrected' }, c.version);
    await s.sync.now();
    expect((await remote.history('contact', c.id)).map((h) => h.note)).to.deep.equal([c.note, 'corrected']);
    expect(fixed.note).to.equal('corrected');
    s.close?.();
  });

  it('createClient({ local, remote }): offline first, and the people on screen are pulled from the record system', async () => {
    const remote = memoryStore();
    const other = createClient({ store: remote, actor: { id: 'w2', role: 'str-worker' } });
    const theirs = await other.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-01T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: 'Logged by a colleague' });
    const client = createClient({ local: indexedDbStore({ name: dbName(), persist: false }), remote, actor: { id: 'w1', role: 'str-worker' } });
    expect(client.sync).to.not.equal(undefined);
    let seen: readonly Contact[] = [];
    for (let i = 0; i < 100 && !seen.length; i++) {
      seen = (await client.contacts.list({ serviceUserId: PERSON_ID })).items;
      if (!seen.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.map((c) => c.note)).to.deep.equal([theirs.note]);
    expect(client.sync!.state.unsynced, 'a pulled record is not an unsynced one').to.equal(0);
  });

  it('30 days with the network gone: every unsynced write is still there, shown with its age; nothing expires', async () => {
    let now = Date.parse('2026-06-05T10:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const name = dbName();
    const s = syncedStore({ local: indexedDbStore({ name, persist: false }), remote: unreachable(), clock, auto: false, retry: { baseMs: 1, maxMs: 2 } });
    const client = createClient({ store: s, actor: { id: 'w1', role: 'str-worker' }, clock });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-05T09:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: `Visit ${i}` })).id);
    now += 30 * 86_400_000;
    for (let i = 0; i < 10; i++) await s.sync.now();
    expect(s.sync.state).to.deep.include({ unsynced: 5, online: false, oldestUnsyncedAt: '2026-06-05T10:00:00.000Z' });
    s.close?.();
    // After a reload, the same.
    const again = syncedStore({ local: indexedDbStore({ name, persist: false }), remote: unreachable(), clock, auto: false });
    const state = await again.sync.now();
    expect(state.unsynced).to.equal(5);
    expect((await again.sync.entries()).map((e) => e.id).sort()).to.deep.equal([...ids].sort());
    const out = await createClient({ store: again, actor: { id: 'w1', role: 'str-worker' }, clock }).signOut();
    expect(out.wiped, 'sign-out refuses').to.equal(false);
    expect(out.wouldLose.unsynced?.map((u) => u.id).sort()).to.deep.equal([...ids].sort());
    again.close?.();
  });

  describe('every combination of an offline edit and a server edit of one record: no silent overwrite', () => {
    const edits: [string, (c: Contact) => Partial<Contact>][] = [
      ['a correction', () => ({ note: 'changed' })],
      ['entered in error', () => ({ enteredInError: { reason: 'Wrong person', at: '2026-06-05T11:00:00Z', by: 'x' } })],
      ['a correction of the time', () => ({ durationMinutes: 45 })],
    ];
    for (const [mineName, mineEdit] of edits) {
      for (const [theirsName, theirsEdit] of edits) {
        it(`device: ${mineName}; record system: ${theirsName}`, async () => {
          const remote = memoryStore();
          const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false });
          const c = await s.put('contact', validContact());
          await s.sync.now();
          const server = await remote.get('contact', c.id);
          const theirs = await remote.put('contact', { ...server!, ...theirsEdit(c), note: `${server!.note} (server)` } as Contact, server!.version);
          const mine = await s.put('contact', { ...c, ...mineEdit(c), note: `${c.note} (device)` } as Contact, c.version);
          const state = await s.sync.now();
          expect(await remote.get('contact', c.id), 'the server version is untouched').to.deep.equal(theirs);
          expect(state.needsAttention.map((a) => [a.id, a.code])).to.deep.equal([[c.id, 'conflict']]);
          const [entry] = await s.sync.entries();
          expect(entry!.theirs).to.deep.equal(theirs);
          expect(await s.get('contact', c.id), 'ours is kept on the device').to.deep.equal(mine);
          // The worker chooses theirs: the device takes the server's version, the outbox empties.
          await s.sync.resolve('contact', c.id, 'theirs');
          expect((await s.get('contact', c.id))?.note).to.equal(theirs.note);
          expect((await s.sync.now()).unsynced).to.equal(0);
          s.close?.();
        });
      }
    }

    it('choosing "mine" sends the device version over the server\u2019s, as a new version', async () => {
      const remote = memoryStore();
      const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false });
      const c = await s.put('contact', validContact());
      await s.sync.now();
      const server = (await remote.get('contact', c.id))!;
      await remote.put('contact', { ...server, note: 'server' }, server.version);
      await s.put('contact', { ...c, note: 'device' }, c.version);
      await s.sync.now();
      await s.sync.resolve('contact', c.id, 'mine');
      await s.sync.now();
      expect((await remote.history('contact', c.id)).map((h) => h.note)).to.deep.equal([c.note, 'server', 'device']);
      s.close?.();
    });
  });

  it('a permanent refusal goes to "needs attention" with the reason, and is kept', async () => {
    const remote: Store = { ...memoryStore(), name: 'refusing', durability: 'remote', put: () => Promise.reject(new StrError('forbidden', 'The record system refused: not your caseload', false)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false });
    const c = await s.put('contact', validContact());
    const state = await s.sync.now();
    expect(state.needsAttention).to.deep.equal([{ type: 'contact', id: c.id, serviceUserId: PERSON_ID, code: 'forbidden', message: 'The record system refused: not your caseload', reason: 'refused', since: state.needsAttention[0]!.since }]);
    expect(state.unsynced).to.equal(1);
    s.close?.();
  });

  it('200 reloads at the three risky points: every write lands exactly once', async function () {
    this.timeout(180_000);
    const real = memoryStore();
    let loseReply = false;
    let sent = 0;
    // The record system commits, and the reply is lost on the way back, when told to.
    const remote: Store = {
      ...real, name: 'lossy', durability: 'remote', get: real.get, list: real.list, history: real.history, subscribe: real.subscribe,
      put: async (type, record, expected) => {
        const saved = await real.put(type, record, expected);
        sent++;
        if (loseReply) throw new StrError('transport', 'connection reset after commit', true);
        return saved;
      },
    };
    const name = dbName();
    const open = () => syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false });
    const written: string[] = [];
    let s = open();
    for (let run = 0; run < 200; run++) {
      const c = validContact({ note: `run ${run}` });
      written.push(c.id);
      const point = run % 3;
      if (point === 0) {
        // Reload before the outbox entry is written: the page goes while the transaction is in flight.
        const writing = s.put('contact', c).catch(() => undefined);
        s.close?.();
        await writing;
      } else if (point === 1) {
        // Reload after the local write, before any sync.
        await s.put('contact', c);
        s.close?.();
      } else {
        // Reload after sending, before the reply: the record system has it, the device does not know.
        await s.put('contact', c);
        loseReply = true;
        await s.sync.now();
        loseReply = false;
        s.close?.();
      }
      s = open();
      // The worker saw no "Saved" if the write never reached the disk: the form (and its draft) still has it.
      if (!(await s.get('contact', c.id))) await s.put('contact', c);
      if (run % 10 === 9) await s.sync.now();
    }
    await drained(s);
    const all = (await real.list('contact', { limit: 10_000 })).items.map((c) => c.id);
    expect(all.length, 'each once').to.equal(200);
    expect(all.sort()).to.deep.equal([...written].sort());
    expect((await s.sync.entries()).length).to.equal(0);
    expect(sent, 'some sends had their replies lost and were sent again').to.be.greaterThan(200);
    s.close?.();
  });
});

describe('syncedStore against the FHIR engine with faults', () => {
  it('200 contacts while 30% of requests reset or stall and 10% of replies drop after commit: exactly 200 on the engine, each once; the outbox empty', async function () {
    this.timeout(300_000);
    await resetEngine();
    const remote = fhirStore({ baseUrl: await fhirBaseUrl(), timeoutMs: 300, attempts: 3 });
    await remote.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    await injectFaults([
      { kind: 'drop', rate: 0.15 },
      { kind: 'stall', rate: 0.15 },
      { method: 'POST', kind: 'drop-after-commit', rate: 0.1 },
      { method: 'PUT', kind: 'drop-after-commit', rate: 0.1 },
    ]);
    const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
    const ids: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) ids.push((await s.put('contact', validContact({ note: `Contact ${i}` }))).id);
    let state = s.sync.state;
    for (let round = 0; round < 400 && (state.unsynced > 0 || state.needsAttention.length); round++) state = await s.sync.now();
    const seconds = (performance.now() - t0) / 1000;
    await injectFaults([]);
    expect(state.needsAttention, JSON.stringify(state.needsAttention.slice(0, 3))).to.deep.equal([]);
    expect(state.unsynced).to.equal(0);
    const { body } = await fhir('GET', `Encounter?subject:missing=false&_count=1000`);
    const onEngine = ((body!.entry as { resource: { identifier: { system: string; value: string }[] } }[]) ?? [])
      .map((e) => e.resource.identifier.find((x) => x.system === 'urn:strkit:id')!.value);
    expect(onEngine.length, 'each once').to.equal(200);
    expect(new Set(onEngine)).to.deep.equal(new Set(ids));
    console.info(`sync battery: 200 contacts through faults in ${seconds.toFixed(1)} s`);
    s.close?.();
    expect(isStrError(new StrError('transport', 'x', true))).to.equal(true);
  });
});

describe('syncedStore pulls', () => {
  it('after the device clock moves back, listing a person pulls again (the once-a-minute throttle does not wait for the old reading)', async () => {
    let now = Date.parse('2026-06-05T10:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const remote = memoryStore();
    const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, clock });
    await s.list('contact', { serviceUserId: PERSON_ID });
    now -= 86_400_000; // the clock is put back a day
    const theirs = await remote.put('contact', validContact({ note: 'Logged on another device' }));
    await s.list('contact', { serviceUserId: PERSON_ID });
    let seen: Contact | undefined;
    for (let i = 0; i < 100 && !seen; i++) {
      seen = await s.get('contact', theirs.id);
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen?.note).to.equal(theirs.note);
    s.close?.();
  });
});

describe('syncedStore pulls: one unreadable type never stops the rest', () => {
  it('a record type the record system cannot give is skipped and reported; the person\u2019s other records are still pulled', async () => {
    const real = memoryStore();
    const theirs = await real.put('contact', validContact({ note: 'Logged on another device' }));
    const remote: Store = {
      ...real,
      name: 'half-readable',
      list: (type, query) => (type === 'serviceUser' ? Promise.reject(new StrError('transport', 'GET /Patient: the answer was not FHIR (HTTP 200, text/html)', true)) : real.list(type, query)),
    } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: dbName(), persist: false }), remote, auto: false });
    const applied = await s.sync.pull(PERSON_ID);
    expect(applied).to.equal(1);
    expect((await s.get('contact', theirs.id))?.note).to.equal(theirs.note);
    expect(s.sync.state.lastPull).to.deep.include({ serviceUserId: PERSON_ID, skipped: [{ type: 'serviceUser', code: 'transport' }] });
    s.close?.();
  });
});
