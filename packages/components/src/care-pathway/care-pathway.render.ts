// How <str-care-pathway> draws (issue 23): the team's view, its forms, and the person's copy. Functions of the data,
// the words and what the element allows; every value is text (lit escapes it), never markup.
import { REFERRAL_OUTCOMES, RELATIONSHIP_ROLES, daysBetween, type KeyContact, type Referral } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormErrors } from '../internal/form-errors.js';
import type { LocaleController } from '../l10n/controller.js';
import { PREFIX, type ContactDraft, type PathwayForm, type ProgressDraft, type ReferralDraft, type Refusal } from './care-pathway.form.js';
import type { CarePathwayMessages } from './care-pathway.messages.js';
import { contactGroups, crisisContacts, referralsOf, type CarePathway, type CrisisContactShown, type ShownReferral } from './care-pathway.view.js';

export type Words = LocaleController<CarePathwayMessages>;

/** What the team's view may offer the signed-in actor. */
export interface Allowed {
  /** Add contacts (active at once) and confirm or decline suggestions. */
  readonly edit: boolean;
  /** Suggest contacts (workers). */
  readonly suggest: boolean;
  readonly addReferral: boolean;
  /** Record this referral's progress (co-ordinators and team leads any; a worker their own). */
  readonly progress: (r: Referral) => boolean;
}

const tel = (n: string) => `tel:${n.replace(/[^0-9+]/g, '')}`;

/** What the actor may do with a contact: confirm or decline a suggestion; change or retire it; suggest a change. */
function contactActions(l: Words, c: KeyContact, allowed: Allowed, on: TeamView['on'], form: PathwayForm | undefined): TemplateResult | typeof nothing {
  const suggested = c.status === 'suggested';
  const editing = form?.form === 'contact';
  return html`${suggested && allowed.edit ? html`<div class="actions">
      <button type="button" class="secondary" id="confirm-${c.id}" @click=${() => on.confirm(c)}>${l.t('confirm', { name: c.name })}</button>
      <button type="button" class="secondary" @click=${() => on.decline(c)}>${l.t('decline', { name: c.name })}</button>
    </div>` : nothing}
    ${c.status === 'active' && allowed.edit && !editing ? html`<div class="actions">
      <button type="button" class="secondary" id="change-${c.id}" @click=${() => on.open('contact', c)}>${l.t('change', { name: c.name })}</button>
      <button type="button" class="secondary" @click=${() => on.retire(c)}>${l.t('retire', { name: c.name })}</button>
    </div>` : nothing}
    ${c.status === 'active' && !allowed.edit && allowed.suggest && !editing ? html`<div class="actions">
      <button type="button" class="secondary" id="suggest-change-${c.id}" @click=${() => on.open('contact', c)}>${l.t('suggest-change', { name: c.name })}</button>
    </div>` : nothing}`;
}

function contactCard(l: Words, c: KeyContact, allowed: Allowed, on: TeamView['on'], form: PathwayForm | undefined, formView: TemplateResult | undefined): TemplateResult {
  const suggested = c.status === 'suggested';
  return html`<li class="contact ${c.crisis ? 'crisis' : ''} ${suggested ? 'suggested' : ''}">
    <p class="who"><strong><bdi>${c.name}</bdi></strong> · <bdi>${c.role}</bdi></p>
    ${c.crisis || suggested ? html`<p class="tags">${c.crisis ? html`<span class="tag crisis-tag">${l.t('crisis')}</span>` : nothing}${suggested ? html`<span class="tag suggested-tag">${l.t('suggested')}</span>` : nothing}</p>` : nothing}
    <dl class="facts">
      ${c.phone ? html`<div><dt>${l.t('phone')}</dt><dd><a href=${tel(c.phone)}>${c.phone}</a></dd></div>` : nothing}
      ${c.email ? html`<div><dt>${l.t('email')}</dt><dd><bdi>${c.email}</bdi></dd></div>` : nothing}
      ${c.reach ? html`<div><dt>${l.t('reach')}</dt><dd class="words">${c.reach}</dd></div>` : nothing}
    </dl>
    ${c.agreedOn ? html`<p class="meta">${l.t('agreed', { date: l.date(c.agreedOn) })}</p>` : nothing}
    ${suggested ? html`<p class="meta">${l.t('suggested-by', { who: c.createdBy })}${c.suggestionNote ? html`: <span class="words">${c.suggestionNote}</span>` : nothing}</p>` : nothing}
    ${contactActions(l, c, allowed, on, form)}
    ${form?.form === 'contact' && form.editing?.id === c.id ? formView : nothing}
  </li>`;
}

function referralItem(l: Words, s: ShownReferral, v: TeamView): TemplateResult {
  const r = s.referral;
  const wait = l.t(`wait.${s.wait.state}`, { count: s.wait.days });
  const now = s.stage === 'closed' ? (r.outcome ? l.t(`outcome.${r.outcome}`) : '') : l.t(`stage-now.${s.stage}`);
  return html`<li class="referral">
    <p class="who"><strong><bdi>${l.t(r.direction === 'out' ? 'referral-to' : 'referral-from', { service: r.service })}</bdi></strong></p>
    <p class="wait"><strong>${wait}</strong>${now ? html` · ${now}` : nothing}</p>
    <p class="meta">${[l.t('sent', { date: l.date(r.sentOn) }), r.acceptedOn && l.t('accepted', { date: l.date(r.acceptedOn) }), r.firstSeenOn && l.t('first-seen', { date: l.date(r.firstSeenOn) }), r.closedOn && l.t('closed', { date: l.date(r.closedOn) })].filter(Boolean).join(' · ')}</p>
    <p class="words"><span class="label">${l.t('reason')}:</span> ${r.reason}</p>
    ${r.outcomeNote ? html`<p class="words"><span class="label">${l.t('what-came')}:</span> ${r.outcomeNote}</p>` : nothing}
    ${v.allowed.progress(r) && !(v.form?.form === 'progress' && v.form.referral.id === r.id) ? html`<div class="actions">
      <button type="button" class="secondary" id="progress-${r.id}" @click=${() => v.on.open('progress', r)}>${l.t('progress', { service: r.service })}</button>
    </div>` : nothing}
    ${v.form?.form === 'progress' && v.form.referral.id === r.id ? v.formView : nothing}
  </li>`;
}

export interface TeamView {
  readonly l: Words;
  readonly p: CarePathway;
  readonly allowed: Allowed;
  readonly form?: PathwayForm;
  readonly formView?: TemplateResult;
  readonly status: string;
  readonly on: {
    open(form: PathwayForm['form'], target?: KeyContact | Referral): void;
    confirm(c: KeyContact): void;
    decline(c: KeyContact): void;
    retire(c: KeyContact): void;
    copy(): void;
  };
}

function whoSection(v: TeamView): TemplateResult {
  const { l, p, allowed } = v;
  const groups = contactGroups(p, l.lang);
  const addContact = allowed.edit ? 'add-contact' : allowed.suggest ? 'suggest-contact' : undefined;
  return html`<section aria-labelledby="who-heading">
    <h3 id="who-heading" tabindex="-1">${l.t('who-heading')}</h3>
    ${p.team.length ? html`<h4>${l.t('this-team')}</h4><ul class="contacts">${p.team.map((w) => html`<li class="contact"><p class="who"><strong><bdi>${w.name}</bdi></strong> · ${l.t(`role.${w.role}`)}</p></li>`)}</ul>` : nothing}
    ${groups.map((g) => html`<h4><bdi>${g.family ? l.t('family-group') : g.organisation ?? l.t('other-group')}</bdi></h4>
      <ul class="contacts">${g.contacts.map((c) => contactCard(l, c, allowed, v.on, v.form, v.formView))}</ul>`)}
    ${!groups.length && !p.team.length ? html`<p>${l.t('no-contacts')}</p>` : nothing}
    ${addContact && !(v.form?.form === 'contact' && !v.form.editing) ? html`<button type="button" class="secondary" id="open-contact" @click=${() => v.on.open('contact')}>${l.t(addContact)}</button>` : nothing}
    ${v.form?.form === 'contact' && !v.form.editing ? v.formView : nothing}
  </section>`;
}

/** One crisis contact: who (with their role, in the catalogue's order) and how to reach them, listed in the locale's words. */
const crisisItem = (l: Words, c: CrisisContactShown, how: string) => html`<li><strong><bdi>${c.role === undefined ? c.who : l.t('crisis-who', { name: c.who, role: c.role })}</bdi></strong>${c.how.length ? html`: <span class=${how}>${l.list(c.how)}</span>` : nothing}</li>`;

function crisisSection(l: Words, p: CarePathway): TemplateResult {
  const crisis = crisisContacts(p);
  return html`<section aria-labelledby="crisis-heading">
    <h3 id="crisis-heading">${l.t('crisis-heading')}</h3>
    ${p.crisisPlan ? html`<ul class="signs" aria-label=${l.t('signs-label')}>${p.crisisPlan.signs.map((s) => html`<li>
        <p><span class="label">${l.t(`stage.${s.stage}`)}:</span> <span class="words">${s.text}</span></p>
        <p><span class="label">${l.t('response')}:</span> <span class="words">${s.response}</span></p></li>`)}</ul>`
      : html`<p>${l.t('no-crisis-plan')}</p>`}
    <h4>${l.t('crisis-contacts')}</h4>
    ${crisis.length ? html`<ul class="crisis-contacts">${crisis.map((c) => crisisItem(l, c, 'words'))}</ul>` : html`<p>${l.t('no-crisis-contacts')}</p>`}
  </section>`;
}

/** When the next contact is due, or by how many days it is overdue. */
const nextContact = (l: Words, due: string, today: string) =>
  due < today ? l.t('contact-overdue', { count: daysBetween(due, today), date: l.date(due) }) : l.t('next-contact', { date: l.date(due) });

function planSection(l: Words, p: CarePathway): TemplateResult {
  return html`<section aria-labelledby="plan-heading">
    <h3 id="plan-heading">${l.t('plan-heading')}</h3>
    <p>${p.contactFrequency ? l.t(`frequency.${p.contactFrequency}`) : l.t('no-frequency')}${p.nextContactDue ? html` · ${nextContact(l, p.nextContactDue, p.today)}` : nothing}</p>
    <p>${p.nextReviewOn ? l.t('review-on', { date: l.date(p.nextReviewOn) }) : l.t('no-review')}</p>
  </section>`;
}

function referralsSection(v: TeamView): TemplateResult {
  const { l, p } = v;
  const { open, past } = referralsOf(p);
  return html`<section aria-labelledby="referrals-heading">
    <h3 id="referrals-heading" tabindex="-1">${l.t('referrals-heading')}</h3>
    ${!open.length && !past.length ? html`<p>${l.t('no-referrals')}</p>` : nothing}
    ${open.length ? html`<h4>${l.t('referrals-open')}</h4><ul class="referrals">${open.map((s) => referralItem(l, s, v))}</ul>` : nothing}
    ${past.length ? html`<h4>${l.t('referrals-past')}</h4><ul class="referrals">${past.map((s) => referralItem(l, s, v))}</ul>` : nothing}
    ${v.allowed.addReferral && v.form?.form !== 'referral' ? html`<button type="button" class="secondary" id="open-referral" @click=${() => v.on.open('referral')}>${l.t('add-referral')}</button>` : nothing}
    ${v.form?.form === 'referral' ? v.formView : nothing}
  </section>`;
}

/** The team's view: who is helping (by agency), if things get harder, seeing the person and reviews, referrals. */
export function renderTeam(v: TeamView): TemplateResult {
  return html`
    <p class="status" role="status" aria-live="polite">${v.status}</p>
    <div class="actions top"><button type="button" class="secondary" id="show-copy" @click=${v.on.copy}>${v.l.t('show-copy')}</button></div>
    ${whoSection(v)}
    ${crisisSection(v.l, v.p)}
    ${planSection(v.l, v.p)}
    ${referralsSection(v)}`;
}

export interface FormView {
  readonly l: Words;
  readonly form: PathwayForm;
  readonly suggesting: boolean;
  readonly errors: readonly Refusal[];
  readonly problem?: string;
  readonly saving: boolean;
  readonly hasDraft: boolean;
  readonly on: { input(e: Event): void; save(e: Event): void; cancel(): void; discard(): void };
}

const text = (e: FormErrors, name: string, label: string, value: string, hint?: string, autocomplete = 'off') =>
  e.field(name, label, html`<input type="text" id="${PREFIX}${name}" name=${name} autocomplete=${autocomplete} .value=${live(value)} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name, hint ? `${PREFIX}${name}-hint` : undefined)} />`, hint);
const area = (e: FormErrors, name: string, label: string, value: string, hint?: string) =>
  e.field(name, label, html`<textarea id="${PREFIX}${name}" name=${name} rows="3" .value=${live(value)} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name, hint ? `${PREFIX}${name}-hint` : undefined)}></textarea>`, hint);
const date = (e: FormErrors, name: string, label: string, value: string, hint?: string) =>
  e.field(name, label, html`<input type="date" id="${PREFIX}${name}" name=${name} .value=${live(value)} aria-invalid=${e.invalid(name)} aria-describedby=${e.describedBy(name, hint ? `${PREFIX}${name}-hint` : undefined)} />`, hint);
function radios(e: FormErrors, name: string, legend: string, options: readonly [string, string][], value: string): TemplateResult {
  return html`<fieldset class=${e.group(name)} aria-describedby=${e.describedBy(name)}>
    <legend>${legend}</legend>
    ${e.message(name)}
    ${options.map(([v, label]) => html`<label class="choice"><input type="radio" name=${name} id="${PREFIX}${name}-${v}" value=${v} .checked=${live(value === v)} />${label}</label>`)}
  </fieldset>`;
}

function contactFields(l: Words, e: FormErrors, d: ContactDraft, suggesting: boolean): TemplateResult {
  const family = d.kind === 'family';
  return html`${radios(e, 'kind', l.t('kind'), [['professional', l.t('kind.professional')], ['family', l.t('kind.family')]], d.kind)}
    ${text(e, 'name', l.t('name'), d.name, l.t('name-hint'))}
    ${text(e, 'role', l.t('role'), d.role, l.t('role-hint'))}
    ${text(e, 'organisation', l.t('organisation'), d.organisation, undefined, 'organization')}
    ${family ? e.field('relationship', l.t('relationship'), html`<select id="${PREFIX}relationship" name="relationship" aria-invalid=${e.invalid('relationship')} aria-describedby=${e.describedBy('relationship')}>
        <option value="" ?selected=${d.relationship === ''}>${l.t('relationship.choose')}</option>
        ${RELATIONSHIP_ROLES.map((r) => html`<option value=${r} ?selected=${d.relationship === r}>${l.t(`relationship.${r}`)}</option>`)}
      </select>`) : nothing}
    ${e.field('phone', l.t('phone-field'), html`<input type="tel" id="${PREFIX}phone" name="phone" autocomplete="off" .value=${live(d.phone)} aria-invalid=${e.invalid('phone')} aria-describedby=${e.describedBy('phone')} />`)}
    ${e.field('email', l.t('email-field'), html`<input type="email" id="${PREFIX}email" name="email" autocomplete="off" spellcheck="false" .value=${live(d.email)} aria-invalid=${e.invalid('email')} aria-describedby=${e.describedBy('email')} />`)}
    ${area(e, 'reach', l.t('reach-field'), d.reach, l.t('reach-hint'))}
    <div class=${e.group('crisis')}>${e.message('crisis')}<label class="choice"><input type="checkbox" id="${PREFIX}crisis" name="crisis" .checked=${live(d.crisis)} />${l.t('crisis-field')}</label></div>
    ${family ? date(e, 'agreed-on', l.t('agreed-on'), d.agreedOn, l.t('agreed-hint')) : nothing}
    ${suggesting ? area(e, 'suggestion-note', l.t('suggestion-note'), d.suggestionNote) : nothing}`;
}

function progressFields(l: Words, e: FormErrors, d: ProgressDraft): TemplateResult {
  return html`${date(e, 'accepted-on', l.t('accepted-on'), d.acceptedOn)}
    ${date(e, 'first-seen-on', l.t('first-seen-on'), d.firstSeenOn)}
    ${date(e, 'closed-on', l.t('closed-on'), d.closedOn)}
    ${radios(e, 'outcome', l.t('outcome'), [['', l.t('outcome-none')], ...REFERRAL_OUTCOMES.map((o): [string, string] => [o, l.t(`outcome.${o}`)])], d.outcome)}
    ${area(e, 'outcome-note', l.t('outcome-note'), d.outcomeNote)}`;
}

/** A worker adds only referrals they made, so only an editor chooses the direction. */
function referralFields(l: Words, e: FormErrors, d: ReferralDraft, editor: boolean): TemplateResult {
  return html`${editor ? radios(e, 'direction', l.t('direction'), [['out', l.t('direction.out')], ['in', l.t('direction.in')]], d.direction) : nothing}
    ${text(e, 'service', l.t('service'), d.service, l.t('service-hint'))}
    ${area(e, 'reason', l.t('reason-field'), d.reason)}
    ${date(e, 'sent-on', l.t('sent-on'), d.sentOn)}
    ${date(e, 'accepted-on', l.t('accepted-on'), d.acceptedOn)}
    ${date(e, 'first-seen-on', l.t('first-seen-on'), d.firstSeenOn)}`;
}

/** The form's heading: what it adds or changes, and for whom. */
function formHeading(v: FormView): string {
  const { l, form } = v;
  if (form.form === 'referral') return l.t('referral-heading');
  if (form.form === 'progress') return l.t('progress-heading', { service: form.referral.service });
  if (form.editing) return l.t(v.suggesting ? 'suggest-change-heading' : 'change-heading', { name: form.editing.name });
  return l.t(v.suggesting ? 'suggest-heading' : 'contact-heading');
}

export function renderForm(v: FormView): TemplateResult {
  const { l, form } = v;
  // The control an error summary's link focuses, where a field is a group of radios.
  const first = { kind: `${PREFIX}kind-professional`, direction: `${PREFIX}direction-out`, outcome: `${PREFIX}outcome-` };
  const e = new FormErrors(v.errors.map((r) => ({ field: r.field, message: r.say(l) })), PREFIX, first, { problem: l.t('problem'), error: l.t('error-prefix') });
  const fields = form.form === 'contact' ? contactFields(l, e, form.draft, v.suggesting) : form.form === 'referral' ? referralFields(l, e, form.draft, !v.suggesting) : progressFields(l, e, form.draft);
  return html`<form class="editor" novalidate aria-labelledby="${PREFIX}heading" @input=${v.on.input} @change=${v.on.input} @submit=${v.on.save}>
    <h4 id="${PREFIX}heading" tabindex="-1"><bdi>${formHeading(v)}</bdi></h4>
    ${form.form === 'contact' && v.suggesting ? html`<p class="hint">${l.t('suggest-hint')}</p>` : nothing}
    ${e.summary(3)}
    ${v.problem ? html`<div class="problem" id="${PREFIX}problem" role="alert" tabindex="-1"><p>${v.problem}</p></div>` : nothing}
    ${fields}
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${v.saving}>${v.saving ? l.t('saving') : l.t(form.form === 'contact' && v.suggesting ? 'save-suggestion' : 'save')}</button>
      <button type="button" class="secondary" ?disabled=${v.saving} @click=${v.on.cancel}>${l.t('cancel')}</button>
      ${v.hasDraft ? html`<button type="button" class="secondary" ?disabled=${v.saving} @click=${v.on.discard}>${l.t('discard-draft')}</button>` : nothing}
    </div>
  </form>`;
}

/**
 * The person's copy (issue 23): to the person, in plain words, in the active language. Their helpers and how to
 * reach them, what to do if things get harder, how often they are seen. No codes, ids or staff terms; confirmed
 * contacts only (a suggestion is not theirs to rely on yet).
 */
export function renderCopy(l: Words, p: CarePathway, large: boolean, on: { print(): void; back?: () => void; large(on: boolean): void }): TemplateResult {
  const confirmed = { ...p, contacts: p.contacts.filter((c) => c.status === 'active') };
  const groups = contactGroups(confirmed, l.lang);
  const crisis = crisisContacts(confirmed);
  // Services the person was referred to: a referral to this team is not one they wait for elsewhere.
  const open = referralsOf(p).open.filter((s) => s.referral.direction === 'out');
  return html`<article class="copy ${large ? 'large' : ''}" aria-labelledby="copy-heading">
    <div class="actions no-print">
      ${on.back ? html`<button type="button" class="secondary" id="copy-back" @click=${on.back}>${l.t('copy-back')}</button>` : nothing}
      <button type="button" class="primary" id="copy-print" @click=${on.print}>${l.t('copy-print')}</button>
      <label class="choice"><input type="checkbox" id="copy-large" .checked=${live(large)} @change=${(e: Event) => on.large((e.target as HTMLInputElement).checked)} />${l.t('copy-large')}</label>
    </div>
    <h2 id="copy-heading" tabindex="-1">${l.t('copy-heading')}</h2>
    ${p.personName ? html`<p class="for">${l.t('copy-for', { name: p.personName, date: l.date(p.today) })}</p>` : nothing}
    <section aria-labelledby="copy-who">
      <h3 id="copy-who">${l.t('copy-who')}</h3>
      ${p.team.length ? html`<h4>${l.t('copy-team')}</h4><ul>${p.team.map((w) => html`<li><bdi>${w.name}</bdi> — ${l.t(`copy-role.${w.role}`)}</li>`)}</ul>` : nothing}
      ${groups.map((g) => html`<h4><bdi>${g.family ? l.t('family-group') : g.organisation ?? l.t('other-group')}</bdi></h4>
        <ul>${g.contacts.map((c) => html`<li><strong><bdi>${c.name}</bdi></strong> — <bdi>${c.role}</bdi>
          ${c.phone ? html`<br />${l.t('phone')}: <span class="number">${c.phone}</span>` : nothing}
          ${c.email ? html`<br />${l.t('email')}: <bdi>${c.email}</bdi>` : nothing}
          ${c.reach ? html`<br /><span class="words">${c.reach}</span>` : nothing}</li>`)}</ul>`)}
      ${!groups.length && !p.team.length ? html`<p>${l.t('copy-no-contacts')}</p>` : nothing}
    </section>
    <section aria-labelledby="copy-harder">
      <h3 id="copy-harder">${l.t('copy-harder')}</h3>
      ${p.crisisPlan?.signs.length ? html`<h4>${l.t('copy-signs')}</h4>
        <ul>${p.crisisPlan.signs.map((s) => html`<li><span class="words">${s.text}</span><br /><span class="label">${l.t('copy-do')}:</span> <span class="words">${s.response}</span></li>`)}</ul>` : nothing}
      <h4>${l.t('copy-contact')}</h4>
      ${crisis.length ? html`<ul>${crisis.map((c) => crisisItem(l, c, 'number words'))}</ul>` : html`<p>${l.t('copy-no-contacts')}</p>`}
      <p class="danger"><strong>${l.t('copy-danger')}</strong></p>
    </section>
    ${p.contactFrequency || p.nextReviewOn ? html`<section aria-labelledby="copy-seen">
      <h3 id="copy-seen">${l.t('copy-seen')}</h3>
      ${p.contactFrequency ? html`<p>${l.t(`frequency.${p.contactFrequency}`)}${p.nextContactDue && p.nextContactDue >= p.today ? html`. ${l.t('copy-next', { date: l.date(p.nextContactDue) })}` : '.'}</p>` : nothing}
      ${p.nextReviewOn ? html`<p>${l.t('copy-review', { date: l.date(p.nextReviewOn) })}</p>` : nothing}
    </section>` : nothing}
    ${open.length ? html`<section aria-labelledby="copy-referrals">
      <h3 id="copy-referrals">${l.t('copy-referrals')}</h3>
      <ul>${open.map((s) => html`<li><bdi>${s.referral.service}</bdi> — ${s.stage === 'seen' ? l.t('copy-seen-by') : l.t('copy-waiting', { count: s.wait.days })}</li>`)}</ul>
    </section>` : nothing}
  </article>`;
}
