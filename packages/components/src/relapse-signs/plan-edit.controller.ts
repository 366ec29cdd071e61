// The warning-sign plan, viewed and edited (issue 8, split out in issue 17), shared by <str-relapse-plan> and
// <str-relapse-signs view="plan">. Co-ordinators and team leads edit it; everyone else reads it. Connected, the client
// stores the plan; controlled, one cancelable `str-sign-plan-save` carries it to the host.
import { checksInOrder, inputIssues, type StrClient, type WarningSignPlan, type WarningSignPlanUpdate } from '@strkit/sdk';
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { isDeviceFull, whyNotSaved } from '../internal/error-words.js';
import { notifyRecord, requestIntent } from '../internal/events.js';
import type { LeaveGuard } from '../internal/leave-guard.js';
import type { RelapsePlanWords } from './relapse-plan.messages.js';
import type { Said } from './relapse-records.js';
import type { PlanDraft } from './relapse-plan-editor.js';
import { renderPlan } from './relapse-plan-view.js';
import type { RelapseRecords } from './relapse-records.js';
import type { SignPlanSaveDetail, SignPlanSavedDetail } from './relapse-signs.events.js';

/** What the element holding the plan gives it. */
export interface PlanEditHost {
  readonly client: () => StrClient | undefined;
  readonly records: RelapseRecords;
  readonly leaving: LeaveGuard;
  /** The words, in the active locale. */
  readonly l: RelapsePlanWords;
  readonly readonly: () => boolean;
  /** False, with the refusal on screen, when the store has no such person (issue 15). */
  readonly mayWrite: () => Promise<boolean>;
  readonly say: (status: Said) => void;
  readonly problem: (text: string) => void;
  /** The plan was saved (or handed to the host): show the plan view. */
  readonly saved: () => void;
}

type EditorModule = typeof import('./relapse-plan-editor.js');

/**
 * The editor, loaded when someone first edits a plan (issue 19): most who open the plan only read it. `load` is the
 * only way in, so a test can make it fail; a failed load is not kept, so Try again fetches it anew.
 */
export const planEditor: { module?: EditorModule; load: () => Promise<EditorModule> } = {
  load: () => import('./relapse-plan-editor.js'),
};

/** Which editor field an SDK issue path belongs to (`signs.2.text` → that sign's text box). */
function planField(path: string, draft: PlanDraft): string {
  const [head, index, leaf] = path.split('.');
  if (head === 'signs') return draft.signs[Number(index)] ? `sign-${draft.signs[Number(index)]!.id}-${leaf === 'response' ? 'response' : 'text'}` : 'add-sign';
  if (head === 'contacts') return `contact-${index}-${leaf === 'how' ? 'how' : 'who'}`;
  if (head === 'rule') return `rule-${index}`;
  if (head === 'agreedOn') return 'agreed-on';
  if (head === 'reviewOn') return 'review-on';
  return 'add-sign';
}

export class PlanEdit {
  /** The plan being edited, as typed. */
  #draft?: PlanDraft;
  #errors: readonly { field: string; message: string }[] = [];
  #saving = false;
  /** Edit was asked for while the editor loads (`plan` to edit, or none to start one); `failed` if it could not load. */
  #opening?: { plan: WarningSignPlan | undefined; failed: boolean };
  readonly #el: LitElement;
  readonly #h: PlanEditHost;

  constructor(el: LitElement, host: PlanEditHost) {
    this.#el = el;
    this.#h = host;
  }

  get editing(): boolean {
    return !!this.#draft;
  }

  get canEdit(): boolean {
    const c = this.#h.client();
    return !this.#h.readonly() && (!c || c.can('warning-sign-plan.edit'));
  }

  clear(): void {
    this.#draft = undefined;
    this.#errors = [];
    this.#opening = undefined;
  }

  async #focus(selector: string) {
    await this.#el.updateComplete;
    this.#el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  edit(plan: WarningSignPlan | undefined): void {
    const editor = planEditor.module;
    if (!editor) return void this.#load(plan);
    this.#opening = undefined;
    this.#draft = editor.draftOf(plan);
    this.#errors = [];
    this.#el.requestUpdate();
    void this.#focus('#pe-heading ~ fieldset textarea, #pe-add-sign');
  }

  /** Loads the editor, then opens it; the plan stays on screen meanwhile, with a status, or the failure and a retry. */
  async #load(plan: WarningSignPlan | undefined) {
    this.#opening = { plan, failed: false };
    this.#el.requestUpdate();
    try {
      planEditor.module ??= await planEditor.load();
    } catch {
      if (!this.#opening) return;
      this.#opening = { plan, failed: true };
      this.#el.requestUpdate();
      return this.#focus('#plan-editor-retry');
    }
    if (this.#opening) this.edit(this.#opening.plan);
  }

  /** While the editor loads: a polite status; if it could not load: why, in words, with Try again. */
  #loading(): TemplateResult | typeof nothing {
    const o = this.#opening;
    if (!o) return nothing;
    const l = this.#h.l;
    if (!o.failed) return html`<p class="status" role="status">${l.t('editor-loading')}</p>`;
    return html`<div class="problem" role="alert"><p>${l.t('editor-failed')}</p>
      <button type="button" class="secondary" id="plan-editor-retry" @click=${() => void this.#load(o.plan)}>${l.t('try-again')}</button></div>`;
  }

  /** The plan with its Edit button, or the words to suggest a change. */
  renderView(plan: WarningSignPlan): TemplateResult {
    const l = this.#h.l;
    return html`<section part="plan" aria-labelledby="plan-heading">${renderPlan(l, plan, this.#h.records.checks)}
      ${this.canEdit
        ? html`<button type="button" class="primary" id="plan-edit" @click=${() => this.edit(plan)}>${l.t('edit-plan')}</button>`
        : html`<p class="hint">${l.t('suggest-change')}</p>`}${this.#loading()}</section>`;
  }

  /** No plan yet: who agrees one, and (for those who may) the button that starts it. */
  renderNone(): TemplateResult {
    const l = this.#h.l;
    return html`<p>${l.t('no-plan-yet')}</p>
      ${this.canEdit ? html`<button type="button" class="primary" id="plan-start" @click=${() => this.edit(undefined)}>${l.t('start-plan')}</button>` : nothing}${this.#loading()}`;
  }

  renderEditor(): TemplateResult {
    const plan = this.#h.records.plan;
    return planEditor.module!.renderEditor({
      draft: this.#draft!,
      checks: plan ? checksInOrder(plan, this.#h.records.checks) : [],
      errors: this.#errors,
      saving: this.#saving,
      l: this.#h.l,
      set: (next, focusOn) => {
        this.#draft = next;
        this.#el.requestUpdate();
        if (focusOn) void this.#focus(focusOn);
      },
      save: (e) => void this.save(e),
      cancel: () => {
        this.clear();
        this.#el.requestUpdate();
        void this.#focus('#plan-edit, #plan-start');
      },
    });
  }

  async save(e: Event): Promise<void> {
    e.preventDefault();
    const draft = this.#draft;
    if (!draft || this.#saving) return;
    const plan = this.#h.records.plan;
    const changes = planEditor.module!.changesOf(draft, plan ? checksInOrder(plan, this.#h.records.checks) : []);
    const issues = inputIssues('warningSignPlanUpdate', changes);
    if (!draft.signs.length) issues.push({ path: 'signs', code: 'required', message: this.#h.l.t('editor.add-one-sign') });
    if (issues.length) {
      const seen = new Set<string>();
      this.#errors = issues.map((i) => ({ field: planField(i.path, draft), message: i.message })).filter((x) => !seen.has(x.field) && !!seen.add(x.field));
      this.#el.requestUpdate();
      return this.#focus('.error-summary');
    }
    const c = this.#h.client();
    if (!c) return this.#ask(plan, changes);
    if (!(await this.#h.mayWrite())) return;
    this.#saving = true;
    this.#el.requestUpdate();
    try {
      await this.#store(c, plan, draft, changes);
      await this.#h.records.load();
      this.#h.say(() => this.#h.l.t('plan-saved'));
      await this.#focus('#plan-heading');
    } catch (err) {
      if (isDeviceFull(err)) this.#h.leaving.set(true);
      this.#h.problem(whyNotSaved(err, {
        what: 'the plan', kept: 'Your changes are still here',
        conflict: 'Not saved: someone else changed the plan meanwhile. Your changes are still here; the plan has been reloaded: check it, then save again.',
      }));
      await this.#h.records.load();
      await this.#focus('.problem');
    } finally {
      this.#saving = false;
      this.#el.requestUpdate();
    }
  }

  async #store(c: StrClient, plan: WarningSignPlan | undefined, draft: PlanDraft, changes: WarningSignPlanUpdate) {
    let saved: WarningSignPlan;
    if (plan) saved = await c.warningSignPlans.update(plan.id, changes, plan.version);
    else {
      const { agreedBaseline, ...rest } = changes;
      saved = await c.warningSignPlans.create({ serviceUserId: this.#h.records.person, signs: draft.signs, ...rest, ...(agreedBaseline && { agreedBaseline }) } as never);
    }
    this.#h.leaving.set(false);
    this.clear();
    this.#h.saved();
    const detail: SignPlanSavedDetail = { type: 'warningSignPlan', id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId };
    notifyRecord(this.#el, 'str-sign-plan-saved', detail);
  }

  /** Controlled mode: the host saves the plan. Not cancelled, the plan view comes back; cancelled, the editor stays as typed. */
  async #ask(plan: WarningSignPlan | undefined, changes: WarningSignPlanUpdate) {
    const serviceUserId = plan?.serviceUserId ?? this.#h.records.person;
    const detail: SignPlanSaveDetail = plan ? { planId: plan.id, expectedVersion: plan.version, serviceUserId, changes } : { serviceUserId, changes };
    if (!requestIntent(this.#el, 'str-sign-plan-save', detail)) return;
    this.clear();
    this.#h.saved();
    this.#h.say(() => this.#h.l.t('plan-sent'));
    await this.#focus('#plan-heading, #plan-start');
  }
}
