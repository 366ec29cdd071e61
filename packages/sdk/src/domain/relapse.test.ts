import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_ALERT_RULE, NOT_ASKED, type SignCheck, type SignRating, type WarningSignPlan } from '../schemas/relapse.js';
import { baselineOf, checkTotal, evaluateRule, responsesFor } from './relapse.js';

const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PLAN = uuidOf(9000);
const env = (id: string) => ({ id, version: '1', schemaVersion: 1, createdAt: '2026-05-01T09:00:00Z', createdBy: 'cc', updatedAt: '2026-05-01T09:00:00Z', updatedBy: 'cc' });
const sign = (n: number, stage: 'early' | 'middle' | 'late', text = `Sign ${n}`) => ({ id: uuidOf(n), text, stage, response: `Response ${n}` });

function plan(over: Partial<WarningSignPlan> = {}): WarningSignPlan {
  return {
    ...env(PLAN), serviceUserId: uuidOf(1), coordinatorId: 'cc', contacts: [], rule: DEFAULT_ALERT_RULE, agreedOn: '2026-05-01',
    signs: [sign(1, 'early', 'Staying up all night'), sign(2, 'early'), sign(3, 'middle'), sign(4, 'middle'), sign(5, 'late', 'Hearing the neighbours talk about me')],
    ...over,
  };
}

let seq = 0;
/** A check `day` days after 1 May 2026; ratings by sign number. */
function check(day: number, ratings: Record<number, SignRating>, over: Partial<SignCheck> = {}): SignCheck {
  const at = new Date(Date.parse('2026-05-01T10:00:00Z') + day * 86_400_000).toISOString();
  return {
    ...env(uuidOf(100 + ++seq)), serviceUserId: uuidOf(1), planId: PLAN, planVersion: '1', at, workerId: 'w1',
    ratings: Object.fromEntries(Object.entries(ratings).map(([k, v]) => [uuidOf(Number(k)), v])), functioning: {}, observations: '', personsView: '', markedWell: false,
    ...over,
  };
}
const codes = (r: ReturnType<typeof evaluateRule>) => r.reasons.map((x) => x.code);

describe('the relapse alert rule', () => {
  describe('a late-stage sign', () => {
    it('fires at the threshold, not below it', () => {
      const base = [check(1, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1 })]; // baseline 4
      expect(codes(evaluateRule(plan(), check(10, { 5: 1 }), base))).to.deep.equal([]);
      const r = evaluateRule(plan(), check(10, { 5: 2 }), base);
      expect(codes(r)).to.deep.equal(['late-sign']);
      expect(r.reasons[0]!.text).to.equal('Late sign “Hearing the neighbours talk about me” rated quite a lot (2 of 3)');
      expect(responsesFor(plan(), r)).to.deep.equal([{ sign: 'Hearing the neighbours talk about me', response: 'Response 5' }]);
      const strict = plan({ rule: { ...DEFAULT_ALERT_RULE, lateSignAtLeast: 3 } });
      expect(codes(evaluateRule(strict, check(10, { 5: 2 }), base))).to.deep.equal([]);
      expect(codes(evaluateRule(strict, check(10, { 5: 3 }), base))).to.deep.equal(['late-sign']);
    });

    it('"not asked" is not a rating', () => {
      expect(evaluateRule(plan(), check(10, { 5: NOT_ASKED }), []).fires).to.equal(false);
      expect(checkTotal(plan(), check(10, { 1: 2, 2: NOT_ASKED, 3: 1 }))).to.equal(3);
    });

    it('an early or middle sign rated a lot once does not fire', () => {
      const base = [check(1, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1 })];
      expect(evaluateRule(plan(), check(10, { 1: 3, 3: 3 }), base).fires).to.equal(false);
    });
  });

  describe('the rise over the baseline', () => {
    const agreed = (total: number) => plan({ agreedBaseline: { total, fromCheckIds: [] } });
    it('needs both 50% and 3 points, each at its boundary', () => {
      const at = (p: WarningSignPlan, ratings: Record<number, SignRating>) => codes(evaluateRule(p, check(20, ratings), []));
      expect(at(agreed(6), { 1: 3, 2: 3, 3: 3 }), '+3 and 50%').to.deep.equal(['rise']);
      expect(at(agreed(6), { 1: 3, 2: 3, 3: 2 }), '+2').to.deep.equal([]);
      expect(at(agreed(10), { 1: 3, 2: 3, 3: 3, 4: 3, 5: 1 }), '+4 but 40%: no (late sign 1 is below its threshold)').to.deep.equal([]);
      expect(at(agreed(10), { 1: 3, 2: 3, 3: 3, 4: 3, 5: 1, 6: 2 }), 'a sign not on the plan adds nothing').to.deep.equal([]);
      expect(at(agreed(2), { 1: 3, 2: 1 }), '+2 though 100%').to.deep.equal([]);
      expect(at(agreed(2), { 1: 3, 2: 2 }), '+3, 150%').to.deep.equal(['rise']);
      expect(at(agreed(0), { 1: 2 }), 'from 0: +2').to.deep.equal([]);
      expect(at(agreed(0), { 1: 3 }), 'from 0: +3').to.deep.equal(['rise']);
      const r = evaluateRule(agreed(6), check(20, { 1: 3, 2: 3, 3: 3 }), []);
      expect(r.reasons[0]!.text).to.equal('Total 9 is 3 points (50%) above the agreed baseline of 6');
    });

    it('without an agreed baseline, uses the median of the first three checks after agreement, and says when there are too few', () => {
      const early = check(-5, { 1: 3, 2: 3, 3: 3 }); // before the plan was agreed: not part of the baseline
      const first = [check(1, { 1: 2, 2: 2 }), check(2, { 1: 3, 2: 3, 3: 2 }), check(3, { 1: 2, 2: 3 })]; // 4, 8, 5
      expect(baselineOf(plan(), [early, ...first])).to.deep.include({ source: 'first-checks', value: 5 });
      const tooFew = evaluateRule(plan(), check(4, { 1: 2, 2: 2, 3: 3, 4: 3 }), [early, first[0]!]); // with this one, 2 of 3
      expect(tooFew.fires).to.equal(false);
      expect(tooFew.note).to.equal('No baseline yet: 2 of 3 checks after the plan was agreed, or an agreed baseline');
      const r = evaluateRule(plan(), check(4, { 1: 3, 2: 2, 3: 3 }), [early, ...first]);
      // Signs 4 and 5 were rated in none of the three: the baseline covers signs 1 to 3, and so does the comparison.
      expect(r.reasons.map((x) => x.text)).to.deep.equal(['Total 8 is 3 points (60%) above the baseline (median of the first three checks) of 5 on the 3 signs it covers']);
    });

    it('a check that is one of the first three sets the baseline and is not judged against it', () => {
      const first = [check(1, { 1: 0 }), check(2, { 1: 0 })];
      const third = check(3, { 1: 3, 2: 3, 3: 3 });
      const r = evaluateRule(plan(), third, first);
      expect(r.fires).to.equal(false);
      expect(r.note).to.equal('This check is one of the three that set the baseline');
    });

    it('catches a slow steady rise of 15% a check against the fixed baseline (a rolling one never would)', () => {
      const p = plan({ signs: Array.from({ length: 12 }, (_, i) => sign(i + 1, i < 6 ? 'early' : 'middle')) });
      // Spread over the signs (ones, then twos), so no sign is rated "a lot" and only the total rises.
      const ratingsFor = (total: number) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, (total > 12 ? (i < total - 12 ? 2 : 1) : i < total ? 1 : 0) as SignRating]));
      const history = [check(1, ratingsFor(6)), check(8, ratingsFor(6)), check(15, ratingsFor(6))];
      let total = 6;
      let firedAt: number | undefined;
      for (let k = 1; k <= 6 && firedAt === undefined; k++) {
        const next = Math.round(6 * 1.15 ** k);
        const c = check(15 + 7 * k, ratingsFor(next));
        expect(checkTotal(p, c)).to.equal(next);
        // Each step is small against the check before: 15% and at most 2 points.
        expect((next - total) / total).to.be.below(0.5);
        if (evaluateRule(p, c, history).fires) firedAt = k;
        history.push(c);
        total = next;
      }
      expect(firedAt, 'fires within 3 checks').to.equal(3);
    });
  });

  describe('a sign rated a lot on checks in a row', () => {
    const base = [check(1, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1 })];
    it('fires on two in a row, not with a gap or a "not asked" between', () => {
      const a = check(10, { 1: 3 });
      const r = evaluateRule(plan(), check(17, { 1: 3 }), [...base, a]);
      expect(codes(r)).to.deep.equal(['repeat']);
      expect(r.reasons[0]!.text).to.equal('“Staying up all night” rated a lot on 2 checks in a row');
      expect(evaluateRule(plan(), check(24, { 1: 3 }), [...base, a, check(17, { 1: 2 })]).fires).to.equal(false);
      expect(evaluateRule(plan(), check(24, { 1: 3 }), [...base, a, check(17, { 1: NOT_ASKED })]).fires).to.equal(false);
      const three = plan({ rule: { ...DEFAULT_ALERT_RULE, repeatChecks: 3 } });
      expect(evaluateRule(three, check(17, { 1: 3 }), [...base, a]).fires).to.equal(false);
      expect(evaluateRule(three, check(24, { 1: 3 }), [...base, a, check(17, { 1: 3 })]).fires).to.equal(true);
    });

    it('a plan changed between checks: a removed sign no longer counts, a new one has no history', () => {
      const before = check(10, { 1: 3, 2: 3 });
      const changed = plan({ signs: [sign(2, 'early'), sign(6, 'early', 'New sign')] }); // sign 1 removed, 6 added
      expect(evaluateRule(changed, check(17, { 1: 3, 6: 3 }), [...base, before]).fires).to.equal(false);
      expect(codes(evaluateRule(changed, check(17, { 2: 3 }), [...base, before]))).to.deep.equal(['repeat']);
    });
  });

  describe('across plan changes (docs/adr/0005-alert-baseline.md)', () => {
    it('two chronic signs removed: the agreed baseline is worked out again on the signs left, and a real rise fires', () => {
      // Well: signs 1 and 2 are always "a lot" (chronic), the rest 0. Agreed baseline 6.
      const well = [check(1, { 1: 3, 2: 3, 3: 0, 4: 0, 5: 0 }), check(2, { 1: 3, 2: 3, 3: 0, 4: 0, 5: 0 })];
      const b = { total: 6, fromCheckIds: well.map((c) => c.id) };
      expect(baselineOf(plan({ agreedBaseline: b }), well)).to.deep.include({ source: 'agreed', value: 6 });
      const after = plan({ signs: plan().signs.slice(2), agreedBaseline: b }); // 1 and 2 removed
      const r = evaluateRule(after, check(20, { 3: 2, 4: 2, 5: 0 }), well);
      expect(r.baseline).to.deep.include({ source: 'agreed', value: 0 });
      expect(codes(r)).to.deep.equal(['rise']);
      expect(r.reasons[0]!.text).to.equal('Total 4 is 4 points above the agreed baseline of 0');
    });

    it('a sign added after a first-three-checks baseline never makes a false rise, and the rise rule says what it left out', () => {
      const base = [check(1, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 })];
      const added = plan({ signs: [...plan().signs, sign(6, 'early', 'Not answering the phone')] });
      const r = evaluateRule(added, check(10, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 3 }), base);
      expect(r.fires).to.equal(false);
      expect(r.note).to.equal('The rise rule compares the 5 signs in the baseline; one sign is not in it (“Not answering the phone”) and counts for the late-sign and repeat rules only');
      expect(codes(evaluateRule(added, check(10, { 1: 3, 2: 2, 3: 1, 4: 1, 5: 0, 6: 0 }), base))).to.deep.equal(['rise']);
    });

    it('a replacement plan keeps each kept sign’s run and its late-sign rule; the rise rule says it waits for a new baseline', () => {
      const old = [check(1, { 1: 1, 5: 0 }), check(2, { 1: 1, 5: 0 }), check(3, { 1: 1, 5: 0 }), check(10, { 1: 3, 5: 0 })];
      const NEW = uuidOf(9001);
      const next = plan({ ...env(NEW), signs: [sign(1, 'early', 'Staying up all night'), sign(5, 'late', 'Hearing the neighbours talk about me'), sign(7, 'middle')] });
      const r = evaluateRule(next, check(17, { 1: 3, 5: 2, 7: 0 }, { planId: NEW }), old);
      expect(codes(r)).to.deep.equal(['late-sign', 'repeat']);
      expect(r.note).to.equal('This plan replaced an earlier one, so the rise rule waits for a new baseline: 1 of 3 checks after the plan was agreed, or an agreed baseline');
    });

    it('a check where every sign is "not asked" is kept out of the baseline and the rise rule, and says so', () => {
      const allNotAsked = (day: number) => check(day, { 1: NOT_ASKED, 2: NOT_ASKED, 3: NOT_ASKED, 4: NOT_ASKED, 5: NOT_ASKED });
      const base = [allNotAsked(1), check(2, { 1: 2, 2: 2 }), check(3, { 1: 2, 2: 2 }), check(4, { 1: 2, 2: 2 })];
      expect(baselineOf(plan(), base)).to.deep.include({ source: 'first-checks', value: 4 }); // not dragged down to 0 by day 1
      const r = evaluateRule(plan(), allNotAsked(10), base);
      expect(r.note).to.equal('Every sign was “not asked” at this check, so the rise rule has nothing to compare');
    });
  });

  describe('plan changes, by construction (fast-check)', () => {
    const stageArb = fc.constantFrom<'early' | 'middle' | 'late'>('early', 'middle', 'late');
    const ratingArb = fc.constantFrom<SignRating>(0, 1, 2, 3, NOT_ASKED);
    const ruleArb = fc.record({ lateSignAtLeast: fc.integer({ min: 1, max: 3 }), risePercent: fc.integer({ min: 1, max: 200 }), risePoints: fc.integer({ min: 1, max: 10 }), repeatRating: fc.integer({ min: 1, max: 3 }), repeatChecks: fc.integer({ min: 2, max: 4 }) });
    /** A plan change that keeps sign `keep` (by id): signs added, others removed, reworded, reordered, or the plan replaced. */
    const changeArb = fc.record({
      kind: fc.constantFrom('add', 'remove', 'reword', 'reorder', 'replace'),
      added: fc.array(stageArb, { minLength: 1, maxLength: 3 }),
      seed: fc.nat(1000),
    });
    const change = (p: WarningSignPlan, keep: string, c: { kind: string; added: ('early' | 'middle' | 'late')[]; seed: number }): WarningSignPlan => {
      const extra = c.added.map((st, i) => sign(200 + i, st, `Added ${i}`));
      switch (c.kind) {
        case 'add': return { ...p, signs: [...p.signs, ...extra] };
        case 'remove': return { ...p, signs: p.signs.filter((s, i) => s.id === keep || (i + c.seed) % 2 === 0) };
        case 'reword': return { ...p, signs: p.signs.map((s) => ({ ...s, text: `${s.text} (in new words)` })) };
        case 'reorder': return { ...p, signs: [...p.signs].reverse() };
        default: return { ...p, ...env(uuidOf(9100 + (c.seed % 50))), signs: [...p.signs.filter((s, i) => s.id === keep || (i + c.seed) % 3 === 0), ...extra] };
      }
    };

    it('a check whose ratings on the kept signs fire the late-sign or repeat rule still fires after any plan change', () => {
      fc.assert(
        fc.property(
          fc.array(stageArb, { minLength: 1, maxLength: 6 }), fc.nat(5), ruleArb, fc.boolean(), changeArb,
          fc.array(fc.array(ratingArb, { minLength: 6, maxLength: 6 }), { maxLength: 4 }), fc.array(ratingArb, { minLength: 6, maxLength: 6 }),
          (stages, which, rule, useLate, ch, history, current) => {
            const p = plan({ signs: stages.map((st, i) => sign(i + 1, st)), rule });
            const k = which % stages.length;
            const keep = uuidOf(k + 1);
            const late = useLate && stages[k] === 'late';
            const toRatings = (rs: SignRating[]) => Object.fromEntries(rs.slice(0, stages.length).map((r, i) => [i + 1, r]));
            // Built to fire: the kept sign at the late threshold, or at the repeat rating on the last run of checks.
            const past = history.map((rs, d) => check(d + 1, toRatings(rs)));
            const runStart = Math.max(0, past.length - (rule.repeatChecks - 1));
            const firing = late ? past : past.map((c, i) => (i >= runStart ? { ...c, ratings: { ...c.ratings, [keep]: rule.repeatRating as SignRating } } : c));
            if (!late && firing.length < rule.repeatChecks - 1) return; // not enough checks for a run: nothing to build
            const now = check(30, { ...toRatings(current), [k + 1]: (late ? rule.lateSignAtLeast : rule.repeatRating) as SignRating });
            expect(evaluateRule(p, now, firing).fires, 'fires before the change').to.equal(true);
            const q = change(p, keep, ch);
            const after = evaluateRule(q, { ...now, planId: q.id }, firing);
            expect(after.fires, JSON.stringify({ kind: ch.kind, late, reasons: after.reasons })).to.equal(true);
            expect(after.reasons.some((x) => x.signIds.includes(keep))).to.equal(true);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('adding a sign, rated anything (0 included), never turns the rise rule on', () => {
      fc.assert(
        fc.property(
          fc.array(stageArb, { minLength: 1, maxLength: 6 }), ruleArb, fc.option(fc.integer({ min: 0, max: 18 }), { nil: undefined }),
          fc.array(fc.array(ratingArb, { minLength: 6, maxLength: 6 }), { maxLength: 5 }), fc.array(ratingArb, { minLength: 6, maxLength: 6 }),
          fc.array(fc.tuple(stageArb, ratingArb), { minLength: 1, maxLength: 3 }),
          (stages, rule, agreedTotal, history, current, added) => {
            // An agreed baseline as the SDK stores it: with the signs it covers.
            const signs = stages.map((st, i) => sign(i + 1, st));
            const p = plan({ signs, rule, ...(agreedTotal !== undefined && { agreedBaseline: { total: agreedTotal, fromCheckIds: [], signIds: signs.map((s) => s.id) } }) });
            const toRatings = (rs: SignRating[]) => Object.fromEntries(rs.slice(0, stages.length).map((r, i) => [i + 1, r]));
            const past = history.map((rs, d) => check(d + 1, toRatings(rs)));
            const now = check(30, toRatings(current));
            const rises = (x: ReturnType<typeof evaluateRule>) => x.reasons.some((r) => r.code === 'rise');
            const before = rises(evaluateRule(p, now, past));
            const more = plan({ ...p, signs: [...p.signs, ...added.map(([st], i) => sign(300 + i, st))] });
            const withNew = { ...now, ratings: { ...now.ratings, ...Object.fromEntries(added.map(([, r], i) => [uuidOf(300 + i), r])) } };
            if (!before) expect(rises(evaluateRule(more, withNew, past))).to.equal(false);
          },
        ),
        { numRuns: 1000 },
      );
    });
  });

  it('raising any rating never turns a firing rule off (fast-check)', () => {
    const ratingArb = fc.constantFrom<SignRating>(0, 1, 2, 3, NOT_ASKED);
    const signsArb = fc.array(fc.constantFrom<'early' | 'middle' | 'late'>('early', 'middle', 'late'), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        signsArb,
        fc.array(fc.array(ratingArb, { minLength: 8, maxLength: 8 }), { maxLength: 6 }),
        fc.array(ratingArb, { minLength: 8, maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
        fc.record({ lateSignAtLeast: fc.integer({ min: 1, max: 3 }), risePercent: fc.integer({ min: 1, max: 200 }), risePoints: fc.integer({ min: 1, max: 10 }), repeatRating: fc.integer({ min: 1, max: 3 }), repeatChecks: fc.integer({ min: 2, max: 4 }) }),
        fc.nat(7),
        (stages, history, current, agreedTotal, rule, which) => {
          const p = plan({ signs: stages.map((st, i) => sign(i + 1, st)), rule, ...(agreedTotal !== undefined && { agreedBaseline: { total: agreedTotal, fromCheckIds: [] } }) });
          const toRatings = (rs: SignRating[]) => Object.fromEntries(rs.slice(0, stages.length).map((r, i) => [i + 1, r]));
          const past = history.map((rs, d) => check(d + 1, toRatings(rs)));
          const now = check(30, toRatings(current));
          const before = evaluateRule(p, now, past);
          const i = which % stages.length;
          const r = current[i]!;
          const raised = r === NOT_ASKED ? 0 : r < 3 ? ((r + 1) as SignRating) : r;
          const after = evaluateRule(p, { ...now, ratings: { ...now.ratings, [uuidOf(i + 1)]: raised } }, past);
          if (before.fires) expect(after.fires, JSON.stringify({ before: before.reasons, after: after.reasons })).to.equal(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the rule’s sentences carry a code and parameters for a widget to say in any language (issue 20)', () => {
  const base = [check(1, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(2, { 1: 1, 2: 1, 3: 1, 4: 1 }), check(3, { 1: 1, 2: 1, 3: 1, 4: 1 })]; // baseline 4

  it('late-sign, rise and repeat reasons: numbers and sign ids, never a sign’s words', () => {
    const r = evaluateRule(plan(), check(10, { 1: 3, 2: 3, 3: 1, 4: 1, 5: 2 }), base);
    expect(r.reasons.map((x) => [x.code, x.params])).to.deep.equal([
      ['late-sign', { rating: 2, of: 3 }],
      ['rise', { total: 8, rise: 4, percent: 100, baseline: 4, baselineSource: 'first-checks', covered: 4, signs: 5 }],
    ]);
    expect(r.reasons[0]!.signIds).to.deep.equal([uuidOf(5)]);
    const words = JSON.stringify(r.reasons.map((x) => x.params));
    for (const s of plan().signs) expect(words).to.not.include(s.text);
    const repeat = evaluateRule(plan(), check(12, { 2: 3 }), [...base, check(11, { 2: 3 })]);
    expect(repeat.reasons.find((x) => x.code === 'repeat')).to.deep.include({ params: { rating: 3, checks: 2 }, signIds: [uuidOf(2)] });
  });

  it('a rise from a baseline of 0 has no percent', () => {
    const r = evaluateRule(plan({ agreedBaseline: { total: 0, fromCheckIds: [] } }), check(20, { 1: 3 }), []);
    expect(r.reasons[0]!.params).to.deep.equal({ total: 3, rise: 3, baseline: 0, baselineSource: 'agreed', covered: 5, signs: 5 });
  });

  it('each note has its code: too few checks, a replaced plan, not asked, one of the three, and signs left out', () => {
    const tooFew = evaluateRule(plan(), check(4, { 1: 2 }), [base[0]!]);
    expect([tooFew.noteCode, tooFew.noteParams]).to.deep.equal(['no-baseline', { whyCode: 'too-few', checksSoFar: 2, needed: 3 }]);
    expect((tooFew.baseline as { whyCode?: string }).whyCode).to.equal('too-few');
    const replaced = evaluateRule(plan(), check(4, { 1: 2 }), [check(1, { 1: 1 }, { planId: uuidOf(8000) })]);
    expect(replaced.noteParams).to.deep.include({ whyCode: 'replaced-too-few', checksSoFar: 1 });
    expect(evaluateRule(plan(), check(10, { 1: NOT_ASKED }), base).noteCode).to.equal('all-not-asked');
    expect(evaluateRule(plan(), base[2]!, base.slice(0, 2)).noteCode).to.equal('sets-baseline');
    const added = sign(6, 'early', 'Not answering the phone');
    const later = evaluateRule(plan({ signs: [...plan().signs, added] }), check(10, { 1: 1 }), base);
    expect([later.noteCode, later.noteParams, later.noteSignIds]).to.deep.equal(['signs-not-in-baseline', { inBaseline: 4, added: 2 }, [uuidOf(5), uuidOf(6)]]);
  });
});
