// The warning-sign plan editor of <str-relapse-signs> and <str-relapse-plan> (issue 8), loaded on first use (issue 19:
// plan-edit.controller.ts imports it lazily; the read-only plan is relapse-plan-view.ts). The care co-ordinator, with the person,
// adds, edits and reorders signs and agreed responses, sets who to contact, the rule's thresholds and the agreed
// baseline (picked from checks marked "well", with the figure shown), and the agreed and review dates.
import {
  DEFAULT_ALERT_RULE, SIGN_STAGES, agreedBaselineFrom, checkTotal, moveItem,
  type AlertRule, type SignCheck, type WarningSign, type WarningSignPlan, type WarningSignPlanUpdate,
} from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { FormErrors } from '../internal/form-errors.js';
import type { RelapsePlanWords } from './relapse-plan.messages.js';

/** The plan as being edited: strings as typed, so nothing is reformatted before it is saved. */
export interface PlanDraft {
  signs: WarningSign[];
  contacts: { who: string; how: string }[];
  rule: Record<keyof AlertRule, string>;
  baselineCheckIds: string[];
  agreedOn: string;
  reviewOn: string;
}

/** The rule's thresholds in the order the editor shows them; their labels and hints are `editor.rule.<key>` messages. */
export const RULE_FIELDS: readonly (keyof AlertRule)[] = ['lateSignAtLeast', 'risePercent', 'risePoints', 'repeatRating', 'repeatChecks'];

export function draftOf(plan: WarningSignPlan | undefined): PlanDraft {
  const rule = plan?.rule ?? DEFAULT_ALERT_RULE;
  return {
    signs: plan ? plan.signs.map((s) => ({ ...s })) : [],
    contacts: plan ? plan.contacts.map((c) => ({ ...c })) : [],
    rule: Object.fromEntries(RULE_FIELDS.map((k) => [k, String(rule[k])])) as Record<keyof AlertRule, string>,
    baselineCheckIds: [...(plan?.agreedBaseline?.fromCheckIds ?? [])],
    agreedOn: plan?.agreedOn ?? '',
    reviewOn: plan?.reviewOn ?? '',
  };
}

/** The agreed baseline the picked checks give on the plan as edited: the SDK's rule (docs/adr/0005-alert-baseline.md). */
export const baselineFromPicks = (draft: PlanDraft, checks: readonly SignCheck[]) => agreedBaselineFrom(draft.signs, checks, draft.baselineCheckIds);

/** The update the draft makes. */
export function changesOf(draft: PlanDraft, checks: readonly SignCheck[]): WarningSignPlanUpdate {
  const baseline = baselineFromPicks(draft, checks);
  return {
    signs: draft.signs,
    contacts: draft.contacts,
    rule: Object.fromEntries(RULE_FIELDS.map((k) => [k, Number(draft.rule[k])])) as AlertRule,
    agreedBaseline: baseline ?? null,
    ...(draft.agreedOn && { agreedOn: draft.agreedOn }),
    ...(draft.reviewOn && { reviewOn: draft.reviewOn }),
  };
}

export interface EditorHost {
  readonly draft: PlanDraft;
  readonly checks: readonly SignCheck[];
  readonly errors: readonly { field: string; message: string }[];
  readonly saving: boolean;
  /** The words, in the active locale. */
  readonly l: RelapsePlanWords;
  set(next: PlanDraft, focus?: string): void;
  save(e: Event): void;
  cancel(): void;
}

/** The editing form. Every sign moves with Move up / Move down (keyboard and pointer alike); focus follows it. */
export function renderEditor(h: EditorHost): TemplateResult {
  const d = h.draft;
  const l = h.l;
  const f = new FormErrors(h.errors, 'pe-');
  const setSign = (i: number, part: Partial<WarningSign>) => h.set({ ...d, signs: d.signs.map((s, k) => (k === i ? { ...s, ...part } : s)) });
  const move = (i: number, by: number) => {
    const ids = moveItem(d.signs.map((s) => s.id), i, i + by);
    const next = ids.map((id) => d.signs.find((s) => s.id === id)!);
    const to = i + by;
    const edge = to === 0 ? 'down' : to === d.signs.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    h.set({ ...d, signs: next }, `#pe-sign-${d.signs[i]!.id}-${d.signs.length > 1 ? edge : 'text'}`);
  };
  return html`<form class="editor" part="plan-editor" novalidate aria-labelledby="pe-heading" @submit=${(e: Event) => h.save(e)}>
    <h2 id="pe-heading">${l.t('editor.heading')}</h2>
    ${f.summary(3)}
    ${skipToSave(h)}
    <fieldset class="stage"><legend><h3>${l.t('editor.signs')}</h3></legend>
      <ol class="sign-editor">${repeat(d.signs, (s) => s.id, (s, i) => html`<li>
        <div class=${f.group(`sign-${s.id}-text`)}>
          <label class="field" for="pe-sign-${s.id}-text">${l.t('editor.sign', { n: i + 1 })}</label>${f.message(`sign-${s.id}-text`)}
          <textarea id="pe-sign-${s.id}-text" rows="2" aria-invalid=${f.invalid(`sign-${s.id}-text`)} aria-describedby=${f.describedBy(`sign-${s.id}-text`)} .value=${live(s.text)} @input=${(e: Event) => setSign(i, { text: (e.target as HTMLTextAreaElement).value })}></textarea>
        </div>
        <div class="field-group"><label class="field" for="pe-sign-${s.id}-stage">${l.t('editor.stage')}</label>
          <select id="pe-sign-${s.id}-stage" @change=${(e: Event) => setSign(i, { stage: (e.target as HTMLSelectElement).value as WarningSign['stage'] })}>
            ${SIGN_STAGES.map((st) => html`<option value=${st.code} ?selected=${s.stage === st.code}>${l.t(`stage-short.${st.code}`)}</option>`)}
          </select></div>
        <div class=${f.group(`sign-${s.id}-response`)}>
          <label class="field" for="pe-sign-${s.id}-response">${l.t('editor.response')}</label>${f.message(`sign-${s.id}-response`)}
          <textarea id="pe-sign-${s.id}-response" rows="2" aria-invalid=${f.invalid(`sign-${s.id}-response`)} aria-describedby=${f.describedBy(`sign-${s.id}-response`)} .value=${live(s.response)} @input=${(e: Event) => setSign(i, { response: (e.target as HTMLTextAreaElement).value })}></textarea>
        </div>
        <div class="actions small">
          ${d.signs.length > 1
            ? html`<button type="button" class="secondary" id="pe-sign-${s.id}-up" ?disabled=${i === 0} @click=${() => move(i, -1)}>${l.t('editor.move-up')}<span class="visually-hidden">${l.t('editor.which-sign', { n: i + 1 })}</span></button>
              <button type="button" class="secondary" id="pe-sign-${s.id}-down" ?disabled=${i === d.signs.length - 1} @click=${() => move(i, 1)}>${l.t('editor.move-down')}<span class="visually-hidden">${l.t('editor.which-sign', { n: i + 1 })}</span></button>`
            : nothing}
          <button type="button" class="secondary" @click=${() => {
            const next = d.signs.filter((x) => x.id !== s.id);
            const after = next[i] ?? next[i - 1];
            h.set({ ...d, signs: next }, after ? `#pe-sign-${after.id}-text` : '#pe-add-sign');
          }}>${l.t('editor.remove')}<span class="visually-hidden">${l.t('editor.which-sign', { n: i + 1 })}</span></button>
        </div>
      </li>`)}</ol>
      <button type="button" class="secondary" id="pe-add-sign" @click=${() => {
        const id = crypto.randomUUID();
        h.set({ ...d, signs: [...d.signs, { id, text: '', stage: 'early', response: '' }] }, `#pe-sign-${id}-text`);
      }}>${l.t('editor.add-sign')}</button>
    </fieldset>
    <fieldset class="stage"><legend><h3>${l.t('editor.contacts')}</h3></legend>
      ${d.contacts.map((c, i) => html`<div class="row">
        <div class=${f.group(`contact-${i}-who`)}><label class="field" for="pe-contact-${i}-who">${l.t('editor.who')}</label>${f.message(`contact-${i}-who`)}
          <input class="text" id="pe-contact-${i}-who" type="text" autocomplete="off" aria-invalid=${f.invalid(`contact-${i}-who`)} aria-describedby=${f.describedBy(`contact-${i}-who`)} .value=${live(c.who)} @input=${(e: Event) => h.set({ ...d, contacts: d.contacts.map((x, k) => (k === i ? { ...x, who: (e.target as HTMLInputElement).value } : x)) })} /></div>
        <div class=${f.group(`contact-${i}-how`)}><label class="field" for="pe-contact-${i}-how">${l.t('editor.how')}</label>${f.message(`contact-${i}-how`)}
          <textarea id="pe-contact-${i}-how" rows="2" aria-invalid=${f.invalid(`contact-${i}-how`)} aria-describedby=${f.describedBy(`contact-${i}-how`)} .value=${live(c.how)} @input=${(e: Event) => h.set({ ...d, contacts: d.contacts.map((x, k) => (k === i ? { ...x, how: (e.target as HTMLTextAreaElement).value } : x)) })}></textarea></div>
        <button type="button" class="secondary" @click=${() => h.set({ ...d, contacts: d.contacts.filter((_, k) => k !== i) }, '#pe-add-contact')}>${l.t('editor.remove')}<span class="visually-hidden">${l.t('editor.which-contact', { n: i + 1 })}</span></button>
      </div>`)}
      <button type="button" class="secondary" id="pe-add-contact" @click=${() => h.set({ ...d, contacts: [...d.contacts, { who: '', how: '' }] }, `#pe-contact-${d.contacts.length}-who`)}>${l.t('editor.add-contact')}</button>
    </fieldset>
    ${renderRuleAndBaseline(h, f)}
    <div class="row">
      <div class=${f.group('agreed-on')}><label class="field" for="pe-agreed-on">${l.t('editor.agreed-on')}</label>${f.message('agreed-on')}
        <input id="pe-agreed-on" type="date" aria-invalid=${f.invalid('agreed-on')} aria-describedby=${f.describedBy('agreed-on')} .value=${live(d.agreedOn)} @input=${(e: Event) => h.set({ ...d, agreedOn: (e.target as HTMLInputElement).value })} /></div>
      <div class=${f.group('review-on')}><label class="field" for="pe-review-on">${l.t('editor.review-by')}</label>${f.message('review-on')}
        <input id="pe-review-on" type="date" aria-invalid=${f.invalid('review-on')} aria-describedby=${f.describedBy('review-on')} .value=${live(d.reviewOn)} @input=${(e: Event) => h.set({ ...d, reviewOn: (e.target as HTMLInputElement).value })} /></div>
    </div>
    <div class="actions">
      <button type="submit" class="primary" id="pe-save" ?disabled=${h.saving}>${l.t('editor.save')}</button>
      <button type="button" class="secondary" @click=${() => h.cancel()}>${l.t('editor.cancel')}</button>
    </div>
  </form>`;
}

/** With many signs Save is some 90 Tab presses down (issue 17): this link, one Shift+Tab above the first sign, goes there. */
function skipToSave(h: EditorHost): TemplateResult {
  const go = (e: Event) => {
    e.preventDefault(); // a fragment link does not reach into a shadow root
    ((e.currentTarget as Element).getRootNode() as ParentNode).querySelector<HTMLElement>('#pe-save')?.focus();
  };
  return html`<p class="skip-links"><a href="#pe-save" @click=${go}>${h.l.t('skip-to-save')}</a></p>`;
}

/** The rule's thresholds and the agreed baseline, picked from checks marked "well". */
function renderRuleAndBaseline(h: EditorHost, f: FormErrors): TemplateResult {
  const d = h.draft;
  const candidates = h.checks.filter((c) => c.markedWell);
  const baseline = baselineFromPicks(d, h.checks);
  const l = h.l;
  return html`<fieldset class="stage"><legend><h3>${l.t('when-alert')}</h3></legend>
      ${RULE_FIELDS.map((k) => html`<div class=${f.group(`rule-${k}`)}>
        <label class="field" for="pe-rule-${k}">${l.t(`editor.rule.${k}`)}</label><span class="hint" id="pe-rule-${k}-hint">${l.t(`editor.rule.${k}-hint`)}</span>${f.message(`rule-${k}`)}
        <input id="pe-rule-${k}" type="number" inputmode="numeric" aria-invalid=${f.invalid(`rule-${k}`)} aria-describedby=${f.describedBy(`rule-${k}`, `pe-rule-${k}-hint`)} .value=${live(d.rule[k])}
          @input=${(e: Event) => h.set({ ...d, rule: { ...d.rule, [k]: (e.target as HTMLInputElement).value } })} />
      </div>`)}
    </fieldset>
    <fieldset class="stage"><legend><h3>${l.t('editor.baseline')}</h3></legend>
      <p class="hint">${l.t('editor.baseline-hint')}</p>
      ${candidates.length
        ? candidates.map((c) => html`<label class="choice"><input type="checkbox" .checked=${live(d.baselineCheckIds.includes(c.id))}
            @change=${(e: Event) => h.set({ ...d, baselineCheckIds: (e.target as HTMLInputElement).checked ? [...d.baselineCheckIds, c.id] : d.baselineCheckIds.filter((x) => x !== c.id) })} />
            ${l.t('editor.well-check', { date: l.date(c.at), total: checkTotal({ signs: d.signs }, c) })}</label>`)
        : html`<p>${l.t('editor.no-well-checks')}</p>`}
      <p><strong>${baseline ? l.t('editor.baseline-is', { total: baseline.total }) : l.t('editor.no-baseline')}</strong></p>
    </fieldset>`;
}
