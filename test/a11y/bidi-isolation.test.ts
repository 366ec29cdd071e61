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
import { FIXTURE_PERSON_ID, weekOfContacts } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { FIXTURE_WORKER, fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

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

const CASES: readonly (readonly [string, () => TemplateResult])[] = [
  ['str-contact-log', () => html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${contacts} .clock=${fixtureClock}></str-contact-log>`],
  ['str-care-plan', () => html`<str-care-plan .plan=${f.plan} .goals=${goals} .tasks=${tasks} .notes=${notes} .workers=${fixtureWorkers}
    actor-id=${FIXTURE_WORKER} .clock=${fixtureClock}></str-care-plan>`],
  ['str-relapse-signs (check)', () => html`<str-relapse-signs .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-signs>`],
  ['str-relapse-signs (plan)', () => html`<str-relapse-signs view="plan" .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-signs>`],
];

describe('user text isolated from ours', () => {
  for (const [name, template] of CASES) {
    it(`${name}: every piece of user text holding a right-to-left override is in <bdi> or dir="auto"`, async () => {
      const el = await fixture<LitElement>(template());
      await el.updateComplete;
      // Open every disclosure, so text inside closed <details> is checked too.
      for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
      await el.updateComplete;
      const texts = overridden(el.shadowRoot!);
      expect(texts.length, 'user text shown').to.be.greaterThan(0);
      expect(texts.filter((t) => !isolated(t)).map((t) => `${t.parentElement?.localName}: ${t.parentElement?.textContent?.slice(0, 60)}`)).to.deep.equal([]);
    });
  }
});
