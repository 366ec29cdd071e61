// The relapse alert rule's sentences (packages/sdk/src/domain/relapse.ts), said from their codes and params in the
// active locale (issue 20). en-GB here reproduces the SDK's English `text` exactly (tested); Welsh: rules.cy.ts.
import { defineCatalogue } from './catalogue.js';

// `baseline.*` name the baseline for `{what}`; the Welsh leaves out the article, which its sentence joins ("na’r").

const source = {
  'rating.0': 'not noticed',
  'rating.1': 'a little',
  'rating.2': 'quite a lot',
  'rating.3': 'a lot',
  'rating.not-asked': 'not asked',
  'late-sign': 'Late sign “{sign}” rated {label} ({rating} of {of})',
  'baseline.agreed': 'the agreed baseline',
  'baseline.first-checks': 'the baseline (median of the first three checks)',
  rise: 'Total {total} is {rise} points ({percent}%) above {what} of {baseline}',
  'rise-no-percent': 'Total {total} is {rise} points above {what} of {baseline}',
  'rise-covered': 'Total {total} is {rise} points ({percent}%) above {what} of {baseline} on the {covered} signs it covers',
  'rise-covered-no-percent': 'Total {total} is {rise} points above {what} of {baseline} on the {covered} signs it covers',
  'repeat-a-lot': '“{sign}” rated a lot on {checks} checks in a row',
  repeat: '“{sign}” rated {rating} or more on {checks} checks in a row',
  'note.too-few': 'No baseline yet: {checksSoFar} of {needed} checks after the plan was agreed, or an agreed baseline',
  'note.replaced-too-few':
    'This plan replaced an earlier one, so the rise rule waits for a new baseline: {checksSoFar} of {needed} checks after the plan was agreed, or an agreed baseline',
  'note.agreed-signs-gone':
    'The agreed baseline was set on signs the plan no longer has, and its checks are not here to work it out again: the rise rule waits for the care co-ordinator to agree a new baseline',
  'note.all-not-asked': 'Every sign was “not asked” at this check, so the rise rule has nothing to compare',
  'note.sets-baseline': 'This check is one of the three that set the baseline',
  'note.no-baseline-signs': 'None of the plan’s signs were in the baseline, so the rise rule waits for a new baseline',
  'note.signs-not-in-baseline': {
    one: 'The rise rule compares the {inBaseline} signs in the baseline; one sign is not in it ({signs}) and counts for the late-sign and repeat rules only',
    other: 'The rise rule compares the {inBaseline} signs in the baseline; {count} signs are not in it ({signs}) and count for the late-sign and repeat rules only',
  },
} as const;

export type RuleMessages = typeof source;

export const RULE_MESSAGES = defineCatalogue({ ns: 'rules', source, locales: { cy: () => import('./rules.cy.js') } });
