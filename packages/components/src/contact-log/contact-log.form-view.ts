// The contact log's form, drawn from the controller's state. Every change goes back through the controller.
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, OTHER_PRESENT_KINDS, OTHER_PRESENT_LABELS, formatNhsDate, isTaskOpen, labelOf,
  type OtherPresentKind,
} from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormErrors } from '../internal/form-errors.js';
import type { ContactLogController } from './contact-log.controller.js';
import {
  CONFIRM_ABOVE_MINUTES, FIELD_IDS, OTHER, QUICK_DURATIONS, QUICK_LOCATIONS, QUICK_LOCATION_LABELS, QUICK_MECHANISMS, ROLE_KINDS,
  minutesInWords, typedLocal,
} from './contact-log.form.js';

type View = TemplateResult | typeof nothing;
const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
const checkedOf = (e: Event) => (e.target as HTMLInputElement).checked;

/** The night the clocks go back: the typed time happened twice, and the worker says which (never guessed). */
function repeatedHour(ctl: ContactLogController, err: FormErrors): View {
  const v = ctl.state.value;
  if (typedLocal(v.date, v.time)?.kind !== 'repeated') return nothing;
  const choice = (which: 'first' | 'second', words: string) => html`<label class="choice"><input type="radio" name="repeated-hour" id="repeated-${which}"
    value=${which} .checked=${live(v.repeatedHour === which)} @change=${() => ctl.set('repeatedHour', which)} />${words}</label>`;
  return html`<div class=${err.group('repeatedHour')}>
    <fieldset aria-describedby=${err.describedBy('repeatedHour', 'repeated-hint')}>
      <legend>Which ${v.time}?</legend>
      <span class="hint" id="repeated-hint">The clocks went back an hour on ${formatNhsDate(v.date)}, so ${v.time} happened twice.</span>
      ${err.message('repeatedHour')}
      <div class="choices">
        ${choice('first', `The first ${v.time} (British Summer Time, before the clocks went back)`)}
        ${choice('second', `The second ${v.time} (Greenwich Mean Time, after the clocks went back)`)}
      </div>
    </fieldset>
  </div>`;
}

/** Above 4 hours, the duration in words and a "Yes" to tick, so what was typed is seen and meant. */
function longDuration(ctl: ContactLogController, typed: string): View {
  const minutes = Number(typed);
  if (typed.trim() === '' || !Number.isInteger(minutes) || minutes <= CONFIRM_ABOVE_MINUTES || minutes > 1440) return nothing;
  const words = minutesInWords(minutes);
  return html`<p class="long-duration" id="duration-words">${words} — is that right?</p>
    <label class="choice"><input type="checkbox" id="duration-confirm" .checked=${live(ctl.state.confirmedDuration === typed)}
      @change=${(e: Event) => ctl.confirmDuration(typed, checkedOf(e))} />Yes, it lasted ${words}</label>`;
}

function duration(ctl: ContactLogController, err: FormErrors): View {
  const v = ctl.state.value;
  return html`<div class=${err.group('duration')}>
    <fieldset aria-describedby=${err.describedBy('duration', 'duration-hint')}>
      <legend>How long, in minutes</legend>
      <span class="hint" id="duration-hint">Pick one or type the minutes</span>
      ${err.message('duration')}
      <div class="choices">
        ${QUICK_DURATIONS.map(
          (d) => html`<label class="choice"><input type="radio" name="duration" value=${d} .checked=${live(v.duration === d)}
            @change=${() => ctl.set('duration', d)} />${d}</label>`,
        )}
        <label class="choice" for="duration-custom">Other
          <input id="duration-custom" type="number" inputmode="numeric" min="1" max="1440" step="1" .value=${live(v.duration)}
            aria-invalid=${err.invalid('duration')} @input=${(e: Event) => ctl.set('duration', valueOf(e))} /></label>
      </div>
      ${longDuration(ctl, v.duration)}
    </fieldset>
  </div>`;
}

/** The quick choices of how or where, then "another", which opens the full MHSDS list. */
function radios(ctl: ContactLogController, err: FormErrors, name: 'mechanism' | 'location', quick: readonly string[], labelFor: (code: string) => string,
  all: readonly { code: string; label: string }[], legend: string): View {
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
            @change=${() => ctl.set(name, OTHER)} />Another ${name === 'mechanism' ? 'way' : 'place'}</label
        >
      </div>
    </fieldset>
    ${isOther
      ? html`<label class="field" for="${name}-list">${name === 'mechanism' ? 'How, from the full list' : 'Where, from the full list'}</label>
          <select id="${name}-list" .value=${live(quick.includes(value) || value === OTHER ? '' : value)}
            @change=${(e: Event) => ctl.set(name, valueOf(e) || OTHER)}>
            <option value="">Choose…</option>
            ${all.filter((c) => !quick.includes(c.code)).map((c) => html`<option value=${c.code}>${c.label}</option>`)}
          </select>`
      : nothing}
  </div>`;
}

function toggleOther(ctl: ContactLogController, kind: OtherPresentKind, on: boolean) {
  const current = ctl.state.value.others;
  const others = on ? [...new Set([...current, kind])] : current.filter((k) => k !== kind);
  ctl.set('others', OTHER_PRESENT_KINDS.filter((k) => others.includes(k)));
}

function others(ctl: ContactLogController, err: FormErrors): View {
  const v = ctl.state.value;
  return html`<div class=${err.group('others', 'interpreterLanguage')}>
    <fieldset aria-describedby=${err.describedBy('others', 'others-hint')}>
      <legend>Who else was there?</legend>
      <span class="hint" id="others-hint">Select all that apply</span>
      ${err.message('others')}
      <div class="choices">
        ${OTHER_PRESENT_KINDS.map(
          (kind) => html`<label class="choice"><input type="checkbox" id="other-${kind}" .checked=${live(v.others.includes(kind))}
            @change=${(e: Event) => toggleOther(ctl, kind, checkedOf(e))} />${OTHER_PRESENT_LABELS[kind]}</label>`,
        )}
      </div>
    </fieldset>
    ${ROLE_KINDS.filter((k) => v.others.includes(k)).map(
      (kind) => html`<label class="field" for="role-${kind}">${OTHER_PRESENT_LABELS[kind]}: their role (optional)</label>
        <input id="role-${kind}" class="text" type="text" .value=${live(v.otherRoles[kind] ?? '')}
          @input=${(e: Event) => ctl.set('otherRoles', { ...v.otherRoles, [kind]: valueOf(e) })} />`,
    )}
    ${v.others.includes('interpreter')
      ? html`<label class="field" for="interpreter-language">Interpreter's language</label>
          ${err.message('interpreterLanguage')}
          <input id="interpreter-language" class="text" type="text" .value=${live(v.interpreterLanguage)}
            aria-invalid=${err.invalid('interpreterLanguage')} aria-describedby=${err.describedBy('interpreterLanguage')}
            @input=${(e: Event) => ctl.set('interpreterLanguage', valueOf(e))} />`
      : nothing}
  </div>`;
}

/** Open care-plan tasks to tick as worked on (and any already linked, when correcting). */
function tasks(ctl: ContactLogController): View {
  const chosen = ctl.state.value.taskIds ?? [];
  const offered = ctl.tasks.filter((t) => isTaskOpen(t) || chosen.includes(t.id));
  if (!offered.length) return nothing;
  return html`<fieldset class="field-group" aria-describedby="tasks-hint">
    <legend>Care-plan tasks worked on</legend>
    <span class="hint" id="tasks-hint">Optional. Tick any the contact helped with.</span>
    <div class="choices" id="tasks">
      ${offered.map((t) => html`<label class="choice"><input type="checkbox" .checked=${live(chosen.includes(t.id))}
        @change=${(e: Event) => ctl.set('taskIds', checkedOf(e) ? [...chosen, t.id] : chosen.filter((x) => x !== t.id))} />${t.text}</label>`)}
    </div>
  </fieldset>`;
}

function when(ctl: ContactLogController, err: FormErrors): View {
  const v = ctl.state.value;
  const input = (field: 'date' | 'time', label: string) => html`<div class=${err.group(field)}>
    <label class="field" for=${field}>${label}</label>
    ${err.message(field)}
    <input id=${field} type=${field} .value=${live(v[field])} aria-invalid=${err.invalid(field)}
      aria-describedby=${err.describedBy(field)} @input=${(e: Event) => ctl.set(field, valueOf(e))} />
  </div>`;
  return html`<div class="row">${input('date', 'Date')}${input('time', 'Start time')}</div>${repeatedHour(ctl, err)}`;
}

function attendanceAndNote(ctl: ContactLogController, err: FormErrors): View {
  const v = ctl.state.value;
  return html`<div class=${err.group('attendance')}>
      <label class="field" for="attendance">Did the person attend?</label>
      ${err.message('attendance')}
      <select id="attendance" .value=${live(v.attendance)} aria-invalid=${err.invalid('attendance')} aria-describedby=${err.describedBy('attendance')}
        @change=${(e: Event) => ctl.set('attendance', valueOf(e))}>
        ${ATTEND_STATUSES.map((a) => html`<option value=${a.code} ?selected=${a.code === v.attendance}>${a.label}</option>`)}
      </select>
    </div>
    <label class="choice"><input id="planned" type="checkbox" .checked=${live(v.planned)}
      @change=${(e: Event) => ctl.set('planned', checkedOf(e))} />This contact was planned</label>
    ${others(ctl, err)} ${tasks(ctl)}
    <div class=${err.group('note')}>
      <label class="field" for="note">Note</label>
      <span class="hint" id="note-hint">What happened, in plain words. Kept as a draft on this device while you type.</span>
      ${err.message('note')}
      <textarea id="note" .value=${live(v.note)} aria-invalid=${err.invalid('note')} aria-describedby=${err.describedBy('note', 'note-hint')}
        @input=${(e: Event) => ctl.set('note', valueOf(e))}></textarea>
    </div>`;
}

/** The quick log form (or the correction of a stored contact). */
export function renderForm(ctl: ContactLogController): View {
  const s = ctl.state;
  const err = new FormErrors(s.errors, '', FIELD_IDS);
  return html`<form part="form" novalidate @submit=${(e: Event) => ctl.submit(e)} aria-label=${s.correcting ? 'Correct a contact' : 'Log a contact'}>
    ${s.correcting ? html`<h2 class="correcting">Correct a contact</h2>` : nothing}
    ${err.summary()} ${when(ctl, err)} ${duration(ctl, err)}
    ${radios(ctl, err, 'mechanism', QUICK_MECHANISMS, (c) => labelOf(CONSULTATION_MECHANISMS, c) ?? c, CONSULTATION_MECHANISMS, 'How did the contact take place?')}
    ${radios(ctl, err, 'location', QUICK_LOCATIONS, (c) => QUICK_LOCATION_LABELS[c] ?? c, ACTIVITY_LOCATION_TYPES, 'Where?')}
    ${attendanceAndNote(ctl, err)}
    <div class="actions">
      <button class="primary" type="submit" ?disabled=${s.saving}>${s.saving ? 'Saving…' : s.correcting ? 'Save correction' : 'Save contact'}</button>
      ${s.correcting
        ? html`<button class="secondary" type="button" @click=${() => ctl.cancelCorrecting()}>Cancel correction</button>`
        : html`<button class="secondary" type="button" @click=${() => ctl.discard()}>Discard draft</button>`}
    </div>
  </form>`;
}
