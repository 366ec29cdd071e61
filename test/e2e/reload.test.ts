import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';

/** Loads the probe page in a fresh iframe (a new document each time, as a reload is) and waits for its answer. */
function runFrame(step: string, db: string, page = 'frame.html'): Promise<{ ok: boolean; result?: unknown; code?: string }> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.title = 'reload probe';
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(e.data);
    };
    window.addEventListener('message', onMessage);
    frame.src = new URL(`../helpers/${page}?step=${step}&db=${db}`, import.meta.url).href;
    document.body.append(frame);
  });
}

describe('reload survival (a new document on the same origin)', () => {
  const db = `reload-${Date.now()}`;
  after(async () => {
    await deleteDB(`${db}-records`);
    await deleteDB(`${db}-drafts`);
  });

  it('a saved contact and a half-typed draft survive a reload; sign-out refuses to drop them', async () => {
    const written = await runFrame('write', db);
    expect(written.ok, written.code).to.equal(true);
    const { id } = written.result as { id: string };

    const after = await runFrame('read', db);
    expect(after.ok, after.code).to.equal(true);
    const r = after.result as {
      draft: unknown;
      contacts: { id: string; note: string }[];
      signOut: { wiped: boolean; wouldLose: { drafts: { key: string }[]; records: Record<string, number> } };
    };
    expect(r.draft).to.deep.equal({ note: 'half-typed note…', minutes: 30 });
    expect(r.contacts).to.deep.equal([{ id, note: 'saved before reload' }]);
    expect(r.signOut.wiped).to.equal(false);
    expect(r.signOut.wouldLose.drafts.map((d) => d.key)).to.deep.equal(['contact-log:person']);
    expect(r.signOut.wouldLose.records).to.deep.equal({ contact: 1 });
  });

  it('<str-care-plan>: a failed reorder and a failed completion are told; after a reload the plan is exactly as stored and the half-typed note is back', async function () {
    this.timeout(60_000);
    const cp = `${db}-care-plan`;
    const first = await runFrame('seed', cp, 'care-plan-frame.html');
    expect(first.ok, first.code).to.equal(true);
    const before = first.result as { told: string[]; shown: string[] };
    expect(before.told).to.have.length(2);
    for (const t of before.told) expect(t).to.include('Not saved: the record system did not answer');
    const after = await runFrame('read', cp, 'care-plan-frame.html');
    expect(after.ok, after.code).to.equal(true);
    const r = after.result as { shown: string[]; expected: string[]; firstStatus: string; seededIds: string[]; draft: string };
    expect(r.shown).to.deep.equal(r.expected);
    expect(r.shown).to.deep.equal(before.shown);
    expect([...r.shown].sort(), 'no task lost or duplicated').to.deep.equal([...r.seededIds].sort());
    expect(r.firstStatus).to.equal('in-progress');
    expect(r.draft).to.equal('Half-typed: did pages 3 and');
    await deleteDB(`${cp}-records`);
    await deleteDB(`${cp}-drafts`);
  });

  it('<str-relapse-signs>: an alert confirmed while the store refuses is still "not sent" after reloads, and a retry once the store is back sends it once', async function () {
    this.timeout(60_000);
    const al = `${db}-alert`;
    const confirm = await runFrame('confirm', al, 'alert-frame.html');
    expect(confirm.ok, confirm.code).to.equal(true);
    const c = confirm.result as { outbox: string; stored: number };
    expect(c.outbox).to.include('An alert has not been sent yet');
    expect(c.stored).to.equal(0);
    const down = await runFrame('still-down', al, 'alert-frame.html');
    expect(down.ok, down.code).to.equal(true);
    const d = down.result as { before: string; after: string; stored: string[]; attempts: number };
    expect(d.before, 'still shown after a reload').to.include('An alert has not been sent yet');
    expect(d.attempts, 'the retry reached the store').to.equal(1);
    expect(d.after, 'a failed retry keeps it').to.include('An alert has not been sent yet');
    expect(d.stored).to.deep.equal([]);
    const up = await runFrame('back-up', al, 'alert-frame.html');
    expect(up.ok, up.code).to.equal(true);
    const u = up.result as { before: string; after: string; stored: string[] };
    expect(u.before).to.include('An alert has not been sent yet');
    expect(u.after, 'sent: gone from the screen').to.equal('');
    expect(u.stored).to.deep.equal(['open']);
    await deleteDB(`${al}-records`);
    await deleteDB(`${al}-drafts`);
  });

  it('<str-contact-log>: a half-typed contact is back, as typed, after a real reload', async function () {
    this.timeout(60_000);
    const cl = `${db}-contact-log`;
    const typed = await runFrame('type', cl, 'contact-log-frame.html');
    expect(typed.ok, typed.code).to.equal(true);
    const back = await runFrame('read', cl, 'contact-log-frame.html');
    expect(back.ok, back.code).to.equal(true);
    const r = back.result as { note: string; duration: string; status: string };
    expect(r.note).to.equal('Half-typed: went to the housing office and');
    expect(r.duration).to.equal('35');
    expect(r.status).to.include('Draft restored');
    await deleteDB(`${cl}-records`);
    await deleteDB(`${cl}-drafts`);
  });
});
