// Issue 17: user text cannot reorder ours. A right-to-left override (U+202E) typed into a field reverses everything
// after it in the same paragraph ("(hsiloP) reterpretni") unless the text is isolated: inside <bdi>, or an element of
// its own with dir="auto". Each widget is given records whose text fields carry the override; every text node that
// holds it must be isolated, and the widget's own words beside it must still read in order. Synthetic people only.
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { fixtureClock } from '../helpers/clients.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import '../../packages/components/src/define/str-relapse-check.js';
import '../../packages/components/src/define/str-relapse-trend.js';
import '../../packages/components/src/define/str-relapse-plan.js';
import '../../packages/components/src/define/str-alert-inbox.js';
import { FIXTURE_PERSON_ID, weekOfContacts } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { FIXTURE_WORKER, fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { fixtureAlert, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const RLO = '\u202E';

/** Every text node in `root` (and the shadow roots inside it) holding the override. */
function overridden(root: ShadowRoot): Text[] {
  const found: Text[] = [];
  const walk = (node: Node) => {
    if (node instanceof Text && node.data.includes(RLO)) found.push(node);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

/**
 * Whether `text` is isolated from the words around it. Visually hidden text (a button's "Edit: <task>" for screen
 * readers) is never laid out, so it has no visual order to reverse and stays as it is: wrapping it would widen the page.
 */
const isolated = (text: Text) => !!text.parentElement?.closest('bdi, [dir=auto], .visually-hidden');

/**
 * The widget's own words (text outside <bdi>, dir="auto" and the visually hidden) drawn right to left: a word whose
 * first letter is laid out to the right of its last letter on the same line. An un-isolated override before them in
 * the same paragraph does that ("(hsiloP) reterpretni").
 */
function reversedOwnWords(root: Node): string[] {
  const found: string[] = [];
  const rect = (node: Text, at: number) => {
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + 1);
    return r.getBoundingClientRect();
  };
  const walk = (node: Node) => {
    if (node instanceof Element && node.matches('bdi, [dir=auto], .visually-hidden, style')) return;
    if (node instanceof Text && !node.data.includes(RLO)) {
      for (const m of node.data.matchAll(/\p{L}{3,}/gu)) {
        const [first, last] = [rect(node, m.index), rect(node, m.index + m[0].length - 1)];
        if (first.width > 0 && Math.round(first.top) === Math.round(last.top) && first.left > last.left) found.push(m[0]);
      }
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

const contacts = weekOfContacts.map((c, i) => (i === 0
  ? { ...c, othersPresent: [{ kind: 'interpreter' as const }, { kind: 'other' as const, role: `${RLO}Neighbour` }], interpreterLanguage: `${RLO}Polish`, note: `${RLO}Walked to the shops.` }
  : c));
const f = typicalPlan();
const goals = f.goals.map((g, i) => (i === 0 ? { ...g, text: `${RLO}${g.text}` } : g));
const tasks = f.tasks.map((t, i) => (i === 0 ? { ...t, text: `${RLO}${t.text}` } : t));
const notes = f.notes.map((n, i) => (i === 0 ? { ...n, text: `${RLO}${n.text}` } : n));
const base = signPlan();
const signs = { ...base, signs: base.signs.map((s, i) => (i === 0 ? { ...s, text: `${RLO}${s.text}`, response: `${RLO}${s.response}` } : s)),
  contacts: base.contacts.map((c, i) => (i === 0 ? { ...c, who: `${RLO}${c.who}`, how: `${RLO}${c.how}` } : c)) };

const alerts = [fixtureAlert(settledChecks(signs)[2]!, 1, 30, { note: `${RLO}Rang the flat twice` }),
  fixtureAlert(settledChecks(signs)[2]!, 2, 40, { status: 'acknowledged', acknowledged: { by: FIXTURE_WORKER, at: '2026-06-01T09:00:00Z', action: `${RLO}Visited the same day` } })];

/** Presses the button whose text starts with `text` in `el`, and waits for the render. */
const pressing = (text: string) => async (el: LitElement) => {
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(text))!.click();
  await el.updateComplete;
};

const CASES: readonly (readonly [string, () => TemplateResult, ((el: LitElement) => Promise<void>)?])[] = [
  ['str-contact-log', () => html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${contacts} .clock=${fixtureClock}></str-contact-log>`],
  ['str-care-plan', () => html`<str-care-plan .plan=${f.plan} .goals=${goals} .tasks=${tasks} .notes=${notes} .workers=${fixtureWorkers}
    actor-id=${FIXTURE_WORKER} .clock=${fixtureClock}></str-care-plan>`],
  ['str-relapse-signs (check)', () => html`<str-relapse-signs .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-signs>`],
  ['str-relapse-signs (plan)', () => html`<str-relapse-signs view="plan" .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-signs>`],
  ['str-relapse-check', () => html`<str-relapse-check .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-check>`],
  ['str-relapse-check (readonly)', () => html`<str-relapse-check readonly .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-check>`],
  ['str-relapse-check (unrated signs named in the errors)', () => html`<str-relapse-check .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-check>`, pressing('Save check')],
  ['str-relapse-trend', () => html`<str-relapse-trend .plan=${signs} .checks=${settledChecks(signs)}></str-relapse-trend>`],
  ['str-relapse-plan', () => html`<str-relapse-plan .plan=${signs} .checks=${settledChecks(signs)}></str-relapse-plan>`],
  ['str-alert-inbox', () => html`<str-alert-inbox .alerts=${alerts} .people=${{ [FIXTURE_PERSON_ID]: `${RLO}Sam Storyperson` }} .clock=${fixtureClock}></str-alert-inbox>`],
];

describe('user text isolated from ours', () => {
  it('the word-order check finds our words reversed after an un-isolated override, and none after an isolated one', async () => {
    const bare = await fixture(html`<p>${`${RLO}Polish`} (interpreter)</p>`);
    expect(reversedOwnWords(bare)).to.include('interpreter');
    const kept = await fixture(html`<p><bdi>${`${RLO}Polish`}</bdi> (interpreter)</p>`);
    expect(reversedOwnWords(kept)).to.deep.equal([]);
  });

  for (const [name, template, act] of CASES) {
    it(`${name}: every piece of user text holding a right-to-left override is in <bdi> or dir="auto"`, async () => {
      const el = await fixture<LitElement>(template());
      await el.updateComplete;
      await act?.(el);
      // Open every disclosure, so text inside closed <details> is checked too.
      for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
      await el.updateComplete;
      const texts = overridden(el.shadowRoot!);
      expect(texts.length, 'user text shown').to.be.greaterThan(0);
      expect(texts.filter((t) => !isolated(t)).map((t) => `${t.parentElement?.localName}: ${t.parentElement?.textContent?.slice(0, 60)}`)).to.deep.equal([]);
      expect(reversedOwnWords(el.shadowRoot!), 'our words drawn right to left').to.deep.equal([]);
    });
  }
});
