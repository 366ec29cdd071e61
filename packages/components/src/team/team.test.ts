// <str-team> (issue 22): what the team lead sees for each worker, in words; who may see it; the filter; Welsh; axe at
// 1280 and 320 px. Synthetic people only.
import { memoryStore, StrError, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-team.js';
import '../define/str-provider.js';
import type { StrTeam } from './team.js';
import { EXAMPLE_CHECKLIST, TEAM_LEAD, seedTeam, teamClientAt } from './team.fixtures.js';

const words = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const card = (el: StrTeam, workerId: string) => el.shadowRoot!.querySelector(`[data-worker="${workerId}"]`)!.textContent!.replace(/\s+/g, ' ');

async function shown(store: Store, role: 'team-lead' | 'care-coordinator' | 'str-worker' | 'viewer' = 'team-lead', width = 1280) {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const el = document.createElement('str-team');
  el.checklist = EXAMPLE_CHECKLIST;
  el.client = teamClientAt(store, role, role === 'team-lead' ? TEAM_LEAD : `${role}-1`);
  box.append(el);
  await el.whenLoaded();
  await el.updateComplete;
  return el;
}

describe('<str-team>', () => {
  let store: Store;
  beforeEach(async () => {
    store = memoryStore();
    await seedTeam(store);
  });

  it('each worker’s caseload, contacts, DNA rate, alerts, supervision and training, in words', async () => {
    const el = await shown(store);
    expect([...el.shadowRoot!.querySelectorAll('[data-worker]')].map((w) => w.getAttribute('data-worker'))).to.deep.equal(['str-worker-2', 'peer-worker-1', 'str-worker-1']);
    const wren = card(el, 'str-worker-1');
    expect(wren).to.include('Wren Worker (STR worker)').and.include('2 people').and.include('This week: 2 · 4 weeks: 2').and.include('0% of 2 contacts due');
    expect(wren).to.include('Last 1 April 2026; overdue by 23 days');
    expect(wren).to.include('Safeguarding adults, level 2: expires 20 June 2026 (in 15 days)');
    const sky = card(el, 'peer-worker-1');
    expect(sky).to.include('Sky Peer (Peer support worker)').and.include('Never recorded').and.include('100% of 2 contacts due');
    expect(sky).to.include('Missing: 4 · Expiring within 30 days: 0 · Expired: 0').and.include('Peer support values and boundaries: not recorded');
    const rowan = card(el, 'str-worker-2');
    expect(rowan).to.include('1 person').and.include('Last 29 May 2026; next due 10 July 2026').and.include('Up to date');
    expect(words(el)).to.not.include('Kit Coordinator');
    const counts = el.shadowRoot!.querySelector('.counts')!.textContent!.replace(/\s+/g, ' ');
    expect(counts).to.include('Workers3').and.include('Supervision overdue or never recorded2').and.include('Training missing or expired1');
  });

  it('“Only workers who need attention” hides Rowan and says how many are shown', async () => {
    const el = await shown(store);
    el.shadowRoot!.querySelector<HTMLInputElement>('#only-attention')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-worker]')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[data-worker="str-worker-2"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('Showing 2 of 3 workers');
  });

  it('a co-ordinator sees the team; a worker and a viewer are told only team leads and co-ordinators do, and see no one', async () => {
    expect(words(await shown(store, 'care-coordinator'))).to.include('Wren Worker');
    for (const role of ['str-worker', 'viewer'] as const) {
      const el = await shown(store, role);
      expect(words(el)).to.include('Only team leads and care co-ordinators see the team’s workload.').and.not.include('Wren Worker');
    }
  });

  it('no workers yet, and a store that cannot be read: each said in words, with a way to try again', async () => {
    expect(words(await shown(memoryStore()))).to.include('No STR or peer support workers are listed yet');
    const broken = { ...memoryStore(), list: () => Promise.reject(new StrError('transport', 'offline', true)) } as Store;
    const el = await shown(broken);
    expect(words(el)).to.include('The team could not be loaded');
    expect(el.shadowRoot!.querySelector('[role=alert] button')?.textContent).to.equal('Try again');
  });

  it('redraws when a supervision is recorded', async () => {
    const el = await shown(store);
    await teamClientAt(store, 'team-lead', TEAM_LEAD).supervisions.create({ workerId: 'peer-worker-1', heldOn: '2026-06-05', kind: 'reflective-group' });
    for (let i = 0; i < 100 && card(el, 'peer-worker-1').includes('Never recorded'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(card(el, 'peer-worker-1')).to.include('Last 5 June 2026; next due 17 July 2026');
  });

  it('in Welsh: the words, plurals and dates; axe passes with lang="cy"', async () => {
    const box = await fixture<HTMLElement>(html`<str-provider locale="cy"></str-provider>`);
    const el = document.createElement('str-team');
    el.checklist = EXAMPLE_CHECKLIST;
    el.client = teamClientAt(store, 'team-lead', TEAM_LEAD);
    box.append(el);
    await el.whenLoaded();
    for (let i = 0; i < 100 && !words(el).includes('Y tîm'); i++) await new Promise((r) => setTimeout(r, 10));
    const wren = card(el, 'str-worker-1');
    expect(wren).to.include('Gweithiwr STR').and.include('yn hwyr o 23 o ddiwrnodau').and.include('Mehefin');
    expect(el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('cy');
    await expectNoAxeViolations(el);
  });

  for (const width of [1280, 320]) {
    it(`axe: no violations at ${width} px, and nothing wider than the box`, async () => {
      const el = await shown(store, 'team-lead', width);
      await expectNoAxeViolations(el);
      const box = el.parentElement!.getBoundingClientRect();
      const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((n) => n.getBoundingClientRect().right));
      expect(widest).to.be.at.most(box.right + 0.5);
    });
  }
});
