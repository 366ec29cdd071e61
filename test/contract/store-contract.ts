// The store contract: every adapter (memory, IndexedDB, FHIR) runs this same suite. DESIGN.md, "Store port".
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { isStrError, RECORDS, RECORD_TYPES, type Change, type Contact, type RecordType, type Store } from '@strkit/sdk';
import { DATE_FIELD, EDIT, OTHER_PERSON_ID, PERSON_ID, testId, validContact, validRecord, validServiceUser } from '../helpers/fixtures.js';

export interface ContractOptions {
  /** A fresh, empty store. */
  readonly make: () => Promise<Store> | Store;
  /** The same data opened again, as after a page reload (omit for stores that do not persist). */
  readonly reopen?: (previous: Store) => Promise<Store> | Store;
  readonly cleanup?: (store: Store) => Promise<void> | void;
}

let databases = 0;
/**
 * Options for a store on IndexedDB: IndexedDB persists across test files in one run (same origin), so each test gets
 * a database of its own, opened again by name on `reopen` and deleted after.
 */
export function onFreshDatabase(prefix: string, open: (name: string) => Store): ContractOptions {
  const names = new WeakMap<Store, string>();
  const opened = (name: string) => {
    const s = open(name);
    names.set(s, name);
    return s;
  };
  return {
    make: () => opened(`${prefix}-${Date.now()}-${databases++}`),
    reopen: (previous) => {
      previous.close?.();
      return opened(names.get(previous)!);
    },
    cleanup: async (store) => {
      store.close?.();
      await deleteDB(names.get(store)!);
    },
  };
}

const rejectsWith = async (p: Promise<unknown>, code: string) => {
  try {
    await p;
  } catch (e) {
    expect(isStrError(e), `expected a StrError, got ${String(e)}`).to.equal(true);
    expect((e as { code: string }).code).to.equal(code);
    return e;
  }
  throw new Error(`expected a ${code} error, but it resolved`);
};

const nextChange = (store: Store, match: (c: Change) => boolean = () => true) =>
  new Promise<Change>((resolve) => {
    const off = store.subscribe((c) => {
      if (match(c)) {
        off();
        resolve(c);
      }
    });
  });

export function storeContract(name: string, options: ContractOptions) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await options.make();
    });
    afterEach(async () => {
      await options.cleanup?.(store);
    });

    it('puts a new record and gets it back with a store-owned version', async () => {
      const c = validContact({ version: 'anything' });
      const stored = await store.put('contact', c);
      expect(stored.version).to.be.a('string').and.not.equal('');
      expect({ ...stored, version: '' }).to.deep.equal({ ...c, version: '' });
      const got = await store.get('contact', c.id);
      expect(got).to.deep.equal(stored);
    });

    it('returns undefined for a record it does not hold', async () => {
      expect(await store.get('contact', testId())).to.equal(undefined);
    });

    it('a repeated identical create returns the stored record and stores one', async () => {
      const c = validContact();
      const first = await store.put('contact', c);
      const again = await store.put('contact', c);
      expect(again).to.deep.equal(first);
      expect(await store.history('contact', c.id)).to.have.length(1);
    });

    it('a create of an existing id with different content is a conflict and changes nothing', async () => {
      const c = validContact();
      const first = await store.put('contact', c);
      const err = await rejectsWith(store.put('contact', { ...c, note: 'different' }), 'conflict');
      expect((err as { details: { currentVersion?: string } }).details.currentVersion).to.equal(first.version);
      expect(await store.get('contact', c.id)).to.deep.equal(first);
    });

    it('updates from the current version and keeps every version in history, oldest first', async () => {
      const c = validContact({ note: 'one' });
      const v1 = await store.put('contact', c);
      const v2 = await store.put('contact', { ...v1, note: 'two' }, v1.version);
      const v3 = await store.put('contact', { ...v2, note: 'three' }, v2.version);
      expect(new Set([v1.version, v2.version, v3.version]).size).to.equal(3);
      const h = await store.history('contact', c.id);
      expect(h.map((r) => r.note)).to.deep.equal(['one', 'two', 'three']);
      expect(h.map((r) => r.version)).to.deep.equal([v1.version, v2.version, v3.version]);
      expect(await store.get('contact', c.id)).to.deep.equal(v3);
    });

    it('a stale update is a conflict that names the current version and changes nothing', async () => {
      const v1 = await store.put('contact', validContact({ note: 'one' }));
      const v2 = await store.put('contact', { ...v1, note: 'two' }, v1.version);
      const err = await rejectsWith(store.put('contact', { ...v1, note: 'stale' }, v1.version), 'conflict');
      expect((err as { details: { currentVersion?: string } }).details.currentVersion).to.equal(v2.version);
      expect((await store.get('contact', v1.id))?.note).to.equal('two');
      expect(await store.history('contact', v1.id)).to.have.length(2);
    });

    it('an update of a record that does not exist is a conflict', async () => {
      await rejectsWith(store.put('contact', validContact(), '1'), 'conflict');
    });

    it('lists newest first, by person, by date range', async () => {
      const days = ['2026-06-01', '2026-06-03', '2026-06-02', '2026-06-05', '2026-06-04'];
      for (const d of days) await store.put('contact', validContact({ start: `${d}T10:00:00+01:00` }));
      await store.put('contact', validContact({ serviceUserId: OTHER_PERSON_ID, start: '2026-06-06T10:00:00+01:00' }));
      const mine = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID });
      expect(mine.items.map((c) => c.start.slice(0, 10))).to.deep.equal(['2026-06-05', '2026-06-04', '2026-06-03', '2026-06-02', '2026-06-01']);
      expect(mine.next).to.equal(undefined);
      const all = await store.list('contact');
      expect(all.items).to.have.length(6);
      const range = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID, from: '2026-06-02', to: '2026-06-04' });
      expect(range.items.map((c) => c.start.slice(0, 10))).to.deep.equal(['2026-06-03', '2026-06-02']);
    });

    it('orders by instant, not by the text of the offset', async () => {
      // 00:30+01:00 is 23:30Z the day before: earlier than 23:45Z.
      const a = await store.put('contact', validContact({ start: '2026-06-03T00:30:00+01:00' }));
      const b = await store.put('contact', validContact({ start: '2026-06-02T23:45:00Z' }));
      const { items } = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID });
      expect(items.map((c) => c.id)).to.deep.equal([b.id, a.id]);
    });

    it('pages with an opaque cursor: every record once, in order', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 25; i++) {
        // Some share a start time: the id breaks the tie, so no record is skipped or repeated.
        const c = await store.put('contact', validContact({ start: `2026-06-${String(1 + (i % 10)).padStart(2, '0')}T10:00:00+01:00` }));
        ids.add(c.id);
      }
      const seen: Contact[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID, limit: 7, ...(cursor && { cursor }) });
        seen.push(...page.items);
        cursor = page.next;
        pages++;
      } while (cursor);
      expect(pages).to.equal(4);
      expect(seen.map((c) => c.id).sort()).to.deep.equal([...ids].sort());
      const keys = seen.map((c) => Date.parse(c.start));
      expect(keys).to.deep.equal([...keys].sort((x, y) => y - x));
    });

    it('a cursor stays valid while newer records are added', async () => {
      for (let i = 1; i <= 6; i++) await store.put('contact', validContact({ start: `2026-06-0${i}T10:00:00+01:00` }));
      const first = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID, limit: 3 });
      await store.put('contact', validContact({ start: '2026-06-09T10:00:00+01:00' }));
      const second = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID, limit: 3, cursor: first.next! });
      expect(second.items.map((c) => c.start.slice(0, 10))).to.deep.equal(['2026-06-03', '2026-06-02', '2026-06-01']);
    });

    it('refuses a cursor it did not make, and a bad limit, with validation errors', async () => {
      await rejectsWith(store.list('contact', { cursor: 'not-a-cursor' }), 'validation');
      await rejectsWith(store.list('contact', { limit: 0 }), 'validation');
      await rejectsWith(store.list('contact', { limit: 1.5 }), 'validation');
      await rejectsWith(store.list('contact', { from: 'yesterday' }), 'validation');
    });

    it('keeps record types apart', async () => {
      const person = await store.put('serviceUser', validServiceUser());
      expect(await store.get('contact', person.id)).to.equal(undefined);
      const people = (await store.list('serviceUser')).items;
      expect(people.map((p) => p.id)).to.include(person.id);
      expect(people.every((p) => 'displayName' in p)).to.equal(true);
    });

    it('tells subscribers about each change with ids and version only', async () => {
      const c = validContact();
      const heard = nextChange(store, (x) => x.id === c.id);
      const stored = await store.put('contact', c);
      const change = await heard;
      expect(change).to.deep.equal({ type: 'contact', id: c.id, version: stored.version, serviceUserId: PERSON_ID });
    });

    it('stops telling a listener after unsubscribe, and survives a throwing listener', async () => {
      let calls = 0;
      const off = store.subscribe(() => calls++);
      store.subscribe(() => {
        throw new Error('a broken listener');
      });
      const heard = nextChange(store);
      await store.put('contact', validContact());
      await heard;
      off();
      const heardAgain = nextChange(store);
      await store.put('contact', validContact());
      await heardAgain;
      expect(calls).to.equal(1);
    });

    it('never lets a caller change what is stored by mutating a returned record', async () => {
      const stored = await store.put('contact', validContact({ note: 'kept' }));
      stored.note = 'mutated';
      (await store.get('contact', stored.id))!.othersPresent.push({ kind: 'carer' });
      const again = await store.get('contact', stored.id);
      expect(again?.note).to.equal('kept');
      expect(again?.othersPresent).to.deep.equal([]);
    });

    it('keeps any Unicode exactly', async () => {
      const note = 'Zażółć gęślą jaźń — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍⚕️ مرحبا \t tabs\r\nand CRLF  ';
      const stored = await store.put('contact', validContact({ note }));
      expect((await store.get('contact', stored.id))?.note).to.equal(note);
    });

    it('rejects unknown types and ids with StrError validation', async () => {
      await rejectsWith(store.get('nonsense' as never, 'x'), 'validation');
      await rejectsWith(store.get('contact', '' as string), 'validation');
    });

    it('readPeople (stores that have it) gives each person what get and list give, contacts down to the last attended', async () => {
      const read = store.readPeople?.bind(store);
      if (!read) return; // optional: the client reads person by person through get and list
      const kinds = ['carePlan', 'task', 'alert', 'warningSignPlan', 'signCheck'] as const;
      for (const suid of [PERSON_ID, OTHER_PERSON_ID]) {
        for (const type of kinds) for (const day of ['01', '03']) await store.put(type, validRecord(type, { [DATE_FIELD[type]]: `2026-06-${day}T09:00:00+01:00` } as never, suid));
        for (const [day, attendance] of [['02', '5'], ['04', '5'], ['05', '3'], ['09', '5']] as const) await store.put('contact', validContact({ id: testId(), serviceUserId: suid, start: `2026-06-${day}T10:00:00+01:00`, attendance }));
      }
      const missing = testId();
      const { people, unreadable } = await read([PERSON_ID, OTHER_PERSON_ID, missing], { contactsUntil: '2026-06-06' });
      expect(unreadable).to.deep.equal([]);
      expect(people.get(missing)?.serviceUser).to.equal(undefined);
      for (const suid of [PERSON_ID, OTHER_PERSON_ID]) {
        const got = people.get(suid)!;
        expect(got.serviceUser).to.deep.equal(await store.get('serviceUser', suid));
        // Newest first, down to the newest attended contact on or before the day (the one on the 9th is after it).
        expect(got.contacts).to.deep.equal((await store.list('contact', { serviceUserId: suid })).items.slice(0, 3));
        for (const type of kinds) expect(got.records[type], type).to.deep.equal((await store.list(type, { serviceUserId: suid })).items);
      }
    });

    // Every record type the registry lists, not contacts alone: a store generic over the registry must keep each one.
    for (const type of RECORD_TYPES) {
      describe(`every record type: ${type}`, () => {
        // Workers and staff records are about no person (docs/adr/0025-staff-records.md).
        const personless = (RECORDS[type].serviceUserId as (r: never) => string | undefined)(validRecord(type) as never) === undefined;
        const hasPerson = !personless && type !== 'serviceUser';
        const dated = (iso: string, serviceUserId = PERSON_ID) => validRecord(type, { [DATE_FIELD[type]]: iso } as never, serviceUserId) as never;

        it('stores it, gets it back, keeps each version in history and refuses a stale update', async () => {
          const r = validRecord(type);
          const v1 = await store.put(type, r);
          expect({ ...v1, version: '' }).to.deep.equal({ ...r, version: '' });
          expect(await store.get(type, r.id)).to.deep.equal(v1);
          const v2 = await store.put(type, { ...v1, ...EDIT[type], updatedAt: '2026-06-03T13:00:00Z' } as never, v1.version);
          expect(v2.version).to.not.equal(v1.version);
          expect({ ...v2, version: '' }).to.deep.equal({ ...v1, ...EDIT[type], updatedAt: '2026-06-03T13:00:00Z', version: '' });
          await rejectsWith(store.put(type, { ...v1, updatedAt: '2026-06-03T14:00:00Z' } as never, v1.version), 'conflict');
          expect(await store.get(type, r.id)).to.deep.equal(v2);
          expect((await store.history(type, r.id)).map((h) => h.version)).to.deep.equal([v1.version, v2.version]);
        });

        it('lists it newest first, for its person only, and tells subscribers its ids and version', async () => {
          // The newer record is made first (the smaller id), so only the type's date can put it first.
          const newer: { id: string } = dated('2026-06-04T09:00:00Z');
          const heard = nextChange(store, (c) => c.id === newer.id);
          const stored: { id: string; version: string } = await store.put(type, newer as never);
          const change = await heard;
          const older: { id: string } = await store.put(type, dated('2026-06-02T09:00:00Z'));
          const serviceUserId = personless ? undefined : type === 'serviceUser' ? stored.id : PERSON_ID;
          expect(change).to.deep.equal({ type, id: stored.id, version: stored.version, ...(serviceUserId !== undefined && { serviceUserId }) });
          if (hasPerson) await store.put(type, dated('2026-06-05T09:00:00Z', OTHER_PERSON_ID));
          const mine = new Set([older.id, stored.id]);
          const page = await store.list(type as RecordType, hasPerson ? { serviceUserId: PERSON_ID } : {});
          const listed = page.items.map((x) => x.id);
          expect(hasPerson ? listed : listed.filter((id) => mine.has(id))).to.deep.equal([stored.id, older.id]);
        });
      });
    }

    if (options.reopen) {
      it('keeps records, versions and history when opened again (reload)', async () => {
        const v1 = await store.put('contact', validContact({ note: 'before reload' }));
        const v2 = await store.put('contact', { ...v1, note: 'after edit' }, v1.version);
        store = await options.reopen!(store);
        expect(await store.get('contact', v1.id)).to.deep.equal(v2);
        expect((await store.history('contact', v1.id)).map((r) => r.note)).to.deep.equal(['before reload', 'after edit']);
        const v3 = await store.put('contact', { ...v2, note: 'third' }, v2.version);
        expect(v3.version).to.not.equal(v2.version);
      });
    }
  });
}
