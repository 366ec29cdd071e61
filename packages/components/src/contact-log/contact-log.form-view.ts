// The contact log's form, drawn from the controller's state. Every change goes back through the controller.
import { ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, OTHER_PRESENT_KINDS, isTaskOpen, type OtherPresentKind } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormErrors } from '../internal/form-errors.js';
import type { ContactLogController } from './contact-log.controller.js';
import { CONFIRM_ABOVE_MINUTES, FIELD_IDS, OTHER, QUICK_DURATIONS, QUICK_LOCATIONS, QUICK_MECHANISMS, ROLE_KINDS, typedLocal } from './contact-log.form.js';
import { attendLabel, durationWords, howLabel, whereLabel, whoLabel, type ContactLogWords } from './contact-log.words.js';

type View = TemplateResult | typeof nothing;
const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
const checkedOf = (e: Event) => (e.target as HTMLInputElement).checked;

/** The night the clocks go back: the typed time happened twice, and the worker says which (never guessed). */
function repeatedHour(ctl: ContactLogController, err: FormErrors, l: ContactLogWords): View {
  const v = ctl.state.value;
  if (typedLocal(v.date, v.time)?.kind !== 'repeated') return nothing;
  const choice = (which: 'first' | 'second', words: string) => html`<label class="choice"><input type="radio" name="repeated-hour" id="repeated-${which}"
    value=${which} .checked=${live(v.repeatedHour === which)} @change=${() => ctl.set('repeatedHour', which)} />${words}</label>`;
  return html`<div class=${err.group('repeatedHour')}>
    <fieldset aria-describedby=${err.describedBy('repeatedHour', 'repeated-hint')}>
      <legend>${l.t('which-time', { time: v.time })}</legend>
      <span class="hint" id="repeated-hint">${l.t('which-time-hint', { date: l.date(v.date), time: v.time })}</span>
      ${err.message('repeatedHour')}
      <div class="choices">
        ${choice('first', l.t('first-time', { time: v.time }))}
        ${choice('second', l.t('second-time', { time: v.time }))}
      </div>
    </fieldset>
  </div>`;
}

/** Above 4 hours, the duration in words and a "Yes" to tick, so what was typed is seen and meant. */
function longDuration(ctl: ContactLogController, typed: string, l: ContactLogWords): View {
  const minutes = Number(typed);
  if (typed.trim() === '' || !Number.isInteger(minutes) || minutes <= CONFIRM_ABOVE_MINUTES || minutes > 1440) return nothing;
  const words = durationWords(l, minutes);
  return html`<p class="long-duration" id="duration-words">${l.t('long-duration', { duration: words })}</p>
    <label class="choice"><input type="checkbox" id="duration-confirm" .checked=${live(ctl.state.confirmedDuration === typed)}
      @change=${(e: Event) => ctl.confirmDuration(typed, checkedOf(e))} />${l.t('long-duration-yes', { duration: words })}</label>`;
}

function duration(ctl: ContactLogController, err: FormErrors, l: ContactLogWords): View {
  const v = ctl.state.value;
  return html`<div class=${err.group('duration')}>
    <fieldset aria-describedby=${err.describedBy('duration', 'duration-hint')}>
      <legend>${l.t('duration-legend')}</legend>
      <span class="hint" id="duration-hint">${l.t('duration-hint')}</span>
      ${err.message('duration')}
      <div class="choices">
        ${QUICK_DURATIONS.map(
          (d) => html`<label class="choice"><input type="radio" name="duration" value=${d} .checked=${live(v.duration === d)}
            @change=${() => ctl.set('duration', d)} />${l.number(Number(d))}</label>`,
        )}
        <label class="choice" for="duration-custom">${l.t('duration-other')}
          <input id="duration-custom" type="number" inputmode="numeric" min="1" max="1440" step="1" .value=${live(v.duration)}
            aria-invalid=${err.invalid('duration')} @input=${(e: Event) => ctl.set('duration', valueOf(e))} /></label>
      </div>
      ${longDuration(ctl, v.duration, l)}
    </fieldset>
  </div>`;
}

/** The quick choices of how or where, then "another", which opens the full MHSDS list. */
function radios(ctl: ContactLogController, err: FormErrors, l: ContactLogWords, name: 'mechanism' | 'location', quick: readonly string[],
  labelFor: (code: string) => string, all: readonly { code: string }[], legend: string): View {
  const value = ctl.state.value[name];
  const isOther = value === OTHER || (value !== '' && !quick.includes(value));
  return html`<div class=${err.group(name)}>
    <fieldset aria-describedby=${err.describedBy(name)}>
      <legend>${legend}</legend>
      ${err.message(name)}
      <div class="choices">
        ${quick.map(
          (code) => html`<label class="choice"
            ><input type="radio" name=${name} id="${name}-${code}" value=${code} .checked=${live(value === code)}
              @change=${() => ctl.set(name, code)} />${labelFor(code)}</label
          >`,
        )}
        <label class="choice"
          ><input type="radio" name=${name} id="${name}-other" value=${OTHER} .checked=${live(isOther)}
            @change=${() => ctl.set(name, OTHER)} />${l.t(name === 'mechanism' ? 'how-another' : 'where-another')}</label
        >
      </div>
    </fieldset>
    ${isOther
      ? html`<label class="field" for="${name}-list">${l.t(name === 'mechanism' ? 'how-list' : 'where-list')}</label>
          <select id="${name}-list" .value=${live(quick.includes(value) || value === OTHER ? '' : value)}
            @change=${(e: Event) => ctl.set(name, valueOf(e) || OTHER)}>
            <option value="">${l.t('choose')}</option>
            ${all.filter((c) => !quick.includes(c.code)).map((c) => html`<option value=${c.code}>${labelFor(c.code)}</option>`)}
          </select>`
      : nothing}
  </div>`;
}

function toggleOther(ctl: ContactLogController, kind: OtherPresentKind, on: boolean) {
  const current = ctl.state.value.others;
  const others = on ? [...new Set([...current, kind])] : current.filter((k) => k !== kind);
  ctl.set('others', OTHER_PRESENT_KINDS.filter((k) => others.includes(k)));
}

function others(ctl: ContactLogController, err: FormErrors, l: ContactLogWords): View {
  const v = ctl.state.value;
  return html`<div class=${err.group('others', 'interpreterLanguage')}>
    <fieldset aria-describedby=${err.describedBy('others', 'others-hint')}>
      <legend>${l.t('others-legend')}</legend>
      <span class="hint" id="others-hint">${l.t('others-hint')}</span>
      ${err.message('others')}
      <div class="choices">
        ${OTHER_PRESENT_KINDS.map(
          (kind) => html`<label class="choice"><input type="checkbox" id="other-${kind}" .checked=${live(v.others.includes(kind))}
            @change=${(e: Event) => toggleOther(ctl, kind, checkedOf(e))} />${whoLabel(l, kind)}</label>`,
        )}
      </div>
    </fieldset>
    ${ROLE_KINDS.filter((k) => v.others.includes(k)).map(
      (kind) => html`<label class="field" for="role-${kind}">${l.t('their-role', { who: whoLabel(l, kind) })}</label>
        <input id="role-${kind}" class="text" type="text" .value=${live(v.otherRoles[kind] ?? '')}
          @input=${(e: Event) => ctl.set('otherRoles', { ...v.otherRoles, [kind]: valueOf(e) })} />`,
    )}
    ${v.others.includes('interpreter')
      ? html`<label class="field" for="interpreter-language">${l.t('interpreter-language')}</label>
          ${err.message('interpreterLanguage')}
          <input id="interpreter-language" class="text" type="text" .value=${live(v.interpreterLanguage)}
            aria-invalid=${err.invalid('interpreterLanguage')} aria-describedby=${err.describedBy('interpreterLanguage')}
            @input=${(e: Event) => ctl.set('interpreterLanguage', valueOf(e))} />`
      : nothing}
  </div>`;
}

/** Open care-plan tasks to tick as worked on (and any already linked, when correcting). */
function tasks(ctl: ContactLogController, l: ContactLogWords): View {
  const chosen = ctl.state.value.taskIds ?? [];
  const offered = ctl.tasks.filter((t) => isTaskOpen(t) || chosen.includes(t.id));
  if (!offered.length) return nothing;
  return html`<fieldset class="field-group" aria-describedby="tasks-hint">
    <legend>${l.t('tasks-legend')}</legend>
    <span class="hint" id="tasks-hint">${l.t('tasks-hint')}</span>
    <div class="choices" id="tasks">
      ${offered.map((t) => html`<label class="choice"><input type="checkbox" .checked=${live(chosen.includes(t.id))}
        @change=${(e: Event) => ctl.set('taskIds', checkedOf(e) ? [...chosen, t.id] : chosen.filter((x) => x !== t.id))} />${t.text}</label>`)}
    </div>
  </fieldset>`;
}

function when(ctl: ContactLogController, err: FormErrors, l: ContactLogWords): View {
  const v = ctl.state.value;
  const input = (field: 'date' | 'time', label: string) => html`<div class=${err.group(field)}>
    <label class="field" for=${field}>${label}</label>
    ${err.message(field)}
    <input id=${field} type=${field} .value=${live(v[field])} aria-invalid=${err.invalid(field)}
      aria-describedby=${err.describedBy(field)} @input=${(e: Event) => ctl.set(field, valueOf(e))} />
  </div>`;
  return html`<div class="row">${input('date', l.t('date'))}${input('time', l.t('start-time'))}</div>${repeatedHour(ctl, err, l)}`;
}

function attendanceAndNote(ctl: ContactLogController, err: FormErrors, l: ContactLogWords): View {
  const v = ctl.state.value;
  return html`<div class=${err.group('attendance')}>
      <label class="field" for="attendance">${l.t('attended')}</label>
      ${err.message('attendance')}
      <select id="attendance" .value=${live(v.attendance)} aria-invalid=${err.invalid('attendance')} aria-describedby=${err.describedBy('attendance')}
        @change=${(e: Event) => ctl.set('attendance', valueOf(e))}>
        ${ATTEND_STATUSES.map((a) => html`<option value=${a.code} ?selected=${a.code === v.attendance}>${attendLabel(l, a.code)}</option>`)}
      </select>
    </div>
    <label class="choice"><input id="planned" type="checkbox" .checked=${live(v.planned)}
      @change=${(e: Event) => ctl.set('planned', checkedOf(e))} />${l.t('planned')}</label>
    ${others(ctl, err, l)} ${tasks(ctl, l)}
    <div class=${err.group('note')}>
      <label class="field" for="note">${l.t('note')}</label>
      <span class="hint" id="note-hint">${l.t('note-hint')}</span>
      ${err.message('note')}
      <textarea id="note" .value=${live(v.note)} aria-invalid=${err.invalid('note')} aria-describedby=${err.describedBy('note', 'note-hint')}
        @input=${(e: Event) => ctl.set('note', valueOf(e))}></textarea>
    </div>`;
}

/** The quick log form (or the correction of a stored contact). */
export function renderForm(ctl: ContactLogController, l: ContactLogWords): View {
  const s = ctl.state;
  const errors = s.errors.map((e) => ({ field: e.field, message: e.message(l) }));
  const err = new FormErrors(errors, '', FIELD_IDS, { problem: l.t('problem'), error: l.t('error-prefix') });
  const title = l.t(s.correcting ? 'form.correct' : 'form.log');
  return html`<form part="form" novalidate @submit=${(e: Event) => ctl.submit(e)} aria-label=${title}>
    ${s.correcting ? html`<h2 class="correcting">${title}</h2>` : nothing}
    ${err.summary()} ${when(ctl, err, l)} ${duration(ctl, err, l)}
    ${radios(ctl, err, l, 'mechanism', QUICK_MECHANISMS, (c) => howLabel(l, c), CONSULTATION_MECHANISMS, l.t('how-legend'))}
    ${radios(ctl, err, l, 'location', QUICK_LOCATIONS, (c) => whereLabel(l, c), ACTIVITY_LOCATION_TYPES, l.t('where-legend'))}
    ${attendanceAndNote(ctl, err, l)}
    <div class="actions">
      <button class="primary" type="submit" ?disabled=${s.saving}>${l.t(s.saving ? 'saving' : s.correcting ? 'save-correction' : 'save')}</button>
      ${s.correcting
        ? html`<button class="secondary" type="button" @click=${() => ctl.cancelCorrecting()}>${l.t('cancel-correction')}</button>`
        : html`<button class="secondary" type="button" @click=${() => ctl.discard()}>${l.t('discard')}</button>`}
    </div>
  </form>`;
}
