import { consume } from '@lit/context';
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, OTHER_PRESENT_KINDS, OTHER_PRESENT_LABELS, type OtherPresentKind, CONSULTATION_MECHANISMS, CONTACT_TOTALS_DEFINITION, type ContactTotals, DNA_RATE_DEFINITION, contactTotals, didNotAttendRate, formatNhsDate, inputIssues, londonWeekStart, isStrError, labelOf, londonDate, londonDateToEpoch,
  londonTime, resolveLondonLocal, systemClock, textMatches, toLondonIso, isTaskOpen, type AttendStatus, type Clock, type Contact, type ContactInput, type StrClient, type Task, type Unreadable,
} from '@strkit/sdk';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { clientContext } from '../context.js';
import { controls } from '../internal/controls.styles.js';
import { PersonScope, type Scope } from '../internal/person-scope.js';
import { LoadState } from '../internal/load-state.js';
import { DraftTimer } from '../internal/draft-timer.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { isDeviceFull, whyNotSaved } from '../internal/error-words.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { focus } from '../internal/focus.styles.js';
import { focusIfLost } from '../internal/focus-after.js';
import { tokens } from '../internal/tokens.styles.js';
import type { ContactSaveDetail, ContactSavedDetail } from './contact-log.events.js';
import { styles } from './contact-log.styles.js';

/** The form as typed: strings, so nothing the worker typed is lost or reformatted before they save. */
export interface ContactLogFormValue {
  date: string;
  time: string;
  duration: string;
  mechanism: string;
  location: string;
  attendance: string;
  planned: boolean;
  /** Who else was there (MHSDS OtherPersonInAttend is unverified, so STR Kit's own list). */
  others: OtherPresentKind[];
  /** A free-text role for "other professional" and "someone else". */
  otherRoles: Partial<Record<OtherPresentKind, string>>;
  interpreterLanguage: string;
  /** Care-plan tasks worked on in this contact. */
  taskIds: string[];
  note: string;
  /** On the night the clocks go back, which of the two times the typed one is ('' until the worker chooses). */
  repeatedHour?: '' | 'first' | 'second';
}

const ROLE_KINDS: readonly OtherPresentKind[] = ['other-professional', 'other'];

/** History filters as typed. Dates are UK calendar dates; `to` is inclusive. */
export interface ContactLogFilters {
  from: string;
  to: string;
  mechanism: string;
  attendance: string;
  search: string;
}

const NO_FILTERS: ContactLogFilters = { from: '', to: '', mechanism: '', attendance: '', search: '' };

interface FieldError {
  readonly field: keyof ContactLogFormValue;
  readonly message: string;
}

// The most used first (issue 5): face to face, telephone, video; patient's home, community, ward.
const QUICK_MECHANISMS = ['01', '02', '11'] as const;
const QUICK_LOCATIONS = ['A01', 'N02', 'E02'] as const;
const QUICK_LOCATION_LABELS: Record<string, string> = { A01: "Person's home", N02: 'In the community', E02: 'On a ward' };
/** One wording for a place in the form and in the history: the plain words of the quick choices, else MHSDS's own. */
const locationLabel = (code: string) => QUICK_LOCATION_LABELS[code] ?? labelOf(ACTIVITY_LOCATION_TYPES, code) ?? code;
const QUICK_DURATIONS = ['15', '30', '45', '60'];
/** Longer than this, the worker confirms the duration in words: a slip of the keyboard (125 typed as 1125) is caught. */
const CONFIRM_ABOVE_MINUTES = 240;

/** "18 hours 45 minutes", "1 hour", "1 minute". */
const minutesInWords = (m: number): string => {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const h = Math.floor(m / 60);
  return [h ? unit(h, 'hour') : '', m % 60 || !h ? unit(m % 60, 'minute') : ''].filter(Boolean).join(' ');
};
const OTHER = 'other';
const FIELD_IDS: Record<keyof ContactLogFormValue, string> = {
  date: 'date', time: 'time', duration: 'duration-custom', mechanism: 'mechanism-01', location: 'location-A01',
  attendance: 'attendance', planned: 'planned', others: 'other-carer', otherRoles: 'other-carer', interpreterLanguage: 'interpreter-language', taskIds: 'tasks', note: 'note',
  repeatedHour: 'repeated-first',
};

/** Which of a repeated UK time an instant is ('' when its time happens once): so a time read back keeps its instant. */
const repeatedHourOf = (epoch: number): '' | 'first' | 'second' => {
  const [y, m, d] = londonDate(epoch).split('-').map(Number) as [number, number, number];
  const [h, min] = londonTime(epoch).split(':').map(Number) as [number, number];
  const r = resolveLondonLocal(y, m, d, h, min);
  return r.kind === 'repeated' ? (r.second === epoch - (epoch % 60_000) ? 'second' : 'first') : '';
};

/** The typed date and time as UK local time (docs/adr/0006-uk-local-time.md), or undefined if either is incomplete. */
const typedLocal = (date: string, time: string) => {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm || londonDateToEpoch(date) === undefined) return undefined;
  return resolveLondonLocal(Number(dm[1]), Number(dm[2]), Number(dm[3]), Number(tm[1]), Number(tm[2]));
};

const newId = () => crypto.randomUUID();
const draftKeyOf = (serviceUserId: string) => `contact-log:${serviceUserId}`;
const UNKNOWN_PERSON = 'This person is not in the record system, so no contact can be logged for them. Check the person chosen';

/** Above this many rows the history is virtualised (only rows near the viewport exist in the DOM). */
export const VIRTUALISE_ABOVE = 200;

/**
 * @summary Log a contact with a person in seconds and see the most recent ones. Fields follow MHSDS v6 (care contact).
 *
 * Connected (default): finds a client through `<str-provider>` or `.client`, loads the person's contacts, saves through
 * the client, keeps a draft on the device as the worker types. Controlled (no client): shows `.contacts` and fires
 * `str-contact-save` for the host to store.
 *
 * @fires str-contact-save - Controlled mode: the worker asked to save a contact. Cancel it to keep the form as typed. Detail: ContactSaveDetail.
 * @fires str-contact-saved - Connected mode: the client stored a contact. Detail: ContactSavedDetail (ids and version only).
 * @fires str-contact-corrected - Connected mode: the client stored a correction (a new version). Detail: ContactSavedDetail.
 * @fires str-contact-entered-in-error - Connected mode: a contact was marked entered in error. Detail: ContactSavedDetail.
 * @csspart form - The quick log form.
 * @csspart summary - Totals for this week and month, and the did-not-attend rate with its definition.
 * @csspart history - The list of recent contacts.
 * @cssprop --str-contact-log-gap - Space between form sections (default 16px).
 */
export class StrContactLog extends LitElement {
  static override styles = [tokens, focus, controls, styles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  private _providedClient?: StrClient;

  /** The client to use; overrides the one from `<str-provider>`. */
  @property({ attribute: false }) client?: StrClient;

  /** The person the contacts are with (their STR Kit id). */
  @property({ attribute: 'service-user-id' }) serviceUserId = '';

  /** Controlled mode: the contacts to show. Never changed by the element. */
  @property({ attribute: false }) contacts: readonly Contact[] = [];

  /** Controlled mode: the person's care-plan tasks, offered as "worked on" (connected mode loads the current plan's). */
  @property({ attribute: false }) tasks: readonly Task[] = [];

  /** Shows the contacts without the form. Also on when the signed-in role may not log contacts. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The clock "now" and "in the future" are judged by (tests and demos pass a fixed one). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private _value: ContactLogFormValue = this.#blank();
  @state() private _errors: readonly FieldError[] = [];
  /** The duration, as typed, that the worker confirmed is right (only asked above CONFIRM_ABOVE_MINUTES). */
  @state() private _confirmedDuration = '';
  @state() private _status = '';
  @state() private _loaded: readonly Contact[] = [];
  @state() private _loadedTasks: readonly Task[] = [];
  /** Worker names by actor id, so a contact says who logged it by name. */
  @state() private _names: ReadonlyMap<string, string> = new Map();
  @state() private _saving = false;
  /** The person's records the store returned that could not be read (left out, never shown half-read). */
  @state() private _unreadable: number | readonly Unreadable[] = 0;
  @state() private _filters: ContactLogFilters = NO_FILTERS;
  /** The stored contact being corrected through the form, if any. */
  @state() private _correcting?: Contact;
  /** Contact id → its earlier versions, once asked for. */
  @state() private _versions: Readonly<Record<string, readonly Contact[]>> = {};
  /** Rows the worker opened: kept here, since a virtualised row's element is recycled when it scrolls away. */
  @state() private _open: ReadonlySet<string> = new Set();
  /** The row the worker is on, so focus can come back to it when it scrolls back into view. */
  #focusedRow: string | undefined;
  /** Contact id being marked entered in error, and the reason as typed. */
  @state() private _marking?: { id: string; reason: string; error?: string };
  /** Connected: whether the store has the person named (nothing is saved for a person it does not have). */
  @state() private _person: 'checking' | 'known' | 'unknown' = 'checking';
  #personChecked: Promise<void> = Promise.resolve();

  /** One id per submission, so a retried save can never log the contact twice. */
  #pendingId: string = newId();
  /** The 400 ms pause before what is typed is kept as a draft (internal/draft-timer.ts). */
  #draftTimer = new DraftTimer(this);
  /** Every load and draft is tied to the person and actor it was started for (issue 14). */
  #scope = new PersonScope(this, { client: () => this.#client, changed: (next, previous) => this.#scopeChanged(next, previous) });
  /** One load state and one whenLoaded() (internal/load-state.ts). */
  #loads = new LoadState(this);
  /** The browser asks before leaving while a contact could not be stored for lack of space. */
  #leaving = new LeaveGuard(this);

  get #client(): StrClient | undefined {
    return this.client ?? this._providedClient;
  }

  get #draftKey() {
    return draftKeyOf(this.serviceUserId);
  }

  get #canWrite() {
    const c = this.#client;
    return !this.readonly && (!c || c.can('contact.log'));
  }

  #blank(): ContactLogFormValue {
    const now = this.clock?.now?.() ?? new Date();
    return {
      date: londonDate(now.getTime()), time: londonTime(now.getTime()), duration: '', mechanism: '', location: '', attendance: '5', planned: true,
      others: [], otherRoles: {}, interpreterLanguage: '', taskIds: [], note: '',
      // At 01:30 GMT on the night the clocks go back, "01:30" alone would read as the earlier, BST one.
      repeatedHour: repeatedHourOf(now.getTime()),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clock') && !this._value.note && !this._value.duration) this._value = this.#blank();
  }

  /**
   * The person, client or actor changed (or the element left the page). What was typed for the previous person is
   * kept as their draft, under the actor who typed it and through their own client (which refuses once signed out),
   * so a new sign-in never inherits it; then everything on screen is cleared before the new person's records and
   * draft load.
   */
  #scopeChanged(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    if (previous) this.#flushDraft(previous);
    this.#draftTimer.cancel();
    this.#leaving.set(false);
    this._loaded = [];
    this._loadedTasks = [];
    this._unreadable = 0;
    this._value = this.#blank();
    this._errors = [];
    this._status = '';
    this._correcting = undefined;
    this._versions = {};
    this._open = new Set();
    this._marking = undefined;
    this.#pendingId = newId();
    this._person = 'checking';
    this.#loads.reset(!!next?.serviceUserId);
    if (!next?.serviceUserId) return;
    this.#personChecked = this.#loads.track(this.#checkPerson(next));
    const unsubscribe = next.client.subscribe({ type: 'contact', serviceUserId: next.serviceUserId }, () => void this.#loads.track(this.#load()));
    void this.#loads.track(this.#load());
    void this.#loads.track(this.#restoreDraft());
    return unsubscribe;
  }

  async #load() {
    const scope = this.#scope.current;
    if (!scope?.serviceUserId) return;
    try {
      const loaded = await this.#scope.load(scope, ({ client: c, serviceUserId, signal }) =>
        Promise.all([
          c.contacts.list({ serviceUserId, limit: 10_000, signal }),
          c.carePlans.loadCurrent(serviceUserId).catch(() => undefined), // no plan, or none readable: nothing to link
        ]),
      );
      if (!loaded) return; // for a person or actor this element no longer shows: dropped
      const [page, plan] = loaded.value;
      this._loaded = page.items;
      this._unreadable = page.unreadable ?? 0;
      this._loadedTasks = plan?.tasks ?? [];
      this.#loads.settle(page.items.length === 0);
      if (!this._names.size) {
        const workers = await scope.client.workers.list({ limit: 10_000 }).catch(() => undefined);
        if (workers) this._names = new Map(workers.items.map((w) => [w.actorId ?? w.id, w.name]));
      }
    } catch {
      if (this.#scope.isCurrent(scope)) this.#loads.fail();
    }
  }

  /** Resolves when the contacts, the person check and any draft are loaded and drawn (tests and hosts that wait for it). */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  /** Asks the store for the person: only a definite "no such person" blocks saving (a failed read does not lose work). */
  async #checkPerson(scope: Scope) {
    try {
      if (await this.#scope.load(scope, (s) => s.client.serviceUsers.get(s.serviceUserId))) this._person = 'known';
    } catch (e) {
      if (this.#scope.isCurrent(scope)) this._person = isStrError(e, 'not-found') ? 'unknown' : 'known';
    }
  }

  async #restoreDraft() {
    const scope = this.#scope.current;
    if (!scope?.serviceUserId || !this.#canWrite) return;
    try {
      const loaded = await this.#scope.load(scope, (s) => s.client.drafts.load<{ value: ContactLogFormValue; pendingId: string }>(draftKeyOf(s.serviceUserId)));
      const draft = loaded?.value;
      if (draft?.value?.value) {
        this._value = { ...this.#blank(), ...draft.value.value };
        this.#pendingId = draft.value.pendingId || newId();
        this._status = `Draft restored, saved ${formatNhsDate(draft.savedAt)} at ${londonTime(Date.parse(draft.savedAt))}`;
      }
    } catch {
      // A draft that cannot be read is not worth blocking the form for.
    }
  }

  #scheduleDraft() {
    if (!this.#client || this._correcting) return; // a correction is not a new contact's draft
    this.#draftTimer.schedule(() => this.#flushDraft());
  }

  /** Nothing typed yet (date and time start as now, so they do not count). */
  #untouched(): boolean {
    const v = this._value;
    return !v.duration && !v.mechanism && !v.location && !v.note && v.attendance === '5' && v.planned && v.others.length === 0 && !v.interpreterLanguage;
  }

  /** Keeps what is typed as the draft of the scope's actor and person (by default, the ones shown now). */
  #flushDraft(scope: Scope | undefined = this.#scope.current) {
    this.#draftTimer.cancel();
    if (!scope?.serviceUserId || this.readonly || !scope.client.can('contact.log') || this._correcting) return;
    const c = scope.client;
    const key = draftKeyOf(scope.serviceUserId);
    if (this.#untouched()) {
      void c.drafts.discard(key).catch(() => undefined);
      return;
    }
    void c.drafts.save(key, { value: this._value, pendingId: this.#pendingId }).catch(() => {
      if (this.#scope.isCurrent(scope)) this._status = 'Your draft could not be kept on this device. Save the contact before you leave this page.';
    });
  }

  #set<K extends keyof ContactLogFormValue>(field: K, value: ContactLogFormValue[K]) {
    this._value = { ...this._value, [field]: value, ...((field === 'date' || field === 'time') && { repeatedHour: '' }) };
    if (field === 'duration') this._confirmedDuration = '';
    if (this._errors.length) this._errors = this._errors.filter((e) => e.field !== field);
    this.#scheduleDraft();
  }

  /** Checks the form as typed and builds the contact; errors are in NHS style, one per field. */
  #validate(): { errors: FieldError[]; input?: ContactInput & { id: string } } {
    const v = this._value;
    const errors: FieldError[] = [];
    const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.date);
    const tm = /^(\d{2}):(\d{2})$/.exec(v.time);
    let epoch: number | undefined;
    if (!dm) errors.push({ field: 'date', message: 'Enter the date of the contact' });
    if (!tm) errors.push({ field: 'time', message: 'Enter the time the contact started' });
    if (dm && tm) {
      const local = typedLocal(v.date, v.time);
      if (!local) errors.push({ field: 'date', message: 'Enter a real date' });
      else if (local.kind === 'missing') {
        errors.push({ field: 'time', message: `There was no ${v.time} on ${formatNhsDate(v.date)} in the UK: the clocks went forward from 1am to 2am. Enter the time the clock showed.` });
      } else if (local.kind === 'repeated' && !v.repeatedHour) {
        errors.push({ field: 'repeatedHour', message: `The clocks went back that night, so ${v.time} happened twice. Choose which ${v.time} it was.` });
      } else {
        epoch = local.kind === 'exact' ? local.epoch : v.repeatedHour === 'second' ? local.second : local.first;
        if (epoch > this.clock.now().getTime()) errors.push({ field: 'date', message: 'The contact cannot start in the future' });
      }
    }
    const minutes = Number(v.duration);
    if (v.duration.trim() === '') errors.push({ field: 'duration', message: 'Enter how long the contact lasted, in minutes' });
    else if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) errors.push({ field: 'duration', message: 'Duration must be a whole number of minutes from 1 to 1,440' });
    else if (minutes > CONFIRM_ABOVE_MINUTES && this._confirmedDuration !== v.duration) {
      errors.push({ field: 'duration', message: `${minutesInWords(minutes)} — is that right? Correct the minutes, or tick “Yes” to confirm` });
    }
    if (!v.mechanism || v.mechanism === OTHER) errors.push({ field: 'mechanism', message: 'Choose how the contact took place' });
    if (!v.location || v.location === OTHER) errors.push({ field: 'location', message: 'Choose where the contact took place' });
    if (!v.attendance) errors.push({ field: 'attendance', message: 'Choose whether the person attended' });
    // Limits are checked here, never by maxlength: a paste over the limit is kept whole and refused with the limit.
    if (v.note.length > 10_000) errors.push({ field: 'note', message: 'Enter 10,000 characters or fewer' });
    if (ROLE_KINDS.some((k) => v.others.includes(k) && (v.otherRoles[k] ?? '').trim().length > 100)) errors.push({ field: 'others', message: 'Enter each role in 100 characters or fewer' });
    if (v.others.includes('interpreter') && v.interpreterLanguage.trim().length > 100) errors.push({ field: 'interpreterLanguage', message: 'Enter the language in 100 characters or fewer' });
    if (errors.length || epoch === undefined) return { errors };
    const input: ContactInput & { id: string } = {
      id: this.#pendingId,
      serviceUserId: this.serviceUserId,
      start: toLondonIso(epoch),
      durationMinutes: minutes,
      mechanism: v.mechanism as ContactInput['mechanism'],
      locationType: v.location as ContactInput['locationType'],
      attendance: v.attendance as AttendStatus,
      planned: v.planned,
      othersPresent: v.others.map((kind) => {
        const role = ROLE_KINDS.includes(kind) ? (v.otherRoles[kind] ?? '').trim() : '';
        return role ? { kind, role } : { kind };
      }),
      ...(v.others.includes('interpreter') && v.interpreterLanguage.trim() && { interpreterLanguage: v.interpreterLanguage.trim() }),
      taskIds: (v.taskIds ?? []).filter((id) => this.#allTasks.some((t) => t.id === id)),
      note: v.note,
    };
    // Last, the SDK's own rules, as every widget checks (control characters, limits): in controlled mode the host is
    // never handed a contact the client would refuse. One message per field, beside it.
    const seen = new Set<keyof ContactLogFormValue>();
    for (const issue of inputIssues('contact', input)) {
      const field = this.#fieldOf(issue.path);
      if (!seen.has(field)) errors.push({ field, message: issue.message });
      seen.add(field);
    }
    return errors.length ? { errors } : { errors, input };
  }

  async #submit(e: Event) {
    e.preventDefault();
    if (this._saving) return;
    const { errors, input } = this.#validate();
    this._errors = errors;
    if (!input) return this.#focusSummary();
    const scope = this.#scope.current;
    const c = scope?.client;
    if (!this.serviceUserId) return; // no person: the form is not offered (see render); never saved for nobody
    if (c) {
      await this.#personChecked;
      if (!this.#scope.isCurrent(scope)) return;
      if (this._person === 'unknown') {
        this._errors = [{ field: 'date', message: UNKNOWN_PERSON }];
        return this.#focusSummary();
      }
    }
    if (!c) {
      const detail: ContactSaveDetail = { contact: input };
      const go = this.dispatchEvent(new CustomEvent('str-contact-save', { detail, bubbles: true, composed: true, cancelable: true }));
      if (go) this.#reset('Contact sent to the record system');
      return;
    }
    this._saving = true;
    this._status = 'Saving…';
    const correcting = this._correcting;
    try {
      if (correcting) {
        const { id: _id, serviceUserId: _s, ...changes } = input;
        const fixed = await c.contacts.update(correcting.id, changes, correcting.version);
        const corrected: ContactSavedDetail = { id: fixed.id, version: fixed.version, serviceUserId: fixed.serviceUserId };
        this.dispatchEvent(new CustomEvent('str-contact-corrected', { detail: corrected, bubbles: true, composed: true }));
        if (!this.#scope.isCurrent(scope)) return; // the element shows someone else now: leave their screen alone
        this._correcting = undefined;
        this.#reset(`Correction saved: ${formatNhsDate(fixed.start)} at ${londonTime(Date.parse(fixed.start))}`);
        this._versions = {};
        void this.#load();
        return;
      }
      const saved = await c.contacts.create(input);
      const detail: ContactSavedDetail = { id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId };
      await c.drafts.discard(draftKeyOf(input.serviceUserId)).catch(() => undefined);
      if (!this.#scope.isCurrent(scope)) {
        this.dispatchEvent(new CustomEvent('str-contact-saved', { detail, bubbles: true, composed: true }));
        return;
      }
      this.#reset(`Contact saved: ${formatNhsDate(saved.start)} at ${londonTime(Date.parse(saved.start))}`);
      this.dispatchEvent(new CustomEvent('str-contact-saved', { detail, bubbles: true, composed: true }));
      void this.#load();
    } catch (err) {
      // Nothing typed is lost: the form and its draft stay as they are.
      if (!this.#scope.isCurrent(scope)) return;
      this._status = '';
      if (isStrError(err, 'validation') && err.details.issues?.length) {
        this._errors = err.details.issues.map((i) => ({ field: this.#fieldOf(i.path), message: i.message }));
      } else {
        if (isDeviceFull(err)) this.#leaving.set(true);
        const why = whyNotSaved(err, {
          what: 'the contact', kept: 'It is still here',
          conflict: 'Someone else changed this contact while you were correcting it. Cancel, open it again and check their change',
        });
        this._errors = [{ field: 'date', message: why }];
      }
      this.#flushDraft();
      this.#focusSummary();
    } finally {
      this._saving = false;
    }
  }

  #fieldOf(path: string): keyof ContactLogFormValue {
    const map: Record<string, keyof ContactLogFormValue> = {
      start: 'date', durationMinutes: 'duration', mechanism: 'mechanism', locationType: 'location', attendance: 'attendance', planned: 'planned',
      othersPresent: 'others', interpreterLanguage: 'interpreterLanguage', note: 'note',
    };
    return map[path.split('.')[0] ?? ''] ?? 'date';
  }

  #reset(status: string) {
    this.#leaving.set(false);
    this._value = this.#blank();
    this._confirmedDuration = '';
    this._errors = [];
    this._status = status;
    this.#pendingId = newId();
    // The Save button was disabled while saving, which drops its focus: the worker lands on the news instead.
    void focusIfLost(this, 'div.status', 'form');
  }

  #startCorrecting(c: Contact) {
    this.#flushDraft(); // keep any new-contact draft before the form is reused
    const t = Date.parse(c.start);
    this._correcting = c;
    this._errors = [];
    this._value = {
      date: londonDate(t), time: londonTime(t), duration: String(c.durationMinutes), mechanism: c.mechanism,
      location: c.locationType, attendance: c.attendance, planned: c.planned, note: c.note,
      others: c.othersPresent.map((o) => o.kind),
      otherRoles: Object.fromEntries(c.othersPresent.filter((o) => o.role).map((o) => [o.kind, o.role!])),
      interpreterLanguage: c.interpreterLanguage ?? '',
      taskIds: [...c.taskIds],
      repeatedHour: repeatedHourOf(t),
    };
    this._status = `Correcting the contact of ${formatNhsDate(t)} at ${londonTime(t)}`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#date')?.focus());
  }

  async #cancelCorrecting() {
    this._correcting = undefined;
    this.#reset('Correction cancelled');
    await this.#restoreDraft();
  }

  async #showVersions(c: Contact) {
    try {
      const all = await this.#client!.contacts.history(c.id);
      this._versions = { ...this._versions, [c.id]: all.slice(0, -1).reverse() };
    } catch {
      this._status = 'The earlier versions could not be loaded. Try again.';
    }
  }

  async #markEnteredInError(c: Contact) {
    const reason = this._marking?.reason ?? '';
    if (!reason.trim()) {
      this._marking = { id: c.id, reason, error: 'Enter why this contact was entered in error' };
      return;
    }
    try {
      const marked = await this.#client!.contacts.markEnteredInError(c.id, reason, c.version);
      const detail: ContactSavedDetail = { id: marked.id, version: marked.version, serviceUserId: marked.serviceUserId };
      this.dispatchEvent(new CustomEvent('str-contact-entered-in-error', { detail, bubbles: true, composed: true }));
      this._marking = undefined;
      this._status = 'Contact marked as entered in error. It stays in the record, under "Entered in error".';
      void this.#load();
    } catch (err) {
      this._marking = {
        id: c.id,
        reason,
        error: whyNotSaved(err, { what: 'the mark', kept: 'The contact is unchanged', conflict: 'Someone else changed this contact. Close it, open it again and check' }),
      };
    }
  }

  #renderRowActions(c: Contact) {
    const client = this.#client;
    if (!client || this.readonly || !client.can('contact.correct-own', c)) return nothing;
    const marking = this._marking?.id === c.id ? this._marking : undefined;
    return html`<div class="actions">
        <button class="secondary" type="button" @click=${() => this.#startCorrecting(c)}>Correct this contact</button>
        <button class="secondary" type="button" @click=${() => (this._marking = { id: c.id, reason: '' })}>Mark as entered in error</button>
      </div>
      ${marking
        ? html`<div class="field-group ${marking.error ? 'invalid' : ''}">
            <label class="field" for="eie-${c.id}">Why was this contact entered in error?</label>
            ${marking.error ? html`<span class="error-message" id="eie-${c.id}-error" role="alert"><span class="visually-hidden">Error:</span> ${marking.error}</span>` : nothing}
            <textarea id="eie-${c.id}" .value=${live(marking.reason)} aria-describedby=${marking.error ? `eie-${c.id}-error` : nothing}
              @input=${(e: Event) => (this._marking = { id: c.id, reason: (e.target as HTMLTextAreaElement).value })}></textarea>
            <div class="actions">
              <button class="primary" type="button" @click=${() => this.#markEnteredInError(c)}>Mark as entered in error</button>
              <button class="secondary" type="button" @click=${() => (this._marking = undefined)}>Keep it</button>
            </div>
          </div>`
        : nothing}`;
  }

  #renderVersions(c: Contact) {
    if (!this.#client || c.updatedAt === c.createdAt) return nothing;
    const versions = this._versions[c.id];
    if (!versions) return html`<button class="secondary" type="button" @click=${() => this.#showVersions(c)}>Show earlier versions</button>`;
    return html`<h4>Earlier versions</h4>
      <ol class="versions">
        ${versions.map((v) => {
          const t = Date.parse(v.start);
          return html`<li>Saved by ${v.updatedBy} on ${formatNhsDate(v.updatedAt)}: <time datetime=${v.start}>${formatNhsDate(t)}, ${londonTime(t)}</time>,
            ${v.durationMinutes} minutes, ${labelOf(CONSULTATION_MECHANISMS, v.mechanism) ?? v.mechanism}${v.note ? html`. Note: <span class="note-full" dir="auto">${v.note}</span>` : nothing}</li>`;
        })}
      </ol>`;
  }

  async #discard() {
    await this.#client?.drafts.discard(this.#draftKey).catch(() => undefined);
    this.#reset('Draft discarded');
    this.renderRoot.querySelector<HTMLInputElement>('#date')?.focus();
  }

  async #focusSummary() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  #focusField(e: Event, field: keyof ContactLogFormValue) {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[field]}`)?.focus();
  }

  #error(field: keyof ContactLogFormValue) {
    return this._errors.find((e) => e.field === field);
  }

  #errorMessage(field: keyof ContactLogFormValue) {
    const err = this.#error(field);
    return err ? html`<span class="error-message" id="${field}-error"><span class="visually-hidden">Error:</span> ${err.message}</span>` : nothing;
  }

  #describedBy(field: keyof ContactLogFormValue, hint?: string) {
    return [hint, this.#error(field) ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
  }

  #radios(name: 'mechanism' | 'location', quick: readonly string[], labelFor: (code: string) => string, all: readonly { code: string; label: string }[], legend: string) {
    const value = this._value[name];
    const isOther = value === OTHER || (value !== '' && !quick.includes(value));
    const err = this.#error(name);
    return html`<div class="field-group ${err ? 'invalid' : ''}">
      <fieldset aria-describedby=${this.#describedBy(name)}>
        <legend>${legend}</legend>
        ${this.#errorMessage(name)}
        <div class="choices">
          ${quick.map(
            (code) => html`<label class="choice"
              ><input type="radio" name=${name} id="${name}-${code}" value=${code} .checked=${live(value === code)}
                @change=${() => this.#set(name, code)} />${labelFor(code)}</label
            >`,
          )}
          <label class="choice"
            ><input type="radio" name=${name} id="${name}-other" value=${OTHER} .checked=${live(isOther)}
              @change=${() => this.#set(name, OTHER)} />Another ${name === 'mechanism' ? 'way' : 'place'}</label
          >
        </div>
      </fieldset>
      ${isOther
        ? html`<label class="field" for="${name}-list">${name === 'mechanism' ? 'How, from the full list' : 'Where, from the full list'}</label>
            <select id="${name}-list" .value=${live(quick.includes(value) || value === OTHER ? '' : value)}
              @change=${(e: Event) => this.#set(name, (e.target as HTMLSelectElement).value || OTHER)}>
              <option value="">Choose…</option>
              ${all.filter((c) => !quick.includes(c.code)).map((c) => html`<option value=${c.code}>${c.label}</option>`)}
            </select>`
        : nothing}
    </div>`;
  }

  #toggleOther(kind: OtherPresentKind, on: boolean) {
    const others = on ? [...new Set([...this._value.others, kind])] : this._value.others.filter((k) => k !== kind);
    this.#set('others', OTHER_PRESENT_KINDS.filter((k) => others.includes(k)));
  }

  get #allTasks(): readonly Task[] {
    return this.#client ? this._loadedTasks : this.tasks;
  }

  /** Open care-plan tasks to tick as worked on (and any already linked, when correcting). */
  #renderTasks() {
    const chosen = this._value.taskIds ?? [];
    const offered = this.#allTasks.filter((t) => isTaskOpen(t) || chosen.includes(t.id));
    if (!offered.length) return nothing;
    return html`<fieldset class="field-group" aria-describedby="tasks-hint">
      <legend>Care-plan tasks worked on</legend>
      <span class="hint" id="tasks-hint">Optional. Tick any the contact helped with.</span>
      <div class="choices" id="tasks">
        ${offered.map((t) => html`<label class="choice"><input type="checkbox" .checked=${live(chosen.includes(t.id))}
          @change=${(e: Event) => this.#set('taskIds', (e.target as HTMLInputElement).checked ? [...chosen, t.id] : chosen.filter((x) => x !== t.id))} />${t.text}</label>`)}
      </div>
    </fieldset>`;
  }

  #renderOthers() {
    const v = this._value;
    const err = this.#error('others') ?? this.#error('interpreterLanguage');
    return html`<div class="field-group ${err ? 'invalid' : ''}">
      <fieldset aria-describedby=${this.#describedBy('others', 'others-hint')}>
        <legend>Who else was there?</legend>
        <span class="hint" id="others-hint">Select all that apply</span>
        ${this.#errorMessage('others')}
        <div class="choices">
          ${OTHER_PRESENT_KINDS.map(
            (kind) => html`<label class="choice"><input type="checkbox" id="other-${kind}" .checked=${live(v.others.includes(kind))}
              @change=${(e: Event) => this.#toggleOther(kind, (e.target as HTMLInputElement).checked)} />${OTHER_PRESENT_LABELS[kind]}</label>`,
          )}
        </div>
      </fieldset>
      ${ROLE_KINDS.filter((k) => v.others.includes(k)).map(
        (kind) => html`<label class="field" for="role-${kind}">${OTHER_PRESENT_LABELS[kind]}: their role (optional)</label>
          <input id="role-${kind}" class="text" type="text" .value=${live(v.otherRoles[kind] ?? '')}
            @input=${(e: Event) => this.#set('otherRoles', { ...v.otherRoles, [kind]: (e.target as HTMLInputElement).value })} />`,
      )}
      ${v.others.includes('interpreter')
        ? html`<label class="field" for="interpreter-language">Interpreter's language</label>
            ${this.#errorMessage('interpreterLanguage')}
            <input id="interpreter-language" class="text" type="text" .value=${live(v.interpreterLanguage)}
              aria-invalid=${this.#error('interpreterLanguage') ? 'true' : 'false'} aria-describedby=${this.#describedBy('interpreterLanguage')}
              @input=${(e: Event) => this.#set('interpreterLanguage', (e.target as HTMLInputElement).value)} />`
        : nothing}
    </div>`;
  }

  #renderForm() {
    const v = this._value;
    return html`<form part="form" novalidate @submit=${this.#submit} aria-label=${this._correcting ? 'Correct a contact' : 'Log a contact'}>
      ${this._correcting ? html`<h2 class="correcting">Correct a contact</h2>` : nothing}
      ${this._errors.length
        ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>
              ${this._errors.map((e) => html`<li><a href="#${FIELD_IDS[e.field]}" @click=${(ev: Event) => this.#focusField(ev, e.field)}>${e.message}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="row">
        <div class="field-group ${this.#error('date') ? 'invalid' : ''}">
          <label class="field" for="date">Date</label>
          ${this.#errorMessage('date')}
          <input id="date" type="date" .value=${live(v.date)} aria-invalid=${this.#error('date') ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('date')} @input=${(e: Event) => this.#set('date', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field-group ${this.#error('time') ? 'invalid' : ''}">
          <label class="field" for="time">Start time</label>
          ${this.#errorMessage('time')}
          <input id="time" type="time" .value=${live(v.time)} aria-invalid=${this.#error('time') ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('time')} @input=${(e: Event) => this.#set('time', (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      ${this.#renderRepeatedHour(v)}
      <div class="field-group ${this.#error('duration') ? 'invalid' : ''}">
        <fieldset aria-describedby=${this.#describedBy('duration', 'duration-hint')}>
          <legend>How long, in minutes</legend>
          <span class="hint" id="duration-hint">Pick one or type the minutes</span>
          ${this.#errorMessage('duration')}
          <div class="choices">
            ${QUICK_DURATIONS.map(
              (d) => html`<label class="choice"><input type="radio" name="duration" value=${d} .checked=${live(v.duration === d)}
                @change=${() => this.#set('duration', d)} />${d}</label>`,
            )}
            <label class="choice" for="duration-custom">Other
              <input id="duration-custom" type="number" inputmode="numeric" min="1" max="1440" step="1" .value=${live(v.duration)}
                aria-invalid=${this.#error('duration') ? 'true' : 'false'}
                @input=${(e: Event) => this.#set('duration', (e.target as HTMLInputElement).value)} /></label>
          </div>
          ${this.#renderLongDuration(v.duration)}
        </fieldset>
      </div>
      ${this.#radios('mechanism', QUICK_MECHANISMS, (c) => labelOf(CONSULTATION_MECHANISMS, c) ?? c, CONSULTATION_MECHANISMS, 'How did the contact take place?')}
      ${this.#radios('location', QUICK_LOCATIONS, (c) => QUICK_LOCATION_LABELS[c] ?? c, ACTIVITY_LOCATION_TYPES, 'Where?')}
      <div class="field-group ${this.#error('attendance') ? 'invalid' : ''}">
        <label class="field" for="attendance">Did the person attend?</label>
        ${this.#errorMessage('attendance')}
        <select id="attendance" .value=${live(v.attendance)} aria-describedby=${this.#describedBy('attendance')}
          @change=${(e: Event) => this.#set('attendance', (e.target as HTMLSelectElement).value)}>
          ${ATTEND_STATUSES.map((a) => html`<option value=${a.code} ?selected=${a.code === v.attendance}>${a.label}</option>`)}
        </select>
      </div>
      <label class="choice"><input id="planned" type="checkbox" .checked=${live(v.planned)}
        @change=${(e: Event) => this.#set('planned', (e.target as HTMLInputElement).checked)} />This contact was planned</label>
      ${this.#renderOthers()}
      ${this.#renderTasks()}
      <div class="field-group ${this.#error('note') ? 'invalid' : ''}">
        <label class="field" for="note">Note</label>
        <span class="hint" id="note-hint">What happened, in plain words. Kept as a draft on this device while you type.</span>
        ${this.#errorMessage('note')}
        <textarea id="note" .value=${live(v.note)} aria-invalid=${this.#error('note') ? 'true' : 'false'} aria-describedby=${this.#describedBy('note', 'note-hint')}
          @input=${(e: Event) => this.#set('note', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this._saving}>${this._saving ? 'Saving…' : this._correcting ? 'Save correction' : 'Save contact'}</button>
        ${this._correcting
          ? html`<button class="secondary" type="button" @click=${this.#cancelCorrecting}>Cancel correction</button>`
          : html`<button class="secondary" type="button" @click=${this.#discard}>Discard draft</button>`}
      </div>
    </form>`;
  }

  /** The night the clocks go back: the typed time happened twice, and the worker says which (never guessed). */
  #renderRepeatedHour(v: ContactLogFormValue) {
    if (typedLocal(v.date, v.time)?.kind !== 'repeated') return nothing;
    const choice = (which: 'first' | 'second', words: string) => html`<label class="choice"><input type="radio" name="repeated-hour" id="repeated-${which}"
      value=${which} .checked=${live(v.repeatedHour === which)} @change=${() => this.#set('repeatedHour', which)} />${words}</label>`;
    return html`<div class="field-group ${this.#error('repeatedHour') ? 'invalid' : ''}">
      <fieldset aria-describedby=${this.#describedBy('repeatedHour', 'repeated-hint')}>
        <legend>Which ${v.time}?</legend>
        <span class="hint" id="repeated-hint">The clocks went back an hour on ${formatNhsDate(v.date)}, so ${v.time} happened twice.</span>
        ${this.#errorMessage('repeatedHour')}
        <div class="choices">
          ${choice('first', `The first ${v.time} (British Summer Time, before the clocks went back)`)}
          ${choice('second', `The second ${v.time} (Greenwich Mean Time, after the clocks went back)`)}
        </div>
      </fieldset>
    </div>`;
  }

  /** Above 4 hours, the duration in words and a "Yes" to tick, so what was typed is seen and meant. */
  #renderLongDuration(typed: string) {
    const minutes = Number(typed);
    if (typed.trim() === '' || !Number.isInteger(minutes) || minutes <= CONFIRM_ABOVE_MINUTES || minutes > 1440) return nothing;
    const words = minutesInWords(minutes);
    return html`<p class="long-duration" id="duration-words">${words} — is that right?</p>
      <label class="choice"><input type="checkbox" id="duration-confirm" .checked=${live(this._confirmedDuration === typed)}
        @change=${(e: Event) => {
          this._confirmedDuration = (e.target as HTMLInputElement).checked ? typed : '';
          this._errors = this._errors.filter((x) => x.field !== 'duration');
        }} />Yes, it lasted ${words}</label>`;
  }

  #renderSummary(items: readonly Contact[]) {
    const totals = contactTotals(items, this.clock.now());
    const dna = didNotAttendRate(items);
    const time = minutesInWords;
    const count = (t: ContactTotals) =>
      `${t.contacts} attended contact${t.contacts === 1 ? '' : 's'}, ${time(t.minutes)}; ${t.didNotAttend} did not attend; ${t.cancelled} cancelled`;
    return html`<section part="summary" aria-labelledby="summary-title" class="summary">
      <h2 id="summary-title">Summary</h2>
      <p class="hint" id="totals-definition">${CONTACT_TOTALS_DEFINITION}</p>
      <dl>
        <div><dt>This week (from Monday)</dt><dd>${count(totals.week)}</dd></div>
        <div><dt>This month</dt><dd>${count(totals.month)}</dd></div>
        <div><dt>Did not attend rate</dt><dd>${dna.rate === undefined ? 'No contacts were due yet' : `${Math.round(dna.rate * 100)}% (${dna.notAttended} of ${dna.due} due)`}</dd></div>
      </dl>
      <details><summary>How the did not attend rate is worked out</summary><p>${DNA_RATE_DEFINITION}</p></details>
    </section>`;
  }

  #matches(c: Contact): boolean {
    const f = this._filters;
    if (f === NO_FILTERS) return true;
    const day = londonDate(Date.parse(c.start));
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.mechanism && c.mechanism !== f.mechanism) return false;
    if (f.attendance && c.attendance !== f.attendance) return false;
    return textMatches(c.note, f.search);
  }

  #setFilter<K extends keyof ContactLogFilters>(key: K, value: ContactLogFilters[K]) {
    this._filters = { ...this._filters, [key]: value };
  }

  #renderFilters() {
    const f = this._filters;
    const input = (key: keyof ContactLogFilters) => (e: Event) => this.#setFilter(key, (e.target as HTMLInputElement | HTMLSelectElement).value);
    return html`<fieldset class="filters">
      <legend>Filter contacts</legend>
      <div class="row">
        <div><label class="field" for="filter-from">From</label><input id="filter-from" type="date" .value=${live(f.from)} @input=${input('from')} /></div>
        <div><label class="field" for="filter-to">To</label><input id="filter-to" type="date" .value=${live(f.to)} @input=${input('to')} /></div>
        <div>
          <label class="field" for="filter-mechanism">How</label>
          <select id="filter-mechanism" .value=${live(f.mechanism)} @change=${input('mechanism')}>
            <option value="">Any way</option>
            ${CONSULTATION_MECHANISMS.map((m) => html`<option value=${m.code}>${m.label}</option>`)}
          </select>
        </div>
        <div>
          <label class="field" for="filter-attendance">Attendance</label>
          <select id="filter-attendance" .value=${live(f.attendance)} @change=${input('attendance')}>
            <option value="">Any</option>
            ${ATTEND_STATUSES.map((a) => html`<option value=${a.code}>${a.label}</option>`)}
          </select>
        </div>
        <div><label class="field" for="filter-search">Search notes</label><input id="filter-search" type="search" .value=${live(f.search)} @input=${input('search')} /></div>
      </div>
      <button class="secondary" type="button" @click=${() => (this._filters = NO_FILTERS)}>Clear filters</button>
    </fieldset>`;
  }

  #renderEnteredInError(all: readonly Contact[]) {
    const eie = all.filter((c) => c.enteredInError);
    if (eie.length === 0) return nothing;
    return html`<details class="eie">
      <summary>Entered in error (${eie.length})</summary>
      <ul class="history">
        ${eie.map((c) => {
          const t = Date.parse(c.start);
          return html`<li><span class="meta"><time datetime=${c.start}>${formatNhsDate(t)}, ${londonTime(t)}</time> · ${c.durationMinutes} minutes</span>
            <span class="hint">Marked by ${c.enteredInError!.by} on ${formatNhsDate(c.enteredInError!.at)}. Reason: <bdi>${c.enteredInError!.reason}</bdi></span>
            ${c.note ? html`<span class="note-full" dir="auto">${c.note}</span>` : nothing}</li>`;
        })}
      </ul>
    </details>`;
  }

  /** Sorted, filtered rows, recomputed only when the contacts or the filters change (not when a row opens). */
  #view?: { all: readonly Contact[]; filters: ContactLogFilters; items: Contact[]; sorted: Contact[]; times: number[] };

  #deriveView(all: readonly Contact[]) {
    if (this.#view && this.#view.all === all && this.#view.filters === this._filters) return this.#view;
    const items = all.filter((c) => !c.enteredInError);
    const keyed = items.filter((c) => this.#matches(c)).map((c) => ({ c, t: Date.parse(c.start) }));
    keyed.sort((a, b) => b.t - a.t || (a.c.id < b.c.id ? 1 : -1));
    this.#view = { all, filters: this._filters, items, sorted: keyed.map((k) => k.c), times: keyed.map((k) => k.t) };
    return this.#view;
  }

  #renderHistory() {
    const all = this.#client ? this._loaded : this.contacts;
    const { items, sorted } = this.#deriveView(all);
    const shown = sorted;
    return html`${this.#renderSummary(items)}<section aria-labelledby="history-title">
      <h2 id="history-title">Contacts</h2>
      ${this.#client ? unreadableNotice(this._unreadable) : nothing}
      ${this.#client && this.#loads.status === 'loading'
        ? html`<p class="status" role="status">Loading the contacts…</p>`
        : this.#client && this.#loads.status === 'error'
        ? html`<p>The contacts could not be loaded. Reload the page to try again.</p>`
        : items.length === 0
        ? html`<p>No contacts logged yet.</p>`
        : html`${this.#renderFilters()}
            <p class="count">Showing ${shown.length} of ${items.length} contact${items.length === 1 ? '' : 's'}</p>
            ${sorted.length === 0 ? html`<p>No contacts match these filters.</p>` : this.#renderWeeks(sorted, this.#view!.times)}`}
      ${this.#renderEnteredInError(all)}
    </section>`;
  }

  #toggle(id: string, open: boolean) {
    if (open === this._open.has(id)) return;
    const next = new Set(this._open);
    if (open) next.add(id);
    else next.delete(id);
    this._open = next;
  }

  /** One contact: a native details element, so a row opens by keyboard and screen reader for free. */
  #row(c: Contact) {
    const t = Date.parse(c.start);
    return html`<details .open=${live(this._open.has(c.id))} @toggle=${(e: Event) => this.#toggle(c.id, (e.target as HTMLDetailsElement).open)}>
      <summary>
        <span class="meta"><time datetime=${c.start}>${formatNhsDate(t)}, ${londonTime(t)}</time> · ${c.durationMinutes} minutes ·
          ${labelOf(CONSULTATION_MECHANISMS, c.mechanism) ?? c.mechanism} · ${locationLabel(c.locationType)}</span>
        <span class="hint">${labelOf(ATTEND_STATUSES, c.attendance) ?? c.attendance}${c.planned ? '' : ' · unplanned'}${c.othersPresent.length
          ? html` · with ${c.othersPresent.map((o, i) => html`${i ? ', ' : ''}${o.role ? html`<bdi>${o.role}</bdi>` : OTHER_PRESENT_LABELS[o.kind].toLowerCase()}${o.kind === 'interpreter' && c.interpreterLanguage ? html` (<bdi>${c.interpreterLanguage}</bdi>)` : ''}`)}`
          : ''}</span>
        ${c.note && !this._open.has(c.id) ? html`<span class="note" dir="auto">${c.note.split(/\r?\n/)[0]}</span>` : nothing}
      </summary>
      ${this._open.has(c.id)
        ? html`<div class="full">
            ${c.note ? html`<p class="note-full" dir="auto">${c.note}</p>` : html`<p>No note.</p>`}
            ${c.taskIds.length ? html`<p class="hint">Care-plan tasks worked on: ${c.taskIds.map((id, i) => html`${i ? '; ' : ''}<bdi>${this.#allTasks.find((t) => t.id === id)?.text ?? 'a task not on the current plan'}</bdi>`)}</p>` : nothing}
            <p class="hint">Logged by ${this._names.get(c.createdBy) ?? c.createdBy} on ${formatNhsDate(c.createdAt)}${c.updatedAt !== c.createdAt ? html` · edited by ${this._names.get(c.updatedBy) ?? c.updatedBy} on ${formatNhsDate(c.updatedAt)}` : nothing}</p>
            ${this.#renderVersions(c)} ${this.#renderRowActions(c)}
          </div>`
        : nothing}
    </details>`;
  }

  /** Newest first, grouped by UK week (Monday start): a heading per week, then its contacts as a list. */
  #renderWeeks(sorted: readonly Contact[], times: readonly number[]) {
    if (sorted.length > VIRTUALISE_ABOVE) return this.#renderVirtual(sorted, times);
    const weeks = new Map<string, Contact[]>();
    for (const c of sorted) {
      const week = londonWeekStart(Date.parse(c.start));
      weeks.set(week, [...(weeks.get(week) ?? []), c]);
    }
    return html`<div part="history">
      ${[...weeks].map(
        ([week, items]) => html`<h3 id="week-${week}">Week beginning <time datetime=${week}>${formatNhsDate(week)}</time></h3>
          <ul class="history" aria-labelledby="week-${week}">
            ${items.map((c) => html`<li>${this.#row(c)}</li>`)}
          </ul>`,
      )}
    </div>`;
  }

  /**
   * Thousands of contacts: only rows near the viewport exist. Each row still says where it is in the whole list
   * (aria-posinset / aria-setsize), the first row of a week carries the week heading, and focus returns to the row
   * the worker was on when it scrolls back into view.
   */
  #rows?: { sorted: readonly Contact[]; rows: { c: Contact; i: number; week: string | undefined }[] };

  #renderVirtual(sorted: readonly Contact[], times: readonly number[]) {
    const total = sorted.length;
    if (this.#rows?.sorted !== sorted) {
      // Newest first, so a contact is in the current week while it starts at or after that week's Monday 00:00 (UK):
      // one week computation per week, not per contact.
      let weekFrom = Infinity;
      this.#rows = {
        sorted,
        rows: sorted.map((c, i) => {
          const t = times[i]!;
          if (t >= weekFrom) return { c, i, week: undefined };
          const week = londonWeekStart(t);
          weekFrom = londonDateToEpoch(week) ?? t;
          return { c, i, week };
        }),
      };
    }
    const rows = this.#rows.rows;
    return html`<div part="history" class="virtual" role="list" aria-label="Contacts, newest first" tabindex="-1"
      @focusin=${this.#onRowFocus} @focusout=${this.#onRowBlur} @rangeChanged=${this.#afterRender} @visibilityChanged=${this.#afterRender}>
      ${virtualize({
        items: rows,
        scroller: true,
        keyFunction: (r) => r.c.id,
        renderItem: (r) => html`<div role="listitem" class="vrow" aria-posinset=${r.i + 1} aria-setsize=${total} data-id=${r.c.id}>
          ${r.week ? html`<h3 class="vweek">Week beginning <time datetime=${r.week}>${formatNhsDate(r.week)}</time></h3>` : nothing}
          ${this.#row(r.c)}
        </div>`,
      })}
    </div>`;
  }

  #onRowFocus(e: FocusEvent) {
    const row = (e.target as Element).closest?.('[data-id]');
    if (row) this.#focusedRow = row.getAttribute('data-id') ?? undefined;
  }

  #onRowBlur(e: FocusEvent) {
    // Focus moved somewhere else on purpose (not lost because the row scrolled away and was recycled).
    const to = e.relatedTarget as Node | null;
    if (to && !(e.currentTarget as Element).contains(to)) this.#focusedRow = undefined;
  }

  /** The virtualizer announces a new range before it renders the rows: look once they are in the DOM. */
  #afterRender() {
    requestAnimationFrame(() => this.#restoreRowFocus());
  }

  #restoreRowFocus() {
    const id = this.#focusedRow;
    if (!id) return;
    const inside = this.shadowRoot?.activeElement;
    if (inside?.closest('[data-id]')?.getAttribute('data-id') === id) return; // still on it
    // Only when focus was lost with the recycled row (to the page, or to the list itself), never when the worker went elsewhere.
    const lost = inside ? inside.classList.contains('virtual') : document.activeElement === document.body;
    if (!lost) return;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"] summary`)?.focus({ preventScroll: true });
  }

  override render() {
    if (!this.serviceUserId) {
      return html`<div class="status" role="status"></div>
        <p class="no-person" role="alert">No person is chosen, so no contacts can be shown or logged here.</p>`;
    }
    // The status follows the form, so "Contact saved" appears where the worker pressed Save, not a screen above it.
    return html`
      ${this.#client && this._person === 'unknown' ? html`<p class="no-person" role="alert">${UNKNOWN_PERSON}.</p>` : nothing}
      ${this.#canWrite
        ? this.#renderForm()
        : html`<p class="readonly-message">You can see contacts here but not log them.</p>`}
      <div class="status" role="status" tabindex="-1">${this._status}</div>
      ${this.#renderHistory()}
    `;
  }
}
