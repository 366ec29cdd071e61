// The contact log's summary and history, drawn from the controller's state: totals, filters, the weeks of contacts
// (virtualised when there are many), each contact's details, versions and actions, and the entered-in-error list.
// First rows wait only for the order (issue 18, docs/adr/0018-work-in-proportion.md): with many contacts the totals
// and rate follow once the rows are drawn, week headings are worked out for the rows on screen, and the virtualizer
// is loaded the first time a long list needs it.
import {
  ATTEND_STATUSES, CONSULTATION_MECHANISMS, contactTotals, didNotAttendRate, instantOf, londonWeekStart, type Contact, type ContactTotals,
} from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { virtualize as Virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import type { ContactLogController } from './contact-log.controller.js';
import { interleave, slots } from '../l10n/slots.js';
import { NO_FILTERS, matchesFilters, type ContactLogFilters } from './contact-log.form.js';
import { attendLabel, durationWords, howLabel, whereLabel, whoLabel, type ContactLogWords } from './contact-log.words.js';

type View = TemplateResult | typeof nothing;
const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** Above this many rows the history is virtualised (only rows near the viewport exist in the DOM). */
export const VIRTUALISE_ABOVE = 200;

/** The summary's figures; worked out once per list of contacts and minute of the clock. */
interface Figures {
  readonly totals: { week: ContactTotals; month: ContactTotals };
  readonly dna: ReturnType<typeof didNotAttendRate>;
}

const figuresOf = (items: readonly Contact[], now: Date): Figures => ({ totals: contactTotals(items, now), dna: didNotAttendRate(items) });

/** The virtualizer, loaded the first time a long list is drawn (a short one never needs it). */
let virtualize: typeof Virtualize | undefined;
let loadingVirtualizer: Promise<typeof Virtualize> | undefined;
function loadVirtualizer(): Promise<typeof Virtualize> {
  loadingVirtualizer ??= import('@lit-labs/virtualizer/virtualize.js').then((m) => (virtualize = m.virtualize));
  return loadingVirtualizer;
}

function summary(figures: Figures | undefined, l: ContactLogWords): View {
  if (!figures) {
    return html`<section part="summary" aria-labelledby="summary-title" class="summary" aria-busy="true">
      <h2 id="summary-title">${l.t('summary')}</h2>
      <p class="hint" id="totals-definition">${l.t('totals-definition')}</p>
      <p class="status">${l.t('working-out')}</p>
      <details><summary>${l.t('dna-how')}</summary><p>${l.t('dna-definition')}</p></details>
    </section>`;
  }
  const { totals, dna } = figures;
  const count = (t: ContactTotals) =>
    l.t('totals', { count: t.contacts, duration: durationWords(l, t.minutes), dna: t.didNotAttend, cancelled: t.cancelled });
  return html`<section part="summary" aria-labelledby="summary-title" class="summary">
    <h2 id="summary-title">${l.t('summary')}</h2>
    <p class="hint" id="totals-definition">${l.t('totals-definition')}</p>
    <dl>
      <div><dt>${l.t('this-week')}</dt><dd>${count(totals.week)}</dd></div>
      <div><dt>${l.t('this-month')}</dt><dd>${count(totals.month)}</dd></div>
      <div><dt>${l.t('dna-rate')}</dt><dd>${dna.rate === undefined ? l.t('dna-none') : l.t('dna-value', { percent: Math.round(dna.rate * 100), notAttended: dna.notAttended, due: dna.due })}</dd></div>
    </dl>
    <details><summary>${l.t('dna-how')}</summary><p>${l.t('dna-definition')}</p></details>
  </section>`;
}

function filters(ctl: ContactLogController, l: ContactLogWords): View {
  const f = ctl.state.filters;
  const input = (key: keyof ContactLogFilters) => (e: Event) => ctl.setFilter(key, valueOf(e));
  return html`<fieldset class="filters">
    <legend>${l.t('filter-legend')}</legend>
    <div class="row">
      <div><label class="field" for="filter-from">${l.t('from')}</label><input id="filter-from" type="date" .value=${live(f.from)} @input=${input('from')} /></div>
      <div><label class="field" for="filter-to">${l.t('to')}</label><input id="filter-to" type="date" .value=${live(f.to)} @input=${input('to')} /></div>
      <div>
        <label class="field" for="filter-mechanism">${l.t('how')}</label>
        <select id="filter-mechanism" .value=${live(f.mechanism)} @change=${input('mechanism')}>
          <option value="">${l.t('any-way')}</option>
          ${CONSULTATION_MECHANISMS.map((m) => html`<option value=${m.code}>${howLabel(l, m.code)}</option>`)}
        </select>
      </div>
      <div>
        <label class="field" for="filter-attendance">${l.t('attendance')}</label>
        <select id="filter-attendance" .value=${live(f.attendance)} @change=${input('attendance')}>
          <option value="">${l.t('any')}</option>
          ${ATTEND_STATUSES.map((a) => html`<option value=${a.code}>${attendLabel(l, a.code)}</option>`)}
        </select>
      </div>
      <div><label class="field" for="filter-search">${l.t('search')}</label><input id="filter-search" type="search" .value=${live(f.search)} @input=${input('search')} /></div>
    </div>
    <button class="secondary" type="button" @click=${() => ctl.clearFilters()}>${l.t('clear-filters')}</button>
  </fieldset>`;
}

/** "5 June 2026, 10:00" in a <time>: how every contact is dated. */
const when = (l: ContactLogWords, c: Contact) => {
  const t = Date.parse(c.start);
  return html`<time datetime=${c.start}>${l.t('date-time', { date: l.date(t), time: l.time(t) })}</time>`;
};

function enteredInError(eie: readonly Contact[], l: ContactLogWords): View {
  if (eie.length === 0) return nothing;
  return html`<details class="eie">
    <summary>${l.t('entered-in-error', { count: eie.length })}</summary>
    <ul class="history">
      ${eie.map((c) => {
        const by = c.enteredInError!;
        const reason = html`<bdi>${by.reason}</bdi>`;
        return html`<li><span class="meta">${when(l, c)} · ${l.t('minutes', { count: c.durationMinutes })}</span>
          <span class="hint">${interleave(l.t('marked-by', { who: by.by, date: l.date(by.at), ...slots({ reason }) }), { reason })}</span>
          ${c.note ? html`<span class="note-full" dir="auto">${c.note}</span>` : nothing}</li>`;
      })}
    </ul>
  </details>`;
}

function rowActions(ctl: ContactLogController, c: Contact, l: ContactLogWords): View {
  if (!ctl.canCorrect(c)) return nothing;
  const marking = ctl.state.marking?.id === c.id ? ctl.state.marking : undefined;
  return html`<div class="actions">
      <button class="secondary" type="button" @click=${() => ctl.startCorrecting(c)}>${l.t('correct')}</button>
      <button class="secondary" type="button" id="mark-${c.id}" @click=${() => ctl.startMarking(c)}>${l.t('mark')}</button>
    </div>
    ${marking
      ? html`<div class="field-group ${marking.error ? 'invalid' : ''}">
          <label class="field" for="eie-${c.id}">${l.t('why-eie')}</label>
          ${marking.error ? html`<span class="error-message" id="eie-${c.id}-error" role="alert"><span class="visually-hidden">${l.t('error-prefix')}</span> ${marking.error(l)}</span>` : nothing}
          <textarea id="eie-${c.id}" .value=${live(marking.reason)} aria-describedby=${marking.error ? `eie-${c.id}-error` : nothing}
            @input=${(e: Event) => ctl.setMarkingReason(c.id, (e.target as HTMLTextAreaElement).value)}></textarea>
          <div class="actions">
            <button class="primary" type="button" @click=${() => ctl.markEnteredInError(c)}>${l.t('mark')}</button>
            <button class="secondary" type="button" @click=${() => ctl.keep(c)}>${l.t('keep')}</button>
          </div>
        </div>`
      : nothing}`;
}

function versions(ctl: ContactLogController, c: Contact, l: ContactLogWords): View {
  if (!ctl.client || c.updatedAt === c.createdAt) return nothing;
  const earlier = ctl.state.versions[c.id];
  if (!earlier) return html`<button class="secondary" type="button" @click=${() => ctl.showVersions(c)}>${l.t('show-versions')}</button>`;
  return html`<h4 id="versions-${c.id}" tabindex="-1">${l.t('earlier-versions')}</h4>
    <ol class="versions">
      ${earlier.map((v) => {
        const parts = { when: when(l, v) };
        const said = l.t('version', { who: v.updatedBy, saved: l.date(v.updatedAt), duration: l.t('minutes', { count: v.durationMinutes }), how: howLabel(l, v.mechanism), ...slots(parts) });
        const note = { note: html`<span class="note-full" dir="auto">${v.note}</span>` };
        return html`<li>${interleave(said, parts)}${v.note ? html`. ${interleave(l.t('version-note', slots(note)), note)}` : nothing}</li>`;
      })}
    </ol>`;
}

function othersPresent(c: Contact, l: ContactLogWords): View | string {
  if (!c.othersPresent.length) return '';
  const people = c.othersPresent.map((o, i) => html`${i ? ', ' : ''}${o.role ? html`<bdi>${o.role}</bdi>` : whoLabel(l, o.kind).toLocaleLowerCase(l.lang)}${
    o.kind === 'interpreter' && c.interpreterLanguage ? html` (<bdi>${c.interpreterLanguage}</bdi>)` : ''}`);
  return html` · ${interleave(l.t('with', slots({ people })), { people })}`;
}

/** One contact: a native details element, so a row opens by keyboard and screen reader for free. */
function row(ctl: ContactLogController, c: Contact, l: ContactLogWords): View {
  const s = ctl.state;
  const open = s.open.has(c.id);
  const name = (actor: string) => s.names.get(actor) ?? actor;
  const tasks = c.taskIds.map((id, i) => html`${i ? '; ' : ''}<bdi>${ctl.tasks.find((x) => x.id === id)?.text ?? l.t('task-gone')}</bdi>`);
  return html`<details .open=${live(open)} @toggle=${(e: Event) => ctl.toggle(c.id, (e.target as HTMLDetailsElement).open)}>
    <summary>
      <span class="meta">${when(l, c)} · ${l.t('minutes', { count: c.durationMinutes })} ·
        ${howLabel(l, c.mechanism)} · ${whereLabel(l, c.locationType)}</span>
      <span class="hint">${attendLabel(l, c.attendance)}${c.planned ? '' : ` · ${l.t('unplanned')}`}${othersPresent(c, l)}</span>
      ${c.note && !open ? html`<span class="note" dir="auto">${c.note.split(/\r?\n/)[0]}</span>` : nothing}
    </summary>
    ${open
      ? html`<div class="full">
          ${c.note ? html`<p class="note-full" dir="auto">${c.note}</p>` : html`<p>${l.t('no-note')}</p>`}
          ${c.taskIds.length ? html`<p class="hint">${interleave(l.t('tasks-worked', slots({ tasks })), { tasks })}</p>` : nothing}
          <p class="hint">${l.t('logged-by', { who: name(c.createdBy), date: l.date(c.createdAt) })}${c.updatedAt !== c.createdAt ? ` · ${l.t('edited-by', { who: name(c.updatedBy), date: l.date(c.updatedAt) })}` : nothing}</p>
          ${versions(ctl, c, l)} ${rowActions(ctl, c, l)}
        </div>`
      : nothing}
  </details>`;
}

/** "Week beginning 1 June 2026", the date in a <time>. */
function weekBeginning(l: ContactLogWords, week: string) {
  const date = html`<time datetime=${week}>${l.date(week)}</time>`;
  return interleave(l.t('week-beginning', slots({ date })), { date });
}

/** Newest first, grouped by UK week (Monday start): a heading per week, then its contacts as a list. */
function weeks(ctl: ContactLogController, sorted: readonly Contact[], l: ContactLogWords): View {
  const byWeek = new Map<string, Contact[]>();
  for (const c of sorted) {
    const week = londonWeekStart(Date.parse(c.start));
    byWeek.set(week, [...(byWeek.get(week) ?? []), c]);
  }
  return html`<div part="history">
    ${[...byWeek].map(
      ([week, items]) => html`<h3 id="week-${week}">${weekBeginning(l, week)}</h3>
        <ul class="history" aria-labelledby="week-${week}">
          ${items.map((c) => html`<li>${row(ctl, c, l)}</li>`)}
        </ul>`,
    )}
  </div>`;
}

/** The history's lists, derived in one pass over the contacts. */
interface Derived {
  readonly all: readonly Contact[];
  readonly filters: ContactLogFilters;
  /** Not entered in error: what the totals count (`all` itself when none is). */
  readonly items: readonly Contact[];
  readonly eie: readonly Contact[];
  /** Those matching the filters, newest first. */
  readonly sorted: readonly Contact[];
}

const LOW = 1 << 14;

/** Indexes into `at`, newest first: one native numeric sort of (distance from the newest) × 2^14 + index. */
function byInstant(at: Float64Array): Uint32Array {
  const n = at.length;
  let newest = -Infinity;
  let oldest = Infinity;
  for (const t of at) {
    newest = Math.max(newest, t);
    oldest = Math.min(oldest, t);
  }
  const order = new Uint32Array(n);
  // Exact while the keys stay under 2^53: up to 16,384 contacts over 8.7 years; otherwise a comparison sort.
  if (n <= LOW && newest - oldest < 2 ** 38) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (newest - at[i]!) * LOW + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % LOW;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => at[b]! - at[a]!);
}

/** Whether `keep` is already newest first, then by id descending (as a store may hand it back): nothing to sort. */
function inOrder(keep: readonly Contact[], at: Float64Array): boolean {
  for (let i = 1; i < at.length; i++) {
    if (at[i]! > at[i - 1]! || (at[i] === at[i - 1] && keep[i]!.id > keep[i - 1]!.id)) return false;
  }
  return true;
}

/** Newest first, then by id (descending) for contacts at the same instant. */
function newestFirst(keep: readonly Contact[]): readonly Contact[] {
  const at = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) at[i] = instantOf(keep[i]!.start);
  if (inOrder(keep, at)) return keep;
  const order = byInstant(at);
  // Contacts at the same instant, by id (rare: a run of them sorted on its own).
  for (let from = 0, k = 1; k <= order.length; k++) {
    if (k < order.length && at[order[k]!] === at[order[from]!]) continue;
    if (k - from > 1) order.set([...order.subarray(from, k)].sort((a, b) => (keep[a]!.id < keep[b]!.id ? 1 : -1)), from);
    from = k;
  }
  const sorted = new Array<Contact>(order.length);
  for (let k = 0; k < order.length; k++) sorted[k] = keep[order[k]!]!;
  return sorted;
}

/** Splits the contacts: those entered in error apart, the rest (`all` itself when none is) and those the filters keep. */
function split(all: readonly Contact[], f: ContactLogFilters): { items: readonly Contact[]; eie: readonly Contact[]; keep: readonly Contact[] } {
  const eie: Contact[] = [];
  for (const c of all) if (c.enteredInError) eie.push(c);
  const items = eie.length === 0 ? all : all.filter((c) => !c.enteredInError);
  return { items, eie, keep: f === NO_FILTERS ? items : items.filter((c) => matchesFilters(c, f)) };
}

/**
 * The history's derived lists and the virtualised rows, kept between renders: sorting and filtering are redone only
 * when the contacts or the filters change (not when a row opens), and the row the worker is on gets focus back when
 * it scrolls back into view.
 */
export class HistoryView {
  readonly #ctl: ContactLogController;
  readonly #root: () => ParentNode & { activeElement?: Element | null };
  readonly #requestUpdate: () => void;
  #view?: Derived;
  #figures?: { items: readonly Contact[]; minute: number; figures: Figures };
  /** Works the pending figures out and draws them (once): run when the long list's first rows are drawn. */
  #figuresPending?: () => void;
  /** The row the worker is on, so focus can come back to it when it scrolls back into view. */
  #focusedRow: string | undefined;

  constructor(ctl: ContactLogController, root: () => ParentNode & { activeElement?: Element | null }, requestUpdate: () => void) {
    this.#ctl = ctl;
    this.#root = root;
    this.#requestUpdate = requestUpdate;
  }

  #derive(all: readonly Contact[]): Derived {
    const f = this.#ctl.state.filters;
    if (this.#view && this.#view.all === all && this.#view.filters === f) return this.#view;
    const { items, eie, keep } = split(all, f);
    this.#view = { all, filters: f, items, eie, sorted: newestFirst(keep) };
    return this.#view;
  }

  /**
   * The totals and rate for these contacts now. A long list draws its first rows first: the figures are worked out
   * in a task once the virtualizer has drawn rows (or five seconds after the next frame if it never does), or
   * after the next frame when the rows are not virtualised; a short one has them at once.
   */
  #figuresFor(items: readonly Contact[], now: Date, virtual: boolean): Figures | undefined {
    const minute = Math.floor(now.getTime() / 60_000);
    const kept = this.#figures;
    if (kept && kept.items === items && kept.minute === minute) return kept.figures;
    if (items.length <= VIRTUALISE_ABOVE) return (this.#figures = { items, minute, figures: figuresOf(items, now) }).figures;
    if (!this.#figuresPending) {
      let fallback: ReturnType<typeof setTimeout> | undefined;
      const job = () => {
        clearTimeout(fallback); // nor does the timer keep a list that has gone (and its contacts) for five seconds
        if (this.#figuresPending !== job) return;
        this.#figuresPending = undefined;
        this.#figures = { items, minute, figures: figuresOf(items, now) };
        this.#requestUpdate();
      };
      this.#figuresPending = job;
      requestAnimationFrame(() => {
        if (this.#figuresPending === job) fallback = setTimeout(job, virtual ? 5000 : 0);
      });
    }
    return kept?.items === items ? kept.figures : undefined;
  }

  /** After the virtualizer drew rows: the pending figures, in a task of their own. */
  #rowsDrawn() {
    const job = this.#figuresPending;
    if (job) setTimeout(job);
    this.#restoreRowFocus();
  }

  /** The summary, then the history (loading, failed, empty, filtered), then the entered-in-error list. */
  render(now: Date, l: ContactLogWords): View {
    const ctl = this.#ctl;
    const { items, eie, sorted } = this.#derive(ctl.contacts);
    const status = ctl.client ? ctl.loads.status : 'ready';
    const virtual = status === 'ready' && sorted.length > VIRTUALISE_ABOVE;
    return html`${summary(this.#figuresFor(items, now, virtual), l)}<section aria-labelledby="history-title">
      <h2 id="history-title">${l.t('contacts')}</h2>
      ${ctl.client ? unreadableNotice(ctl.state.unreadable, l.unreadable()) : nothing}
      ${status === 'loading'
        ? html`<p class="status" role="status">${l.t('loading')}</p>`
        : status === 'error'
        ? html`<p>${l.t('load-failed')}</p>`
        : items.length === 0
        ? html`<p>${l.t('none')}</p>`
        : html`${filters(ctl, l)}
            <p class="count">${l.t('showing', { shown: sorted.length, count: items.length })}</p>
            ${sorted.length === 0 ? html`<p>${l.t('no-match')}</p>` : virtual ? this.#virtual(sorted, l) : weeks(ctl, sorted, l)}`}
      ${enteredInError(eie, l)}
    </section>`;
  }

  /**
   * Thousands of contacts: only rows near the viewport exist. Each row still says where it is in the whole list
   * (aria-posinset / aria-setsize), and the first row of a week carries the week heading, worked out as the row is
   * drawn (newest first: a row starts a week when the row before it is in another week).
   */
  #virtual(sorted: readonly Contact[], l: ContactLogWords): View {
    const total = sorted.length;
    const afterRender = () => requestAnimationFrame(() => this.#rowsDrawn());
    if (!virtualize) void loadVirtualizer().then(() => this.#requestUpdate());
    const weekAt = (i: number) => londonWeekStart(instantOf(sorted[i]!.start));
    const weekStarting = (i: number) => {
      const week = weekAt(i);
      return i === 0 || weekAt(i - 1) !== week ? week : undefined;
    };
    return html`<div part="history" class="virtual" role="list" aria-label=${l.t('contacts-newest-first')} tabindex="-1"
      @focusin=${(e: FocusEvent) => this.#onRowFocus(e)} @focusout=${(e: FocusEvent) => this.#onRowBlur(e)} @rangeChanged=${afterRender} @visibilityChanged=${afterRender}>
      ${virtualize
        ? virtualize({
            items: sorted as Contact[], // read, never changed, by the virtualizer (it may be the host's own array)
            scroller: true,
            keyFunction: (c) => c.id,
            renderItem: (c, i) => {
              const week = weekStarting(i);
              return html`<div role="listitem" class="vrow" aria-posinset=${i + 1} aria-setsize=${total} data-id=${c.id}>
                ${week ? html`<h3 class="vweek">${weekBeginning(l, week)}</h3>` : nothing}
                ${row(this.#ctl, c, l)}
              </div>`;
            },
          })
        : nothing}
    </div>`;
  }

  #onRowFocus(e: FocusEvent) {
    const at = (e.target as Element).closest?.('[data-id]');
    if (at) this.#focusedRow = at.getAttribute('data-id') ?? undefined;
  }

  #onRowBlur(e: FocusEvent) {
    // Focus moved somewhere else on purpose (not lost because the row scrolled away and was recycled).
    const to = e.relatedTarget as Node | null;
    if (to && !(e.currentTarget as Element).contains(to)) this.#focusedRow = undefined;
  }

  /** The virtualizer announces a new range before it renders the rows: look once they are in the DOM. */
  #restoreRowFocus() {
    const id = this.#focusedRow;
    if (!id) return;
    const inside = this.#root().activeElement;
    if (inside?.closest('[data-id]')?.getAttribute('data-id') === id) return; // still on it
    // Only when focus was lost with the recycled row (to the page, or to the list itself), never when the worker went elsewhere.
    const lost = inside ? inside.classList.contains('virtual') : document.activeElement === document.body;
    if (!lost) return;
    this.#root().querySelector<HTMLElement>(`[data-id="${id}"] summary`)?.focus({ preventScroll: true });
  }
}
