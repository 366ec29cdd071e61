import { StrError, indexedDbDrafts, indexedDbStore, memoryStore, orderedTasks, type Clock, type RecordType, type Role, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, active, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-care-plan.js';
import type { StrCarePlan } from './care-plan.js';
import {
  FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, deafStore, fixtureWorkers, emptyPlan, largePlan, overduePlan, seedPlan, typicalPlan,
  type PlanFixture,
} from './care-plan.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

async function connected(client: StrClient, extra: Partial<StrCarePlan> = {}) {
  const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock} .workers=${fixtureWorkers}></str-care-plan>`);
  Object.assign(el, extra);
  await el.whenLoaded();
  return el;
}

async function controlled(f: PlanFixture, extra: Partial<StrCarePlan> = {}) {
  const el = await fixture<StrCarePlan>(html`<str-care-plan .plan=${f.plan} .goals=${f.goals} .tasks=${f.tasks} .notes=${f.notes} .clock=${clock}
    .workers=${fixtureWorkers} actor-id=${FIXTURE_WORKER}></str-care-plan>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

const taskRow = (el: StrCarePlan, id: string) => $(el, `li[data-task-id="${id}"]`);
const rowIds = (el: StrCarePlan, goalId: string) => $$(el, `li[data-goal-id="${goalId}"] li[data-task-id]`).map((li) => li.dataset['taskId']);
const press = async (button: HTMLElement, key: 'Enter' | 'Space' = 'Enter') => {
  button.focus();
  await sendKeys({ press: key });
};

describe('<str-care-plan>', () => {
  describe('showing a plan', () => {
    it('lists goals in the agreed order with their tasks beneath, each status in words', async () => {
      const f = typicalPlan();
      const el = await controlled(f);
      expect($$(el, '.goal-text').map((h) => h.textContent)).to.deep.equal(f.goals.map((g) => g.text));
      const row = taskRow(el, f.tasks[2]!.id);
      expect(row.querySelector('.task-name')!.textContent).to.equal('Visit the flat on Elm Road');
      expect(row.querySelector('.task-status')!.textContent).to.match(/Cannot start yet\s+Waiting for a viewing date/);
      expect(row.querySelector('.hint')!.textContent).to.equal('Carer: Jo Storycarer');
      expect(taskRow(el, f.tasks[0]!.id).querySelector('.hint')!.textContent).to.equal('You · Due 8 June 2026');
      expect(taskRow(el, f.tasks[4]!.id).querySelector('.hint')!.textContent).to.equal('You · Due 9 June 2026 · Every week');
      expect(taskRow(el, f.tasks[5]!.id).querySelector('.hint')!.textContent).to.equal('You · Done 20 May 2026');
      expect($(el, '[part=header]').textContent).to.include('Agreed and in use');
      expect($(el, '[part=header]').textContent).to.include('1 May 2026, with the person and Jo Storycarer (carer)');
      expect($(el, '[part=header]').textContent).to.include('Bea Storycoordinator');
      await expectNoAxeViolations(el);
    });

    it('flags overdue tasks and a past review date in words, by a fixed clock', async () => {
      const f = overduePlan();
      const el = await controlled(f);
      const header = $(el, '[part=header]').textContent!.replace(/\s+/g, ' ');
      expect(header).to.include('Review overdue: it was due on 1 June 2026, 4 days ago.');
      expect(header).to.include('2 tasks are overdue.');
      const overdueRows = $$(el, '.task.is-overdue').map((li) => li.dataset['taskId']);
      expect(overdueRows).to.have.members([f.tasks[0]!.id, f.tasks[1]!.id]);
      for (const id of overdueRows) expect(taskRow(el, id!).querySelector('.tag-overdue')!.textContent).to.equal('Overdue');
      // The day before, the review is due soon and only one task is late.
      el.clock = { now: () => new Date('2026-05-30T12:00:00Z') };
      await el.updateComplete;
      expect($(el, '[part=header]').textContent!.replace(/\s+/g, ' ')).to.include('Review due soon: 1 June 2026, in 2 days.');
      expect($$(el, '.task.is-overdue')).to.have.length(1);
      await expectNoAxeViolations(el);
    });

    it('shows what is due in the next 7 days, overdue first, for home visits', async () => {
      const f = typicalPlan();
      const el = await controlled(f, { view: 'due' });
      const names = $$(el, '[part=due] .task-name').map((n) => n.textContent);
      expect(names).to.deep.equal(['Ring the housing officer about the bidding number', 'Fill in the housing register form together', 'Weekly budget check-in', 'Check benefits with the welfare rights service']);
      expect($(el, '[part=due] .hint').textContent).to.equal(`Goal: ${f.goals[0]!.text}`);
      el.filter = 'mine';
      await el.updateComplete;
      expect($$(el, '[part=due] .task-name').map((n) => n.textContent)).to.deep.equal(['Fill in the housing register form together', 'Weekly budget check-in']);
      await expectNoAxeViolations(el);
    });

    it('filters to my tasks', async () => {
      const f = typicalPlan();
      const el = await controlled(f);
      const mine = $$<HTMLInputElement>(el, 'input[name=filter]').find((i) => i.value === 'mine')!;
      mine.click();
      await el.updateComplete;
      expect(el.filter).to.equal('mine');
      expect($$(el, '.task-name').map((n) => n.textContent)).to.deep.equal([
        'Fill in the housing register form together', 'Weekly budget check-in', 'Open a basic bank account', 'Go to the pool together for the first time',
      ]);
    });

    it('summarises the review per goal: done, open, overdue, and notes since, ready to print', async () => {
      const f = typicalPlan({ lastReviewedOn: '2026-05-18' });
      const el = await controlled(f, { view: 'review' });
      const rows = $$(el, '[part=review] tbody tr').map((tr) => [...tr.children].map((c) => c.textContent));
      expect(rows).to.deep.equal([
        [f.goals[0]!.text, '0', '3', '1'],
        [f.goals[1]!.text, '2', '2', '0'],
        [f.goals[2]!.text, '0', '1', '0'],
      ]);
      const text = $(el, '[part=review]').textContent!;
      expect(text).to.include('Progress since the last review on 18 May 2026.');
      expect(text).to.include('Account opened.\nCard arrives in a week.');
      expect(text).to.include('on “Fill in the housing register form together”');
      let printed = false;
      const realPrint = window.print;
      window.print = () => void (printed = true);
      try {
        $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Print the review summary')!.click();
      } finally {
        window.print = realPrint;
      }
      expect(printed).to.equal(true);
      await expectNoAxeViolations(el);
    });

    it('fires intents in controlled mode and changes nothing itself', async () => {
      const f = typicalPlan();
      const el = await controlled(f);
      const t = f.tasks[0]!;
      const heard = oneEvent(el, 'str-task-complete');
      $(el, `#t-${t.id}-complete`).click();
      const { detail } = await heard;
      expect(detail).to.deep.equal({ taskId: t.id, expectedVersion: t.version });
      expect(taskRow(el, t.id).querySelector('.tag')!.textContent).to.equal('In progress');
    });
  });

  describe('a worker, connected', () => {
    let store: Store;
    let f: PlanFixture;
    beforeEach(async () => {
      store = memoryStore();
      f = await seedPlan(store);
    });

    it('completes their own task with the keyboard alone, then adds the quick progress note it offers', async () => {
      const client = clientAs(store, 'str-worker', FIXTURE_WORKER);
      const el = await connected(client);
      const t = f.tasks[0]!;
      const saved = oneEvent(el, 'str-task-completed');
      await press($(el, `#t-${t.id}-complete`));
      const { detail } = await saved;
      expect(detail).to.deep.equal({ type: 'task', id: t.id, version: detail.version, serviceUserId: FIXTURE_PERSON_ID });
      expect((await client.tasks.get(t.id)).status).to.equal('completed');
      await until(el, () => active(el)?.id === 'ed-text', 'focus on the quick note');
      expect($(el, 'label[for=ed-text]').textContent).to.include('Add a quick progress note (optional)');
      expect(taskRow(el, t.id).querySelector('.tag')!.textContent).to.equal('Completed');
      expect($(el, '[role=status]').textContent).to.include('Task completed: Fill in the housing register form together');
      await sendKeys({ type: 'Finished the form; posted it.' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent).to.equal('Save note');
      await sendKeys({ press: 'Enter' });
      await until(el, () => !!taskRow(el, t.id).querySelector('.notes'), 'the note listed');
      const notes = (await client.progressNotes.list({ serviceUserId: FIXTURE_PERSON_ID })).items.filter((n) => n.about.id === t.id);
      expect(notes.map((n) => n.text)).to.include('Finished the form; posted it.');
      expect(active(el)?.id).to.equal(`n-${t.id}-add`);
      // Reopen puts it back and focus on "Mark complete".
      await press($(el, `#t-${t.id}-reopen`));
      await until(el, () => active(el)?.id === `t-${t.id}-complete`, 'focus back on Mark complete');
      expect((await client.tasks.get(t.id)).status).to.equal('in-progress');
      await expectNoAxeViolations(el);
    });

    it('in the 7-day view, a completed task stays in place with its quick note until the view changes', async () => {
      const client = clientAs(store, 'str-worker', FIXTURE_WORKER);
      const el = await connected(client, { view: 'due' });
      await el.updateComplete;
      const t = f.tasks[0]!;
      await press($(el, `#t-${t.id}-complete`));
      await until(el, () => active(el)?.id === 'ed-text', 'focus on the quick note');
      expect(taskRow(el, t.id).querySelector('.tag')!.textContent).to.equal('Completed');
      expect(taskRow(el, t.id).querySelector('time')!.getAttribute('datetime')).to.equal('2026-06-05');
      $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Goals and tasks')!.click();
      await el.updateComplete;
      $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Due in the next 7 days')!.click();
      await el.updateComplete;
      expect(taskRow(el, t.id), 'gone once the view is left').to.equal(null);
    });

    it('may not edit, reorder or complete other people\u2019s tasks, but may add notes', async () => {
      const el = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER));
      expect($$(el, 'button').filter((b) => /^(Edit|Move|Add a task|Add a goal|Record a review)/.test(b.textContent!))).to.have.length(0);
      expect($(el, `#t-${f.tasks[1]!.id}-complete`), 'the person\u2019s task').to.equal(null);
      expect($(el, `#t-${f.tasks[0]!.id}-complete`), 'their own task').to.not.equal(null);
      expect($(el, `#n-${f.tasks[1]!.id}-add`)).to.not.equal(null);
    });

    it('keeps a half-typed progress note across a reload (IndexedDB drafts)', async () => {
      const name = `care-plan-draft-${Math.random()}`;
      const drafts = indexedDbDrafts({ name });
      const el = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts }));
      const t = f.tasks[1]!;
      $(el, `#n-${t.id}-add`).click();
      await until(el, () => active(el)?.id === 'ed-text', 'note focused');
      await sendKeys({ type: 'Rang twice, no answer' });
      await new Promise((r) => setTimeout(r, 600)); // the draft is written 400 ms after typing stops
      el.remove();
      drafts.close?.();
      const again = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts: indexedDbDrafts({ name }) }));
      const finish = $(again, `#n-${t.id}-add`);
      expect(finish.textContent).to.include('Finish progress note');
      expect(taskRow(again, t.id).textContent).to.include('Unsaved note');
      finish.click();
      await until(again, () => $<HTMLTextAreaElement>(again, '#ed-text')?.value === 'Rang twice, no answer', 'draft restored');
    });
  });

  describe('the care co-ordinator, connected', () => {
    let store: Store;
    let f: PlanFixture;
    let client: StrClient;
    beforeEach(async () => {
      store = memoryStore();
      f = await seedPlan(store);
      client = clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR);
    });

    it('reorders tasks with the keyboard alone; focus stays with the moved task', async () => {
      const el = await connected(client);
      const goal = f.goals[0]!;
      const [a, b, c] = f.tasks;
      await press($(el, `#t-${a!.id}-down`));
      await until(el, () => rowIds(el, goal.id)[1] === a!.id, 'moved down');
      expect(active(el)?.id).to.equal(`t-${a!.id}-down`);
      await sendKeys({ press: 'Enter' });
      await until(el, () => rowIds(el, goal.id)[2] === a!.id, 'moved to the end');
      expect(active(el)?.id, 'at the end, focus goes to Move up').to.equal(`t-${a!.id}-up`);
      expect($(el, '[role=status]').textContent).to.include('to position 3 of 3');
      const view = await client.carePlans.load(f.plan.id);
      expect(orderedTasks(view.plan, goal.id, view.tasks).map((t) => t.id)).to.deep.equal([b!.id, c!.id, a!.id]);
      expect(view.plan.taskOrder[goal.id]).to.deep.equal([b!.id, c!.id, a!.id]);
    });

    it('reorders tasks with the pointer (drag and drop)', async () => {
      const el = await connected(client);
      const goal = f.goals[0]!;
      const [a, b, c] = f.tasks;
      const dt = new DataTransfer();
      taskRow(el, c!.id).dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }));
      const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt });
      taskRow(el, a!.id).dispatchEvent(over);
      expect(over.defaultPrevented, 'a row in the same goal accepts the drop').to.equal(true);
      taskRow(el, a!.id).dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      await until(el, () => rowIds(el, goal.id)[0] === c!.id, 'dropped first');
      expect(rowIds(el, goal.id)).to.deep.equal([c!.id, a!.id, b!.id]);
      // A row of another goal does not accept it.
      taskRow(el, c!.id).dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }));
      const elsewhere = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt });
      taskRow(el, f.tasks[3]!.id).dispatchEvent(elsewhere);
      expect(elsewhere.defaultPrevented).to.equal(false);
    });

    it('reorders goals', async () => {
      const el = await connected(client);
      const [g1, g2, g3] = f.goals;
      await press($(el, `#g-${g3!.id}-up`));
      await until(el, () => $$(el, 'li.goal')[1]?.dataset['goalId'] === g3!.id, 'goal moved');
      expect(active(el)?.id).to.equal(`g-${g3!.id}-up`);
      expect((await client.carePlans.get(f.plan.id)).goalOrder).to.deep.equal([g1!.id, g3!.id, g2!.id]);
    });

    it('adds a task; focus lands on it; bad input gets a linked error summary and keeps what was typed', async () => {
      const el = await connected(client);
      const goal = f.goals[2]!;
      await press($(el, `#g-${goal.id}-add-task`));
      await until(el, () => active(el)?.id === 'ed-text', 'focus in the form');
      $<HTMLSelectElement>(el, '#ed-repeat').value = 'weekly';
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => !!$(el, '.error-summary'));
      expect(active(el)).to.equal($(el, '.error-summary'));
      expect($$(el, '.error-summary a').map((a) => a.textContent)).to.deep.equal([
        'Enter when it is first due, so the repeats have a start',
        'Enter what needs doing',
      ]);
      $(el, '.error-summary a').click();
      expect(active(el)?.id).to.equal('ed-due-date');
      $<HTMLInputElement>(el, '#ed-text').value = 'Buy goggles';
      $<HTMLInputElement>(el, '#ed-due-date').value = '2026-06-09';
      await expectNoAxeViolations(el);
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => !$(el, 'form.editor'), 'form closed');
      const added = (await client.tasks.list({ serviceUserId: FIXTURE_PERSON_ID })).items.find((t) => t.text === 'Buy goggles')!;
      expect(added).to.deep.include({ goalId: goal.id, dueDate: '2026-06-09', repeat: 'weekly', status: 'not-started', owner: { kind: 'worker', workerId: FIXTURE_COORDINATOR } });
      expect(active(el)?.id).to.equal(`t-${added.id}-name`);
      expect(rowIds(el, goal.id).at(-1)).to.equal(added.id);
    });

    it('adds a goal in the person\u2019s words, exactly; focus lands on it', async () => {
      const el = await connected(client);
      await press($(el, '#goal-add'));
      await until(el, () => active(el)?.id === 'ed-text');
      const words = '  I’d like to see my grandson more — maybe Sundays?\n(if my knee lets me) ';
      $<HTMLTextAreaElement>(el, '#ed-text').value = words;
      $<HTMLSelectElement>(el, '#ed-life-area').value = 'relationships';
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => $$(el, 'li.goal').length === 4, 'goal added');
      const goal = (await client.goals.list({ serviceUserId: FIXTURE_PERSON_ID })).items.find((g) => g.lifeArea === 'relationships')!;
      expect(goal.text).to.equal(words);
      expect($(el, `#g-${goal.id}-heading`).textContent).to.equal(words);
      expect(active(el)?.id).to.equal(`g-${goal.id}-heading`);
    });

    it('cancels a task only with a reason, and records a review', async () => {
      const el = await connected(client);
      const t = f.tasks[3]!;
      await press($(el, `#t-${t.id}-status-btn`));
      await until(el, () => !!$(el, 'form.editor'));
      expect((active(el) as HTMLInputElement).value, 'focus on the current status').to.equal('not-started');
      $$<HTMLInputElement>(el, 'input[name=status]').find((i) => i.value === 'cancelled')!.click();
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => !!$(el, '.error-summary'));
      expect($(el, '.error-summary').textContent).to.include('Enter why the task was cancelled');
      $<HTMLInputElement>(el, '#ed-reason').value = 'The person chose to do it with family';
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => taskRow(el, t.id).querySelector('.tag')!.textContent === 'Cancelled');
      expect(taskRow(el, t.id).textContent).to.include('The person chose to do it with family');
      expect(active(el)?.id).to.equal(`t-${t.id}-name`);

      await press($(el, '#plan-review'));
      await until(el, () => active(el)?.id === 'ed-reviewed-on');
      $<HTMLInputElement>(el, '#ed-next-review-on').value = '2026-09-05';
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => $(el, '[part=header]').textContent!.includes('Next review: 5 September 2026'));
      expect(await client.carePlans.get(f.plan.id)).to.deep.include({ lastReviewedOn: '2026-06-05', nextReviewOn: '2026-09-05' });
      expect(active(el)?.id).to.equal('plan-review');
    });

    it('edits a task', async () => {
      const el = await connected(client);
      const t = f.tasks[7]!;
      await press($(el, `#t-${t.id}-edit`));
      await until(el, () => active(el)?.id === 'ed-text');
      expect($<HTMLInputElement>(el, '#ed-text').value).to.equal(t.text);
      $<HTMLInputElement>(el, '#ed-text').value = 'Go to the pool together on a quiet morning';
      $<HTMLSelectElement>(el, '#ed-owner').value = 'service-user';
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => taskRow(el, t.id).querySelector('.task-name')!.textContent === 'Go to the pool together on a quiet morning');
      expect((await client.tasks.get(t.id)).owner).to.deep.equal({ kind: 'service-user' });
      expect(active(el)?.id).to.equal(`t-${t.id}-name`);
    });

    it('edits a goal: words, area, target date and status', async () => {
      const el = await connected(client);
      const g = f.goals[1]!;
      await press($(el, `#g-${g.id}-edit`));
      await until(el, () => active(el)?.id === 'ed-text');
      $<HTMLTextAreaElement>(el, '#ed-text').value = 'Sort my money out.';
      $<HTMLInputElement>(el, '#ed-target-date').value = '2026-12-31';
      $<HTMLSelectElement>(el, '#ed-status').value = 'on-hold';
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => $(el, `#g-${g.id}-heading`).textContent === 'Sort my money out.');
      expect(await client.goals.get(g.id)).to.deep.include({ text: 'Sort my money out.', targetDate: '2026-12-31', status: 'on-hold', lifeArea: 'money-and-benefits' });
      expect($(el, `li[data-goal-id="${g.id}"] .hint`).textContent).to.include('Paused · Target 31 December 2026');
      expect(active(el)?.id).to.equal(`g-${g.id}-heading`);
    });

    it('edits the plan details: status, dates and who it was agreed with', async () => {
      const el = await connected(client);
      await press($(el, '#plan-edit'));
      await until(el, () => active(el)?.id === 'ed-status');
      $<HTMLSelectElement>(el, '#ed-status').value = 'on-hold';
      $<HTMLInputElement>(el, '#ed-next-review-on').value = '2026-07-01';
      $<HTMLInputElement>(el, 'input[name=agreed-carer]').checked = false;
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => !$(el, 'form.editor'), 'form closed');
      expect($(el, '.facts').textContent).to.include('On hold');
      expect(await client.carePlans.get(f.plan.id)).to.deep.include({ status: 'on-hold', nextReviewOn: '2026-07-01', agreedWith: [{ kind: 'service-user' }] });
      expect(active(el)?.id).to.equal('plan-edit');
    });

    it('starts a plan for a person who has none', async () => {
      const empty = memoryStore();
      const cc = clientAs(empty, 'care-coordinator', FIXTURE_COORDINATOR);
      const person = await cc.serviceUsers.create({ id: FIXTURE_PERSON_ID, displayName: 'Kit Storyperson' });
      expect(person.id).to.equal(FIXTURE_PERSON_ID);
      const el = await connected(cc);
      expect($(el, '[part=header]').textContent).to.include('No care plan has been started');
      await expectNoAxeViolations(el);
      await press($(el, '#plan-start'));
      await until(el, () => !!$(el, 'form.editor'));
      $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
      await until(el, () => !!$(el, '#goal-add'), 'plan started');
      expect((await cc.carePlans.loadCurrent(FIXTURE_PERSON_ID))?.plan).to.deep.include({ status: 'draft', coordinatorId: FIXTURE_COORDINATOR });
    });
  });

  describe('conflicts: two clients on one store', () => {
    it('a worker completing a task someone else just edited sees both versions and chooses', async () => {
      const store = memoryStore();
      const f = await seedPlan(store);
      const t = f.tasks[0]!;
      const worker = clientAs(deafStore(store), 'str-worker', FIXTURE_WORKER);
      const cc = clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR);
      const el = await connected(worker);
      const theirs = await cc.tasks.update(t.id, { text: 'Fill in the housing register form (pages 3 to 6)' }, t.version);
      $(el, `#t-${t.id}-complete`).click();
      await until(el, () => !!$(el, '.conflict'), 'conflict shown');
      const panel = $(el, '.conflict');
      expect(active(el)).to.equal(panel);
      const [mine, stored] = [...panel.querySelectorAll('table')].map((tb) => [...tb.querySelectorAll('tr')].map((tr) => tr.textContent));
      expect(mine).to.deep.equal(['StatusCompleted']);
      expect(stored).to.include('WhatFill in the housing register form (pages 3 to 6)');
      expect(stored).to.include('StatusIn progress');
      expect(panel.textContent).to.include('Bea Storycoordinator saved a change');
      expect(await worker.tasks.get(t.id), 'nothing overwritten').to.deep.equal(theirs);
      // The screen now shows what is stored.
      expect(taskRow(el, t.id).querySelector('.task-name')!.textContent).to.equal('Fill in the housing register form (pages 3 to 6)');
      await expectNoAxeViolations(el);
      [...panel.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Keep the stored version')!.click();
      await until(el, () => !$(el, '.conflict'));
      expect(await worker.tasks.get(t.id)).to.deep.equal(theirs);

      // Again, choosing their own: completion applied on top of the stored text.
      const again = await cc.tasks.update(t.id, { text: 'Fill in the whole form' }, theirs.version);
      $(el, `#t-${t.id}-complete`).click();
      await until(el, () => !!$(el, '.conflict'));
      $$<HTMLButtonElement>(el, '.conflict button').find((b) => b.textContent === 'Save my change over it')!.click();
      await until(el, () => taskRow(el, t.id).querySelector('.tag')?.textContent === 'Completed');
      expect(await worker.tasks.get(t.id)).to.deep.include({ text: 'Fill in the whole form', status: 'completed' });
      expect((await worker.tasks.history(t.id)).map((v) => v.version)).to.include(again.version);
    });

    it('a reorder over someone else\u2019s reorder shows both orders', async () => {
      const store = memoryStore();
      const f = await seedPlan(store);
      const [a, b, c] = f.tasks;
      const goal = f.goals[0]!;
      const mine = clientAs(deafStore(store), 'care-coordinator', FIXTURE_COORDINATOR);
      const lead = clientAs(store, 'team-lead', 'lead-1');
      const el = await connected(mine);
      await lead.carePlans.reorderTasks(f.plan.id, goal.id, [c!.id, b!.id, a!.id], f.plan.version);
      $(el, `#t-${a!.id}-down`).click();
      await until(el, () => !!$(el, '.conflict'));
      const [yours, stored] = [...$(el, '.conflict').querySelectorAll('table')].map((tb) => [...tb.querySelectorAll('td')].map((td) => td.textContent));
      expect(yours).to.deep.equal([b!.text, a!.text, c!.text]);
      expect(stored).to.deep.equal([c!.text, b!.text, a!.text]);
      expect(rowIds(el, goal.id), 'the screen shows the stored order').to.deep.equal([c!.id, b!.id, a!.id]);
    });
  });

  describe('a store that fails on a chosen write', () => {
    /** IndexedDB, with the next write of `type` failing the way a lost connection would. */
    function flaky(name: string) {
      const real = indexedDbStore({ name });
      let failNext: RecordType | undefined;
      const store: Store = {
        ...real, name: real.name, durability: real.durability, get: real.get, list: real.list, history: real.history, subscribe: real.subscribe,
        put: (type, record, expected) => {
          if (type === failNext) {
            failNext = undefined;
            return Promise.reject(new StrError('transport', 'connection lost', true));
          }
          return real.put(type, record, expected);
        },
      };
      return { store, real, failOn: (t: RecordType) => (failNext = t) };
    }

    for (const which of ['reorder', 'completion'] as const) {
      it(`a failed ${which} tells the worker, and after a reload the plan is exactly as stored`, async () => {
        const name = `care-plan-flaky-${which}-${Math.random()}`;
        const { store, real, failOn } = flaky(name);
        const f = await seedPlan(store);
        const goal = f.goals[0]!;
        const client = clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR);
        const el = await connected(client);
        const before = rowIds(el, goal.id);
        failOn(which === 'reorder' ? 'carePlan' : 'task');
        const t = f.tasks[0]!;
        await press($(el, which === 'reorder' ? `#t-${t.id}-down` : `#t-${t.id}-complete`));
        await until(el, () => !!$(el, '.problem'), 'the worker is told');
        expect($(el, '.problem').getAttribute('role')).to.equal('alert');
        expect($(el, '.problem').textContent).to.include('Not saved: the record system did not answer');
        expect(active(el)).to.equal($(el, '.problem'));
        expect(rowIds(el, goal.id)).to.deep.equal(before);
        expect(taskRow(el, t.id).querySelector('.tag')!.textContent).to.equal('In progress');

        el.remove();
        real.close?.();
        const reopened = indexedDbStore({ name });
        const fresh = await connected(clientAs(reopened, 'care-coordinator', FIXTURE_COORDINATOR));
        const stored = await clientAs(reopened, 'viewer', 'v').carePlans.load(f.plan.id);
        const shown = $$(fresh, 'li[data-task-id]').map((li) => li.dataset['taskId']);
        expect(new Set(shown).size, 'no task duplicated').to.equal(shown.length);
        expect(shown.length, 'no task lost').to.equal(f.tasks.length);
        for (const g of stored.goals) expect(rowIds(fresh, g.id)).to.deep.equal(orderedTasks(stored.plan, g.id, stored.tasks).map((x) => x.id));
        expect((await reopened.get('task', t.id))?.status).to.equal('in-progress');
        reopened.close?.();
      });
    }
  });

  describe('every role', () => {
    const cases: [Role, { edit: boolean; ownStatus: boolean; otherStatus: boolean; note: boolean }][] = [
      ['str-worker', { edit: false, ownStatus: true, otherStatus: false, note: true }],
      ['peer-support-worker', { edit: false, ownStatus: true, otherStatus: false, note: true }],
      ['care-coordinator', { edit: true, ownStatus: true, otherStatus: true, note: true }],
      ['team-lead', { edit: true, ownStatus: true, otherStatus: true, note: true }],
      ['viewer', { edit: false, ownStatus: false, otherStatus: false, note: false }],
    ];
    for (const [role, may] of cases) {
      it(`${role}: ${JSON.stringify(may)}`, async () => {
        const store = memoryStore();
        const f = await seedPlan(store);
        const el = await connected(clientAs(store, role, FIXTURE_WORKER));
        const own = f.tasks[0]!; // the worker's
        const other = f.tasks[1]!; // the person's
        expect(!!$(el, `#t-${own.id}-complete`), 'own task status').to.equal(may.ownStatus);
        expect(!!$(el, `#t-${other.id}-complete`), 'other task status').to.equal(may.otherStatus);
        expect(!!$(el, `#t-${own.id}-edit`), 'edit task').to.equal(may.edit);
        expect(!!$(el, `#t-${own.id}-down`), 'reorder').to.equal(may.edit);
        expect(!!$(el, '#goal-add'), 'add goal').to.equal(may.edit);
        expect(!!$(el, '#plan-review'), 'record review').to.equal(may.edit);
        expect(!!$(el, `#n-${other.id}-add`), 'add note').to.equal(may.note);
        expect(!!$(el, 'input[name=filter]'), 'My tasks').to.equal(may.ownStatus);
        await expectNoAxeViolations(el);
      });
    }

    it('read-only, as a viewer sees it: no "My tasks", and no button but the views and print', async () => {
      for (const view of ['plan', 'due', 'review'] as const) {
        const el = await controlled(typicalPlan(), { readonly: true, view });
        expect($$(el, 'input, select, textarea, form').map((n) => n.outerHTML.slice(0, 60)), view).to.deep.equal([]);
        const offered = $$(el, 'button').map((b) => b.textContent!.trim());
        expect(offered.filter((b) => !['Goals and tasks', 'Due in the next 7 days', 'Review summary', 'Print the review summary'].includes(b)), view).to.deep.equal([]);
      }
    });

    it('controlled with no actor-id: no "My tasks", as no task can be known to be theirs', async () => {
      const f = typicalPlan();
      const el = await fixture<StrCarePlan>(html`<str-care-plan .plan=${f.plan} .goals=${f.goals} .tasks=${f.tasks} .notes=${f.notes} .clock=${clock}></str-care-plan>`);
      expect(!!$(el, 'input[name=filter]'), 'My tasks offered').to.equal(false);
      expect($(el, `#t-${f.tasks[0]!.id}-complete`), 'other actions still offered').to.not.equal(null);
    });
  });

  describe('accessibility in every fixture state', () => {
    const states: [string, () => Promise<StrCarePlan>][] = [
      ['empty plan', () => controlled(emptyPlan())],
      ['typical plan', () => controlled(typicalPlan())],
      ['overdue and review due', () => controlled(overduePlan())],
      ['read-only', () => controlled(typicalPlan(), { readonly: true })],
      ['compact home-visit view', () => controlled(typicalPlan(), { view: 'due' })],
      ['review summary', () => controlled(typicalPlan(), { view: 'review' })],
      ['no plan', () => fixture<StrCarePlan>(html`<str-care-plan></str-care-plan>`)],
      ['500 tasks', () => controlled(largePlan(500))],
    ];
    for (const [name, make] of states) {
      it(`${name}: no axe violations; every target at least 24 by 24 px`, async function () {
        const large = name === '500 tasks';
        // Every axe rule over 500 tasks in one run took 39 s on 2 shared cores (load 15): the two per-pixel rules,
        // colour contrast (23 s) and target size (9 s), run over the same 500 tasks in the test below, so each run
        // holds well inside its limit and every rule still sees every row.
        if (large) this.timeout(60_000);
        const el = await make();
        await expectNoAxeViolations(el, large ? { except: ['color-contrast', 'target-size'] } : {});
        for (const c of $$(el, 'button, input, select, summary, textarea').slice(0, large ? undefined : 200)) {
          const r = c.getBoundingClientRect();
          if (r.width === 0) continue; // visually hidden or not laid out
          expect(Math.min(r.width, r.height), c.outerHTML.slice(0, 80)).to.be.at.least(24);
        }
      });
    }

    it('500 tasks: colour contrast and target size hold on every row', async function () {
      this.timeout(90_000); // about 32 s at load 15 on 2 shared cores, 10 s on a quiet machine
      const el = await controlled(largePlan(500));
      expect($$(el, 'li[data-task-id]'), 'every task drawn').to.have.length(500);
      await expectNoAxeViolations(el, { only: ['color-contrast', 'target-size'] });
    });

    it('320 px wide: nothing wider than the element', async () => {
      const el = await controlled(typicalPlan());
      el.style.width = '320px';
      await el.updateComplete;
      for (const node of $$(el, '*')) expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      await expectNoAxeViolations(el);
    });

    it('read-only shows no controls', async () => {
      const el = await controlled(typicalPlan(), { readonly: true });
      expect($$(el, '.actions button, form')).to.have.length(0);
    });
  });
});
