// The rule's reasons and notes said from the SDK's codes and params (issue 20): in en-GB exactly the SDK's own English
// for every code, so nothing is lost in the conversion, and in Welsh with the Welsh rating words and plural forms.
import { DEFAULT_ALERT_RULE, NOT_ASKED, evaluateRule, type RuleResult, type SignCheck, type SignRating, type WarningSignPlan } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { until } from '../../../../test/helpers/dom.js';
import '../define/str-provider.js';
import { LocaleController } from './controller.js';
import { RULE_MESSAGES } from './rules.messages.js';
import { noteWords, reasonWords } from './rules.js';

class RuleWordsProbe extends LitElement {
  readonly l = new LocaleController(this, RULE_MESSAGES);
}
customElements.define('test-rule-words', RuleWordsProbe);

const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PLAN = uuidOf(9000);
const env = (id: string) => ({ id, version: '1', schemaVersion: 1, createdAt: '2026-05-01T09:00:00Z', createdBy: 'cc', updatedAt: '2026-05-01T09:00:00Z', updatedBy: 'cc' });
const sign = (n: number, stage: 'early' | 'middle' | 'late', text = `Sign ${n}`) => ({ id: uuidOf(n), text, stage, response: `Response ${n}` });
const plan = (over: Partial<WarningSignPlan> = {}): WarningSignPlan => ({
  ...env(PLAN), serviceUserId: uuidOf(1), coordinatorId: 'cc', contacts: [], rule: DEFAULT_ALERT_RULE, agreedOn: '2026-05-01',
  signs: [sign(1, 'early', 'Staying up all night'), sign(2, 'early'), sign(3, 'middle'), sign(4, 'middle'), sign(5, 'late', 'Hearing the neighbours talk about me')],
  ...over,
});
let seq = 0;
const check = (day: number, ratings: Record<number, SignRating>, over: Partial<SignCheck> = {}): SignCheck => ({
  ...env(uuidOf(100 + ++seq)), serviceUserId: uuidOf(1), planId: PLAN, planVersion: '1', at: new Date(Date.parse('2026-05-01T10:00:00Z') + day * 86_400_000).toISOString(),
  workerId: 'w1', ratings: Object.fromEntries(Object.entries(ratings).map(([k, v]) => [uuidOf(Number(k)), v])), functioning: {}, observations: '', personsView: '', markedWell: false, ...over,
});
const base = [check(1, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1 })];
const withAdded = plan({ signs: [...plan().signs, sign(6, 'early', 'Not answering the phone')] });

/** Results covering every reason code and every note code the SDK makes, with the plan each was judged on. */
const SCENARIOS: readonly [string, WarningSignPlan, RuleResult][] = [
  ['late sign and rise over the first checks, on the signs it covers', plan(), evaluateRule(plan(), check(10, { 1: 3, 2: 3, 5: 2 }), base)],
  ['rise over the agreed baseline', plan({ agreedBaseline: { total: 6, fromCheckIds: [] } }), evaluateRule(plan({ agreedBaseline: { total: 6, fromCheckIds: [] } }), check(20, { 1: 3, 2: 3, 3: 3 }), [])],
  ['rise from 0: no percent', plan({ agreedBaseline: { total: 0, fromCheckIds: [] } }), evaluateRule(plan({ agreedBaseline: { total: 0, fromCheckIds: [] } }), check(20, { 1: 3 }), [])],
  ['repeat, rated a lot', plan(), evaluateRule(plan(), check(12, { 2: 3 }), [...base, check(11, { 2: 3 })])],
  ['repeat, rated 2 or more', plan({ rule: { ...DEFAULT_ALERT_RULE, repeatRating: 2 } }), evaluateRule(plan({ rule: { ...DEFAULT_ALERT_RULE, repeatRating: 2 } }), check(12, { 2: 2 }), [...base, check(11, { 2: 2 })])],
  ['too few checks', plan(), evaluateRule(plan(), check(4, { 1: 2 }), [base[0]!])],
  ['a replaced plan', plan(), evaluateRule(plan(), check(4, { 1: 2 }), [check(1, { 1: 1 }, { planId: uuidOf(8000) })])],
  ['the agreed baseline’s signs are gone', plan({ agreedBaseline: { total: 4, fromCheckIds: [uuidOf(7777)], signIds: [uuidOf(42)] } }), evaluateRule(plan({ agreedBaseline: { total: 4, fromCheckIds: [uuidOf(7777)], signIds: [uuidOf(42)] } }), check(10, { 1: 1 }), [])],
  ['no sign of the plan in the baseline', plan({ agreedBaseline: { total: 4, fromCheckIds: [], signIds: [] } }), evaluateRule(plan({ agreedBaseline: { total: 4, fromCheckIds: [], signIds: [] } }), check(10, { 1: 1 }), [])],
  ['every sign not asked', plan(), evaluateRule(plan(), check(10, { 1: NOT_ASKED }), base)],
  ['one of the three', plan(), evaluateRule(plan(), base[2]!, base.slice(0, 2))],
  ['one sign not in the baseline', withAdded, evaluateRule(withAdded, check(10, { 1: 1 }), [check(1, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 })])],
  ['two signs not in the baseline', withAdded, evaluateRule(withAdded, check(10, { 1: 1 }), base)],
];

async function words(locale: string): Promise<RuleWordsProbe> {
  const provider = await fixture(html`<str-provider locale=${locale}><test-rule-words></test-rule-words></str-provider>`);
  const el = provider.querySelector<RuleWordsProbe>('test-rule-words')!;
  await until(el, () => el.l.lang === locale);
  return el;
}

describe('the rule’s reasons and notes from codes and params', () => {
  it('in en-GB, every reason and note reads exactly as the SDK’s English', async () => {
    const { l } = await words('en-GB');
    const codes = new Set<string>();
    for (const [name, p, r] of SCENARIOS) {
      const signText = (id: string) => p.signs.find((s) => s.id === id)!.text.trim();
      for (const reason of r.reasons) {
        codes.add(reason.code);
        expect(reasonWords(l, reason, signText), `${name}: ${reason.code}`).to.equal(reason.text);
      }
      if (r.noteCode) codes.add(`${r.noteCode}:${String(r.noteParams?.whyCode ?? '')}`);
      expect(noteWords(l, r, signText), `${name}: note`).to.equal(r.note);
    }
    expect([...codes].sort()).to.deep.equal([
      'all-not-asked:', 'late-sign', 'no-baseline-signs:', 'no-baseline:agreed-signs-gone', 'no-baseline:replaced-too-few', 'no-baseline:too-few',
      'repeat', 'rise', 'sets-baseline:', 'signs-not-in-baseline:',
    ].sort());
  });

  it('in Welsh: the rating words, the baseline named, and the plural form for the signs left out', async () => {
    const { l } = await words('cy');
    const [, p, r] = SCENARIOS[0]!;
    const signText = (id: string) => p.signs.find((s) => s.id === id)!.text;
    expect(r.reasons.map((x) => reasonWords(l, x, signText))).to.deep.equal(['Arwydd cam hwyr “Hearing the neighbours talk about me” wedi’i sgorio’n cryn dipyn (2 o 3)']);
    const [, pa, agreed] = SCENARIOS[1]!;
    expect(agreed.reasons.map((x) => reasonWords(l, x, (id) => pa.signs.find((s) => s.id === id)!.text))).to.deep.equal([
      'Mae’r cyfanswm, 9, 3 pwynt (50%) yn uwch na’r llinell sylfaen y cytunwyd arni, sef 6',
    ]);
    const [, p2, two] = SCENARIOS.at(-1)!;
    expect(noteWords(l, two, (id) => p2.signs.find((s) => s.id === id)!.text)).to.equal(
      'Mae’r rheol codiad yn cymharu’r 4 arwydd yn y llinell sylfaen; mae 2 arwydd y tu allan iddi (“Hearing the neighbours talk about me”, “Not answering the phone”) ac yn cyfrif ar gyfer y rheolau arwydd hwyr ac ailadrodd yn unig',
    );
  });
});
