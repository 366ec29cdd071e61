// How the supervision and training forms of <str-team> draw (issue 22): functions of the open form, its errors and
// the words; the controller (team-record.ts) keeps the state and handles what they report. NHS error pattern
// (internal/form-errors.ts); every control labelled, hints and errors tied to it.
import { SUPERVISION_KINDS, type TrainingItem } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormErrors } from '../internal/form-errors.js';
import { PREFIX, type ActionDraft, type Form, type ReallocationForm, type Refusal, type Said, type SupervisionForm, type TrainingForm, type Worker } from './team-record.form.js';
import type { TeamWords } from './team.render.js';

export interface FormView {
  readonly l: TeamWords;
  readonly open: Form;
  readonly errors: readonly Refusal[];
  readonly problem?: Said;
  readonly saving: boolean;
  /** A draft of this form is kept on the device: offer to discard it. */
  readonly hasDraft: boolean;
  /** The checklist items the worker must complete. */
  readonly items: readonly TrainingItem[];
  readonly on: {
    input(e: Event): void;
    save(e: Event): void;
    cancel(): void;
    discard(): void;
    addAction(): void;
    removeAction(i: number): void;
  };
}

export function renderForm(v: FormView): TemplateResult {
  const { l, open: o } = v;
  const e = new FormErrors(v.errors.map((r) => ({ field: r.field, message: r.say(l) })), PREFIX, { kind: `${PREFIX}kind-${SUPERVISION_KINDS[0]}` }, { problem: l.t('problem'), error: l.t('error-prefix') });
  const heading = l.t(`${o.form}-heading`, { name: o.worker.name });
  const save = v.saving ? 'saving' : (`save-${o.form}` as const);
  const fields = o.form === 'supervision' ? supervisionFields(v, e, o) : o.form === 'training' ? trainingFields(v, e, o) : reallocationFields(v, e, o);
  return html`<form class="editor" novalidate aria-labelledby="${PREFIX}heading" @input=${v.on.input} @change=${v.on.input} @submit=${v.on.save}>
    <h4 id="${PREFIX}heading" tabindex="-1"><bdi>${heading}</bdi></h4>
    ${e.summary(3)}
    ${v.problem ? html`<div class="problem" id="${PREFIX}problem" role="alert" tabindex="-1"><p>${v.problem(l)}</p></div>` : nothing}
    ${fields}
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${v.saving}>${l.t(save)}</button>
      <button type="button" class="secondary" ?disabled=${v.saving} @click=${v.on.cancel}>${l.t('cancel')}</button>
      ${v.hasDraft ? html`<button type="button" class="secondary" ?disabled=${v.saving} @click=${v.on.discard}>${l.t('discard-draft')}</button>` : nothing}
    </div>
  </form>`;
}

function supervisionFields(v: FormView, e: FormErrors, o: SupervisionForm): TemplateResult {
  const l = v.l;
  const d = o.draft;
  const saved = !!o.savedId;
  return html`${date(e, 'held-on', l.t('held-on'), d.heldOn, saved)}
    <fieldset class=${e.group('kind')} aria-describedby=${e.describedBy('kind')} ?disabled=${saved}>
      <legend>${l.t('kind')}</legend>
      ${e.message('kind')}
      ${SUPERVISION_KINDS.map((k) => html`<label class="choice"><input type="radio" name="kind" id="${PREFIX}kind-${k}" value=${k} .checked=${live(d.kind === k)} />${l.t(`kind.${k}`)}</label>`)}
    </fieldset>
    ${date(e, 'next-due-on', l.t('next-due-on'), d.nextDueOn, saved, l.t('next-due-hint'))}
    <fieldset ?disabled=${saved}>
      <legend>${l.t('actions')}</legend>
      ${d.actions.length === 0 ? html`<p class="hint">${l.t('no-actions')}</p>` : nothing}
      ${d.actions.map((a, i) => action(v, e, o.worker, a, i))}
      <button type="button" class="secondary" id="${PREFIX}add-action" @click=${v.on.addAction}>${l.t('add-action')}</button>
    </fieldset>
    ${field(e, 'notes', l.t('notes'), html`<textarea id="${PREFIX}notes" name="notes" rows="4" .value=${live(d.notes)}
      aria-invalid=${e.invalid('notes')} aria-describedby=${e.describedBy('notes', `${PREFIX}notes-hint`)}></textarea>`, l.t('notes-hint', { name: o.worker.name }))}`;
}

function action(v: FormView, e: FormErrors, worker: Worker, a: ActionDraft, i: number): TemplateResult {
  const l = v.l;
  const n = i + 1;
  const text = `action-${i}-text`;
  return html`<div class="agreed-action">
    ${field(e, text, l.t('action-text', { n }), html`<input class="text" type="text" id="${PREFIX}${text}" name=${text} autocomplete="off"
      .value=${live(a.text)} aria-invalid=${e.invalid(text)} aria-describedby=${e.describedBy(text)} />`)}
    ${field(e, `action-${i}-owner`, l.t('action-owner', { n }), html`<select id="${PREFIX}action-${i}-owner" name="action-${i}-owner" .value=${live(a.owner === 'supervisor' ? 'supervisor' : 'worker')}>
      <option value="worker">${worker.name}</option>
      <option value="supervisor">${l.t('owner-me')}</option>
    </select>`)}
    ${date(e, `action-${i}-due`, l.t('action-due', { n }), a.dueOn, false)}
    <button type="button" class="secondary" @click=${() => v.on.removeAction(i)}>${l.t('remove-action', { n })}</button>
  </div>`;
}

function trainingFields(v: FormView, e: FormErrors, o: TrainingForm): TemplateResult {
  const l = v.l;
  const d = o.draft;
  const item = v.items.find((i) => i.id === d.itemId);
  const renew = item?.renewEveryMonths;
  return html`${field(e, 'item', l.t('item'), html`<select id="${PREFIX}item" name="item" aria-invalid=${e.invalid('item')} aria-describedby=${e.describedBy('item')}>
      <option value="" ?selected=${!item}>${l.t('choose-item')}</option>
      ${v.items.map((i) => html`<option value=${i.id} ?selected=${i.id === d.itemId}>${i.title}</option>`)}
    </select>`)}
    ${date(e, 'completed-on', l.t('completed-on'), d.completedOn, false)}
    ${date(e, 'expires-on', l.t('expires-on'), d.expiresOn, false, renew === undefined ? l.t('expires-hint-never') : l.t('expires-hint-renew', { count: renew }))}
    ${field(e, 'evidence', l.t('evidence'), html`<textarea id="${PREFIX}evidence" name="evidence" rows="2" .value=${live(d.evidence)}
      aria-invalid=${e.invalid('evidence')} aria-describedby=${e.describedBy('evidence', `${PREFIX}evidence-hint`)}></textarea>`, l.t('evidence-hint'))}`;
}

function reallocationFields(v: FormView, e: FormErrors, o: ReallocationForm): TemplateResult {
  const l = v.l;
  const d = o.draft;
  const select = (name: string, choose: string, options: readonly { id: string; name: string }[], value: string) =>
    html`<select id="${PREFIX}${name}" name=${name} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name)}>
      <option value="" ?selected=${!options.some((x) => x.id === value)}>${choose}</option>
      ${options.map((x) => html`<option value=${x.id} ?selected=${x.id === value}>${x.name}</option>`)}
    </select>`;
  return html`${field(e, 'person', l.t('person'), select('person', l.t('choose-person'), o.people, d.personId))}
    ${field(e, 'to-worker', l.t('to-worker'), select('to-worker', l.t('choose-worker'), o.to, d.toWorkerId))}
    ${date(e, 'from', l.t('from'), d.from, false, l.t('from-hint'))}
    ${field(e, 'reason', l.t('reason'), html`<input class="text" type="text" id="${PREFIX}reason" name="reason" autocomplete="off" .value=${live(d.reason)}
      aria-invalid=${e.invalid('reason')} aria-describedby=${e.describedBy('reason', `${PREFIX}reason-hint`)} />`, l.t('reason-hint'))}`;
}

const field = (e: FormErrors, name: string, label: string, control: TemplateResult, hint?: string): TemplateResult => e.field(name, label, control, hint);

function date(e: FormErrors, name: string, label: string, value: string, disabled: boolean, hint?: string): TemplateResult {
  return field(e, name, label, html`<input type="date" id="${PREFIX}${name}" name=${name} .value=${live(value)} ?disabled=${disabled}
    aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name, hint ? `${PREFIX}${name}-hint` : undefined)} />`, hint);
}
