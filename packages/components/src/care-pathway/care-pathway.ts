import { mayWriteReferral, pathwayClient, systemClock, ukToday, type Clock, type KeyContact, type Referral, type StrClient } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { DraftTimer } from '../internal/draft-timer.js';
import { notSavedCase } from '../internal/error-words.js';
import { focus } from '../internal/focus.styles.js';
import { focusWhatReplaced } from '../internal/focus-after.js';
import { LoadState } from '../internal/load-state.js';
import { PersonScope, type Scope } from '../internal/person-scope.js';
import { tokens } from '../internal/tokens.styles.js';
import { LocaleController } from '../l10n/controller.js';
import {
  PREFIX, changeRefusals, contactChanges, contactDraftOf, contactInput, contactRefusals, draftKey, emptyContact, emptyReferral, issueSaid, progressChanges,
  progressDraftOf, progressRefusals, referralInput, referralRefusals, targetOf,
  withTyped, type KeptDraft, type PathwayForm, type Refusal,
} from './care-pathway.form.js';
import { CARE_PATHWAY_MESSAGES } from './care-pathway.messages.js';
import { renderCopy, renderForm, renderTeam, type Allowed } from './care-pathway.render.js';
import { styles } from './care-pathway.styles.js';
import { readPathway, type CarePathway } from './care-pathway.view.js';

const NONE: Allowed = { edit: false, suggest: false, addReferral: false, progress: () => false };

/** A form control's name → its draft field. */
const FIELD_OF: Readonly<Record<string, string>> = {
  'agreed-on': 'agreedOn', 'suggestion-note': 'suggestionNote', 'sent-on': 'sentOn', 'accepted-on': 'acceptedOn', 'first-seen-on': 'firstSeenOn',
  'closed-on': 'closedOn', 'outcome-note': 'outcomeNote',
};

/**
 * @tagname str-care-pathway
 * @summary The person's care pathway (issue 23): who is helping them, grouped by agency (the care team, services,
 * family and carers), with how and when to reach each; if things get harder (the warning-sign plan's signs, agreed
 * responses and who to contact); how often they are seen and when the care plan is reviewed; and their referrals,
 * open and past, with how long each has waited. A printable copy for the person (`view="person"`, or "Show the
 * person's copy"): plain words, large text, A4.
 *
 * Connected (default): read through the client (`pathwayClient`, docs/adr/0027-care-pathway.md). Co-ordinators and
 * team leads add contacts and confirm workers' suggestions; workers suggest contacts and add the referrals they make.
 * These checks guide the screen; the record system must enforce who may read and write what.
 * Controlled (no client): shows `.pathway` and offers no changes.
 *
 * @csspart copy - The person's copy.
 */
export class StrCarePathway extends PersonElement {
  static override styles = [tokens, focus, controls, styles];

  /** `team` (default): the team's view. `person`: the person's copy only. */
  @property({ reflect: true }) view: 'team' | 'person' = 'team';
  /** Controlled mode: what to show (`CarePathway`). */
  @property({ attribute: false }) pathway?: CarePathway;
  /** The clock "today" is read from (waits, dates in the future). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private _loaded?: CarePathway;
  @state() private _failed = false;
  @state() private _copy = false;
  @state() private _large = false;
  @state() private _form?: PathwayForm;
  @state() private _errors: readonly Refusal[] = [];
  @state() private _problem?: string;
  @state() private _saving = false;
  @state() private _status = '';
  @state() private _hasDraft = false;

  #loads = new LoadState(this);
  #l = new LocaleController(this, CARE_PATHWAY_MESSAGES);
  #timer = new DraftTimer(this);
  /** The draft write waiting for typing to pause, so a change of person writes it at once instead of losing it. */
  #pending: (() => void) | undefined;
  #scope = new PersonScope(this, { client: () => this.currentClient, changed: (next) => this.#changed(next), checkPerson: true });

  /** Resolves when the pathway is loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  get #today(): string {
    return ukToday(this.clock.now());
  }

  #changed(next: Scope | undefined): (() => void) | void {
    this.#flush();
    this._loaded = undefined;
    this._failed = false;
    this._form = undefined;
    this._errors = [];
    this._problem = undefined;
    this._saving = false;
    this._status = '';
    this._hasDraft = false;
    this.#loads.reset(!!next && !!next.serviceUserId);
    if (!next || !next.serviceUserId) return;
    void this.#reload();
    return next.client.subscribe({ serviceUserId: next.serviceUserId }, () => void this.#reload());
  }

  /** Loads now; `whenLoaded()` waits for it. */
  #reload(): Promise<void> {
    return this.#loads.track(this.#load());
  }

  async #load(): Promise<void> {
    const scope = this.#scope.current;
    if (!scope || !scope.serviceUserId) return;
    try {
      const loaded = await this.#scope.load(scope, (s) => readPathway(s.client, s.serviceUserId, this.#today, s.signal));
      if (!loaded) return;
      this._loaded = loaded.value;
      this._failed = false;
      this.#loads.settle(false);
      this.#closeIfChanged(loaded.value);
    } catch {
      if (!this.#scope.isCurrent(scope)) return;
      this._failed = true;
      this.#loads.fail();
    }
  }

  /**
   * A form changing a record someone else has changed or removed meanwhile is closed, its draft kept, and the worker
   * told where they are looking; saving it would write over a version they have not seen.
   */
  #closeIfChanged(p: CarePathway): void {
    const f = this._form;
    const target = f?.form === 'progress' ? f.referral : f?.form === 'contact' ? f.editing : undefined;
    if (!f || !target || this._saving) return;
    const now = [...p.contacts, ...p.referrals].find((r) => r.id === target.id);
    if (now && now.version === target.version && !now.enteredInError) return;
    const inside = !!this.shadowRoot?.activeElement?.closest('form.editor');
    this.#flush();
    this._form = undefined;
    this._errors = [];
    this._problem = undefined;
    this._status = this.#l.t('changed-meanwhile');
    if (inside) void this.#focus(f.form === 'progress' ? '#referrals-heading' : '#who-heading');
  }

  #allowed(client: StrClient | undefined): Allowed {
    if (!client) return NONE;
    return {
      edit: client.can('pathway.edit'), suggest: client.can('pathway.suggest'), addReferral: client.can('referral.add'),
      progress: (r) => mayWriteReferral(client.actor, r),
    };
  }

  #flush(): void {
    this.#timer.cancel();
    this.#pending?.();
    this.#pending = undefined;
  }


  /** Opens a form: to add a contact or a referral, to change (or suggest a change to) a contact, or to record progress. */
  async #open(form: PathwayForm['form'], target?: KeyContact | Referral): Promise<void> {
    const scope = this.#scope.current;
    if (!scope) return;
    const key = draftKey(form, scope.serviceUserId, target?.id);
    const kept = (await scope.client.drafts.load<KeptDraft>(key).catch(() => undefined))?.value;
    if (!this.#scope.isCurrent(scope)) return;
    const id = kept?.id ?? crypto.randomUUID();
    if (form === 'contact') {
      const editing = target as KeyContact | undefined;
      const base = editing ? contactDraftOf(editing) : emptyContact();
      this._form = { form, id, base, draft: withTyped(base, kept), ...(editing && { editing }) };
    } else if (form === 'referral') {
      const base = emptyReferral(this.#today);
      this._form = { form, id, base, draft: withTyped(base, kept) };
    } else {
      const referral = target as Referral;
      const base = progressDraftOf(referral);
      this._form = { form, id, base, referral, draft: withTyped(base, kept) };
    }
    this._hasDraft = !!kept;
    this._errors = [];
    this._problem = undefined;
    this._status = '';
    await this.#focus(`#${PREFIX}heading`);
  }

  /** The control that opened a form, for focus to go back to; the section's heading when it is gone. */
  #opener(f: PathwayForm, client: StrClient): string[] {
    if (f.form === 'progress') return [`#progress-${f.referral.id}`, '#referrals-heading'];
    if (f.form === 'referral') return ['#open-referral', '#referrals-heading'];
    if (f.editing) return [client.can('pathway.edit') ? `#change-${f.editing.id}` : `#suggest-change-${f.editing.id}`, '#who-heading'];
    return ['#open-contact', '#who-heading'];
  }

  /** After the next render, focuses the first of `selectors` that is drawn. */
  async #focus(...selectors: readonly string[]): Promise<void> {
    await this.updateComplete;
    for (const sel of selectors) {
      const found = this.renderRoot.querySelector<HTMLElement>(sel);
      if (found) return found.focus();
    }
  }

  #input(e: Event): void {
    const f = this._form;
    const target = e.target as HTMLInputElement;
    if (!f || !target.name) return;
    const draft = { ...f.draft } as Record<string, unknown>;
    draft[FIELD_OF[target.name] ?? target.name] = target.type === 'checkbox' ? target.checked : target.value;
    this._form = { ...f, draft } as unknown as PathwayForm;
    const scope = this.#scope.current;
    if (!scope) return;
    const key = draftKey(f.form, scope.serviceUserId, targetOf(f));
    const value: KeptDraft = { id: f.id, base: f.base, draft };
    this.#pending = () => void scope.client.drafts.save(key, value).then(() => {
      if (this.#scope.isCurrent(scope)) this._hasDraft = true;
    }, () => undefined);
    this.#timer.schedule(() => this.#flush());
  }

  /** What is wrong with the open form, by the SDK's own rules, on `today`. */
  #refusals(f: PathwayForm, serviceUserId: string, editor: boolean, today: string): Refusal[] {
    if (f.form === 'progress') return progressRefusals(f.draft, f.referral, today);
    if (f.form === 'referral') return referralRefusals(f.draft, serviceUserId, f.id, today);
    if (f.editing && editor) return changeRefusals(f.draft, f.editing, today);
    return contactRefusals(f.draft, serviceUserId, f.id, !editor, today);
  }

  /** Sends the open form: one write, with the form's own id for a new record, so a retried save never makes two. */
  async #send(f: PathwayForm, client: StrClient, serviceUserId: string, editor: boolean): Promise<string> {
    const pathway = pathwayClient(client);
    if (f.form === 'progress') {
      await pathway.referrals.update(f.referral.id, progressChanges(f.draft, f.referral), f.referral.version);
      return 'saved-progress';
    }
    if (f.form === 'referral') {
      await pathway.referrals.create(referralInput(f.draft, serviceUserId, f.id));
      return 'saved';
    }
    if (f.editing && editor) {
      await pathway.keyContacts.update(f.editing.id, contactChanges(f.draft, f.editing), f.editing.version);
      return 'saved';
    }
    await pathway.keyContacts.create({ ...contactInput(f.draft, serviceUserId, f.id, !editor), ...(f.editing && { replacesId: f.editing.id }) });
    return editor ? 'saved' : 'saved-suggestion';
  }

  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const f = this._form;
    const scope = this.#scope.current;
    if (!f || !scope || this._saving) return;
    const client = scope.client;
    const editor = client.can('pathway.edit');
    const refusals = this.#refusals(f, scope.serviceUserId, editor, this.#today);
    this._errors = refusals;
    this._problem = undefined;
    if (refusals.length) return this.#focus('.error-summary');
    this._saving = true;
    if (!(await this.#scope.mayWriteFor(scope))) {
      if (!this.#scope.isCurrent(scope)) return;
      this._saving = false;
      this._problem = this.#l.t('not-saved-unknown-person');
      return this.#focus(`#${PREFIX}problem`);
    }
    try {
      const said = await this.#send(f, client, scope.serviceUserId, editor);
      // Saved: its draft goes, whichever person the element shows by now (the key names the person it was for).
      await client.drafts.discard(draftKey(f.form, scope.serviceUserId, targetOf(f))).catch(() => undefined);
      if (!this.#scope.isCurrent(scope)) return;
      this.#timer.cancel();
      this.#pending = undefined;
      this._form = undefined;
      this._hasDraft = false;
      this._status = this.#l.t(said as 'saved');
      await this.#reload();
      await this.#focus(...this.#opener(f, client));
    } catch (err) {
      if (!this.#scope.isCurrent(scope)) return;
      const why = notSavedCase(err);
      const l = this.#l;
      this._problem = why.case === 'invalid'
        ? l.t('save-failed.invalid', { issue: why.issue ? issueSaid(why.issue)(l) : l.t('not-valid') })
        : l.t(`save-failed.${why.case}`);
      await this.#focus(`#${PREFIX}problem`);
    } finally {
      if (this.#scope.isCurrent(scope)) this._saving = false;
    }
  }

  async #cancel(): Promise<void> {
    const f = this._form;
    const client = this.currentClient;
    this.#flush();
    this._form = undefined;
    this._errors = [];
    this._problem = undefined;
    if (f && client) await this.#focus(...this.#opener(f, client));
  }

  async #discard(): Promise<void> {
    const f = this._form;
    const scope = this.#scope.current;
    if (!f || !scope) return;
    this.#timer.cancel();
    this.#pending = undefined;
    await scope.client.drafts.discard(draftKey(f.form, scope.serviceUserId, targetOf(f))).catch(() => undefined);
    if (!this.#scope.isCurrent(scope)) return;
    this._hasDraft = false;
    this._form = undefined;
    await this.#focus(...this.#opener(f, scope.client));
  }

  async #decide(c: KeyContact, verb: 'confirm' | 'decline' | 'retire'): Promise<void> {
    const scope = this.#scope.current;
    if (!scope) return;
    try {
      const contacts = pathwayClient(scope.client).keyContacts;
      await (verb === 'confirm' ? contacts.confirm(c.id, c.version) : verb === 'decline' ? contacts.decline(c.id, c.version) : contacts.update(c.id, { status: 'inactive' }, c.version));
      if (!this.#scope.isCurrent(scope)) return;
      this._status = this.#l.t(verb === 'confirm' ? 'confirmed' : verb === 'decline' ? 'declined' : 'retired', { name: c.name });
    } catch (err) {
      if (!this.#scope.isCurrent(scope)) return;
      const why = notSavedCase(err);
      const l = this.#l;
      this._status = why.case === 'invalid' ? (why.issue ? issueSaid(why.issue)(l) : l.t('not-valid'))
        : why.case === 'conflict' || why.case === 'forbidden' || why.case === 'no-answer' ? l.t(`change-failed.${why.case}`) : l.t('change-failed.other');
    }
    await this.#reload();
    await this.#focus('#who-heading');
  }

  /**
   * Reads the pathway again if the UK day has turned since it was read (a page left open overnight), so waits and the
   * copy's "printed" date are today's. Connected only; resolves once it is drawn.
   */
  async #freshToday(): Promise<void> {
    if (this.currentClient && this._loaded && this._loaded.today !== this.#today) await this.#reload();
  }

  async #showCopy(on: boolean): Promise<void> {
    this._copy = on;
    if (on) await this.#freshToday();
    await this.#focus(on ? '#copy-heading' : '#show-copy');
  }

  async #print(): Promise<void> {
    await this.#freshToday();
    await this.updateComplete;
    window.print();
  }

  #tryAgain(): void {
    this._failed = false;
    this.#loads.reset(true);
    void focusWhatReplaced(this, this.#reload());
  }

  override render() {
    const l = this.#l;
    const client = this.currentClient;
    const p = client ? this._loaded : this.pathway;
    const copy = this.view === 'person' || this._copy;
    if (!this.serviceUserId && client) return html`<div lang=${l.lang}><p class="no-person" role="status">${l.t('no-person')}</p></div>`;
    return html`<div lang=${l.lang}>
      ${copy ? nothing : html`<h2 id="pathway-heading" tabindex="-1">${l.t('heading')}</h2>`}
      ${this._failed && client ? html`<div class="problem" role="alert"><p>${l.t('not-loaded')}</p><button type="button" class="secondary" @click=${() => this.#tryAgain()}>${l.t('try-again')}</button></div>` : nothing}
      ${p ? nothing : html`<p class="status" role="status" aria-live="polite">${client && !this._failed ? l.t('loading') : ''}</p>`}
      ${p && copy ? html`<div part="copy">${renderCopy(l, p, this._large, {
        print: () => void this.#print(),
        ...(this.view !== 'person' && { back: () => void this.#showCopy(false) }),
        large: (on) => (this._large = on),
      })}</div>` : nothing}
      ${p && !copy ? renderTeam({
        l, p, allowed: this.#allowed(client), status: this._status,
        ...(this._form && {
          form: this._form,
          formView: renderForm({
            l, form: this._form, suggesting: !!client && !client.can('pathway.edit'), errors: this._errors, saving: this._saving, hasDraft: this._hasDraft,
            ...(this._problem !== undefined && { problem: this._problem }),
            on: { input: (e) => this.#input(e), save: (e) => void this.#save(e), cancel: () => void this.#cancel(), discard: () => void this.#discard() },
          }),
        }),
        on: {
          open: (form, target) => void this.#open(form, target), confirm: (c) => void this.#decide(c, 'confirm'), decline: (c) => void this.#decide(c, 'decline'),
          retire: (c) => void this.#decide(c, 'retire'), copy: () => void this.#showCopy(true),
        },
      }) : nothing}
    </div>`;
  }
}
