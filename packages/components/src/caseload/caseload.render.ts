// How <str-caseload> draws: the counts, the filters and the people (issue 21). Functions of what the element holds,
// so the element keeps the state and the loading, and this file only the markup.
import type { PersonSummary } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CASELOAD_FILTERS, type CaseloadCounts, type CaseloadFilter, type CaseloadQuery } from './caseload.view.js';
import { frequencyWords, lastSeenWords, reasonWords, type CaseloadWords } from './caseload.words.js';

export interface FilterHandlers {
  readonly filter: (f: CaseloadFilter) => void;
  readonly onlyAlerts: (on: boolean) => void;
  readonly onlyNotSeen: (on: boolean) => void;
  readonly search: (typed: string) => void;
}

export function renderCounts(l: CaseloadWords, c: CaseloadCounts, waiting: number | undefined): TemplateResult {
  const item = (label: string, n: number) => html`<div><dt>${label}</dt><dd>${l.number(n)}</dd></div>`;
  return html`<h3 class="visually-hidden" id="counts-heading">${l.t('counts-label')}</h3>
    <dl class="counts" aria-labelledby="counts-heading">
      ${item(l.t('count.people'), c.people)}${item(l.t('count.today'), c.today)}${item(l.t('count.alerts'), c.alerts)}${item(l.t('count.not-seen'), c.notSeen)}
      ${waiting ? item(l.t('count.waiting'), waiting) : nothing}
    </dl>`;
}

export function renderFilters(l: CaseloadWords, q: CaseloadQuery, on: FilterHandlers): TemplateResult {
  const radio = (f: CaseloadFilter) => html`<label class="choice"><input type="radio" name="filter" value=${f} .checked=${live(q.filter === f)}
    @change=${() => on.filter(f)} />${l.t(`filter.${f}`)}</label>`;
  const box = (id: string, checked: boolean, words: string, set: (v: boolean) => void) => html`<label class="choice"><input type="checkbox" id=${id}
    .checked=${live(checked)} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${words}</label>`;
  return html`<div class="filters">
    <fieldset><legend>${l.t('show')}</legend>${CASELOAD_FILTERS.map(radio)}</fieldset>
    <div>${box('only-alerts', q.onlyAlerts, l.t('only-alerts'), on.onlyAlerts)} ${box('only-not-seen', q.onlyNotSeen, l.t('only-not-seen'), on.onlyNotSeen)}</div>
    <div class="search" role="search">
      <label class="field" for="search">${l.t('search')}</label>
      <span class="hint" id="search-hint">${l.t('search-hint')}</span>
      <input class="text" type="search" id="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint"
        .value=${live(q.search)} @input=${(e: Event) => on.search((e.target as HTMLInputElement).value)} />
    </div>
  </div>`;
}

/** Where the person's card stands out: an open alert, or something to do today. */
const tone = (p: PersonSummary, today: boolean) => (p.alerts.length ? 'alert' : today ? 'due' : '');

export function renderPerson(l: CaseloadWords, p: PersonSummary, today: boolean, open: (p: PersonSummary) => void): TemplateResult {
  const id = p.serviceUserId;
  const facts = [lastSeenWords(l, p), p.contactFrequency && l.t('agreed', { every: frequencyWords(l, p.contactFrequency.every) })];
  if (p.contact.state === 'within') facts.push(l.t('next-contact', { date: l.date(p.contact.due) }));
  if (p.tasks.nextDue) facts.push(l.t('next-task', { date: l.date(p.tasks.nextDue.dueDate) }));
  return html`<li class="person ${tone(p, today)}" data-person=${id}>
    <article aria-labelledby="name-${id}">
      <h3 id="name-${id}"><button type="button" class="open" id="open-${id}" aria-describedby="reasons-${id}${p.newToYou ? ` new-${id}` : ''}" @click=${() => open(p)}><bdi>${p.displayName}</bdi></button></h3>
      ${p.newToYou
        ? html`<p class="new-to-you" id="new-${id}">${l.t('new-to-you', { date: l.date(p.newToYou.since) })}${p.newToYou.reason ? html` — <bdi>${p.newToYou.reason}</bdi>` : nothing}</p>`
        : nothing}
      ${p.reasons.length
        ? html`<ul class="reasons" id="reasons-${id}">${p.reasons.map((r) => html`<li>${reasonWords(l, r)}</li>`)}</ul>`
        : html`<p class="reasons" id="reasons-${id}">${l.t('nothing-due')}</p>`}
      <p class="facts">${facts.filter(Boolean).join(' · ')}</p>
    </article>
  </li>`;
}
