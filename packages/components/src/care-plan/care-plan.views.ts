// The care plan's views: the header (status, dates, review flag, view controls), goals with their tasks, the
// 7-day list for home visits, the review summary, and the "no plan yet" view. Every word from the catalogue.
import {
  addDays, isTaskOpen, isTaskOverdue, reviewState, reviewSummary, tasksDueWithin, type CarePlan, type CarePlanView, type Goal, type Task,
} from '@strkit/sdk';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { unknownPersonNotice } from '../internal/person-scope.js';
import { interleave, slots } from '../l10n/slots.js';
import { cssId, shown, type PlanContext } from './care-plan.context.js';
import { goalStatusLabel, lifeAreaLabel, personName, planStatusLabel, stamp } from './care-plan.format.js';
import { goalForm, planForm, reviewForm, taskForm } from './care-plan.forms-lazy.js';
import { conflictPanel, named, notesOf } from './care-plan.parts.js';
import { taskRow } from './care-plan.task-row.js';
import type { CarePlanWords } from './care-plan.words.js';

export function noPlanView(ctx: PlanContext, o: { canStart: boolean; unknownPerson: boolean }) {
  const { l } = ctx;
  const start = ctx.editor?.kind === 'plan'
    ? planForm(ctx, undefined)
    : o.unknownPerson ? nothing : html`<button type="button" class="primary" id="plan-start" @click=${() => ctx.on.open({ kind: 'plan' }, '#plan-start')}>${l.t('start-plan')}</button>`;
  return html`<section part="header" class="empty">
    <h2 id="plan-heading" tabindex="-1">${l.t('heading')}</h2>
    ${o.unknownPerson ? unknownPersonNotice('', l.t('unknown-person')) : nothing}
    <p>${l.t('no-plan')}</p>
    ${o.canStart ? start : nothing}
  </section>`;
}

function reviewLine(l: CarePlanWords, plan: CarePlan, today: string) {
  const review = reviewState(plan, today);
  switch (review.state) {
    case 'none': return html`<p>${l.t('review-none')}</p>`;
    case 'overdue': return html`<p class="flag overdue"><strong>${l.t('review-overdue')}</strong> ${l.t('review-overdue-when', { date: l.date(review.date), count: -review.days })}</p>`;
    case 'due-today': return html`<p class="flag due"><strong>${l.t('review-due-today')}</strong> ${l.t('review-due-today-when', { date: l.date(review.date) })}</p>`;
    case 'due-soon': return html`<p class="flag due"><strong>${l.t('review-due-soon')}</strong> ${l.t('review-due-soon-when', { date: l.date(review.date), count: review.days })}</p>`;
    default: return html`<p>${l.t('review-next', { date: l.date(review.date) })}</p>`;
  }
}

/** "1 May 2026, with the person and Jo (carer)": a whole sentence for the usual cases, a list for any other mix. */
function agreedWords(l: CarePlanWords, plan: CarePlan): string {
  if (!plan.agreedOn) return l.t('not-agreed');
  const date = l.date(plan.agreedOn);
  const all = plan.agreedWith;
  const person = all.filter((a) => a.kind === 'service-user');
  const carers = all.filter((a) => a.kind === 'carer');
  if (!all.length) return date;
  if (person.length <= 1 && carers.length <= 1) {
    const name = carers[0]?.name;
    if (!carers.length) return l.t('agreed-with.person', { date });
    const which = person.length ? (name ? 'agreed-with.both-named' : 'agreed-with.both') : name ? 'agreed-with.carer-named' : 'agreed-with.carer';
    return l.t(which, { date, ...(name && { name }) });
  }
  const people = all.map((a) => (a.kind === 'service-user' ? l.t('the-person') : a.name ? l.t('carer-named', { name: a.name }) : l.t('their-carer')));
  return l.t('agreed-with', { date, people: l.list(people) });
}

function facts(ctx: PlanContext, plan: CarePlan) {
  const { l } = ctx;
  const agreedText = agreedWords(l, plan);
  return html`<dl class="facts">
    <div><dt>${l.t('status')}</dt><dd>${planStatusLabel(l, plan)}</dd></div>
    <div><dt>${l.t('agreed')}</dt><dd>${agreedText}</dd></div>
    <div><dt>${l.t('coordinator')}</dt><dd>${personName(l, plan.coordinatorId, ctx.actorId, ctx.names)}</dd></div>
    ${plan.lastReviewedOn ? html`<div><dt>${l.t('last-review')}</dt><dd>${l.date(plan.lastReviewedOn)}</dd></div>` : nothing}
  </dl>`;
}

/** The views, and "All tasks" / "My tasks" for a role that has tasks of its own (never a viewer's, never read-only). */
function viewControls(ctx: PlanContext) {
  const { l } = ctx;
  return html`<div class="controls">
    <div role="group" aria-label=${l.t('show')} class="views">
      ${(['plan', 'due', 'review'] as const).map((v) => html`<button type="button" class="toggle" aria-pressed=${ctx.mode === v ? 'true' : 'false'}
        @click=${() => ctx.on.setView(v)}>${l.t(`view.${v}`)}</button>`)}
    </div>
    ${ctx.mode !== 'review' && ctx.canFilter
      ? html`<fieldset class="filter">
          <legend>${l.t('tasks-to-show')}</legend>
          ${(['all', 'mine'] as const).map((f) => html`<label class="choice"><input type="radio" name="filter" value=${f} .checked=${ctx.filter === f}
            @change=${() => ctx.on.setFilter(f)} />${l.t(f === 'all' ? 'all-tasks' : 'my-tasks')}</label>`)}
        </fieldset>`
      : nothing}
  </div>`;
}

export function header(ctx: PlanContext, view: CarePlanView) {
  const { plan } = view;
  const { l } = ctx;
  const overdue = view.tasks.filter((t) => isTaskOverdue(t, ctx.today) && shown(ctx, t)).length;
  const ed = ctx.editor;
  return html`<section part="header" class="header" aria-labelledby="plan-heading">
    <h2 id="plan-heading" tabindex="-1">${l.t('heading')}</h2>
    ${facts(ctx, plan)}
    ${reviewLine(l, plan, ctx.today)}
    ${overdue ? html`<p class="flag overdue"><strong>${l.t('tasks-overdue', { count: overdue })}</strong></p>` : nothing}
    ${ctx.canEdit && ctx.mode !== 'review'
      ? html`<div class="actions">
          <button type="button" class="secondary" id="plan-edit" @click=${() => ctx.on.open({ kind: 'plan' }, '#plan-edit')}>${l.t('edit-plan')}</button>
          <button type="button" class="secondary" id="plan-review" @click=${() => ctx.on.open({ kind: 'review' }, '#plan-review')}>${l.t('record-review')}</button>
        </div>`
      : nothing}
    ${ed?.kind === 'plan' ? planForm(ctx, plan) : ed?.kind === 'review' ? reviewForm(ctx) : nothing}
    ${ctx.conflict?.key === 'plan' ? conflictPanel(ctx, ctx.conflict) : nothing}
    ${viewControls(ctx)}
  </section>`;
}

export function goalsView(ctx: PlanContext, view: CarePlanView) {
  const { l } = ctx;
  const reorderable = ctx.canEdit && ctx.filter === 'all';
  const ed = ctx.editor;
  const add = ed?.kind === 'goal' && !ed.goalId
    ? goalForm(ctx, undefined)
    : html`<button type="button" class="secondary" id="goal-add" @click=${() => ctx.on.open({ kind: 'goal' }, '#goal-add')}>${l.t('add-goal')}</button>`;
  return html`<ol part="goals" class="goals" aria-label=${l.t('goals')}>
      ${repeat(view.goals, (g) => g.id, (g, gi) => goalItem(ctx, view, g, gi, reorderable))}
    </ol>
    ${view.goals.length === 0 ? html`<p>${l.t(ctx.canEdit ? 'no-goals' : 'no-goals-viewer')}</p>` : nothing}
    ${ctx.canEdit ? add : nothing}`;
}

function taskCount(l: CarePlanWords, tasks: readonly Task[]) {
  const open = tasks.filter(isTaskOpen).length;
  const done = tasks.filter((t) => t.status === 'completed').length;
  return l.t('tasks-completed', { done: l.number(done), count: open + done });
}

function goalActions(ctx: PlanContext, g: Goal, index: number, count: number, reorderable: boolean) {
  const { l } = ctx;
  return html`<div class="actions small">
    <button type="button" class="secondary" id="g-${g.id}-edit" @click=${() => ctx.on.open({ kind: 'goal', goalId: g.id }, `#g-${cssId(g.id)}-edit`)}>${named(l, l.t('edit-goal'), g.text)}</button>
    ${reorderable && count > 1
      ? html`<button type="button" class="secondary" id="g-${g.id}-up" ?disabled=${index === 0 || !!ctx.busy} @click=${() => ctx.on.moveGoal(g, -1)}>${named(l, l.t('move-goal-up'), g.text)}</button>
        <button type="button" class="secondary" id="g-${g.id}-down" ?disabled=${index === count - 1 || !!ctx.busy} @click=${() => ctx.on.moveGoal(g, 1)}>${named(l, l.t('move-goal-down'), g.text)}</button>`
      : nothing}
  </div>`;
}

function goalHint(l: CarePlanWords, g: Goal, all: readonly Task[]) {
  const parts = [lifeAreaLabel(l, g), goalStatusLabel(l, g), ...(g.targetDate ? [l.t('target', { date: l.date(g.targetDate) })] : []), taskCount(l, all)];
  return parts.join(' · ');
}

function goalItem(ctx: PlanContext, view: CarePlanView, g: Goal, index: number, reorderable: boolean) {
  const { l } = ctx;
  const all = ctx.tasksByGoal.get(g.id) ?? [];
  const mine = all.filter((t) => shown(ctx, t));
  const ed = ctx.editor;
  const hid = `g-${g.id}-heading`;
  const addTask = ed?.kind === 'task' && ed.goalId === g.id && !ed.taskId
    ? taskForm(ctx, g.id, undefined)
    : html`<button type="button" class="secondary" id="g-${g.id}-add-task" @click=${() => ctx.on.open({ kind: 'task', goalId: g.id }, `#g-${cssId(g.id)}-add-task`)}>${l.t('add-task')}<span class="visually-hidden">${l.t('add-task-to', { goal: g.text })}</span></button>`;
  return html`<li class="goal" data-goal-id=${g.id}>
    <h3 id=${hid} tabindex="-1" class="goal-text" dir="auto">${g.text}</h3>
    <p class="hint">${goalHint(l, g, all)}</p>
    ${ctx.canEdit ? goalActions(ctx, g, index, view.goals.length, reorderable) : nothing}
    ${ed?.kind === 'goal' && ed.goalId === g.id ? goalForm(ctx, g) : nothing}
    ${ctx.conflict?.key === g.id ? conflictPanel(ctx, ctx.conflict) : nothing}
    ${mine.length
      ? html`<ol class="tasks" aria-labelledby=${hid}>${repeat(mine, (t) => t.id, (t, ti) => taskRow(ctx, t, { goalId: g.id, index: ti, count: mine.length, reorderable }))}</ol>`
      : html`<p class="hint">${l.t(all.length ? 'none-yours' : 'no-tasks')}</p>`}
    ${ctx.canEdit ? addTask : nothing}
    ${notesOf(ctx, { kind: 'goal', id: g.id }, g.text)}
  </li>`;
}

const byDue = (a: Task, b: Task) => ((a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : 0);

export function dueView(ctx: PlanContext, view: CarePlanView) {
  const { l } = ctx;
  const goalText = new Map(view.goals.map((g) => [g.id, g.text]));
  // A task completed here stays in the list (now "Completed") until the view changes, so focus and its quick note stay put.
  const dueIds = new Set(tasksDueWithin(view.tasks, ctx.today, 7).map((t) => t.id));
  const due = view.tasks.filter((t) => (dueIds.has(t.id) || ctx.doneHere.has(t.id)) && shown(ctx, t) && goalText.has(t.goalId)).sort(byDue);
  return html`<section part="due" class="due" aria-labelledby="due-heading">
    <h3 id="due-heading">${l.t('due-by', { date: l.date(addDays(ctx.today, 7)) })}</h3>
    ${due.length
      ? html`<ol class="tasks">${repeat(due, (t) => t.id, (t, i) => taskRow(ctx, t, { goalId: t.goalId, index: i, count: due.length, reorderable: false, goalText: goalText.get(t.goalId) ?? '' }))}</ol>`
      : html`<p>${l.t(ctx.filter === 'mine' ? 'nothing-due-mine' : 'nothing-due')}</p>`}
  </section>`;
}

function sinceWords(l: CarePlanWords, plan: CarePlan, since: string | undefined) {
  if (!since) return l.t('since-began');
  return l.t(plan.lastReviewedOn ? 'since-review' : 'since-agreed', { date: l.date(since) });
}

/** Who wrote a note and when, and the task it is on (its words marked as they were written). */
function noteBy(ctx: PlanContext, n: CarePlanView['notes'][number], taskText: ReadonlyMap<string, string>) {
  const { l } = ctx;
  const params = { when: stamp(l, n.createdAt), who: personName(l, n.createdBy, ctx.actorId, ctx.names) };
  if (n.about.kind !== 'task') return l.t('note-by', params);
  const parts = { task: html`<bdi>${taskText.get(n.about.id) ?? l.t('a-task')}</bdi>` };
  return interleave(l.t('note-by-on-task', { ...params, ...slots(parts) }), parts);
}

export function reviewView(ctx: PlanContext, view: CarePlanView) {
  const { l } = ctx;
  const summary = reviewSummary(view.plan, view.goals, view.tasks, view.notes, ctx.today);
  const taskText = new Map(view.tasks.map((t) => [t.id, t.text]));
  const n = (v: number) => l.number(v);
  const overdue = (v: number) => (v ? html`<strong>${n(v)}</strong>` : n(0));
  return html`<section part="review" class="review" aria-labelledby="review-heading">
    <h3 id="review-heading">${l.t('view.review')}</h3>
    <p>${sinceWords(l, view.plan, summary.since)}
      ${l.t('printed', { date: l.date(ctx.today) })}</p>
    <button type="button" class="secondary print-hide" @click=${() => window.print()}>${l.t('print')}</button>
    <table>
      <caption class="visually-hidden">${l.t('tasks-per-goal')}</caption>
      <thead><tr><th scope="col">${l.t('goal')}</th><th scope="col">${l.t('done-since')}</th><th scope="col">${l.t('open')}</th><th scope="col">${l.t('overdue')}</th></tr></thead>
      <tbody>${summary.goals.map((g) => html`<tr><th scope="row" dir="auto">${g.goal.text}</th><td>${n(g.done)}</td><td>${n(g.open)}</td><td>${overdue(g.overdue)}</td></tr>`)}</tbody>
    </table>
    <ul class="review-list" aria-label=${l.t('tasks-per-goal')}>${summary.goals.map((g) => html`<li><span class="goal-text" dir="auto">${g.goal.text}</span>
      <dl><div><dt>${l.t('done-since')}</dt><dd>${n(g.done)}</dd></div><div><dt>${l.t('open')}</dt><dd>${n(g.open)}</dd></div><div><dt>${l.t('overdue')}</dt><dd>${overdue(g.overdue)}</dd></div></dl></li>`)}</ul>
    ${summary.goals.map((g) => html`<h4 dir="auto">${g.goal.text}</h4>
      ${g.notesSince.length
        ? html`<ol class="note-list">${g.notesSince.map((note) => html`<li><span class="hint">${noteBy(ctx, note, taskText)}</span><span class="note-text" dir="auto">${note.text}</span></li>`)}</ol>`
        : html`<p class="hint">${l.t('no-notes-since')}</p>`}`)}
  </section>`;
}
