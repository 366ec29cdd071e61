// A check that runs as a Node script rather than in the browser test runner (it starts or kills processes): prints
// each named check as "ok - <name>" / "not ok - <name>" and, for `npm test` (scripts/test.mjs), writes the results to
// the file in STRKIT_NODE_RESULTS. Names take the hazard log's form: "<file>: <suite> › <check>".
import { writeFileSync } from 'node:fs';

/** `checks`: [check name, passed] pairs. Returns the exit code. */
export function reportNodeChecks(file, suite, checks) {
  const named = checks.map(([it, ok]) => [`${file}: ${suite} › ${it}`, ok]);
  for (const [name, ok] of named) console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (process.env.STRKIT_NODE_RESULTS) {
    writeFileSync(process.env.STRKIT_NODE_RESULTS, JSON.stringify({
      file, seenNames: named.map(([name]) => name), passedNames: named.filter(([, ok]) => ok).map(([name]) => name),
    }));
  }
  return named.every(([, ok]) => ok) ? 0 : 1;
}
