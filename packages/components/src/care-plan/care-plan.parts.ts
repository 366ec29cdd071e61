// Pieces shared by goals and task rows: the progress notes beneath each, the conflict panel, and a button's words with
// the record it acts on.
import { html, nothing } from 'lit';
import type { Conflict } from './care-plan.conflict.js';
import { cssId, type NoteTarget, type PlanContext } from './care-plan.context.js';
import { personName, stamp } from './care-plan.format.js';
import { noteForm } from './care-plan.forms-lazy.js';
import type { CarePlanWords } from './care-plan.words.js';

/** A button's words, then the record it acts on, visually hidden (for a screen reader's list of buttons). */
export const named = (l: CarePlanWords, words: string, name: string) => html`${words}<span class="visually-hidden">${l.t('about', { name })}</span>`;

/** The notes on a task or goal (entered-in-error ones left out), then the note form or its "Add" button. */
export function notesOf(ctx: PlanContext, about: NoteTarget, title: string) {
  const { l } = ctx;
  const notes = (ctx.notesByTarget.get(about.id) ?? []).filter((n) => !n.enteredInError);
  const ed = ctx.editor;
  const on = html`<span class="visually-hidden">${l.t('notes-on', { name: title })}</span>`;
  const list = notes.length
    ? html`<details class="notes">
        <summary>${l.t('progress-notes', { count: notes.length })}${on}</summary>
        <ol class="note-list">${notes.map((n) => html`<li><span class="hint">${l.t('note-by', { when: stamp(l, n.createdAt), who: personName(l, n.createdBy, ctx.actorId, ctx.names) })}</span><span class="note-text" dir="auto">${n.text}</span></li>`)}</ol>
      </details>`
    : nothing;
  if (ed?.kind === 'note' && ed.about.id === about.id) return html`${list}${noteForm(ctx, about, title, ed.quick)}`;
  if (!ctx.canNote) return list;
  const goal = about.kind === 'goal';
  const words = ctx.noteDrafts.has(about.id) ? l.t(goal ? 'finish-note-goal' : 'finish-note') : l.t(goal ? 'add-note-goal' : 'add-note');
  return html`${list}<button type="button" class="secondary link" id="n-${about.id}-add" @click=${() => ctx.on.open({ kind: 'note', about, quick: false }, `#n-${cssId(about.id)}-add`)}>
    ${words}${on}</button>`;
}

/** Both versions side by side; the worker chooses. */
export function conflictPanel(ctx: PlanContext, c: Conflict) {
  const { l } = ctx;
  const table = (rows: readonly (readonly [string, string])[], caption: string) =>
    html`<table><caption>${caption}</caption><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
  return html`<div class="conflict" role="alert" tabindex="-1">
    <h4>${l.t(`conflict.${c.what}`)}</h4>
    <p>${l.t('conflict-body', { who: c.storedBy(l), when: stamp(l, c.storedAt) })}</p>
    <div class="versions">${table(c.mine(l), l.t('your-change'))}${table(c.stored(l), l.t('stored-now'))}</div>
    <div class="actions">
      <button type="button" class="primary" @click=${() => ctx.on.resolveConflict(false)}>${l.t('keep-stored')}</button>
      <button type="button" class="secondary" @click=${() => ctx.on.resolveConflict(true)}>${l.t('save-mine')}</button>
    </div>
  </div>`;
}
