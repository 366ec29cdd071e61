// The care plan's editors: plan details, review, goal, task, status and progress note. NHS error pattern throughout
// (internal/form-errors.ts): a summary whose links focus their field, the message beside it, `aria-invalid`.
import { CARE_PLAN_STATUSES, GOAL_STATUSES, LIFE_AREAS, TASK_REPEATS, TASK_STATUSES, type CarePlan, type Goal, type Task } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { FormErrors } from '../internal/form-errors.js';
import { interleave, slots } from '../l10n/slots.js';
import type { NoteTarget, PlanContext } from './care-plan.context.js';
import { codeLabel } from './care-plan.words.js';

type FormContext = Pick<PlanContext, 'l' | 'errors' | 'busy' | 'today' | 'actorId' | 'noteText' | 'on'>;

const errorsOf = (ctx: FormContext) => new FormErrors(ctx.errors, 'ed-', {}, { problem: ctx.l.t('problem'), error: ctx.l.t('error-prefix') });

const field = (e: FormErrors, name: string, label: string, control: TemplateResult, hint?: string) => e.field(name, label, control, hint);

function dateField(e: FormErrors, name: string, label: string, value: string) {
  return field(e, name, label, html`<input id="ed-${name}" name=${name} type="date" .value=${value} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name)} />`);
}

function textField(e: FormErrors, name: string, label: string, value: string) {
  return field(e, name, label, html`<input class="text" id="ed-${name}" name=${name} type="text" autocomplete="off" .value=${value} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name)} />`);
}

function buttons(ctx: FormContext, save: string) {
  return html`<div class="actions">
    <button type="submit" class="primary" ?disabled=${!!ctx.busy}>${save}</button>
    <button type="button" class="secondary" @click=${() => ctx.on.close()}>${ctx.l.t('cancel')}</button>
  </div>`;
}

export function planForm(ctx: FormContext, plan: CarePlan | undefined) {
  const { l } = ctx;
  const e = errorsOf(ctx);
  const person = plan ? plan.agreedWith.some((a) => a.kind === 'service-user') : true;
  const carer = plan?.agreedWith.find((a) => a.kind === 'carer');
  return html`<form class="editor" novalidate aria-label=${l.t(plan ? 'edit-plan' : 'start-plan')} @submit=${(ev: Event) => ctx.on.submitPlan(ev, plan)}>
    ${e.summary(3)}
    ${field(e, 'status', l.t('plan-status'), html`<select id="ed-status" name="status" aria-invalid=${e.invalid('status')} aria-describedby=${e.describedBy('status')}>
      ${CARE_PLAN_STATUSES.map((s) => html`<option value=${s.code} ?selected=${(plan?.status ?? 'draft') === s.code}>${codeLabel(l, 'plan-status', s.code)}</option>`)}
    </select>`)}
    <div class="row">
      ${dateField(e, 'agreed-on', l.t('agreed-on'), plan?.agreedOn ?? '')}
      ${dateField(e, 'next-review-on', l.t('next-review'), plan?.nextReviewOn ?? '')}
    </div>
    <fieldset>
      <legend>${l.t('agreed-with-legend')}</legend>
      <label class="choice"><input type="checkbox" name="agreed-person" .checked=${person} />${l.t('agreed-person')}</label>
      <label class="choice"><input type="checkbox" name="agreed-carer" .checked=${!!carer} />${l.t('agreed-carer')}</label>
    </fieldset>
    ${textField(e, 'carer-name', l.t('carer-name'), carer?.name ?? '')}
    ${buttons(ctx, l.t(plan ? 'save-plan' : 'start-the-plan'))}
  </form>`;
}

export function reviewForm(ctx: FormContext) {
  const { l } = ctx;
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label=${l.t('record-review')} @submit=${(ev: Event) => ctx.on.submitReview(ev)}>
    ${e.summary(3)}
    <div class="row">
      ${dateField(e, 'reviewed-on', l.t('reviewed-on'), ctx.today)}
      ${dateField(e, 'next-review-on', l.t('next-review-on'), '')}
    </div>
    ${buttons(ctx, l.t('record-the-review'))}
  </form>`;
}

export function goalForm(ctx: FormContext, goal: Goal | undefined) {
  const { l } = ctx;
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label=${l.t(goal ? 'edit-goal' : 'add-goal-form')} @submit=${(ev: Event) => ctx.on.submitGoal(ev, goal)}>
    ${e.summary(3)}
    ${field(e, 'text', l.t('goal-text'), html`<textarea id="ed-text" name="text" rows="3" aria-invalid=${e.invalid('text')} aria-describedby=${e.describedBy('text', 'ed-text-hint')} .value=${goal?.text ?? ''}></textarea>`, l.t('goal-hint'))}
    ${field(e, 'life-area', l.t('life-area'), html`<select id="ed-life-area" name="life-area" aria-invalid=${e.invalid('life-area')} aria-describedby=${e.describedBy('life-area')}>
      ${goal ? nothing : html`<option value="">${l.t('choose-area')}</option>`}
      ${LIFE_AREAS.map((a) => html`<option value=${a.code} ?selected=${goal?.lifeArea === a.code}>${codeLabel(l, 'life-area', a.code)}</option>`)}
    </select>`)}
    ${dateField(e, 'target-date', l.t('target-date'), goal?.targetDate ?? '')}
    ${goal
      ? field(e, 'status', l.t('goal-status'), html`<select id="ed-status" name="status">${GOAL_STATUSES.map((s) => html`<option value=${s.code} ?selected=${goal.status === s.code}>${codeLabel(l, 'goal-status', s.code)}</option>`)}</select>`)
      : nothing}
    ${buttons(ctx, l.t(goal ? 'save-goal' : 'add-goal-button'))}
  </form>`;
}

/** Who does a task, as the form's owner choice and name field show it. */
function ownerChoice(task: Task | undefined, me: string | undefined): { kind: string; name: string } {
  const owner = task?.owner;
  if (!owner) return { kind: me ? 'me' : 'service-user', name: '' };
  switch (owner.kind) {
    case 'worker': return owner.workerId === me ? { kind: 'me', name: '' } : { kind: 'worker', name: owner.workerId };
    case 'carer': return { kind: 'carer', name: owner.name ?? '' };
    case 'other-service': return { kind: 'other-service', name: owner.name };
    default: return { kind: owner.kind, name: '' };
  }
}

export function taskForm(ctx: FormContext, goalId: string, task: Task | undefined) {
  const { l } = ctx;
  const e = errorsOf(ctx);
  const me = ctx.actorId;
  const chosen = ownerChoice(task, me);
  const owners = [
    ...(me ? [{ code: 'me', label: l.t('owner.me') }] : []), { code: 'worker', label: l.t('owner.worker') }, { code: 'service-user', label: l.t('owner.person-choice') },
    { code: 'carer', label: l.t('owner.carer-choice') }, { code: 'other-service', label: l.t('owner.service') },
  ];
  return html`<form class="editor" novalidate aria-label=${l.t(task ? 'edit-task' : 'add-task-form')} @submit=${(ev: Event) => ctx.on.submitTask(ev, goalId, task)}>
    ${e.summary(3)}
    ${textField(e, 'text', l.t('task-text'), task?.text ?? '')}
    <div class="row">
      ${field(e, 'owner', l.t('who-does-it'), html`<select id="ed-owner" name="owner" aria-invalid=${e.invalid('owner')} aria-describedby=${e.describedBy('owner')}>
        ${owners.map((o) => html`<option value=${o.code} ?selected=${chosen.kind === o.code}>${o.label}</option>`)}
      </select>`)}
      ${textField(e, 'owner-name', l.t('owner-name'), chosen.name)}
    </div>
    <div class="row">
      ${dateField(e, 'due-date', l.t('due-date'), task?.dueDate ?? '')}
      ${field(e, 'repeat', l.t('repeats'), html`<select id="ed-repeat" name="repeat" aria-invalid=${e.invalid('repeat')} aria-describedby=${e.describedBy('repeat')}>
        <option value="">${l.t('no-repeat')}</option>
        ${TASK_REPEATS.map((r) => html`<option value=${r.code} ?selected=${task?.repeat === r.code}>${codeLabel(l, 'repeat', r.code)}</option>`)}
      </select>`)}
    </div>
    ${buttons(ctx, l.t(task ? 'save-task' : 'add-task-button'))}
  </form>`;
}

export function statusForm(ctx: FormContext, t: Task) {
  const { l } = ctx;
  const e = errorsOf(ctx);
  const parts = { task: html`<bdi>${t.text}</bdi>` };
  return html`<form class="editor" novalidate aria-label=${l.t('change-status')} @submit=${(ev: Event) => ctx.on.submitStatus(ev, t)}>
    ${e.summary(3)}
    <fieldset id="ed-status" tabindex="-1" aria-describedby=${e.describedBy('status')}>
      <legend>${interleave(l.t('status-of', slots(parts)), parts)}</legend>
      ${e.message('status')}
      ${TASK_STATUSES.map((s) => html`<label class="choice"><input type="radio" name="status" value=${s.code} .checked=${t.status === s.code} />${codeLabel(l, 'task-status', s.code)}</label>`)}
    </fieldset>
    ${textField(e, 'reason', l.t('reason'), t.statusReason ?? '')}
    ${buttons(ctx, l.t('save-status'))}
  </form>`;
}

export function noteForm(ctx: FormContext, about: NoteTarget, title: string, quick: boolean) {
  const { l } = ctx;
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label=${l.t('add-note-form')} @submit=${(ev: Event) => ctx.on.submitNote(ev, about)}>
    ${e.summary(3)}
    <div class=${e.group('text')}>
      <label class="field" for="ed-text">${l.t(quick ? 'quick-note' : 'progress-note')}<span class="visually-hidden">${l.t('notes-on', { name: title })}</span></label>
      <span class="hint" id="ed-note-hint">${l.t('note-hint')}</span>
      ${e.message('text')}
      <textarea id="ed-text" name="text" rows="4" .value=${ctx.noteText} aria-invalid=${e.invalid('text')}
        aria-describedby=${e.describedBy('text', 'ed-note-hint')} @input=${(ev: Event) => ctx.on.noteInput(ev)}></textarea>
    </div>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${!!ctx.busy}>${l.t('save-note')}</button>
      <button type="button" class="secondary" @click=${() => ctx.on.cancelNote(about.id, quick)}>${l.t(quick ? 'not-now' : 'cancel')}</button>
    </div>
  </form>`;
}
