// The sign check's form and the read-only list of signs (issue 8, split out in issue 17), drawn by
// <str-relapse-check> and <str-relapse-signs>. Each stage's signs are drawn in runs of 25, and each sign behind its
// own guard, so one rating changed re-renders one sign: its run is re-checked only when the element bumps the run's
// tick, and the rest of the form is not walked sign by sign (a plan may hold 300; issue 18, docs/adr/0018).
import { FUNCTIONING_AREAS, FUNCTIONING_LEVELS, NOT_ASKED, RATINGS, SIGN_STAGES, formatNhsDate, type FunctioningArea, type FunctioningLevel, type SignRating, type WarningSign, type WarningSignPlan } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';

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

export const MESSAGES = {
  rateEachSign: 'Rate each sign, or choose “Not asked”',
  /** The sign's own words in `<bdi>`: an override typed in them cannot reorder ours (issue 17). */
  rateSign: (text: string) => html`Rate “<bdi>${text.trim()}</bdi>”, or choose “Not asked”`,
};

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
    <h3 id="error-title">There is a problem</h3>
    <ul>${unrated.slice(0, 10).map((s) => html`<li><a href="#s-${s.id}" @click=${(e: Event) => go(e, s)}>${MESSAGES.rateSign(s.text)}</a></li>`)}
      ${unrated.length > 10 ? html`<li>and ${unrated.length - 10} more signs</li>` : nothing}</ul>
  </div>`;
}

/** The check: a rating for every sign, day-to-day functioning, what was seen, the person's view. */
export function renderCheckForm(v: CheckFormView, plan: WarningSignPlan): TemplateResult {
  // The unrated signs are listed only while errors show; otherwise the element's running count is enough.
  const unratedNow = v.showErrors ? plan.signs.filter((s) => v.ratings[s.id] === undefined) : [];
  const text = (key: 'observations' | 'personsView') => (e: Event) => v.setDetail(key, (e.target as HTMLTextAreaElement).value);
  return html`<form part="check" novalidate @submit=${(e: Event) => v.save(e)} aria-labelledby="check-heading">
    <h2 id="check-heading">Check the early warning signs</h2>
    <p class="hint">Agreed with the person${plan.agreedOn ? ` on ${formatNhsDate(plan.agreedOn)}` : ''}. Rate each sign for the last week: 0 not noticed, 1 a little, 2 quite a lot, 3 a lot, or “Not asked”. ${v.rated} of ${plan.signs.length} rated.</p>
    ${errorSummary(v, unratedNow)}
    <fieldset class="all" ?disabled=${v.disabled}>
      <legend class="visually-hidden">Ratings</legend>
      <button type="button" class="secondary" @click=${() => v.noneNoticed()}>None noticed: set every sign to 0</button>
      ${SIGN_STAGES.map((st) => {
        const runs = layoutOf(plan).runs[st.code];
        return runs.length
          ? html`<fieldset part="stage" class="stage"><legend><h3>${st.label}</h3></legend>${runs.map((run) => renderRun(v, run))}</fieldset>`
          : nothing;
      })}
      ${guard([v.details.functioning, v.epoch], () => renderFunctioning(v))}
      <div class="field-group">
        <label class="field" for="observations">Mental-state observations</label>
        <span class="hint" id="observations-hint">What you saw and heard, in plain words</span>
        <textarea id="observations" rows="3" aria-describedby="observations-hint" .value=${live(v.details.observations)} @input=${text('observations')}></textarea>
      </div>
      <div class="field-group">
        <label class="field" for="persons-view">The person’s own view, in their words</label>
        <textarea id="persons-view" rows="3" .value=${live(v.details.personsView)} @input=${text('personsView')}></textarea>
      </div>
      <label class="choice"><input type="checkbox" .checked=${live(v.details.markedWell)} @change=${(e: Event) => v.setDetail('markedWell', (e.target as HTMLInputElement).checked)} />The person is well today (the co-ordinator may use this check for the agreed baseline)</label>
      <div class="actions"><button type="submit" class="primary" ?disabled=${v.disabled}>Save check</button></div>
    </fieldset>
  </form>`;
}

function renderRun(v: CheckFormView, run: SignRun) {
  // Re-checked only when one of its signs changed (its tick), errors were shown or hidden, or every sign is redrawn.
  return guard([run, v.tick(run.at), v.showErrors, v.epoch], () =>
    repeat(run.signs, (s) => s.id, (s) => guard([v.ratings[s.id], v.showErrors, v.epoch], () => renderSign(v, s))),
  );
}

const OPTIONS: readonly { value: SignRating; label: string }[] = [...RATINGS.map((r) => ({ value: r.code as SignRating, label: `${r.code} ${r.label}` })), { value: NOT_ASKED, label: 'Not asked' }];

const [R0, R1, R2, R3, SKIP] = OPTIONS as [Option, Option, Option, Option, Option];
type Option = (typeof OPTIONS)[number];

/**
 * A sign's five radios in one template (one clone per sign, not one per radio); values from the option list, so the
 * codes and labels stay RATINGS' (packages/sdk codes, DESIGN.md) and "not asked".
 */
function renderRadios(name: string, value: SignRating | undefined) {
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
    ${invalid ? html`<span class="error-message" id="s-${s.id}-error"><span class="visually-hidden">Error:</span> ${MESSAGES.rateSign(s.text)}</span>` : nothing}
    <div class="ratings" @change=${(e: Event) => rated(v, s, e)}>${renderRadios(`r-${s.id}`, value)}</div>
  </fieldset>`;
}

function renderFunctioning(v: CheckFormView) {
  return html`<fieldset class="functioning"><legend><h3>Day-to-day functioning</h3></legend>
    ${FUNCTIONING_AREAS.map((a) => {
      const f = v.details.functioning[a.code];
      return html`<fieldset class="sign"><legend>${a.label}</legend>
        <div class="ratings">${FUNCTIONING_LEVELS.map((l) => html`<label class="choice rating"><input type="radio" name="f-${a.code}" .checked=${live(f?.level === l.code)} @change=${() => v.setFunctioning(a.code, { level: l.code })} />${l.label}</label>`)}</div>
        <label class="field small" for="f-${a.code}-note">Note on ${a.label.toLowerCase()} (optional)</label>
        <input class="text" type="text" id="f-${a.code}-note" autocomplete="off" .value=${live(f?.note ?? '')} @input=${(e: Event) => v.setFunctioning(a.code, { note: (e.target as HTMLInputElement).value })} />
      </fieldset>`;
    })}
  </fieldset>`;
}

/** The signs and their agreed responses, read-only: what a role that may not record a check sees. */
export function renderSigns(plan: WarningSignPlan): TemplateResult {
  return html`<section part="check" aria-labelledby="signs-heading"><h2 id="signs-heading">Early warning signs</h2>
    ${SIGN_STAGES.map((st) => {
      const signs = plan.signs.filter((s) => s.stage === st.code);
      return signs.length ? html`<h3>${st.label}</h3><ul class="sign-list">${signs.map((s) => html`<li><span class="sign-text" dir="auto">${s.text}</span><span class="hint">Agreed response: <span class="response" dir="auto">${s.response}</span></span></li>`)}</ul>` : nothing;
    })}</section>`;
}
