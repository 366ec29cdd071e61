// The open alerts across the people a care co-ordinator or team lead sees (issue 8, split out in issue 17), shared by
// <str-alert-inbox> and <str-relapse-signs view="alerts">. Oldest first; an alert open longer than the overdue hours
// is flagged with the person's crisis contacts. Worked by keyboard in a few presses an alert: a list of links at the
// top goes straight to an alert's "What was done"; each alert is an article named by its heading; after an
// acknowledgement focus returns to the list's heading, one Tab from the next alert's link.
import { type Alert, type Clock, type CrisisContact, type StrClient } from '@strkit/sdk';
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isDeviceFull, whyNotSaved } from '../internal/error-words.js';
import { requestIntent, notifyRecord } from '../internal/events.js';
import type { LeaveGuard } from '../internal/leave-guard.js';
import type { LoadState } from '../internal/load-state.js';
import type { PersonScope } from '../internal/person-scope.js';
import { place } from '../l10n/place.js';
import type { AlertInboxWords } from './alert-inbox.messages.js';
import type { Said } from './relapse-records.js';
import type { AlertAcknowledgeDetail, AlertAcknowledgedDetail } from './relapse-signs.events.js';

export interface AlertRow {
  readonly alert: Alert;
  readonly person: string;
  readonly contacts: readonly CrisisContact[];
}

/** What the element holding the inbox gives it. */
export interface AlertInboxHost {
  readonly client: () => StrClient | undefined;
  readonly scope: PersonScope;
  readonly loads: LoadState;
  readonly leaving: LeaveGuard;
  readonly clock: () => Clock;
  /** The words, in the active locale. */
  readonly l: AlertInboxWords;
  /** Controlled mode: the alerts, the people's names and (for their crisis contacts) a plan, as given. */
  readonly given: () => { alerts: readonly Alert[]; people: Readonly<Record<string, string>>; contacts?: { serviceUserId: string; contacts: readonly CrisisContact[] } };
  readonly readonly: () => boolean;
  readonly overdueHours: () => number;
  /** Puts a message in the element's one status region. */
  readonly say: (status: Said) => void;
  /** Shows a problem the element reports in its alert region. */
  readonly problem: (text: Said) => void;
}

const WEEK_MS = 7 * 86_400_000;
const crisisList = (contacts: readonly CrisisContact[]) =>
  html`<ul>${contacts.map((x) => html`<li><span class="sign-text" dir="auto">${x.who}</span>: <span class="response" dir="auto">${x.how}</span></li>`)}</ul>`;

export class AlertInbox {
  /** Loaded (connected mode): open alerts, oldest first; undefined while loading. */
  #open?: readonly AlertRow[];
  /** Alerts acknowledged in the last 7 days, with what was done. */
  #done: readonly AlertRow[] = [];
  /** Worker names by sign-in id, for "raised by" and "acknowledged by". */
  #names: ReadonlyMap<string, string> = new Map();
  #text: Readonly<Record<string, string>> = {};
  #error?: { id: string; message: Said };
  #saving = false;
  /** The last load failed: the element says so; neither "loading" nor "no open alerts" is claimed. */
  #failed = false;
  readonly #el: LitElement;
  readonly #h: AlertInboxHost;

  constructor(el: LitElement, host: AlertInboxHost) {
    this.#el = el;
    this.#h = host;
  }

  /** A new person, client or actor: nothing of the previous one's stays. */
  clear(): void {
    this.#open = undefined;
    this.#done = [];
    this.#text = {};
    this.#error = undefined;
    this.#failed = false;
  }

  async load(): Promise<void> {
    const current = this.#h.scope.current;
    if (!current) return;
    try {
      const loaded = await this.#h.scope.load(current, ({ client: c, serviceUserId, signal }) => this.#fetch(c, serviceUserId, signal));
      if (!loaded) return; // for a person or actor this element no longer shows: dropped
      const { open, done, names, people } = loaded.value;
      this.#names = names;
      // Oldest first: the one waiting longest is the one to act on.
      this.#open = [...open].reverse().map((alert) => ({ alert, ...people.get(alert.serviceUserId)! }));
      this.#done = done.map((alert) => ({ alert, ...people.get(alert.serviceUserId)! }));
      this.#failed = false;
      this.#el.requestUpdate();
    } catch {
      this.#failed = true;
      this.#h.problem(() => this.#h.l.t('alerts-not-loaded'));
    }
  }

  async #fetch(c: StrClient, serviceUserId: string, signal: AbortSignal) {
    const scope = serviceUserId ? { serviceUserId } : {};
    const open = (await c.alerts.list({ status: 'open', limit: 10_000, signal, ...scope })).items;
    const weekAgo = this.#h.clock().now().getTime() - WEEK_MS;
    const done = (await c.alerts.list({ status: 'acknowledged', limit: 10_000, signal, ...scope })).items.filter((a) => a.acknowledged && Date.parse(a.acknowledged.at) >= weekAgo);
    const names = this.#names.size ? this.#names : new Map((await c.workers.list({ limit: 10_000, signal }).catch(() => ({ items: [] }))).items.map((w) => [w.actorId ?? w.id, w.name]));
    const people = new Map<string, { person: string; contacts: readonly CrisisContact[] }>();
    for (const a of [...open, ...done]) {
      if (people.has(a.serviceUserId)) continue;
      const [person, plan] = await Promise.all([c.serviceUsers.get(a.serviceUserId).catch(() => undefined), c.warningSignPlans.current(a.serviceUserId).catch(() => undefined)]);
      people.set(a.serviceUserId, { person: person?.displayName ?? this.#h.l.t('person-not-on-caseload'), contacts: plan?.contacts ?? [] });
    }
    return { open, done, names, people };
  }

  /** Controlled mode: the alerts given, as the inbox shows them (oldest open first; acknowledged this week). */
  #given(): { open: AlertRow[]; done: AlertRow[] } {
    const { alerts, people, contacts } = this.#h.given();
    const weekAgo = this.#h.clock().now().getTime() - WEEK_MS;
    const row = (alert: Alert): AlertRow => ({
      alert, person: people[alert.serviceUserId] ?? this.#h.l.t('person-not-named'), contacts: contacts?.serviceUserId === alert.serviceUserId ? contacts.contacts : [],
    });
    const open = alerts.filter((a) => a.status === 'open').sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt)).map(row);
    const done = alerts.filter((a) => a.status === 'acknowledged' && a.acknowledged && Date.parse(a.acknowledged.at) >= weekAgo).map(row);
    return { open, done };
  }

  async #focus(selector: string) {
    await this.#el.updateComplete;
    this.#el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async acknowledge(row: AlertRow): Promise<void> {
    const id = row.alert.id;
    const typed = this.#text[id] ?? '';
    if (!typed.trim()) {
      this.#error = { id, message: () => this.#h.l.t('enter-what-done') };
      this.#el.requestUpdate();
      return this.#focus(`#ack-${id}`);
    }
    this.#error = undefined;
    const c = this.#h.client();
    if (!c) {
      const detail: AlertAcknowledgeDetail = { alertId: id, expectedVersion: row.alert.version, serviceUserId: row.alert.serviceUserId, action: typed };
      if (requestIntent(this.#el, 'str-alert-acknowledge', detail)) {
        this.#text = { ...this.#text, [id]: '' };
        this.#h.say(() => this.#h.l.t('ack-sent', { person: row.person }));
      }
      this.#el.requestUpdate();
      return;
    }
    this.#saving = true;
    this.#el.requestUpdate();
    try {
      const saved = await c.alerts.acknowledge(id, typed, row.alert.version);
      this.#h.leaving.set(false);
      const detail: AlertAcknowledgedDetail = { type: 'alert', id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId };
      notifyRecord(this.#el, 'str-alert-acknowledged', detail);
      this.#h.say(() => this.#h.l.t('ack-done', { person: row.person }));
      await this.load();
      await this.#focus('#alerts-heading');
    } catch (err) {
      if (isDeviceFull(err)) this.#h.leaving.set(true);
      const conflict = this.#h.l.t('ack-conflict');
      this.#error = { id, message: whyNotSaved(err, { what: 'the acknowledgement', kept: 'What you typed is still here', conflict }) };
      await this.load();
    } finally {
      this.#saving = false;
      this.#el.requestUpdate();
    }
    // Refused: focus goes to the box, which keeps what was typed and is described by why (a screen reader says it);
    // if the alert left the list (acknowledged elsewhere), to the list's heading.
    if (this.#error?.id !== id) return;
    await this.#el.updateComplete;
    const root = this.#el.renderRoot;
    (root.querySelector<HTMLElement>(`#ack-${id}`) ?? root.querySelector<HTMLElement>('#alerts-heading'))?.focus();
  }

  render(): TemplateResult {
    const given = this.#h.client() ? undefined : this.#given();
    const rows = given ? given.open : this.#open;
    const done = given ? given.done : this.#done;
    const c = this.#h.client();
    const canAck = !this.#h.readonly() && (!c || c.can('alert.acknowledge'));
    const l = this.#h.l;
    return html`<section part="alerts" aria-labelledby="alerts-heading" lang=${l.lang}>
      <h2 id="alerts-heading" tabindex="-1">${l.t('alerts-heading')}</h2>
      ${this.#failed && !given ? nothing : !rows ? html`<p class="status" role="status">${l.t('alerts-loading')}</p>` : rows.length === 0 ? html`<p>${l.t('alerts-none')}</p>` : nothing}
      ${rows && rows.length > 1 ? this.#skipLinks(rows, canAck) : nothing}
      <ul class="alert-list">${(rows ?? []).map((row, i) => this.#renderOpen(row, i, rows!.length, canAck))}</ul>
      ${done.length
        ? html`<h2>${l.t('alerts-done')}</h2>
          <ul class="alert-list">${done.map((row) => this.#renderDone(row))}</ul>`
        : nothing}
    </section>`;
  }

  /** One link an alert, so the 20th is two presses away, not 60 (issue 17: 151 Tab presses to acknowledge one). */
  #skipLinks(rows: readonly AlertRow[], canAck: boolean) {
    const l = this.#h.l;
    return html`<nav class="skip-links" aria-label=${l.t('go-to-alert')}><ul>${rows.map((row, i) => html`<li><a href="#alert-${row.alert.id}" @click=${(e: Event) => {
      e.preventDefault();
      void this.#focus(canAck ? `#ack-${row.alert.id}` : `#alert-${row.alert.id}`);
    }}>${place(l.t('alert-link', { n: i + 1, of: rows.length, date: l.date(row.alert.raisedAt) }), { person: html`<bdi>${row.person}</bdi>` })}</a></li>`)}</ul></nav>`;
  }

  #renderOpen(row: AlertRow, i: number, of: number, canAck: boolean) {
    const a = row.alert;
    const hours = (this.#h.clock().now().getTime() - Date.parse(a.raisedAt)) / 3_600_000;
    const overdueHours = this.#h.overdueHours();
    const overdue = hours > overdueHours;
    const l = this.#h.l;
    const when = html`<time datetime=${a.raisedAt}>${l.dateTime(Date.parse(a.raisedAt))}</time>`;
    return html`<li class="alert ${overdue ? 'overdue' : ''}"><article id="alert-${a.id}" tabindex="-1" aria-labelledby="alert-${a.id}-heading" aria-describedby="alert-${a.id}-place">
      <h3 id="alert-${a.id}-heading"><bdi>${row.person}</bdi></h3>
      <span class="visually-hidden" id="alert-${a.id}-place">${l.t('alert-place', { n: i + 1, of })}</span>
      ${overdue ? html`<p class="flag"><strong>${l.t('overdue')}</strong> ${l.t('overdue-for', { count: Math.floor(hours), limit: overdueHours })}</p>` : nothing}
      <p class="hint">${place(l.t('raised'), { when, who: html`<bdi>${this.#names.get(a.raisedBy) ?? a.raisedBy}</bdi>` })}</p>
      <p class="sign-text reason" dir="auto" lang="en-GB">${a.reason}</p>
      ${a.note ? html`<p>${l.t('note')} <span class="sign-text" dir="auto">${a.note}</span></p>` : nothing}
      ${overdue && row.contacts.length ? html`<p>${l.t('crisis-contacts')}</p>${crisisList(row.contacts)}` : nothing}
      ${canAck ? this.#ackForm(row) : nothing}
    </article></li>`;
  }

  #ackForm(row: AlertRow) {
    const a = row.alert;
    const l = this.#h.l;
    const said = this.#error?.id === a.id ? this.#error.message : undefined;
    const err = typeof said === 'function' ? said() : said;
    return html`<div class="field-group ${err ? 'invalid' : ''}">
        <label class="field" for="ack-${a.id}">${l.t('what-done')}<span class="visually-hidden"> ${l.t('what-done-for', { person: row.person })}</span></label>
        ${err ? html`<span class="error-message" id="ack-${a.id}-error"><span class="visually-hidden">${l.t('error-prefix')}</span> ${err}</span>` : nothing}
        <textarea id="ack-${a.id}" rows="2" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `ack-${a.id}-error` : nothing}
          .value=${live(this.#text[a.id] ?? '')} @input=${(e: Event) => (this.#text = { ...this.#text, [a.id]: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
      <button type="button" class="primary" ?disabled=${this.#saving} @click=${() => void this.acknowledge(row)}>${l.t('acknowledge')}<span class="visually-hidden"> ${l.t('acknowledge-for', { person: row.person })}</span></button>`;
  }

  #renderDone({ alert: a, person }: AlertRow) {
    const ack = a.acknowledged!;
    const l = this.#h.l;
    const parts = {
      when: html`<time datetime=${ack.at}>${l.dateTime(Date.parse(ack.at))}</time>`,
      who: html`<bdi>${this.#names.get(ack.by) ?? ack.by}</bdi>`,
      action: html`<span class="response" dir="auto">${ack.action}</span>`,
    };
    return html`<li class="alert done">
      <h3><bdi>${person}</bdi></h3>
      <p class="sign-text reason" dir="auto" lang="en-GB">${a.reason}</p>
      <p>${place(l.t('acknowledged'), parts)}</p>
    </li>`;
  }
}
