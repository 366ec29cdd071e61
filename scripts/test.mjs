// `npm test`: typecheck, lint, every browser test; ends with one line "N passed, N failed".
// Each of typecheck and lint counts as one check; every browser test counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath, NO_BROWSER_MESSAGE } from './chromium.mjs';

if (!chromiumPath()) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status === 0;

let passed = 0;
let failed = 0;
const failures = [];
const check = (name, ok) => {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
};

if (extra.length === 0) {
  console.log('\n— typecheck (tsc)');
  check('typecheck', run(process.execPath, [new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname, '-p', 'tsconfig.json', '--noEmit']));
  console.log('\n— lint (eslint)');
  check('lint', run(process.execPath, [new URL('../node_modules/eslint/bin/eslint.js', import.meta.url).pathname, '.']));
}

console.log('\n— browser tests (web-test-runner, headless Chromium)');
const results = '.wtr-results.json';
rmSync(results, { force: true });
const wtrOk = run(process.execPath, [
  new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url).pathname,
  ...(extra.length ? extra : ['--coverage']),
]);
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  passed += r.passed;
  failed += r.failed;
  failures.push(...r.failures);
  if (!wtrOk && r.failed === 0) check('web-test-runner exited with an error', false);
} else {
  check('web-test-runner produced no results', false);
}

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
