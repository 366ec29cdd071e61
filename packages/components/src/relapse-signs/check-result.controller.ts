// What a saved check means, and the alert it may send (issue 8, split out in issue 17), for <str-relapse-check> and
// <str-relapse-signs>: the rule's reasons, the agreed responses and who to contact; "Send an alert" with an optional
// note. One outbox for an alert (ADR 0011): where the client has a sync outbox (`client.sync`), the alert is written
// to the device store and its outbox at once, and that is its only copy. On a plain store (memory, FHIR) it is kept
// on the device (the drafts) before it is sent, shown as "not sent" until the store has it, and sent again with the
// same id, so a lost reply never sends it twice; so too where the sync outbox itself refused it (hazard H04). With a
// sync outbox the alert is called sent only once the record system has it: until then (offline) the worker is told
// loudly that it waits on this device, the co-ordinator has not been told, and whom to contact (alert-waiting.ts).
import { ALERT_NOTE_MAX, responsesFor, type AlertInput, type Clock, type RuleResult, type SignCheck, type StrClient, type SyncEngine, type WarningSignPlan } from '@strkit/sdk';
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { notifyRecord, requestIntent } from '../internal/events.js';
import { focusIfLost } from '../internal/focus-after.js';
import type { PersonScope, Scope } from '../internal/person-scope.js';
import type { LocaleController } from '../l10n/controller.js';
import { noteWords, reasonWords } from '../l10n/rules.js';
import type { RuleMessages } from '../l10n/rules.messages.js';
import type { RelapseCheckWords } from './relapse-check.messages.js';
import type { Said } from './relapse-records.js';
import type { AlertRaiseDetail, AlertRaisedDetail } from './relapse-signs.events.js';
import { confirmedAlerts, contactList, pushAndConfirm, renderAlertWaiting } from './alert-waiting.js';

/** An alert the worker confirmed, kept on the device until the store has it. */
interface PendingAlert {
  readonly alert: AlertInput & { readonly id: string };
  readonly serviceUserId: string;
  readonly savedAt: string;
}

export interface CheckResultHost {
  readonly client: () => StrClient | undefined;
  readonly scope: PersonScope;
  readonly clock: () => Clock;
  /** The words, and the rule's reasons and notes, in the active locale. */
  readonly l: RelapseCheckWords;
  readonly rules: LocaleController<RuleMessages>;
  /** May this element send alerts (its role, and not read-only)? */
  readonly mayRaise: () => boolean;
  readonly say: (status: Said) => void;
}

/** The key of the one device copy of an alert not yet stored. */
export const OUTBOX = 'relapse-signs:alert:';
const outboxKey = (serviceUserId: string, alertId: string) => `${OUTBOX}${serviceUserId}:${alertId}`;
const newId = () => crypto.randomUUID();

export class CheckResult {
  /** The last saved check and what the rule made of it. */
  #result?: { check: SignCheck; result: RuleResult; alertId?: string };
  #note = '';
  /** The note's length when it was refused as too long (the message is said in the active locale). */
  #noteError?: number;
  #sending = false;
  /** Alerts confirmed on this device but not yet stored: shown as "not sent" until they are. */
  #pending: readonly PendingAlert[] = [];
  #sent: ReadonlySet<string> = new Set();
  /** Alerts stored with no owner (no co-ordinator, care team or team lead): nobody will receive them. */
  #unowned: ReadonlySet<string> = new Set();
  /** Alerts written to a synced store but not yet in the record system: the co-ordinator has not been told. */
  #waiting: ReadonlySet<string> = new Set();
  /** While alerts wait: the sync engine watched for the push that confirms them, and how to stop watching. */
  #watch?: { readonly sync: SyncEngine; readonly stop: () => void };
  readonly #el: LitElement;
  readonly #h: CheckResultHost;

  constructor(el: LitElement, host: CheckResultHost) {
    this.#el = el;
    this.#h = host;
  }

  /** Shows what a just-saved check means. */
  show(check: SignCheck, result: RuleResult): void {
    this.#result = { check, result };
    this.#el.requestUpdate();
    void this.#el.updateComplete.then(() => this.#el.renderRoot.querySelector<HTMLElement>('[part=result] h3')?.focus());
  }

  /** The worker changed the check: the last result no longer describes what is on screen. */
  hide(): void {
    this.#result = undefined;
  }

  /** A new person, client or actor. */
  clear(): void {
    this.#result = undefined;
    this.#note = '';
    this.#pending = [];
    this.#sent = new Set();
    this.#waiting = new Set();
    this.#unwatch();
  }

  async #focus(selector: string) {
    await this.#el.updateComplete;
    this.#el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async raise(): Promise<void> {
    const r = this.#result;
    if (!r) return;
    // Refused here, in words, before it is kept to send: the SDK would refuse it on every retry.
    if (this.#note.length > ALERT_NOTE_MAX) {
      this.#noteError = this.#note.length;
      this.#el.requestUpdate();
      return this.#focus('#alert-note');
    }
    this.#noteError = undefined;
    // The reasons, and why the rise rule could not compare when it could not: the co-ordinator reads both.
    const reason = [...r.result.reasons.map((x) => x.text), ...(r.result.note ? [r.result.note] : [])].join('\n');
    const alert = { id: r.alertId ?? newId(), checkId: r.check.id, reason, note: this.#note };
    this.#result = { ...r, alertId: alert.id };
    this.#el.requestUpdate();
    const c = this.#h.client();
    if (!c) {
      const detail: AlertRaiseDetail = { alert };
      if (requestIntent(this.#el, 'str-alert-raise', detail)) {
        this.#sent = new Set([...this.#sent, alert.id]);
        this.#h.say(() => this.#h.l.t('alert-sent'));
        void focusIfLost(this.#el, 'p.status');
      }
      return;
    }
    const pending: PendingAlert = { alert, serviceUserId: r.check.serviceUserId, savedAt: new Date(this.#h.clock().now()).toISOString() };
    // A plain store: kept on the device first, so whatever happens to the send the alert is not lost and is shown
    // until it is stored. A synced store's own outbox keeps it (the write lands on the device and in the outbox).
    if (!c.sync) await this.#keep(c, pending);
    this.#pending = [...this.#pending.filter((p) => p.alert.id !== alert.id), pending];
    await this.#send(pending);
  }

  /** The device copy of an alert not yet stored. */
  async #keep(c: StrClient, p: PendingAlert): Promise<void> {
    await c.drafts.save(outboxKey(p.serviceUserId, p.alert.id), p).catch(() => undefined);
  }

  /** Sends a confirmed alert. The same id every time, so a retry after a lost reply never sends it twice. */
  async #send(p: PendingAlert) {
    const c = this.#h.client();
    if (!c || this.#sending) return;
    this.#sending = true;
    this.#h.say(() => this.#h.l.t('sending-alert'));
    try {
      const { reason: _shown, ...input } = p.alert; // the client works the reason out from the rule itself
      const saved = await c.alerts.create(input);
      await c.drafts.discard(outboxKey(p.serviceUserId, p.alert.id)).catch(() => undefined);
      this.#pending = this.#pending.filter((x) => x.alert.id !== p.alert.id);
      if (!saved.owner) this.#unowned = new Set([...this.#unowned, saved.id]);
      const detail: AlertRaisedDetail = { type: 'alert', id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId, checkId: saved.checkId };
      notifyRecord(this.#el, 'str-alert-raised', detail);
      // With a sync outbox the write is only on this device until a push confirms it (a short wait, never long).
      if (c.sync && saved.owner && !(await pushAndConfirm(c.sync, saved.id))) return this.#wait(c.sync, saved.id);
      this.#sent = new Set([...this.#sent, saved.id]);
      const said = saved.owner ? 'alert-sent' : 'alert-unowned';
      this.#h.say(() => this.#h.l.t(said));
      // "Send an alert" is replaced by the result, which drops its focus: the worker lands on the news instead.
      void focusIfLost(this.#el, 'p.status');
    } catch {
      // Refused even by the device (a synced store that could not write it): the device copy is its last resort.
      if (c.sync) await this.#keep(c, p);
      this.#h.say('');
      this.#sending = false;
      await this.#focus('.outbox');
    } finally {
      this.#sending = false;
      this.#el.requestUpdate();
    }
  }

  /** The alert is on this device and in the sync outbox only: say so loudly, and watch for the push that sends it. */
  #wait(sync: SyncEngine, id: string) {
    this.#waiting = new Set([...this.#waiting, id]);
    this.#h.say(() => this.#h.l.t('waiting-status'));
    if (this.#watch?.sync !== sync) {
      this.#unwatch();
      this.#watch = { sync, stop: sync.subscribe(() => void this.#recheck(sync)) };
    }
    void focusIfLost(this.#el, '[part=alert-waiting]');
  }

  /** After a sync state change: the waiting alerts the record system now has are sent. */
  async #recheck(sync: SyncEngine) {
    const done = await confirmedAlerts(sync, [...this.#waiting]);
    if (this.#watch?.sync !== sync || !done.length) return;
    this.#waiting = new Set([...this.#waiting].filter((id) => !done.includes(id)));
    this.#sent = new Set([...this.#sent, ...done]);
    if (!this.#waiting.size) this.#unwatch();
    this.#h.say(() => this.#h.l.t('alert-sent'));
    this.#el.requestUpdate();
    // The notice that held focus is replaced: the worker lands on the news, unless they have moved on.
    void focusIfLost(this.#el, 'p.status', '[part=alert-waiting]');
  }

  #unwatch() {
    this.#watch?.stop();
    this.#watch = undefined;
  }

  /** Alerts confirmed on this device that the store does not have yet (a failed send, then a reload). */
  async loadOutbox(scope: Scope): Promise<void> {
    try {
      const loaded = await this.#h.scope.load(scope, async ({ client: c, serviceUserId }) => {
        const prefix = `${OUTBOX}${serviceUserId}:`;
        const drafts = (await c.drafts.list()).filter((d) => d.key.startsWith(prefix));
        const pending: PendingAlert[] = [];
        for (const d of drafts) {
          const p = d.value as PendingAlert;
          const stored = await c.alerts.get(p.alert.id).catch(() => undefined);
          if (stored) await c.drafts.discard(d.key).catch(() => undefined); // it did arrive; the reply was lost
          else pending.push(p);
        }
        return pending;
      });
      if (loaded) this.#pending = loaded.value;
      this.#el.requestUpdate();
    } catch {
      // The drafts could not be read; nothing to show.
    }
  }

  renderOutbox(plan: WarningSignPlan): TemplateResult | typeof nothing {
    if (!this.#pending.length) return nothing;
    const l = this.#h.l;
    return html`<section class="outbox problem" role="alert" tabindex="-1" aria-labelledby="outbox-heading">
      <h3 id="outbox-heading">${l.t('not-sent', { count: this.#pending.length })}</h3>
      ${this.#pending.map((p) => html`<div class="pending">
        <p class="sign-text reason" dir="auto" lang="en-GB">${p.alert.reason}</p>
        <p class="hint">${l.t('confirmed', { date: l.date(p.savedAt), time: l.time(Date.parse(p.savedAt)) })}</p>
        <button type="button" class="primary" ?disabled=${this.#sending} @click=${() => void this.#send(p)}>${l.t('send-again')}</button>
      </div>`)}
      ${plan.contacts.length ? html`<p>${l.t('contact-if-not-sent')}</p>${contactList(plan.contacts)}` : nothing}
    </section>`;
  }

  render(plan: WarningSignPlan): TemplateResult | typeof nothing {
    const r = this.#result;
    if (!r) return nothing;
    const { result } = r;
    const responses = responsesFor(plan, result);
    const { l, rules } = this.#h;
    const sign = (id: string) => plan.signs.find((s) => s.id === id)?.text.trim() ?? id;
    const note = noteWords(rules, result, sign);
    const total = result.baseline.source !== 'none' ? l.t('total-baseline', { total: result.total, baseline: result.baseline.value }) : l.t('total', { total: result.total });
    return html`<section part="result" class="result ${result.fires ? 'fires' : ''}" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${l.t(result.fires ? 'result-fires' : 'result-not')}</h3>
      <p>${total}${note ? ` ${note}.` : ''}</p>
      ${result.fires
        ? html`<h4>${l.t('why')}</h4><ul>${result.reasons.map((x) => html`<li>${reasonWords(rules, x, sign)}</li>`)}</ul>
          ${responses.length ? html`<h4>${l.t('what-agreed')}</h4><ul>${responses.map((x) => html`<li><span class="sign-text" dir="auto">${x.sign}</span>: <span class="response" dir="auto">${x.response}</span></li>`)}</ul>` : nothing}
          ${plan.contacts.length ? html`<h4>${l.t('who-contact')}</h4>${contactList(plan.contacts)}` : nothing}
          ${this.#h.mayRaise() ? this.#renderSend(plan, r.alertId) : nothing}`
        : nothing}
    </section>`;
  }

  #renderSend(plan: WarningSignPlan, alertId: string | undefined) {
    const l = this.#h.l;
    const err = this.#noteError === undefined ? '' : l.t('note-too-long', { max: ALERT_NOTE_MAX, length: this.#noteError });
    return html`<div class="field-group ${err ? 'invalid' : ''}"><label class="field" for="alert-note">${l.t('alert-note')}</label>
        <span class="hint" id="alert-note-hint">${l.t('alert-note-hint', { max: ALERT_NOTE_MAX })}</span>
        ${err ? html`<span class="error-message" id="alert-note-error" role="alert"><span class="visually-hidden">${l.t('error-prefix')}</span> ${err}</span>` : nothing}
        <textarea id="alert-note" rows="2" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? 'alert-note-hint alert-note-error' : 'alert-note-hint'}
          .value=${live(this.#note)} @input=${(e: Event) => {
            this.#note = (e.target as HTMLTextAreaElement).value;
            this.#noteError = undefined;
            this.#el.requestUpdate();
          }}></textarea></div>
      ${alertId && this.#unowned.has(alertId)
        ? html`<div class="problem" role="alert" part="unowned">
            <h4>${l.t('unowned-heading')}</h4>
            <p>${l.t('unowned-body')}</p>
            ${plan.contacts.length ? html`<p>${l.t('crisis-contacts')}</p>${contactList(plan.contacts)}` : html`<p>${l.t('no-crisis-contacts')}</p>`}
          </div>`
        : alertId && this.#waiting.has(alertId)
          ? renderAlertWaiting(l, plan)
          : alertId && this.#sent.has(alertId)
          ? html`<p><strong>${l.t('alert-sent-done')}</strong></p>`
          : html`<button type="button" class="primary" ?disabled=${this.#sending || this.#pending.some((p) => p.alert.id === alertId)} @click=${() => void this.raise()}>${l.t('send-alert')}</button>`}`;
  }
}
