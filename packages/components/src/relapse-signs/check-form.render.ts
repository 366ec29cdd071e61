// The sign check's form and the read-only list of signs (issue 8, split out in issue 17), drawn by
// <str-relapse-check> and <str-relapse-signs>. Each stage's signs are drawn in runs of 25, and each sign behind its
// own guard, so one rating changed re-renders one sign: its run is re-checked only when the element bumps the run's
// tick, and the rest of the form is not walked sign by sign (a plan may hold 300; issue 18, docs/adr/0018).
import { FUNCTIONING_AREAS, FUNCTIONING_LEVELS, NOT_ASKED, RATINGS, SIGN_STAGES, type FunctioningArea, type FunctioningLevel, type SignRating, type WarningSign, type WarningSignPlan } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { place } from '../l10n/place.js';
import type { RelapseCheckWords } from './relapse-check.messages.js';

/** A rating per sign id; a sign not in it is not rated yet. */
export type SignRatings = Readonly<Record<string, SignRating>>;

/** The rest of a check, as typed. */
export interface CheckDetails {
  functioning: Partial<Record<FunctioningArea, { level?: FunctioningLevel; note?: string }>>;
  observations: string;
  personsView: string;
  markedWell: boolean;
}

export const BLANK_DETAILS: CheckDetails = { functioning: {}, observations: '', personsView: '', markedWell: false };

/** The sign's own words in `<bdi>`: an override typed in them cannot reorder ours (issue 17). */
export const rateSign = (l: RelapseCheckWords, text: string) => place(l.t('rate-sign'), { sign: html`<bdi>${text.trim()}</bdi>` });

/** What the form shows and what it calls back. */
export interface CheckFormView {
  readonly ratings: SignRatings;
  readonly details: CheckDetails;
  readonly showErrors: boolean;
  /** Bumped to re-render every sign (a value set from outside a click). */
  readonly epoch: number;
  /** How many of the plan's signs have a rating (kept by the element as ratings change, not counted per render). */
  readonly rated: number;
  /** Bumped for a run when one of its signs changed rating (see PlanLayout's `at`). */
  tick(run: number): number;
  readonly disabled: boolean;
  readonly root: ParentNode;
  /** The words, in the active locale; its `lang` is part of every guard, so a locale switch redraws each sign. */
  readonly l: RelapseCheckWords;
  rate(sign: WarningSign, rating: SignRating): void;
  noneNoticed(): void;
  setDetail<K extends keyof CheckDetails>(key: K, value: CheckDetails[K]): void;
  setFunctioning(area: FunctioningArea, part: { level?: FunctioningLevel; note?: string }): void;
  save(e: Event): void;
}

type Stage = WarningSign['stage'];

/** One run of up to 25 signs of a stage; `at` numbers the runs across the plan. */
export interface SignRun {
  readonly at: number;
  readonly signs: readonly WarningSign[];
}

/** What the form needs of a plan, worked out once per plan object: each stage's runs, and where each sign is. */
export interface PlanLayout {
  readonly runs: Readonly<Record<Stage, readonly SignRun[]>>;
  /** Sign id → its run's `at` and its index in `plan.signs`. */
  readonly where: ReadonlyMap<string, { readonly run: number; readonly index: number }>;
}

const layouts = new WeakMap<WarningSignPlan, PlanLayout>();
const RUN = 25;

export function layoutOf(plan: WarningSignPlan): PlanLayout {
  let layout = layouts.get(plan);
  if (layout) return layout;
  const groups: Record<Stage, WarningSign[]> = { early: [], middle: [], late: [] };
  for (const s of plan.signs) groups[s.stage].push(s);
  const where = new Map<string, { run: number; index: number }>();
  plan.signs.forEach((s, index) => where.set(s.id, { run: -1, index }));
  let at = 0;
  const cut = (xs: WarningSign[]): SignRun[] =>
    Array.from({ length: Math.ceil(xs.length / RUN) }, (_, i) => {
      const run = { at: at++, signs: xs.slice(i * RUN, i * RUN + RUN) };
      for (const s of run.signs) where.get(s.id)!.run = run.at;
      return run;
    });
  layout = { runs: { early: cut(groups.early), middle: cut(groups.middle), late: cut(groups.late) }, where };
  layouts.set(plan, layout);
  return layout;
}

function errorSummary(v: CheckFormView, unrated: readonly WarningSign[]) {
  if (!unrated.length) return nothing;
  const go = (e: Event, s: WarningSign) => {
    e.preventDefault();
    v.root.querySelector<HTMLInputElement>(`input[name="r-${s.id}"]`)?.focus();
  };
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-title">
    <h3 id="error-title">${v.l.t('error-title')}</h3>
    <ul>${unrated.slice(0, 10).map((s) => html`<li><a href="#s-${s.id}" @click=${(e: Event) => go(e, s)}>${rateSign(v.l, s.text)}</a></li>`)}
      ${unrated.length > 10 ? html`<li>${v.l.t('more-signs', { count: unrated.length - 10 })}</li>` : nothing}</ul>
  </div>`;
}

/** The check: a rating for every sign, day-to-day functioning, what was seen, the person's view. */
export function renderCheckForm(v: CheckFormView, plan: WarningSignPlan): TemplateResult {
  // The unrated signs are listed only while errors show; otherwise the element's running count is enough.
  const unratedNow = v.showErrors ? plan.signs.filter((s) => v.ratings[s.id] === undefined) : [];
  const text = (key: 'observations' | 'personsView') => (e: Event) => v.setDetail(key, (e.target as HTMLTextAreaElement).value);
  const l = v.l;
  return html`<form part="check" novalidate @submit=${(e: Event) => v.save(e)} aria-labelledby="check-heading">
    <h2 id="check-heading">${l.t('check-heading')}</h2>
    <p class="hint">${plan.agreedOn ? l.t('agreed-on', { date: l.date(plan.agreedOn) }) : l.t('agreed')} ${l.t('rate-hint')} ${l.t('rated', { rated: v.rated, total: plan.signs.length })}</p>
    ${errorSummary(v, unratedNow)}
    <fieldset class="all" ?disabled=${v.disabled}>
      <legend class="visually-hidden">${l.t('ratings')}</legend>
      <button type="button" class="secondary" @click=${() => v.noneNoticed()}>${l.t('none-noticed')}</button>
      ${SIGN_STAGES.map((st) => {
        const runs = layoutOf(plan).runs[st.code];
        return runs.length
          ? html`<fieldset part="stage" class="stage"><legend><h3>${l.t(`stage.${st.code}`)}</h3></legend>${runs.map((run) => renderRun(v, run))}</fieldset>`
          : nothing;
      })}
      ${guard([v.details.functioning, v.epoch, l.lang], () => renderFunctioning(v))}
      <div class="field-group">
        <label class="field" for="observations">${l.t('observations')}</label>
        <span class="hint" id="observations-hint">${l.t('observations-hint')}</span>
        <textarea id="observations" rows="3" aria-describedby="observations-hint" .value=${live(v.details.observations)} @input=${text('observations')}></textarea>
      </div>
      <div class="field-group">
        <label class="field" for="persons-view">${l.t('persons-view')}</label>
        <textarea id="persons-view" rows="3" .value=${live(v.details.personsView)} @input=${text('personsView')}></textarea>
      </div>
      <label class="choice"><input type="checkbox" .checked=${live(v.details.markedWell)} @change=${(e: Event) => v.setDetail('markedWell', (e.target as HTMLInputElement).checked)} />${l.t('marked-well')}</label>
      <div class="actions"><button type="submit" class="primary" ?disabled=${v.disabled}>${l.t('save-check')}</button></div>
    </fieldset>
  </form>`;
}

function renderRun(v: CheckFormView, run: SignRun) {
  // Re-checked only when one of its signs changed (its tick), errors were shown or hidden, or every sign is redrawn.
  return guard([run, v.tick(run.at), v.showErrors, v.epoch, v.l.lang], () =>
    repeat(run.signs, (s) => s.id, (s) => guard([v.ratings[s.id], v.showErrors, v.epoch, v.l.lang], () => renderSign(v, s))),
  );
}

const VALUES: readonly SignRating[] = [...RATINGS.map((r) => r.code as SignRating), NOT_ASKED];
type Option = { readonly value: SignRating; readonly label: string };

/** The five options in the active locale: worked out once per locale, not per sign (a plan may hold 300). */
const optionsByLang = new WeakMap<RelapseCheckWords, { lang: string; options: readonly Option[] }>();
function optionsOf(l: RelapseCheckWords): readonly Option[] {
  const known = optionsByLang.get(l);
  if (known?.lang === l.lang) return known.options;
  const options = VALUES.map((value) => ({ value, label: l.t(`rating.${value}`) }));
  optionsByLang.set(l, { lang: l.lang, options });
  return options;
}

/**
 * A sign's five radios in one template (one clone per sign, not one per radio); values from RATINGS' codes
 * (packages/sdk codes, DESIGN.md) and "not asked", labels from the catalogue.
 */
function renderRadios(l: RelapseCheckWords, name: string, value: SignRating | undefined) {
  const [R0, R1, R2, R3, SKIP] = optionsOf(l) as [Option, Option, Option, Option, Option];
  return html`<label class="choice rating"><input type="radio" name=${name} .value=${String(R0.value)} .checked=${live(value === R0.value)} />${R0.label}</label><label class="choice rating"><input type="radio" name=${name} .value=${String(R1.value)} .checked=${live(value === R1.value)} />${R1.label}</label><label class="choice rating"><input type="radio" name=${name} .value=${String(R2.value)} .checked=${live(value === R2.value)} />${R2.label}</label><label class="choice rating"><input type="radio" name=${name} .value=${String(R3.value)} .checked=${live(value === R3.value)} />${R3.label}</label><label class="choice rating"><input type="radio" name=${name} .value=${String(SKIP.value)} .checked=${live(value === SKIP.value)} />${SKIP.label}</label>`;
}

/** One listener per sign, not per radio: the radio's value says which rating was chosen. */
function rated(v: CheckFormView, s: WarningSign, e: Event) {
  const input = e.target as HTMLInputElement;
  if (input.type !== 'radio') return;
  v.rate(s, input.value === NOT_ASKED ? NOT_ASKED : (Number(input.value) as SignRating));
}

function renderSign(v: CheckFormView, s: WarningSign) {
  const value = v.ratings[s.id];
  const invalid = v.showErrors && value === undefined;
  return html`<fieldset part="sign" class="sign ${invalid ? 'invalid' : ''}" id="s-${s.id}" aria-describedby=${invalid ? `s-${s.id}-error` : nothing}>
    <legend class="sign-text" dir="auto">${s.text}</legend>
    ${invalid ? html`<span class="error-message" id="s-${s.id}-error"><span class="visually-hidden">${v.l.t('error-prefix')}</span> ${rateSign(v.l, s.text)}</span>` : nothing}
    <div class="ratings" @change=${(e: Event) => rated(v, s, e)}>${renderRadios(v.l, `r-${s.id}`, value)}</div>
  </fieldset>`;
}

function renderFunctioning(v: CheckFormView) {
  const l = v.l;
  return html`<fieldset class="functioning"><legend><h3>${l.t('functioning')}</h3></legend>
    ${FUNCTIONING_AREAS.map((a) => {
      const f = v.details.functioning[a.code];
      return html`<fieldset class="sign"><legend>${l.t(`area.${a.code}`)}</legend>
        <div class="ratings">${FUNCTIONING_LEVELS.map((lv) => html`<label class="choice rating"><input type="radio" name="f-${a.code}" .checked=${live(f?.level === lv.code)} @change=${() => v.setFunctioning(a.code, { level: lv.code })} />${l.t(`level.${lv.code}`)}</label>`)}</div>
        <label class="field small" for="f-${a.code}-note">${l.t(`area-note.${a.code}`)}</label>
        <input class="text" type="text" id="f-${a.code}-note" autocomplete="off" .value=${live(f?.note ?? '')} @input=${(e: Event) => v.setFunctioning(a.code, { note: (e.target as HTMLInputElement).value })} />
      </fieldset>`;
    })}
  </fieldset>`;
}

/** The signs and their agreed responses, read-only: what a role that may not record a check sees. */
export function renderSigns(l: RelapseCheckWords, plan: WarningSignPlan): TemplateResult {
  return html`<section part="check" aria-labelledby="signs-heading"><h2 id="signs-heading">${l.t('signs-heading')}</h2>
    ${SIGN_STAGES.map((st) => {
      const signs = plan.signs.filter((s) => s.stage === st.code);
      return signs.length ? html`<h3>${l.t(`stage.${st.code}`)}</h3><ul class="sign-list">${signs.map((s) => html`<li><span class="sign-text" dir="auto">${s.text}</span><span class="hint">${l.t('agreed-response')} <span class="response" dir="auto">${s.response}</span></span></li>`)}</ul>` : nothing;
    })}</section>`;
}
