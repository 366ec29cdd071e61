import { StrError, createClient, indexedDbStore, memoryStore, syncedStore, type Clock, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { until as untilFrames } from '../../../../test/helpers/dom.js';
import '../define/str-sync-status.js';
import type { StrSyncStatus } from './sync-status.js';
import { validContact } from '../../../../test/helpers/fixtures.js';

const unreachable = (): Store => {
  const fail = () => Promise.reject(new StrError('transport', 'offline', true));
  return { name: 'unreachable', durability: 'remote', get: fail, list: fail, put: fail, history: fail, subscribe: () => () => undefined };
};
const text = (el: StrSyncStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const until = (el: StrSyncStatus, ok: () => boolean) => untilFrames(el, ok, () => text(el));

describe('<str-sync-status>', () => {
  it('says how many changes wait on this device and how old the oldest is; "all sent" once they are', async () => {
    let now = Date.parse('2026-06-05T10:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    let remote: Store = unreachable();
    const switchable: Store = {
      name: 'switchable', durability: 'remote',
      get: (t, id) => remote.get(t, id), list: (t, q) => remote.list(t, q), put: (t, r, v) => remote.put(t, r, v), history: (t, id) => remote.history(t, id), subscribe: () => () => undefined,
    };
    const s = syncedStore({ local: indexedDbStore({ name: `status-${Math.random()}`, persist: false }), remote: switchable, clock, auto: false });
    const client = createClient({ store: s, actor: { id: 'w1', role: 'str-worker' }, clock });
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${client} .clock=${clock}></str-sync-status>`);
    await s.put('contact', validContact());
    await s.put('contact', validContact());
    now += 2 * 86_400_000;
    await s.sync.now();
    await until(el, () => text(el).includes('2 changes are saved on this device'));
    expect(text(el)).to.include('Offline:');
    expect(text(el)).to.include('The oldest was saved 5 June 2026 at 11:00 (2 days ago)');
    await expectNoAxeViolations(el);
    remote = memoryStore();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await until(el, () => text(el).startsWith('All changes are in the record system'));
    s.close?.();
  });

  it('shows a conflict with both choices, and nothing without a synced store', async () => {
    const remote = memoryStore();
    const s = syncedStore({ local: indexedDbStore({ name: `status-${Math.random()}`, persist: false }), remote, auto: false });
    const c = await s.put('contact', validContact());
    await s.sync.now();
    const server = (await remote.get('contact', c.id))!;
    await remote.put('contact', { ...server, note: 'server' }, server.version);
    await s.put('contact', { ...c, note: 'device' }, c.version);
    await s.sync.now();
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(el, () => text(el).includes('1 change needs your attention'));
    expect(text(el)).to.include('Both versions are kept');
    await expectNoAxeViolations(el);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Keep mine'))!.click();
    await until(el, () => !text(el).includes('needs your attention'));
    await s.sync.now();
    expect((await remote.get('contact', c.id))!.note).to.equal('device');
    s.close?.();
    const plain = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: memoryStore(), actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    expect(plain.shadowRoot!.children.length).to.equal(0);
  });
});

describe('<str-sync-status>: every refusal offers a way forward', () => {
  it('a refused change offers "Try again", "Keep mine as a new version" and "Copy the text"; trying again once the record system accepts sends it', async () => {
    const real = memoryStore();
    let refuse = true;
    const remote: Store = { ...real, name: 'refusing', put: (t, r, v) => (refuse ? Promise.reject(new StrError('forbidden', 'PUT /Encounter: the record system does not allow this (forbidden)', false)) : real.put(t, r, v)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: `status-${Math.random()}`, persist: false }), remote, auto: false });
    const c = await s.put('contact', validContact({ note: 'Walked to the allotment; <b>not</b> bold' }));
    await s.sync.now();
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(el, () => text(el).includes('1 change needs your attention'));
    const button = (label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(label));
    expect(button('Try again'), 'try again').to.not.equal(undefined);
    expect(button('Keep mine as a new version'), 'keep mine').to.not.equal(undefined);
    // Copy the text: the device's version, shown as text in a read-only box (never as HTML).
    button('Copy the text')!.click();
    await until(el, () => el.shadowRoot!.querySelector('textarea') !== null);
    const box = el.shadowRoot!.querySelector('textarea')!;
    expect(box.readOnly).to.equal(true);
    expect(box.value).to.include('Walked to the allotment; <b>not</b> bold');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    await expectNoAxeViolations(el);
    refuse = false;
    button('Try again')!.click();
    await until(el, () => !text(el).includes('needs your attention'));
    await s.sync.now();
    expect((await real.get('contact', c.id))?.note).to.equal(c.note);
    await until(el, () => text(el).startsWith('All changes are in the record system'));
    s.close?.();
  });

  it('"Keep mine as a new version" after a refusal sends the device version again as a new local version', async () => {
    const real = memoryStore();
    let refuse = true;
    const remote: Store = { ...real, name: 'refusing', put: (t, r, v) => (refuse ? Promise.reject(new StrError('validation', 'POST /Encounter: the record system refused the resource (HTTP 422: business-rule)', false)) : real.put(t, r, v)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: `status-${Math.random()}`, persist: false }), remote, auto: false });
    const c = await s.put('contact', validContact());
    await s.sync.now();
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(el, () => text(el).includes('1 change needs your attention'));
    refuse = false;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith('Keep mine as a new version'))!.click();
    await until(el, () => !text(el).includes('needs your attention'));
    await s.sync.now();
    expect((await real.get('contact', c.id))?.id).to.equal(c.id);
    expect(Number((await s.get('contact', c.id))!.version)).to.equal(Number(c.version) + 1);
    s.close?.();
  });

  it('a conflict whose server version is not known offers no "Take theirs" (it could only fail), and still "Copy the text"', async () => {
    const real = memoryStore();
    const remote: Store = { ...real, name: 'conflicting', put: () => Promise.reject(new StrError('conflict', 'contact changed', false)), get: () => Promise.resolve(undefined) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: `status-${Math.random()}`, persist: false }), remote, auto: false });
    await s.put('contact', validContact());
    await s.sync.now();
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(el, () => text(el).includes('1 change needs your attention'));
    const labels = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels.some((l) => l.startsWith('Take theirs'))).to.equal(false);
    expect(labels.some((l) => l.startsWith('Keep mine'))).to.equal(true);
    expect(labels.some((l) => l.startsWith('Copy the text'))).to.equal(true);
    s.close?.();
  });
});
