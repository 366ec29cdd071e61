// Issue 18: with thousands of contacts the first rows wait only for the order. The totals and the did-not-attend rate
// follow once the rows are drawn, with exactly the SDK's counts; nothing is worked out again when a row opens
// (docs/adr/0018-work-in-proportion.md). Synthetic contacts only.
import { contactTotals, didNotAttendRate, toLondonIso, type Clock, type Contact } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { $, until } from '../../../../test/helpers/dom.js';
import '../define/str-contact-log.js';
import type { StrContactLog } from './contact-log.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, manyContacts } from './contact-log.fixtures.js';
import { minutesInWords } from './contact-log.form.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const N = 10_000;
// Every AttendStatus the totals and the rate tell apart (5, 6 attended; 3, 7 did not attend; 2, 4 cancelled), shuffled
// out of date order so the element has to sort them.
const STATUSES = ['5', '6', '3', '7', '2', '4', '5'] as const;
const many: Contact[] = manyContacts(N).map((c, i) => ({ ...c, attendance: STATUSES[i % STATUSES.length]!, durationMinutes: 10 + (i % 50) }));
const shuffled = many.map((c, i) => ({ c, k: (i * 7919) % N })).sort((a, b) => a.k - b.k).map((x) => x.c);

/** How many times Date.parse runs while `fn` does. */
async function parses(fn: () => Promise<void>): Promise<number> {
  const parse = Date.parse;
  let n = 0;
  Date.parse = (s: string) => (n++, parse(s));
  try {
    await fn();
  } finally {
    Date.parse = parse;
  }
  return n;
}

const summaryPairs = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part=summary] dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);

describe('<str-contact-log>: first rows wait only for the order (issue 18)', () => {

  it('10,000 contacts: the first update parses each start once, rows come newest first, then the SDK\u2019s own totals', async () => {
    let el!: StrContactLog;
    const first = await parses(async () => {
      el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${shuffled} .clock=${clock}></str-contact-log>`);
    });
    expect(first, 'Date.parse calls in the first update').to.be.at.most(N + 50);
    const list = $<HTMLElement>(el, '.virtual');
    list.scrollIntoView();
    await until(el, () => !!list.querySelector('[role=listitem]'), 'rows rendered');
    const rows = [...list.querySelectorAll('[role=listitem]')];
    expect(rows[0]!.getAttribute('data-id')).to.equal(many[0]!.id);
    expect(rows[1]!.getAttribute('data-id')).to.equal(many[1]!.id);
    expect(rows[0]!.querySelector('.vweek')!.textContent).to.equal('Week beginning 1 June 2026');
    await until(el, () => summaryPairs(el).length === 3, 'the totals drawn');
    const { week, month } = contactTotals(many, FIXTURE_NOW);
    const dna = didNotAttendRate(many);
    const count = (t: typeof week) => `${t.contacts} attended contacts, ${minutesInWords(t.minutes)}; ${t.didNotAttend} did not attend; ${t.cancelled} cancelled`;
    expect(dna.due).to.be.greaterThan(1000);
    expect(summaryPairs(el)).to.deep.equal([
      ['This week (from Monday)', count(week)],
      ['This month', count(month)],
      ['Did not attend rate', `${Math.round(dna.rate! * 100)}% (${dna.notAttended.toLocaleString('en-GB')} of ${dna.due.toLocaleString('en-GB')} due)`],
    ]);
    expect($(el, '[part=summary]').getAttribute('aria-busy')).to.equal(null);
  });

  it('opening a row of 10,000 works nothing out again: no pass over the contacts', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${shuffled} .clock=${clock}></str-contact-log>`);
    const list = $<HTMLElement>(el, '.virtual');
    list.scrollIntoView();
    await until(el, () => !!list.querySelector('[role=listitem]') && summaryPairs(el).length === 3, 'rows and totals drawn');
    // The virtualizer settles its layout over a few frames (and redraws rows as it does): open a row once it has.
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    const opened = await parses(async () => {
      list.querySelector<HTMLDetailsElement>('[role=listitem] details')!.open = true;
      await until(el, () => !!list.querySelector('[role=listitem] .full'), 'row opened');
    });
    expect(opened, 'Date.parse calls while a row opens').to.be.below(200);
  });

  it('10,000 contacts in the stored form (UK offset): the first update calls Date.parse for none of them', async () => {
    // Issue 18: Date.parse for every start was most of the element's own work before its first row (ADR 0022).
    const stored = shuffled.map((c) => ({ ...c, start: toLondonIso(Date.parse(c.start)) }));
    let el!: StrContactLog;
    const first = await parses(async () => {
      el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${stored} .clock=${clock}></str-contact-log>`);
    });
    expect(first, 'Date.parse calls in the first update').to.be.at.most(50);
    const list = $<HTMLElement>(el, '.virtual');
    list.scrollIntoView();
    await until(el, () => !!list.querySelector('[role=listitem]'), 'rows rendered');
    expect(list.querySelector('[role=listitem]')!.getAttribute('data-id')).to.equal(many[0]!.id);
    await until(el, () => summaryPairs(el).length === 3, 'the totals drawn');
    const { week } = contactTotals(many, FIXTURE_NOW);
    expect(summaryPairs(el)[0]).to.deep.equal(['This week (from Monday)', `${week.contacts} attended contacts, ${minutesInWords(week.minutes)}; ${week.didNotAttend} did not attend; ${week.cancelled} cancelled`]);
  });

  it('contacts already newest first are shown as given; two at one instant still go by id, whatever order they came in', async () => {
    // 300 contacts (virtualised), two at each instant: ids 1, 0, 3, 2… is the order shown (newest first, then by id).
    const pairs = manyContacts(150).flatMap((c, i) => [0, 1].map((k) => ({ ...c, id: `00000000-0000-4000-9000-${String(2 * i + k).padStart(12, '0')}` })));
    const shownIds = async (contacts: readonly Contact[]) => {
      const el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${contacts} .clock=${clock}></str-contact-log>`);
      const list = $<HTMLElement>(el, '.virtual');
      list.scrollIntoView();
      await until(el, () => list.querySelectorAll('[role=listitem]').length >= 6, 'rows rendered');
      return [...list.querySelectorAll('[role=listitem]')].slice(0, 6).map((r) => Number(r.getAttribute('data-id')!.slice(-12)));
    };
    const byIdWithin = pairs.map((c, i) => pairs[i % 2 ? i - 1 : i + 1]!); // already in the order shown
    expect(await shownIds(byIdWithin)).to.deep.equal([1, 0, 3, 2, 5, 4]);
    expect(await shownIds(pairs), 'ties given in ascending id order').to.deep.equal([1, 0, 3, 2, 5, 4]);
  });

  it('10,000 contacts: the totals are worked out only once the first rows are on screen', async () => {
    // Issue 18: working the totals out before the virtualizer drew its rows delayed them (ADR 0022).
    const host = document.createElement('div');
    document.body.append(host);
    let rowsWhenTotalsCame: boolean | undefined;
    const el = document.createElement('str-contact-log') as StrContactLog;
    Object.assign(el, { readonly: true, clock, contacts: shuffled, serviceUserId: FIXTURE_PERSON_ID });
    const seen = new MutationObserver(() => {
      if (rowsWhenTotalsCame === undefined && summaryPairs(el).length === 3) rowsWhenTotalsCame = !!el.shadowRoot!.querySelector('[role=listitem]');
    });
    try {
      host.append(el);
      await el.updateComplete;
      seen.observe(el.shadowRoot!, { childList: true, subtree: true });
      $<HTMLElement>(el, '.virtual').scrollIntoView();
      await until(el, () => rowsWhenTotalsCame !== undefined, 'the totals drawn');
      expect(rowsWhenTotalsCame, 'rows on screen when the totals were drawn').to.equal(true);
    } finally {
      seen.disconnect();
      host.remove();
    }
  });
});
