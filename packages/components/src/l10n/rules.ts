// The relapse rule's reasons and notes in the active locale, from the SDK's codes and params (issue 20). A widget
// that shows them creates `new LocaleController(this, RULE_MESSAGES)` and calls these; a code this version does not
// know falls back to the SDK's English text.
import type { RuleReason, RuleResult } from '@strkit/sdk';
import type { LocaleController } from './controller.js';
import type { RuleMessages } from './rules.messages.js';

/** A sign's words by id, from the plan (trimmed; the messages quote them). */
export type SignWords = (signId: string) => string;

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v));

export function reasonWords(l: LocaleController<RuleMessages>, reason: RuleReason, sign: SignWords): string {
  const p = reason.params ?? {};
  const first = reason.signIds[0] ?? '';
  if (reason.code === 'late-sign') {
    const label = l.t(`rating.${num(p.rating)}` as keyof RuleMessages & string);
    return l.t('late-sign', { sign: sign(first), label, rating: num(p.rating), of: num(p.of) });
  }
  if (reason.code === 'repeat') {
    const params = { sign: sign(first), rating: num(p.rating), checks: num(p.checks) };
    return l.t(num(p.rating) === 3 ? 'repeat-a-lot' : 'repeat', params);
  }
  if (reason.code === 'rise') {
    const what = l.t(p.baselineSource === 'agreed' ? 'baseline.agreed' : 'baseline.first-checks');
    const covered = num(p.covered) < num(p.signs);
    const id = `rise${covered ? '-covered' : ''}${p.percent === undefined ? '-no-percent' : ''}` as const;
    return l.t(id, { total: num(p.total), rise: num(p.rise), what, baseline: num(p.baseline), covered: num(p.covered), ...(p.percent !== undefined && { percent: num(p.percent) }) });
  }
  return reason.text;
}

export function noteWords(l: LocaleController<RuleMessages>, result: Pick<RuleResult, 'note' | 'noteCode' | 'noteParams' | 'noteSignIds'>, sign: SignWords): string | undefined {
  const p = result.noteParams ?? {};
  switch (result.noteCode) {
    case 'no-baseline': {
      const why = p.whyCode === 'agreed-signs-gone' ? 'note.agreed-signs-gone' : p.whyCode === 'replaced-too-few' ? 'note.replaced-too-few' : 'note.too-few';
      return l.t(why, { checksSoFar: num(p.checksSoFar), needed: num(p.needed) });
    }
    case 'all-not-asked':
      return l.t('note.all-not-asked');
    case 'sets-baseline':
      return l.t('note.sets-baseline');
    case 'no-baseline-signs':
      return l.t('note.no-baseline-signs');
    case 'signs-not-in-baseline':
      return l.t('note.signs-not-in-baseline', { inBaseline: num(p.inBaseline), count: num(p.added), signs: (result.noteSignIds ?? []).map((id) => `“${sign(id)}”`).join(', ') });
    default:
      return result.note;
  }
}
