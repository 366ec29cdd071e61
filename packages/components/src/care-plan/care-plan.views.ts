// The care plan's views: the header (status, dates, review flag, view controls), goals with their tasks, the
// 7-day list for home visits, the review summary, and the "no plan yet" view.
import {
  addDays, formatNhsDate, isTaskOpen, isTaskOverdue, reviewState, reviewSummary, tasksDueWithin, type CarePlan, type CarePlanView, type Goal, type Task,
} from '@strkit/sdk';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { unknownPersonNotice } from '../internal/person-scope.js';
import { cssId, shown, type CarePlanViewMode, type PlanContext } from './care-plan.context.js';
import { goalStatusLabel, lifeAreaLabel, personName, planStatusLabel, stamp } from './care-plan.format.js';
import { goalForm, planForm, reviewForm, taskForm } from './care-plan.forms-lazy.js';
import { conflictPanel, notesOf } from './care-plan.parts.js';
import { taskRow } from './care-plan.task-row.js';

const VIEW_NAMES: Record<CarePlanViewMode, string> = { plan: 'Goals and tasks', due: 'Due in the next 7 days', review: 'Review summary' };
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function noPlanView(ctx: PlanContext, o: { canStart: boolean; unknownPerson: boolean }) {
  const start = ctx.editor?.kind === 'plan'
    ? planForm(ctx, undefined)
    : o.unknownPerson ? nothing : html`<button type="button" class="primary" id="plan-start" @click=${() => ctx.on.open({ kind: 'plan' }, '#plan-start')}>Start a care plan</button>`;
  return html`<section part="header" class="empty">
    <h2 id="plan-heading" tabindex="-1">Care plan</h2>
    ${o.unknownPerson ? unknownPersonNotice('no care plan can be started for them') : nothing}
    <p>No care plan has been started for this person yet.</p>
    ${o.canStart ? start : nothing}
  </section>`;
}

function reviewLine(plan: CarePlan, today: string) {
  const review = reviewState(plan, today);
  switch (review.state) {
    case 'none': return html`<p>No review date is set.</p>`;
    case 'overdue': return html`<p class="flag overdue"><strong>Review overdue:</strong> it was due on ${formatNhsDate(review.date)}, ${days(-review.days)} ago.</p>`;
    case 'due-today': return html`<p class="flag due"><strong>Review due today</strong> (${formatNhsDate(review.date)}).</p>`;
    case 'due-soon': return html`<p class="flag due"><strong>Review due soon:</strong> ${formatNhsDate(review.date)}, in ${days(review.days)}.</p>`;
    default: return html`<p>Next review: ${formatNhsDate(review.date)}.</p>`;
  }
}

function facts(ctx: PlanContext, plan: CarePlan) {
  const agreed = plan.agreedWith.map((a) => (a.kind === 'service-user' ? 'the person' : a.name ? `${a.name} (carer)` : 'their carer'));
  const agreedText = plan.agreedOn ? `${formatNhsDate(plan.agreedOn)}${agreed.length ? `, with ${agreed.join(' and ')}` : ''}` : 'Not yet agreed';
  return html`<dl class="facts">
    <div><dt>Status</dt><dd>${planStatusLabel(plan)}</dd></div>
    <div><dt>Agreed</dt><dd>${agreedText}</dd></div>
    <div><dt>Care co-ordinator</dt><dd>${personName(plan.coordinatorId, ctx.actorId, ctx.names)}</dd></div>
    ${plan.lastReviewedOn ? html`<div><dt>Last review</dt><dd>${formatNhsDate(plan.lastReviewedOn)}</dd></div>` : nothing}
  </dl>`;
}

/** The views, and "All tasks" / "My tasks" for a role that has tasks of its own (never a viewer's, never read-only). */
function viewControls(ctx: PlanContext) {
  return html`<div class="controls">
    <div role="group" aria-label="Show" class="views">
      ${(['plan', 'due', 'review'] as const).map((v) => html`<button type="button" class="toggle" aria-pressed=${ctx.mode === v ? 'true' : 'false'}
        @click=${() => ctx.on.setView(v)}>${VIEW_NAMES[v]}</button>`)}
    </div>
    ${ctx.mode !== 'review' && ctx.canFilter
      ? html`<fieldset class="filter">
          <legend>Tasks to show</legend>
          ${(['all', 'mine'] as const).map((f) => html`<label class="choice"><input type="radio" name="filter" value=${f} .checked=${ctx.filter === f}
            @change=${() => ctx.on.setFilter(f)} />${f === 'all' ? 'All tasks' : 'My tasks'}</label>`)}
        </fieldset>`
      : nothing}
  </div>`;
}

export function header(ctx: PlanContext, view: CarePlanView) {
  const { plan } = view;
  const overdue = view.tasks.filter((t) => isTaskOverdue(t, ctx.today) && shown(ctx, t)).length;
  const ed = ctx.editor;
  return html`<section part="header" class="header" aria-labelledby="plan-heading">
    <h2 id="plan-heading" tabindex="-1">Care plan</h2>
    ${facts(ctx, plan)}
    ${reviewLine(plan, ctx.today)}
    ${overdue ? html`<p class="flag overdue"><strong>${overdue} ${overdue === 1 ? 'task is' : 'tasks are'} overdue.</strong></p>` : nothing}
    ${ctx.canEdit && ctx.mode !== 'review'
      ? html`<div class="actions">
          <button type="button" class="secondary" id="plan-edit" @click=${() => ctx.on.open({ kind: 'plan' }, '#plan-edit')}>Edit plan details</button>
          <button type="button" class="secondary" id="plan-review" @click=${() => ctx.on.open({ kind: 'review' }, '#plan-review')}>Record a review</button>
        </div>`
      : nothing}
    ${ed?.kind === 'plan' ? planForm(ctx, plan) : ed?.kind === 'review' ? reviewForm(ctx) : nothing}
    ${ctx.conflict?.key === 'plan' ? conflictPanel(ctx, ctx.conflict) : nothing}
    ${viewControls(ctx)}
  </section>`;
}

export function goalsView(ctx: PlanContext, view: CarePlanView) {
  const reorderable = ctx.canEdit && ctx.filter === 'all';
  const ed = ctx.editor;
  const add = ed?.kind === 'goal' && !ed.goalId
    ? goalForm(ctx, undefined)
    : html`<button type="button" class="secondary" id="goal-add" @click=${() => ctx.on.open({ kind: 'goal' }, '#goal-add')}>Add a goal</button>`;
  return html`<ol part="goals" class="goals" aria-label="Goals">
      ${repeat(view.goals, (g) => g.id, (g, gi) => goalItem(ctx, view, g, gi, reorderable))}
    </ol>
    ${view.goals.length === 0 ? html`<p>No goals yet.${ctx.canEdit ? '' : ' The care co-ordinator adds them with the person.'}</p>` : nothing}
    ${ctx.canEdit ? add : nothing}`;
}

function taskCount(tasks: readonly Task[]) {
  const open = tasks.filter(isTaskOpen).length;
  const done = tasks.filter((t) => t.status === 'completed').length;
  return `${done} of ${open + done} ${open + done === 1 ? 'task' : 'tasks'} completed`;
}

function goalActions(ctx: PlanContext, g: Goal, index: number, count: number, reorderable: boolean) {
  return html`<div class="actions small">
    <button type="button" class="secondary" id="g-${g.id}-edit" @click=${() => ctx.on.open({ kind: 'goal', goalId: g.id }, `#g-${cssId(g.id)}-edit`)}>Edit goal<span class="visually-hidden">: ${g.text}</span></button>
    ${reorderable && count > 1
      ? html`<button type="button" class="secondary" id="g-${g.id}-up" ?disabled=${index === 0 || !!ctx.busy} @click=${() => ctx.on.moveGoal(g, -1)}>Move goal up<span class="visually-hidden">: ${g.text}</span></button>
        <button type="button" class="secondary" id="g-${g.id}-down" ?disabled=${index === count - 1 || !!ctx.busy} @click=${() => ctx.on.moveGoal(g, 1)}>Move goal down<span class="visually-hidden">: ${g.text}</span></button>`
      : nothing}
  </div>`;
}

function goalItem(ctx: PlanContext, view: CarePlanView, g: Goal, index: number, reorderable: boolean) {
  const all = ctx.tasksByGoal.get(g.id) ?? [];
  const mine = all.filter((t) => shown(ctx, t));
  const ed = ctx.editor;
  const hid = `g-${g.id}-heading`;
  const addTask = ed?.kind === 'task' && ed.goalId === g.id && !ed.taskId
    ? taskForm(ctx, g.id, undefined)
    : html`<button type="button" class="secondary" id="g-${g.id}-add-task" @click=${() => ctx.on.open({ kind: 'task', goalId: g.id }, `#g-${cssId(g.id)}-add-task`)}>Add a task<span class="visually-hidden"> to: ${g.text}</span></button>`;
  return html`<li class="goal" data-goal-id=${g.id}>
    <h3 id=${hid} tabindex="-1" class="goal-text" dir="auto">${g.text}</h3>
    <p class="hint">${lifeAreaLabel(g)} · ${goalStatusLabel(g)}${g.targetDate ? ` · Target ${formatNhsDate(g.targetDate)}` : ''} · ${taskCount(all)}</p>
    ${ctx.canEdit ? goalActions(ctx, g, index, view.goals.length, reorderable) : nothing}
    ${ed?.kind === 'goal' && ed.goalId === g.id ? goalForm(ctx, g) : nothing}
    ${ctx.conflict?.key === g.id ? conflictPanel(ctx, ctx.conflict) : nothing}
    ${mine.length
      ? html`<ol class="tasks" aria-labelledby=${hid}>${repeat(mine, (t) => t.id, (t, ti) => taskRow(ctx, t, { goalId: g.id, index: ti, count: mine.length, reorderable }))}</ol>`
      : html`<p class="hint">${all.length ? 'None of these tasks are yours.' : 'No tasks yet.'}</p>`}
    ${ctx.canEdit ? addTask : nothing}
    ${notesOf(ctx, { kind: 'goal', id: g.id }, g.text)}
  </li>`;
}

const byDue = (a: Task, b: Task) => ((a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : 0);

export function dueView(ctx: PlanContext, view: CarePlanView) {
  const goalText = new Map(view.goals.map((g) => [g.id, g.text]));
  // A task completed here stays in the list (now "Completed") until the view changes, so focus and its quick note stay put.
  const dueIds = new Set(tasksDueWithin(view.tasks, ctx.today, 7).map((t) => t.id));
  const due = view.tasks.filter((t) => (dueIds.has(t.id) || ctx.doneHere.has(t.id)) && shown(ctx, t) && goalText.has(t.goalId)).sort(byDue);
  return html`<section part="due" class="due" aria-labelledby="due-heading">
    <h3 id="due-heading">Due by ${formatNhsDate(addDays(ctx.today, 7))}</h3>
    ${due.length
      ? html`<ol class="tasks">${repeat(due, (t) => t.id, (t, i) => taskRow(ctx, t, { goalId: t.goalId, index: i, count: due.length, reorderable: false, goalText: goalText.get(t.goalId) ?? '' }))}</ol>`
      : html`<p>Nothing ${ctx.filter === 'mine' ? 'of yours ' : ''}is due in the next 7 days.</p>`}
  </section>`;
}

export function reviewView(ctx: PlanContext, view: CarePlanView) {
  const summary = reviewSummary(view.plan, view.goals, view.tasks, view.notes, ctx.today);
  const taskText = new Map(view.tasks.map((t) => [t.id, t.text]));
  const since = summary.since ? `Progress since ${view.plan.lastReviewedOn ? 'the last review' : 'the plan was agreed'} on ${formatNhsDate(summary.since)}.` : 'Progress since the plan began.';
  return html`<section part="review" class="review" aria-labelledby="review-heading">
    <h3 id="review-heading">Review summary</h3>
    <p>${since}
      Printed views show the date: ${formatNhsDate(ctx.today)}.</p>
    <button type="button" class="secondary print-hide" @click=${() => window.print()}>Print the review summary</button>
    <table>
      <caption class="visually-hidden">Tasks per goal</caption>
      <thead><tr><th scope="col">Goal</th><th scope="col">Done since</th><th scope="col">Open</th><th scope="col">Overdue</th></tr></thead>
      <tbody>${summary.goals.map((g) => html`<tr><th scope="row" dir="auto">${g.goal.text}</th><td>${g.done}</td><td>${g.open}</td><td>${g.overdue ? html`<strong>${g.overdue}</strong>` : '0'}</td></tr>`)}</tbody>
    </table>
    <ul class="review-list" aria-label="Tasks per goal">${summary.goals.map((g) => html`<li><span class="goal-text" dir="auto">${g.goal.text}</span>
      <dl><div><dt>Done since</dt><dd>${g.done}</dd></div><div><dt>Open</dt><dd>${g.open}</dd></div><div><dt>Overdue</dt><dd>${g.overdue ? html`<strong>${g.overdue}</strong>` : '0'}</dd></div></dl></li>`)}</ul>
    ${summary.goals.map((g) => html`<h4 dir="auto">${g.goal.text}</h4>
      ${g.notesSince.length
        ? html`<ol class="note-list">${g.notesSince.map((n) => html`<li><span class="hint">${stamp(n.createdAt)}, ${personName(n.createdBy, ctx.actorId, ctx.names)}${n.about.kind === 'task' ? html`, on “<bdi>${taskText.get(n.about.id) ?? 'a task'}</bdi>”` : ''}</span><span class="note-text" dir="auto">${n.text}</span></li>`)}</ol>`
        : html`<p class="hint">No progress notes since then.</p>`}`)}
  </section>`;
}
