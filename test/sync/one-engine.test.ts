// Issue 16, part 3: one sync engine at a time per device. Two tabs (here: two engines over one device database, as
// two tabs have) never push the same outbox at once, and each sees what the other's run did.
import { expect } from '@open-wc/testing';
import { indexedDbStore, memoryStore, syncedStore, type Store, type SyncedStore } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { validContact } from '../helpers/fixtures.js';

const names: string[] = [];
const dbName = () => {
  const n = `one-engine-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
after(async () => {
  for (const n of names) await deleteDB(n);
});

/** A record system that takes a little while per write and counts how many writes are in flight at once. */
function slowRemote() {
  const real = memoryStore();
  const stats = { inFlight: 0, maxInFlight: 0, puts: 0 };
  let hold: Promise<void> | undefined;
  const remote: Store = {
    ...real,
    name: 'slow',
    put: async (t, r, v) => {
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      stats.puts++;
      try {
        await new Promise((res) => setTimeout(res, 5));
        await hold;
        return await real.put(t, r, v);
      } finally {
        stats.inFlight--;
      }
    },
  } as Store;
  return { real, remote, stats, holdUntil: (p: Promise<void> | undefined) => (hold = p) };
}

describe('one sync engine per device (Web Locks)', () => {
  it('two tabs syncing one device store never push at once: each record sent once, nothing flagged', async () => {
    const name = dbName();
    const { real, remote, stats } = slowRemote();
    const tabs: SyncedStore[] = [0, 1].map(() => syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false }));
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await tabs[i % 2]!.put('contact', validContact({ note: `Visit ${i}` }))).id);
    await Promise.all([tabs[0]!.sync.now(), tabs[1]!.sync.now(), tabs[0]!.sync.now(), tabs[1]!.sync.now()]);
    await Promise.all(tabs.map((t) => t.sync.now()));
    expect(stats.maxInFlight, 'pushes in flight at once').to.equal(1);
    expect(stats.puts, 'each record sent once').to.equal(30);
    expect((await real.list('contact', { limit: 100 })).items.map((c) => c.id).sort()).to.deep.equal([...ids].sort());
    for (const t of tabs) expect(t.sync.state).to.deep.include({ unsynced: 0, needsAttention: [] });
    for (const t of tabs) t.close?.();
  });

  it('a tab that did not run sees the other tab\u2019s run: its changes sent, and when', async () => {
    const name = dbName();
    const { remote } = slowRemote();
    const [a, b] = [0, 1].map(() => syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false })) as [SyncedStore, SyncedStore];
    await b.put('contact', validContact());
    expect(b.sync.state.unsynced).to.equal(1);
    const after = await a.sync.now();
    expect(after.unsynced).to.equal(0);
    for (let i = 0; i < 100 && b.sync.state.unsynced !== 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(b.sync.state.unsynced, 'the other tab is told').to.equal(0);
    expect(b.sync.state.lastSyncedAt).to.equal(after.lastSyncedAt);
    a.close?.();
    b.close?.();
  });

  it('while one tab\u2019s run holds the device, the other waits, then takes over when that run ends', async () => {
    const name = dbName();
    const { remote, stats, holdUntil } = slowRemote();
    const [a, b] = [0, 1].map(() => syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false })) as [SyncedStore, SyncedStore];
    let free!: () => void;
    holdUntil(new Promise<void>((r) => (free = r)));
    await a.put('contact', validContact());
    const first = a.sync.now();
    await new Promise((r) => setTimeout(r, 50));
    await b.put('contact', validContact());
    holdUntil(undefined);
    const second = b.sync.now();
    await new Promise((r) => setTimeout(r, 100));
    expect(stats.maxInFlight, 'b waited').to.equal(1);
    free();
    await first;
    expect((await second).unsynced).to.equal(0);
    expect(stats.puts).to.equal(2);
    a.close?.();
    b.close?.();
  });

  it('when the tab whose run holds the device goes, a waiting tab takes over and sends both tabs’ changes', async function () {
    this.timeout(15_000);
    const name = dbName();
    const frame = document.createElement('iframe');
    const messages: Record<string, unknown>[] = [];
    const onMessage = (e: MessageEvent) => {
      if (e.source === frame.contentWindow) messages.push(e.data as Record<string, unknown>);
    };
    window.addEventListener('message', onMessage);
    frame.src = new URL(`../helpers/sync-tab-frame.html?db=${name}`, import.meta.url).href;
    document.body.append(frame);
    for (let i = 0; i < 500 && !messages.some((m) => m.holding); i++) await new Promise((r) => setTimeout(r, 10));
    expect(messages.some((m) => m.holding), JSON.stringify(messages)).to.equal(true);
    const theirs = messages.find((m) => typeof m.id === 'string')!.id as string;
    const { real, remote, stats } = slowRemote();
    const s = syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false });
    const mine = await s.put('contact', validContact());
    let done = false;
    const run = s.sync.now().then((state) => ((done = true), state));
    await new Promise((r) => setTimeout(r, 300));
    expect(done, 'waits while the other tab’s run holds the device').to.equal(false);
    expect(stats.puts).to.equal(0);
    frame.remove(); // the tab goes: its lock goes with it
    const state = await run;
    window.removeEventListener('message', onMessage);
    expect(state.unsynced).to.equal(0);
    expect((await real.list('contact', { limit: 10 })).items.map((c) => c.id).sort()).to.deep.equal([mine.id, theirs].sort());
    s.close?.();
  });
});
