// <str-care-plan> in Welsh and in the pseudo-locale (issue 20): every word from its catalogue (views, rows, forms,
// errors, notices, conflict, code labels), Welsh plural forms for 0, 1, 2, 3, 6 and 11 tasks and notes, Welsh dates,
// axe with lang="cy", layout at 390 px with 40% longer words in every fixture state, and a locale switch that keeps a
// half-typed form.
import { CARE_PLAN_STATUSES, GOAL_STATUSES, LIFE_AREAS, TASK_REPEATS, TASK_STATUSES, inputIssues, memoryStore, type Goal, type ProgressNote, type Store, type StrClient, type Task } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { clientAs, fixtureClock } from '../../../../test/helpers/clients.js';
import { $, $$, active, until } from '../../../../test/helpers/dom.js';
import { PSEUDO_LOCALE, expectLayoutHolds, expectNoEnglish, registerPseudoLocale } from '../../../../test/l10n/pseudo.js';
import '../define/str-care-plan.js';
import '../define/str-provider.js';
import type { StrProvider } from '../provider/provider.js';
import type { StrCarePlan } from './care-plan.js';
import {
  FIXTURE_COORDINATOR, FIXTURE_PERSON_ID, FIXTURE_WORKER, emptyPlan, fixtureGoal, fixtureNote, fixturePlan, fixtureTask, fixtureWorkers, overduePlan,
  seedPlan, deafStore, typicalPlan, type PlanFixture,
} from './care-plan.fixtures.js';
import { CARE_PLAN_MESSAGES } from './care-plan.messages.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const langOf = (el: Element) => ([...el.shadowRoot!.children].find((c) => c.hasAttribute('lang')) as HTMLElement | undefined)?.lang;
const words = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim();

interface Mount {
  readonly plan?: PlanFixture;
  readonly person?: string;
  readonly readonly?: boolean;
  readonly view?: StrCarePlan['view'];
  readonly client?: StrClient;
}

async function inLocale(locale: string, m: Mount = {}): Promise<{ provider: StrProvider; el: StrCarePlan }> {
  const f = m.plan;
  const provider = await fixture<StrProvider>(html`<str-provider locale=${locale} .client=${m.client}>
    <str-care-plan service-user-id=${m.person ?? FIXTURE_PERSON_ID} .plan=${f?.plan} .goals=${f?.goals ?? []} .tasks=${f?.tasks ?? []} .notes=${f?.notes ?? []}
      .workers=${fixtureWorkers} actor-id=${FIXTURE_WORKER} .clock=${fixtureClock} ?readonly=${m.readonly ?? false} view=${m.view ?? 'plan'}></str-care-plan></str-provider>`);
  const el = provider.querySelector<StrCarePlan>('str-care-plan')!;
  await until(el, () => langOf(el) === locale, () => `lang ${langOf(el)}: ${text(el)}`);
  if (m.client && m.person !== '') await el.whenLoaded();
  await el.updateComplete;
  return { provider, el };
}

const click = async (el: StrCarePlan, sel: string) => {
  $<HTMLElement>(el, sel).click();
  await el.updateComplete;
};
const submit = async (el: StrCarePlan) => {
  $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
  await until(el, () => !!$(el, '.error-summary'), () => `the error summary: ${text(el)}`);
};

/** One goal with `n` tasks, all overdue (due 1 June 2026, judged on 5 June), and `n` notes on the goal. */
function nTasks(n: number): PlanFixture {
  const goal: Goal = fixtureGoal(1, 'Get back to swimming on Tuesdays.', 'leisure');
  const tasks: Task[] = Array.from({ length: n }, (_, i) => fixtureTask(i + 1, goal, `Step ${i + 1}`, { dueDate: '2026-06-01' }));
  const notes: ProgressNote[] = Array.from({ length: n }, (_, i) => fixtureNote(i + 1, { kind: 'goal', id: goal.id }, `Note ${i + 1}`));
  return { plan: fixturePlan({ goalOrder: [goal.id] }), goals: [goal], tasks, notes };
}

describe('<str-care-plan> catalogue', () => {
  const s = CARE_PLAN_MESSAGES.source as Readonly<Record<string, unknown>>;
  it('the en-GB code labels are the SDK’s word for word', () => {
    const lists = { 'task-status': TASK_STATUSES, 'goal-status': GOAL_STATUSES, 'plan-status': CARE_PLAN_STATUSES, 'life-area': LIFE_AREAS, repeat: TASK_REPEATS };
    for (const [prefix, list] of Object.entries(lists)) for (const c of list) expect(s[`${prefix}.${c.code}`], `${prefix}.${c.code}`).to.equal(c.label);
  });
  it('every field issue the SDK gives the care plan’s forms is in the catalogue, so it is said in the locale', () => {
    const plan = fixturePlan();
    const goal = { id: crypto.randomUUID(), carePlanId: plan.id };
    const bad = [
      ...inputIssues('goal', { ...goal, text: ' ', lifeArea: '' }), ...inputIssues('goalUpdate', { status: 'x' }),
      ...inputIssues('task', { ...goal, goalId: goal.id, text: '', owner: { kind: 'other-service', name: '' }, repeat: 'x' }),
      ...inputIssues('taskUpdate', { text: 'a\nb' }), ...inputIssues('progressNote', { id: goal.id, about: { kind: 'goal', id: goal.id }, text: '' }),
      ...inputIssues('carePlanUpdate', { status: 'x', agreedOn: '2026-02-30', agreedWith: [{ kind: 'carer', name: ' ' }] }),
    ];
    const words = Object.entries(s).filter(([id]) => id.startsWith('issue.') || id.startsWith('err.')).map(([, m]) => m);
    expect(bad.length).to.be.greaterThan(6);
    for (const issue of bad) expect(words, `${issue.path}: ${issue.message}`).to.include(issue.message);
  });
});

describe('<str-care-plan> in Welsh', () => {
  const counts: Record<number, readonly [string, string | undefined, string | undefined]> = {
    0: ['0 o 0 tasg wedi’u cwblhau', undefined, undefined],
    1: ['0 o 1 tasg wedi’i chwblhau', 'Mae 1 tasg yn hwyr.', '1 nodyn cynnydd'],
    2: ['0 o 2 tasg wedi’u cwblhau', 'Mae 2 tasg yn hwyr.', '2 nodyn cynnydd'],
    3: ['0 o 3 tasg wedi’u cwblhau', 'Mae 3 tasg yn hwyr.', '3 nodyn cynnydd'],
    6: ['0 o 6 tasg wedi’u cwblhau', 'Mae 6 tasg yn hwyr.', '6 nodyn cynnydd'],
    11: ['0 o 11 o dasgau wedi’u cwblhau', 'Mae 11 o dasgau yn hwyr.', '11 o nodiadau cynnydd'],
  };
  for (const n of [0, 1, 2, 3, 6, 11]) {
    it(`${n} tasks and notes: the Welsh plural form in the totals, the overdue count and the notes`, async () => {
      const { el } = await inLocale('cy', { plan: nTasks(n) });
      const [total, overdue, notes] = counts[n]!;
      expect(words($(el, '.goal .hint'))).to.equal(`Hamdden · Wrthi’n gweithio arno · ${total}`);
      expect(words(el.shadowRoot!.querySelector('.header .flag.overdue strong'))).to.equal(overdue);
      expect(words(el.shadowRoot!.querySelector('.notes summary'))?.replace(/ ar: .*$/, '')).to.equal(notes);
      if (n === 0) expect(text(el)).to.include('Dim tasgau eto.');
    });
  }

  it('a typical plan: Welsh labels, code labels and dates; lang="cy" on the root; axe passes', async () => {
    const f = typicalPlan();
    const { el } = await inLocale('cy', { plan: f });
    expect(langOf(el)).to.equal('cy');
    expect(words($(el, '#plan-heading'))).to.equal('Cynllun gofal');
    expect($$(el, '.facts div').map((d) => [words(d.querySelector('dt')), words(d.querySelector('dd'))])).to.deep.equal([
      ['Statws', 'Wedi’i gytuno ac yn cael ei ddefnyddio'],
      ['Cytunwyd', '1 Mai 2026, gyda’r person a Jo Storycarer (gofalwr)'],
      ['Cydlynydd gofal', 'Bea Storycoordinator'],
    ]);
    expect(words($(el, '.header > p'))).to.equal('Yr adolygiad nesaf: 1 Awst 2026.');
    expect($$(el, '.views button').map(words)).to.deep.equal(['Nodau a thasgau', 'Yn ddyledus yn ystod y 7 diwrnod nesaf', 'Crynodeb yr adolygiad']);
    expect($(el, '.views').getAttribute('aria-label')).to.equal('Dangos');
    expect(words($(el, '.goal .hint'))).to.equal('Tai · Wrthi’n gweithio arno · Targed 31 Mawrth 2027 · 0 o 3 tasg wedi’u cwblhau');
    const row = $(el, `li[data-task-id="${f.tasks[0]!.id}"]`);
    expect(words(row.querySelector('.task-name-and-hint .hint'))).to.equal('Chi · Yn ddyledus 8 Mehefin 2026');
    expect(row.querySelector('time')!.getAttribute('datetime')).to.equal('2026-06-08');
    expect(words(row.querySelector('.tag'))).to.equal('Ar y gweill');
    expect(words(row.querySelector('#t-' + f.tasks[0]!.id + '-complete'))).to.equal('Marcio wedi’i chwblhau: Fill in the housing register form together');
    expect(words($(el, `li[data-task-id="${f.tasks[2]!.id}"] .task-name-and-hint .hint`))).to.equal('Gofalwr: Jo Storycarer');
    expect(words($(el, `li[data-task-id="${f.tasks[5]!.id}"] .task-name-and-hint .hint`))).to.equal('Chi · Gwnaed 20 Mai 2026');
    expect(words($(el, `li[data-task-id="${f.tasks[4]!.id}"] .task-name-and-hint .hint`))).to.equal('Chi · Yn ddyledus 9 Mehefin 2026 · Bob wythnos');
    expect(words($(el, '.notes .note-list .hint'))).to.equal('28 Mai 2026 am 15:00, Chi');
    await expectNoAxeViolations(el);
  });

  it('an overdue review, the 7-day list and the review summary: Welsh words and dates; axe passes', async () => {
    const { el } = await inLocale('cy', { plan: overduePlan() });
    expect(words($(el, '.header .flag.overdue'))).to.equal('Adolygiad yn hwyr: roedd yn ddyledus ar 1 Mehefin 2026, 4 diwrnod yn ôl.');
    el.view = 'due';
    await el.updateComplete;
    expect(words($(el, '#due-heading'))).to.equal('Yn ddyledus erbyn 12 Mehefin 2026');
    el.view = 'review';
    await el.updateComplete;
    expect(words($(el, '#review-heading'))).to.equal('Crynodeb yr adolygiad');
    expect(words($(el, '.review > p'))).to.equal('Cynnydd ers cytuno ar y cynllun ar 1 Mai 2026. Mae fersiynau printiedig yn dangos y dyddiad: 5 Mehefin 2026.');
    expect($$(el, '.review thead th').map(words)).to.deep.equal(['Nod', 'Wedi’u gwneud ers hynny', 'Ar agor', 'Yn hwyr']);
    await expectNoAxeViolations(el);
  });

  it('errors: the summary, each message beside its field and its hidden prefix in Welsh; axe passes', async () => {
    const f = typicalPlan();
    const { el } = await inLocale('cy', { plan: f });
    await click(el, `#g-${f.goals[2]!.id}-add-task`);
    expect($(el, 'form.editor').getAttribute('aria-label')).to.equal('Ychwanegu tasg');
    expect(words($(el, 'label[for=ed-text]'))).to.equal('Beth sydd angen ei wneud');
    $<HTMLSelectElement>(el, '#ed-repeat').value = 'weekly';
    await submit(el);
    expect(words($(el, '.error-summary h3'))).to.equal('Mae problem wedi codi');
    expect($$(el, '.error-summary a').map(words)).to.deep.equal([
      'Rhowch pryd y mae’n ddyledus gyntaf, fel bod gan yr ailadrodd ddechrau',
      'Rhowch beth sydd angen ei wneud',
    ]);
    expect(words($(el, '#ed-text-error'))).to.equal('Gwall: Rhowch beth sydd angen ei wneud');
    await expectNoAxeViolations(el);
  });

  it('no plan yet, and a person the record system does not have: whole Welsh sentences', async () => {
    const { el } = await inLocale('cy');
    expect(words($(el, '.empty p'))).to.equal('Does dim cynllun gofal wedi’i ddechrau ar gyfer y person hwn eto.');
    expect(words($(el, '#plan-start'))).to.equal('Dechrau cynllun gofal');
    const store = memoryStore();
    const other = await inLocale('cy', { client: clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR), person: '7f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607183' });
    await until(other.el, () => !!$(other.el, '.no-person'), () => text(other.el));
    expect(words($(other.el, '.no-person'))).to.equal(
      'Dydy’r person hwn ddim yn y system gofnodion, felly does dim modd dechrau cynllun gofal ar ei gyfer. Gwiriwch y person a ddewiswyd.');
  });
});

describe('<str-care-plan>: switching locale at runtime', () => {
  it('re-renders in place: the half-typed form keeps its values, the focused box keeps focus and caret, errors turn Welsh', async () => {
    const f = typicalPlan();
    const { provider, el } = await inLocale('en-GB', { plan: f });
    await click(el, `#g-${f.goals[2]!.id}-add-task`);
    const box = $<HTMLInputElement>(el, '#ed-text');
    box.value = 'Ring the pool';
    $<HTMLSelectElement>(el, '#ed-repeat').value = 'weekly';
    await submit(el);
    expect($$(el, '.error-summary a').map(words)).to.deep.equal(['Enter when it is first due, so the repeats have a start']);
    box.focus();
    box.setSelectionRange(4, 4);
    provider.locale = 'cy';
    await until(el, () => langOf(el) === 'cy', () => text(el));
    expect($(el, '#ed-text')).to.equal(box);
    expect(box.value).to.equal('Ring the pool');
    expect($<HTMLSelectElement>(el, '#ed-repeat').value).to.equal('weekly');
    expect(active(el)).to.equal(box);
    expect([box.selectionStart, box.selectionEnd]).to.deep.equal([4, 4]);
    expect(words($(el, 'label[for=ed-text]'))).to.equal('Beth sydd angen ei wneud');
    expect($$(el, '.error-summary a').map(words)).to.deep.equal(['Rhowch pryd y mae’n ddyledus gyntaf, fel bod gan yr ailadrodd ddechrau']);
    provider.locale = 'en-GB';
    await until(el, () => langOf(el) === 'en-GB', () => text(el));
    expect($$(el, '.error-summary a').map(words)).to.deep.equal(['Enter when it is first due, so the repeats have a start']);
    expect(box.value).to.equal('Ring the pool');
  });
});

describe('<str-care-plan> in the pseudo-locale', () => {
  before(() => registerPseudoLocale(CARE_PLAN_MESSAGES));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const typical = typicalPlan();
  const fixtureText = [
    ...typical.goals.map((g) => g.text), ...typical.tasks.map((t) => t.text), ...typical.notes.map((n) => n.text.replace(/\s+/g, ' ')),
    ...typical.notes.map((n) => n.text.split('\n')[0]!), ...fixtureWorkers.map((w) => w.name), 'Jo Storycarer', 'Welfare Rights Service', 'Waiting for a viewing date',
    'Get back to swimming on Tuesdays.', 'Step ', 'Note ', 'Fill in the housing register form (pages 3 to 6)',
  ];

  async function check(m: Mount, act?: (el: StrCarePlan) => Promise<void>) {
    const { el } = await inLocale(PSEUDO_LOCALE, m);
    await act?.(el);
    await el.updateComplete;
    expectNoEnglish(el, [CARE_PLAN_MESSAGES], fixtureText);
    await expectLayoutHolds(el);
  }

  it('a typical plan: no English, and the layout holds at 390 px', () => check({ plan: typical }));
  it('an overdue plan: no English, and the layout holds at 390 px', () => check({ plan: overduePlan() }));
  it('the 7-day list: no English, and the layout holds at 390 px', () => check({ plan: typical, view: 'due' }));
  it('the review summary: no English, and the layout holds at 390 px', () => check({ plan: overduePlan(), view: 'review' }));
  it('read only: no English, and the layout holds at 390 px', () => check({ plan: typical, readonly: true }));
  it('a plan with no goals: no English, and the layout holds at 390 px', () => check({ plan: emptyPlan() }));
  it('11 tasks on one goal: no English, and the layout holds at 390 px', () => check({ plan: nTasks(11) }));
  it('no plan yet, with the start form: no English, and the layout holds at 390 px', () => check({}, (el) => click(el, '#plan-start')));
  it('no person chosen: no English, and the layout holds at 390 px', () => check({ person: '' }));
  it('the plan details form: no English, and the layout holds at 390 px', () => check({ plan: typical }, (el) => click(el, '#plan-edit')));
  it('the review form with errors: no English, and the layout holds at 390 px', () =>
    check({ plan: typical }, async (el) => {
      await click(el, '#plan-review');
      $<HTMLInputElement>(el, '#ed-reviewed-on').value = '';
      await submit(el);
    }));
  it('the goal form (editing) with errors: no English, and the layout holds at 390 px', () =>
    check({ plan: typical }, async (el) => {
      await click(el, `#g-${typical.goals[0]!.id}-edit`);
      $<HTMLTextAreaElement>(el, '#ed-text').value = '';
      await submit(el);
    }));
  it('the task form with errors: no English, and the layout holds at 390 px', () =>
    check({ plan: typical }, async (el) => {
      await click(el, `#g-${typical.goals[0]!.id}-add-task`);
      $<HTMLSelectElement>(el, '#ed-owner').value = 'other-service';
      $<HTMLSelectElement>(el, '#ed-repeat').value = 'weekly';
      await submit(el);
    }));
  it('the status form with errors: no English, and the layout holds at 390 px', () =>
    check({ plan: typical }, async (el) => {
      await click(el, `#t-${typical.tasks[0]!.id}-status-btn`);
      $<HTMLInputElement>(el, 'input[name=status][value=cancelled]').click();
      await submit(el);
    }));
  it('the progress note form: no English, and the layout holds at 390 px', () =>
    check({ plan: typical }, (el) => click(el, `#n-${typical.tasks[0]!.id}-add`)));
  it('a task completed, its quick note offered, and the news said: no English, and the layout holds at 390 px', () =>
    check({ plan: typical }, async (el) => {
      await click(el, `#t-${typical.tasks[0]!.id}-complete`);
      await until(el, () => !!$(el, 'form.editor'), 'the quick note');
    }));
  it('connected, a conflict shown: no English, and the layout holds at 390 px', async () => {
    const store = memoryStore();
    const f = await seedPlan(store);
    const t = f.tasks[0]!;
    const worker = clientAs(deafStore(store), 'str-worker', FIXTURE_WORKER);
    await check({ client: worker }, async (el) => {
      await clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR).tasks.update(t.id, { text: 'Fill in the housing register form (pages 3 to 6)' }, t.version);
      await click(el, `#t-${t.id}-complete`);
      await until(el, () => !!$(el, '.conflict'), () => `the conflict: ${text(el)}`);
    });
  });
  it('connected, the plan could not be loaded: no English, and the layout holds at 390 px', () =>
    check({ client: clientAs(failing(), 'care-coordinator', FIXTURE_COORDINATOR) }));
});

/** A store that cannot be read: every list fails. */
function failing(): Store {
  const store = memoryStore();
  return { ...store, name: store.name, durability: store.durability, get: store.get, put: store.put, history: store.history, subscribe: store.subscribe, list: () => Promise.reject(new Error('offline')) };
}
