import { expect } from '@open-wc/testing';
import { indexedDbStore, isStrError } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { validContact } from '../helpers/fixtures.js';

describe('indexedDbStore: two tabs on one database', () => {
  const name = `tabs-${Date.now()}`;
  after(() => deleteDB(name));

  it('50 times, both put the same record from the same version: exactly one wins, the other gets conflict', async () => {
    const tabA = indexedDbStore({ name, persist: false });
    const tabB = indexedDbStore({ name, persist: false });
    let current = await tabA.put('contact', validContact({ note: 'v0' }));
    const winners = { a: 0, b: 0 };
    for (let round = 0; round < 50; round++) {
      const [a, b] = await Promise.allSettled([
        tabA.put('contact', { ...current, note: `a${round}` }, current.version),
        tabB.put('contact', { ...current, note: `b${round}` }, current.version),
      ]);
      const won = [a, b].filter((r) => r.status === 'fulfilled');
      const lost = [a, b].filter((r) => r.status === 'rejected');
      expect(won, `round ${round}`).to.have.length(1);
      expect(isStrError((lost[0] as PromiseRejectedResult).reason, 'conflict')).to.equal(true);
      const winner = (won[0] as PromiseFulfilledResult<typeof current>).value;
      if (a.status === 'fulfilled') winners.a++;
      else winners.b++;
      const fresh = indexedDbStore({ name, persist: false });
      expect(await fresh.get('contact', current.id)).to.deep.equal(winner);
      fresh.close();
      current = winner;
    }
    expect(winners.a + winners.b).to.equal(50);
    expect(await tabB.history('contact', current.id)).to.have.length(51);
    tabA.close();
    tabB.close();
  });

  it("tells one tab's subscribers about the other tab's writes", async () => {
    const tabA = indexedDbStore({ name, persist: false });
    const tabB = indexedDbStore({ name, persist: false });
    const c = validContact();
    const heard = new Promise((resolve) => tabB.subscribe((change) => change.id === c.id && resolve(change)));
    const stored = await tabA.put('contact', c);
    expect(await heard).to.deep.include({ id: c.id, version: stored.version });
    tabA.close();
    tabB.close();
  });
});
