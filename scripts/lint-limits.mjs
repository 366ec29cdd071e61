// "lint limits fire": the size limits of issue 17 (eslint.config.mjs) are on for package sources and off for tests.
// A generated probe is linted as a package source: it must be reported by `max-lines` (401 counted lines),
// `max-lines-per-function` (an 81-line function) and `complexity` (21 paths); as a test file it must not be.
import { spawnSync } from 'node:child_process';

const LIMIT_RULES = ['max-lines', 'max-lines-per-function', 'complexity'];

/** A module just over every limit: blank lines and comments do not count, so they are added and must not matter. */
export function limitsProbe() {
  const branchy = ['export function branchy(n: number): number {', ...Array.from({ length: 20 }, (_, i) => `  if (n === ${i}) return ${i};`), '  return -1;', '}'];
  const long = ['export function long(): number[] {', '  const out: number[] = [];', ...Array.from({ length: 77 }, (_, i) => `  out.push(${i});\n\n  // a comment`), '  return out;', '}'];
  const padding = Array.from({ length: 401 - branchy.length - long.length }, (_, i) => `export const p${i} = ${i};`);
  return [...branchy, ...long, ...padding].join('\n') + '\n';
}

function ruleIds(source, filename) {
  const r = spawnSync(
    process.execPath,
    [new URL('../node_modules/eslint/bin/eslint.js', import.meta.url).pathname, '--stdin', '--stdin-filename', filename, '--format', 'json'],
    { input: source, encoding: 'utf8' },
  );
  return new Set((JSON.parse(r.stdout || '[]')[0]?.messages ?? []).map((m) => m.ruleId));
}

/** True when each limit is reported on a package source and none on a test file. */
export function lintLimitsFire() {
  const probe = limitsProbe();
  const asSource = ruleIds(probe, 'packages/sdk/src/limits-probe.ts');
  const asTest = ruleIds(probe, 'packages/sdk/src/limits-probe.test.ts');
  const missing = LIMIT_RULES.filter((rule) => !asSource.has(rule));
  const stray = LIMIT_RULES.filter((rule) => asTest.has(rule));
  if (missing.length) console.log(`  not reported on a package source: ${missing.join(', ')}`);
  if (stray.length) console.log(`  reported on a test file: ${stray.join(', ')}`);
  if (!missing.length && !stray.length) console.log('  every size limit is reported on a package source, none on a test');
  return missing.length === 0 && stray.length === 0;
}
