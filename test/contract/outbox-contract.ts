// The outbox port (ports.ts `OutboxStore`): what `syncedStore` relies on of its device store. DESIGN.md, "Offline first".
import { expect } from '@open-wc/testing';
import type { OutboxStore } from '@strkit/sdk';
import { PERSON_ID, validContact } from '../helpers/fixtures.js';

export interface OutboxContractOptions {
  /** A fresh, empty store. */
  readonly make: () => Promise<OutboxStore> | OutboxStore;
  readonly cleanup?: (store: OutboxStore) => Promise<void> | void;
}

const AT = '2026-06-03T09:30:00Z';
const LATER = '2026-06-03T10:30:00Z';

export function outboxContract(name: string, options: OutboxContractOptions) {
  describe(`outbox contract: ${name}`, () => {
    let store: OutboxStore;
    beforeEach(async () => {
      store = await options.make();
    });
    afterEach(async () => {
      await options.cleanup?.(store);
    });

    it('putLocal stores the record and, in the same write, one entry that follows its latest version and keeps when it began', async () => {
      const v1 = await store.putLocal('contact', validContact({ note: 'one' }), undefined, AT);
      expect(await store.get('contact', v1.id)).to.deep.equal(v1);
      expect(await store.outbox()).to.deep.equal([{ type: 'contact', id: v1.id, serviceUserId: PERSON_ID, since: AT, localVersion: v1.version, attempts: 0 }]);
      const v2 = await store.putLocal('contact', { ...v1, note: 'two' }, v1.version, LATER);
      expect(await store.outbox()).to.deep.equal([{ type: 'contact', id: v1.id, serviceUserId: PERSON_ID, since: AT, localVersion: v2.version, attempts: 0 }]);
      // A plain put is not waiting for the record system.
      await store.put('contact', validContact());
      expect(await store.outbox()).to.have.length(1);
    });

    it('settle clears the entry only for the version that was sent, and remembers the record system’s version', async () => {
      const v1 = await store.putLocal('contact', validContact({ note: 'one' }), undefined, AT);
      const v2 = await store.putLocal('contact', { ...v1, note: 'two' }, v1.version, LATER);
      await store.settle('contact', v1.id, v1.version, 'remote-1');
      expect(await store.remoteVersion('contact', v1.id)).to.equal('remote-1');
      expect((await store.outbox()).map((e) => e.localVersion), 'a later write moved on: still to send').to.deep.equal([v2.version]);
      await store.settle('contact', v1.id, v2.version, 'remote-2');
      expect(await store.outbox()).to.deep.equal([]);
      expect(await store.remoteVersion('contact', v1.id)).to.equal('remote-2');
    });

    it('bump counts attempts; flag keeps the entry for a person with the record system’s version; unflag and a later save keep the entry', async () => {
      const mine = await store.putLocal('contact', validContact({ note: 'mine' }), undefined, AT);
      await store.bump('contact', mine.id);
      expect((await store.outbox())[0]?.attempts).to.equal(1);
      const theirs = { ...mine, note: 'theirs', version: 'remote-9' };
      await store.flag('contact', mine.id, { code: 'conflict', message: 'Someone else changed it', at: LATER }, theirs);
      const [flagged] = await store.outbox();
      expect(flagged).to.deep.include({ attempts: 2, attention: { code: 'conflict', message: 'Someone else changed it', at: LATER }, theirs });
      await store.unflag('contact', mine.id);
      const [kept] = await store.outbox();
      expect(kept).to.deep.equal({ type: 'contact', id: mine.id, serviceUserId: PERSON_ID, since: AT, localVersion: mine.version, attempts: 2 });
      expect(await store.get('contact', mine.id)).to.deep.equal(mine);
      // A later save keeps the count and when the wait began.
      const again = await store.putLocal('contact', { ...mine, note: 'mine, again' }, mine.version, LATER);
      expect((await store.outbox())[0]).to.deep.include({ attempts: 2, since: AT, localVersion: again.version });
    });

    it('applyRemote never overwrites unsynced work unless forced, and stores the record system’s record as a new local version', async () => {
      const mine = await store.putLocal('contact', validContact({ note: 'mine' }), undefined, AT);
      expect(await store.applyRemote('contact', { ...mine, note: 'theirs', version: 'remote-3' })).to.equal(false);
      expect((await store.get('contact', mine.id))?.note).to.equal('mine');
      expect(await store.outbox()).to.have.length(1);
      expect(await store.applyRemote('contact', { ...mine, note: 'theirs', version: 'remote-3' }, true)).to.equal(true);
      expect((await store.get('contact', mine.id))?.note).to.equal('theirs');
      expect(await store.outbox()).to.deep.equal([]);
      expect(await store.remoteVersion('contact', mine.id)).to.equal('remote-3');
      const fresh = validContact({ note: 'from the record system', version: 'remote-1' });
      expect(await store.applyRemote('contact', fresh)).to.equal(true);
      expect((await store.history('contact', fresh.id)).map((r) => r.note)).to.deep.equal(['from the record system']);
      expect(await store.outbox()).to.deep.equal([]);
    });
  });
}
