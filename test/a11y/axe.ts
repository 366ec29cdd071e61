// The one accessibility check every element and story state runs: axe with WCAG 2.2 AA and best practice.
// `to.be.accessible()` from open-wc leaves target-size off, so we call axe ourselves.
import type * as Axe from 'axe-core';
// axe-core is a UMD script: importing it for its side effect defines `window.axe`.
import 'axe-core/axe.min.js';

const axe = (globalThis as unknown as { axe: typeof Axe }).axe;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: readonly string[];
}

export interface AxeOptions {
  /**
   * Rules left out of this run, for a test that checks them elsewhere: say where beside the call. Only for scale
   * tests, whose rows are the same template a smaller state already checks with every rule.
   */
  readonly except?: readonly string[];
  /** Only these rules: a scale test that splits one slow run in two, so each holds inside its time limit. */
  readonly only?: readonly string[];
}

/** Runs axe on `el` (its shadow roots included) and returns every violation, flattened for assertions. */
export async function axeViolations(el: Element, { except = [], only }: AxeOptions = {}): Promise<AxeFinding[]> {
  const off = Object.fromEntries(except.map((id) => [id, { enabled: false }]));
  const results = await axe.run(el, {
    runOnly: only ? { type: 'rule', values: [...only] } : { type: 'tag', values: [...AXE_TAGS] },
    // A fragment under test is not a whole page: page-level rules (landmarks, a single h1, the title) belong to pages.
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false }, ...off },
    resultTypes: ['violations'],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => JSON.stringify(n.target)),
  }));
}

/** Fails with a readable list when axe finds anything. */
export async function expectNoAxeViolations(el: Element, options: AxeOptions = {}): Promise<void> {
  const found = await axeViolations(el, options);
  if (found.length > 0) {
    throw new Error(`axe found ${found.length} violation(s):\n${found.map((f) => `  ${f.id} (${f.impact}): ${f.help} at ${f.targets.join(', ')}`).join('\n')}`);
  }
}
