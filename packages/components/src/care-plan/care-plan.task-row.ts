// One task row: its words, status in words, the actions the worker's role allows, and what is open beneath it
// (status or task editor, conflict panel, notes). Rendered again only when something it shows changed.
import { isTaskOpen, isTaskOverdue, type Task } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { interleave, slots } from '../l10n/slots.js';
import { cssId, type PlanContext } from './care-plan.context.js';
import { dueOf, ownerLabel, repeatLabel, taskStatusLabel } from './care-plan.format.js';
import { statusForm, taskForm } from './care-plan.forms-lazy.js';
import { conflictPanel, named, notesOf } from './care-plan.parts.js';

export interface TaskRowOptions {
  readonly goalId: string;
  readonly index: number;
  readonly count: number;
  readonly reorderable: boolean;
  readonly goalText?: string;
}

/** What the row shows open beneath it: its status or task editor, or its note form. */
function editorHere(ctx: PlanContext, id: string) {
  const ed = ctx.editor;
  if ((ed?.kind === 'status' || ed?.kind === 'task') && ed.taskId === id) return ed;
  return ed?.kind === 'note' && ed.about.id === id ? ed : undefined;
}

/** A task row, rendered again only when something it shows changed (a plan of 500 tasks updates one row). */
export function taskRow(ctx: PlanContext, t: Task, o: TaskRowOptions) {
  const id = t.id;
  const ed = editorHere(ctx, id);
  return guard(
    [t, o.goalId, o.index, o.count, o.reorderable, o.goalText, ctx.busy === id || ctx.busy === o.goalId, !!ctx.busy, ed, ed ? ctx.errors : undefined,
      ed?.kind === 'note' ? ctx.noteText : undefined, ctx.conflict?.key === id ? ctx.conflict : undefined, ctx.notesByTarget.get(id),
      ctx.noteDrafts.has(id), ctx.dropTarget === id, ctx.today, ctx.names, ctx.actorId, ctx.l.lang, ...ctx.rowKey],
    () => renderTask(ctx, t, o),
  );
}

/** "Due 10 June 2026" with the date as a <time>, one sentence of the catalogue. */
function dueWords(l: PlanContext['l'], due: NonNullable<ReturnType<typeof dueOf>>) {
  const parts = { date: html`<time datetime=${due.date}>${l.date(due.date)}</time>` };
  return interleave(l.t(due.word, slots(parts)), parts);
}

function taskLine(ctx: PlanContext, t: Task, o: TaskRowOptions) {
  const { l } = ctx;
  const id = t.id;
  const due = dueOf(t);
  const rep = repeatLabel(l, t);
  const ed = ctx.editor;
  const draftShown = ctx.noteDrafts.has(id) && !(ed?.kind === 'note' && ed.about.id === id);
  return html`<div class="task-line">
    <div class="task-name-and-hint">
      ${o.goalText ? html`<span class="hint">${l.t('goal-of-task', { goal: o.goalText })}</span>` : nothing}
      <span class="task-name" dir="auto" id="t-${id}-name" tabindex="-1" aria-describedby="t-${id}-hint t-${id}-status">${t.text}</span>
      <span class="hint" id="t-${id}-hint">${ownerLabel(l, t.owner, ctx.actorId, ctx.names)}${due ? html` · ${dueWords(l, due)}` : nothing}${rep ? ` · ${rep}` : nothing}</span>
    </div>
    <div class="task-status" id="t-${id}-status">
      <strong class="tag tag-${t.status}">${taskStatusLabel(l, t)}</strong>
      ${isTaskOverdue(t, ctx.today) ? html`<strong class="tag tag-overdue">${l.t('overdue')}</strong>` : nothing}
      ${t.statusReason ? html`<span class="reason">${t.statusReason}</span>` : nothing}
      ${draftShown ? html`<span class="reason">${l.t('unsaved-note')}</span>` : nothing}
    </div>
  </div>`;
}

function statusButtons(ctx: PlanContext, t: Task, busy: boolean) {
  const id = t.id;
  const done = isTaskOpen(t)
    ? html`<button type="button" class="primary" id="t-${id}-complete" aria-describedby="t-${id}-status" ?disabled=${busy} @click=${() => ctx.on.complete(t)}>${named(ctx.l, ctx.l.t(t.repeat ? 'mark-done-for-now' : 'mark-complete'), t.text)}</button>`
    : html`<button type="button" class="secondary" id="t-${id}-reopen" aria-describedby="t-${id}-status" ?disabled=${busy} @click=${() => ctx.on.reopen(t)}>${named(ctx.l, ctx.l.t('reopen'), t.text)}</button>`;
  return html`${done}
    <button type="button" class="secondary" id="t-${id}-status-btn" ?disabled=${busy} @click=${() => ctx.on.open({ kind: 'status', taskId: id }, `#t-${cssId(id)}-status-btn`)}>${named(ctx.l, ctx.l.t('change-status'), t.text)}</button>`;
}

function moveButtons(ctx: PlanContext, t: Task, o: TaskRowOptions, busy: boolean) {
  if (!o.reorderable || o.count < 2) return nothing;
  return html`<button type="button" class="secondary" id="t-${t.id}-up" ?disabled=${busy || o.index === 0} @click=${() => ctx.on.moveTask(o.goalId, t, -1)}>${named(ctx.l, ctx.l.t('move-up'), t.text)}</button>
    <button type="button" class="secondary" id="t-${t.id}-down" ?disabled=${busy || o.index === o.count - 1} @click=${() => ctx.on.moveTask(o.goalId, t, 1)}>${named(ctx.l, ctx.l.t('move-down'), t.text)}</button>`;
}

function taskActions(ctx: PlanContext, t: Task, o: TaskRowOptions) {
  const canStatus = ctx.canStatus(t);
  if (!canStatus && !ctx.canEdit && !o.reorderable) return nothing;
  const busy = ctx.busy === t.id || ctx.busy === o.goalId;
  return html`<div class="actions small">
    ${canStatus ? statusButtons(ctx, t, busy) : nothing}
    ${ctx.canEdit
      ? html`<button type="button" class="secondary" id="t-${t.id}-edit" ?disabled=${busy} @click=${() => ctx.on.open({ kind: 'task', goalId: o.goalId, taskId: t.id }, `#t-${cssId(t.id)}-edit`)}>${named(ctx.l, ctx.l.t('edit'), t.text)}</button>`
      : nothing}
    ${moveButtons(ctx, t, o, busy)}
  </div>`;
}

function renderTask(ctx: PlanContext, t: Task, o: TaskRowOptions) {
  const id = t.id;
  const ed = ctx.editor;
  const drag = o.reorderable;
  return html`<li part="task" class="task ${isTaskOverdue(t, ctx.today) ? 'is-overdue' : ''} ${ctx.dropTarget === id ? 'drop-target' : ''}" data-task-id=${id}
      draggable=${drag ? 'true' : 'false'}
      @dragstart=${drag ? (e: DragEvent) => ctx.on.dragStart(e, o.goalId, t) : nothing}
      @dragover=${drag ? (e: DragEvent) => ctx.on.dragOver(e, o.goalId, t) : nothing}
      @dragleave=${drag ? () => ctx.on.dragLeave() : nothing}
      @drop=${drag ? (e: DragEvent) => ctx.on.drop(e, o.goalId, t) : nothing}>
    ${taskLine(ctx, t, o)}
    ${taskActions(ctx, t, o)}
    ${ed?.kind === 'status' && ed.taskId === id ? statusForm(ctx, t) : nothing}
    ${ed?.kind === 'task' && ed.taskId === id ? taskForm(ctx, o.goalId, t) : nothing}
    ${ctx.conflict?.key === id ? conflictPanel(ctx, ctx.conflict) : nothing}
    ${notesOf(ctx, { kind: 'task', id }, t.text)}
  </li>`;
}
