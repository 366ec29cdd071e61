// The hazard log (docs/safety/hazard-log.md) names, for each hazard, the tests that verify its controls. This check
// reads those names and the results of this test run (.wtr-results.json, written by scripts/count-reporter.mjs) and
// reports a hazard that names no test, a name that matches no test, and a test that did not pass.
//
// Test-name format (one, stable): "<file from the repository root>: <describe> › <nested describe> › <it>", exactly
// as the count reporter writes it and as the "Failed:" list of `npm test` prints it. In the log, each name stands
// alone on a list item in backticks: - `packages/sdk/src/domain/contacts.test.ts: contact totals › counts …`
// A Node-script check (scripts/node-check.mjs) is named the same way from its script: `scripts/x.mjs: suite › check`.
import { readFileSync } from 'node:fs';

const HAZARD = /^###\s+(H\d+)\b(.*)$/;
const TEST = /^\s*-\s+`([^`]+?\.(?:test\.ts|mjs): [^`]+)`\s*$/;

/** The hazards of the log, each with the test names it lists. */
export function parseHazardLog(text) {
  const hazards = [];
  for (const line of text.split(/\r?\n/)) {
    const h = HAZARD.exec(line);
    if (h) {
      hazards.push({ id: h[1], title: h[2].replace(/^[\s—:-]+/, '').trim(), tests: [] });
      continue;
    }
    const t = TEST.exec(line);
    if (t && hazards.length) hazards[hazards.length - 1].tests.push(t[1]);
  }
  return hazards;
}

/**
 * Problems with the log against one test run. `results` holds `files` (test files that ran), `seenNames` and
 * `passedNames`. A name in a file that did not run in this run (a subset run) is "not run", not missing.
 */
export function checkHazardLog(text, results) {
  const hazards = parseHazardLog(text);
  const ran = new Set(results.files ?? []);
  const seen = new Set(results.seenNames ?? []);
  const passed = new Set(results.passedNames ?? []);
  const problems = [];
  const notRun = [];
  if (hazards.length === 0) problems.push('the hazard log lists no hazards');
  const ids = new Set();
  for (const h of hazards) {
    if (ids.has(h.id)) problems.push(`${h.id}: the id is used twice`);
    ids.add(h.id);
    if (h.tests.length === 0) problems.push(`${h.id}: names no test`);
    for (const name of h.tests) {
      const file = /^(.+?\.(?:test\.ts|mjs)): /.exec(name)[1];
      if (!ran.has(file)) {
        notRun.push(`${h.id}: ${name}`);
        continue;
      }
      if (!seen.has(name)) problems.push(`${h.id}: names a test that does not exist: ${name}`);
      else if (!passed.has(name)) problems.push(`${h.id}: names a test that did not pass: ${name}`);
    }
  }
  return { hazards, problems, notRun };
}

/** Whether the checker itself still catches each kind of fault (run beside the real check, as the lint probe is). */
export function checkerCatchesFaults() {
  const file = 'a.test.ts';
  const log = [
    '### H1 — no test', 'none here',
    '### H2 — missing', `- \`${file}: s › gone\``,
    '### H3 — failed', `- \`${file}: s › broke\``,
    '### H4 — fine', `- \`${file}: s › works\``,
    '### H5 — a Node-script check, fine', '- `b.mjs: s › works`',
  ].join('\n');
  const { problems } = checkHazardLog(log, { files: [file, 'b.mjs'], seenNames: [`${file}: s › broke`, `${file}: s › works`, 'b.mjs: s › works'], passedNames: [`${file}: s › works`, 'b.mjs: s › works'] });
  return problems.length === 3 && ['H1: names no test', 'H2: names a test that does not exist', 'H3: names a test that did not pass'].every((p, i) => problems[i]?.startsWith(p));
}

/**
 * Runs the check for `npm test`; `subset` (a --files run) only reports; `also`: results of the Node-script checks, in
 * the same shape. Returns true when it passes.
 */
export function runHazardCheck(logPath, resultsPath, { subset, also }) {
  const r = JSON.parse(readFileSync(resultsPath, 'utf8'));
  const merged = also ? Object.fromEntries(['files', 'seenNames', 'passedNames'].map((k) => [k, [...(r[k] ?? []), ...(also[k] ?? [])]])) : r;
  const { hazards, problems, notRun } = checkHazardLog(readFileSync(logPath, 'utf8'), merged);
  const named = hazards.reduce((n, h) => n + h.tests.length, 0);
  console.log(`  ${hazards.length} hazards, ${named} test names; ${notRun.length} in files this run did not include`);
  for (const p of problems) console.log(`  ✗ ${p}`);
  if (subset) {
    if (problems.length) console.log('  (a --files run: reported, not counted)');
    return true;
  }
  for (const n of notRun) console.log(`  ✗ not run: ${n}`);
  return problems.length === 0 && notRun.length === 0;
}
