// The care plan's editors: plan details, review, goal, task, status and progress note. NHS error pattern throughout
// (internal/form-errors.ts): a summary whose links focus their field, the message beside it, `aria-invalid`.
import { GOAL_STATUSES, LIFE_AREAS, TASK_REPEATS, TASK_STATUSES, type CarePlan, type Goal, type Task } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { FormErrors } from '../internal/form-errors.js';
import type { NoteTarget, PlanContext } from './care-plan.context.js';

type FormContext = Pick<PlanContext, 'errors' | 'busy' | 'today' | 'actorId' | 'noteText' | 'on'>;

const PLAN_STATUSES = [
  { code: 'draft', label: 'Draft, not yet agreed' }, { code: 'active', label: 'Agreed and in use' }, { code: 'on-hold', label: 'On hold' },
  { code: 'completed', label: 'Completed' }, { code: 'revoked', label: 'Stopped' },
] as const;

const errorsOf = (ctx: FormContext) => new FormErrors(ctx.errors, 'ed-');

function field(e: FormErrors, name: string, label: string, control: TemplateResult, hint?: string) {
  return html`<div class=${e.group(name)}>
    <label class="field" for="ed-${name}">${label}</label>
    ${hint ? html`<span class="hint" id="ed-${name}-hint">${hint}</span>` : nothing}
    ${e.message(name)}
    ${control}
  </div>`;
}

function dateField(e: FormErrors, name: string, label: string, value: string) {
  return field(e, name, label, html`<input id="ed-${name}" name=${name} type="date" .value=${value} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name)} />`);
}

function textField(e: FormErrors, name: string, label: string, value: string) {
  return field(e, name, label, html`<input class="text" id="ed-${name}" name=${name} type="text" autocomplete="off" .value=${value} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name)} />`);
}

function buttons(ctx: FormContext, save: string) {
  return html`<div class="actions">
    <button type="submit" class="primary" ?disabled=${!!ctx.busy}>${save}</button>
    <button type="button" class="secondary" @click=${() => ctx.on.close()}>Cancel</button>
  </div>`;
}

export function planForm(ctx: FormContext, plan: CarePlan | undefined) {
  const e = errorsOf(ctx);
  const person = plan ? plan.agreedWith.some((a) => a.kind === 'service-user') : true;
  const carer = plan?.agreedWith.find((a) => a.kind === 'carer');
  return html`<form class="editor" novalidate aria-label=${plan ? 'Edit plan details' : 'Start a care plan'} @submit=${(ev: Event) => ctx.on.submitPlan(ev, plan)}>
    ${e.summary(3)}
    ${field(e, 'status', 'Plan status', html`<select id="ed-status" name="status" aria-invalid=${e.invalid('status')} aria-describedby=${e.describedBy('status')}>
      ${PLAN_STATUSES.map((s) => html`<option value=${s.code} ?selected=${(plan?.status ?? 'draft') === s.code}>${s.label}</option>`)}
    </select>`)}
    <div class="row">
      ${dateField(e, 'agreed-on', 'Agreed on', plan?.agreedOn ?? '')}
      ${dateField(e, 'next-review-on', 'Next review', plan?.nextReviewOn ?? '')}
    </div>
    <fieldset>
      <legend>Agreed with</legend>
      <label class="choice"><input type="checkbox" name="agreed-person" .checked=${person} />The person</label>
      <label class="choice"><input type="checkbox" name="agreed-carer" .checked=${!!carer} />A carer, as the person wishes</label>
    </fieldset>
    ${textField(e, 'carer-name', 'Carer’s name (optional)', carer?.name ?? '')}
    ${buttons(ctx, plan ? 'Save plan details' : 'Start the plan')}
  </form>`;
}

export function reviewForm(ctx: FormContext) {
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label="Record a review" @submit=${(ev: Event) => ctx.on.submitReview(ev)}>
    ${e.summary(3)}
    <div class="row">
      ${dateField(e, 'reviewed-on', 'Reviewed on', ctx.today)}
      ${dateField(e, 'next-review-on', 'Next review on', '')}
    </div>
    ${buttons(ctx, 'Record the review')}
  </form>`;
}

export function goalForm(ctx: FormContext, goal: Goal | undefined) {
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label=${goal ? 'Edit goal' : 'Add a goal'} @submit=${(ev: Event) => ctx.on.submitGoal(ev, goal)}>
    ${e.summary(3)}
    ${field(e, 'text', 'The goal, in the person’s own words', html`<textarea id="ed-text" name="text" rows="3" aria-invalid=${e.invalid('text')} aria-describedby=${e.describedBy('text', 'ed-text-hint')} .value=${goal?.text ?? ''}></textarea>`, 'Write it as they said it, for example “I want to get back to swimming”')}
    ${field(e, 'life-area', 'Area of life', html`<select id="ed-life-area" name="life-area" aria-invalid=${e.invalid('life-area')} aria-describedby=${e.describedBy('life-area')}>
      ${goal ? nothing : html`<option value="">Choose an area</option>`}
      ${LIFE_AREAS.map((a) => html`<option value=${a.code} ?selected=${goal?.lifeArea === a.code}>${a.label}</option>`)}
    </select>`)}
    ${dateField(e, 'target-date', 'Target date (optional)', goal?.targetDate ?? '')}
    ${goal
      ? field(e, 'status', 'Goal status', html`<select id="ed-status" name="status">${GOAL_STATUSES.map((s) => html`<option value=${s.code} ?selected=${goal.status === s.code}>${s.label}</option>`)}</select>`)
      : nothing}
    ${buttons(ctx, goal ? 'Save goal' : 'Add goal')}
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
  const e = errorsOf(ctx);
  const me = ctx.actorId;
  const chosen = ownerChoice(task, me);
  const owners = [...(me ? [{ code: 'me', label: 'Me' }] : []), { code: 'worker', label: 'Another worker (enter their id)' }, { code: 'service-user', label: 'The person' }, { code: 'carer', label: 'A carer (name optional)' }, { code: 'other-service', label: 'Another service (enter its name)' }];
  return html`<form class="editor" novalidate aria-label=${task ? 'Edit task' : 'Add a task'} @submit=${(ev: Event) => ctx.on.submitTask(ev, goalId, task)}>
    ${e.summary(3)}
    ${textField(e, 'text', 'What needs doing', task?.text ?? '')}
    <div class="row">
      ${field(e, 'owner', 'Who does it', html`<select id="ed-owner" name="owner" aria-invalid=${e.invalid('owner')} aria-describedby=${e.describedBy('owner')}>
        ${owners.map((o) => html`<option value=${o.code} ?selected=${chosen.kind === o.code}>${o.label}</option>`)}
      </select>`)}
      ${textField(e, 'owner-name', 'Their name or id (if needed)', chosen.name)}
    </div>
    <div class="row">
      ${dateField(e, 'due-date', 'Due date (optional)', task?.dueDate ?? '')}
      ${field(e, 'repeat', 'Repeats', html`<select id="ed-repeat" name="repeat" aria-invalid=${e.invalid('repeat')} aria-describedby=${e.describedBy('repeat')}>
        <option value="">Does not repeat</option>
        ${TASK_REPEATS.map((r) => html`<option value=${r.code} ?selected=${task?.repeat === r.code}>${r.label}</option>`)}
      </select>`)}
    </div>
    ${buttons(ctx, task ? 'Save task' : 'Add task')}
  </form>`;
}

export function statusForm(ctx: FormContext, t: Task) {
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label="Change status" @submit=${(ev: Event) => ctx.on.submitStatus(ev, t)}>
    ${e.summary(3)}
    <fieldset id="ed-status" tabindex="-1" aria-describedby=${e.describedBy('status')}>
      <legend>Status of “<bdi>${t.text}</bdi>”</legend>
      ${e.message('status')}
      ${TASK_STATUSES.map((s) => html`<label class="choice"><input type="radio" name="status" value=${s.code} .checked=${t.status === s.code} />${s.label}</label>`)}
    </fieldset>
    ${textField(e, 'reason', 'Reason (needed to cancel; optional for “cannot start yet”)', t.statusReason ?? '')}
    ${buttons(ctx, 'Save status')}
  </form>`;
}

export function noteForm(ctx: FormContext, about: NoteTarget, title: string, quick: boolean) {
  const e = errorsOf(ctx);
  return html`<form class="editor" novalidate aria-label="Add a progress note" @submit=${(ev: Event) => ctx.on.submitNote(ev, about)}>
    ${e.summary(3)}
    <div class=${e.group('text')}>
      <label class="field" for="ed-text">${quick ? 'Add a quick progress note (optional)' : 'Progress note'}<span class="visually-hidden"> on: ${title}</span></label>
      <span class="hint" id="ed-note-hint">Kept on this device as you type until you save it.</span>
      ${e.message('text')}
      <textarea id="ed-text" name="text" rows="4" .value=${ctx.noteText} aria-invalid=${e.invalid('text')}
        aria-describedby=${e.describedBy('text', 'ed-note-hint')} @input=${(ev: Event) => ctx.on.noteInput(ev)}></textarea>
    </div>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${!!ctx.busy}>Save note</button>
      <button type="button" class="secondary" @click=${() => ctx.on.cancelNote(about.id, quick)}>${quick ? 'Not now' : 'Cancel'}</button>
    </div>
  </form>`;
}
