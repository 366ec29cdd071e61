// Pieces shared by goals and task rows: the progress notes beneath each, and the conflict panel.
import { html, nothing } from 'lit';
import type { Conflict } from './care-plan.conflict.js';
import { cssId, type NoteTarget, type PlanContext } from './care-plan.context.js';
import { personName, stamp } from './care-plan.format.js';
import { noteForm } from './care-plan.forms-lazy.js';

/** The notes on a task or goal (entered-in-error ones left out), then the note form or its "Add" button. */
export function notesOf(ctx: PlanContext, about: NoteTarget, title: string) {
  const notes = (ctx.notesByTarget.get(about.id) ?? []).filter((n) => !n.enteredInError);
  const ed = ctx.editor;
  const list = notes.length
    ? html`<details class="notes">
        <summary>${notes.length} progress ${notes.length === 1 ? 'note' : 'notes'}<span class="visually-hidden"> on: ${title}</span></summary>
        <ol class="note-list">${notes.map((n) => html`<li><span class="hint">${stamp(n.createdAt)}, ${personName(n.createdBy, ctx.actorId, ctx.names)}</span><span class="note-text" dir="auto">${n.text}</span></li>`)}</ol>
      </details>`
    : nothing;
  if (ed?.kind === 'note' && ed.about.id === about.id) return html`${list}${noteForm(ctx, about, title, ed.quick)}`;
  if (!ctx.canNote) return list;
  return html`${list}<button type="button" class="secondary link" id="n-${about.id}-add" @click=${() => ctx.on.open({ kind: 'note', about, quick: false }, `#n-${cssId(about.id)}-add`)}>
    ${ctx.noteDrafts.has(about.id) ? 'Finish progress note' : 'Add a progress note'}${about.kind === 'goal' ? ' on the goal' : ''}<span class="visually-hidden"> on: ${title}</span></button>`;
}

/** Both versions side by side; the worker chooses. */
export function conflictPanel(ctx: PlanContext, c: Conflict) {
  const table = (rows: readonly [string, string][], caption: string) =>
    html`<table><caption>${caption}</caption><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
  return html`<div class="conflict" role="alert" tabindex="-1">
    <h4>Someone else changed ${c.what} while you were working</h4>
    <p>${c.storedBy} saved a change on ${stamp(c.storedAt)}. Nothing has been overwritten. Choose which to keep.</p>
    <div class="versions">${table(c.mine, 'Your change')}${table(c.stored, 'Stored now')}</div>
    <div class="actions">
      <button type="button" class="primary" @click=${() => ctx.on.resolveConflict(false)}>Keep the stored version</button>
      <button type="button" class="secondary" @click=${() => ctx.on.resolveConflict(true)}>Save my change over it</button>
    </div>
  </div>`;
}
