// `npm test`: typecheck, lint, every browser test; ends with one line "N passed, N failed".
// Typecheck, lint, "lint bans fire", "lint limits fire" and the hazard-log check count as one check each; every browser
// test counts as one, and so does every named check of the Node-script checks (process death, the start:fhir proxy).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, NO_BROWSER_MESSAGE } from './chromium.mjs';
import { checkerCatchesFaults, runHazardCheck } from './hazard-check.mjs';
import { runBudgets } from './budgets.mjs';
import { runConsumerTests } from './consumer.mjs';
import { runPackageLint } from './package-lint.mjs';
import { lintLimitsFire } from './lint-limits.mjs';

if (!chromiumPath()) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status === 0;

let passed = 0;
let failed = 0;
/** Results of the Node-script checks, for the hazard log (same shape as .wtr-results.json). */
const nodeResults = { files: [], seenNames: [], passedNames: [] };
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
  console.log('\n— lint bans fire (test/lint/unsafe-probe.txt linted as a package source)');
  check('lint bans fire on unsafe code', lintBansFire());
  console.log('\n— lint limits fire (a generated probe just over each size limit, as a package source and as a test)');
  check('lint limits fire on oversized code', lintLimitsFire());
  console.log('\n— vendor budgets (npm pack, esbuild, min + gzip -9; builds the packages first)');
  await runBudgets(check);
  scriptTagBudgets();
  console.log('\n— consumer tests (the same npm pack output: esbuild app in Chromium under strict CSP, strict TypeScript)');
  await runConsumerTests(check);
  console.log('\n— package checks on the same tarballs (publint, attw --profile esm-only)');
  await runPackageLint(check);
  nodeChecks();
}

/** Gzip budgets for the script-tag bundles (deterministic), as built just now by the vendor budgets' build. */
function scriptTagBudgets() {
  // SDK: schemas, rules and client for 11 record types, and all three stores (memory, IndexedDB, FHIR with a mapping
  // for every type) with zod/mini and idb. The FHIR adapter is about 54 KB of 165 KB minified since every fact is
  // written in standard elements with a narrative and the UK Core display tables (issue 13): 50 → 56 KB. A script tag
  // gets everything by design, so the per-module build (ADR 0009) leaves these as they were (54.9 and 107.1 KB); what
  // a host with a bundler pays is in the vendor budgets above.
  // Components: every element with lit, the virtualizer and the SDK inside: 100 → 108 KB with the SDK's growth.
  // Issue 16's batch pushes and issue 17's client verbs and widget controllers: SDK 57.2, components 110.3 → 58 and 112.
  // The relapse split (ADR 0011) adds four elements and their shared parts: components 112.6 → 114.
  // Issue 16's robustness (eviction checkpoints and their FHIR Device adapter, layout 3 and the layout-1 outbox
  // migration, newer-version records reported): SDK 58.8, components 112.3 → 59 and 113.
  // Issue 17's size limits (ADR 0013): a client of module functions, split FHIR readers, messages in words, and the
  // widgets split into controllers and render modules; issue 16's two-stage contact writes: SDK 60.0, components 117.3
  // → 61 and 118. Issue 19's zod-free input check (ADR 0015) rides beside zod in both, since a script tag gets the
  // client too: SDK 62.8, components 120.1 → 63 and 121 (120.7 with the plan editor's loader: the bundle is one file,
  // so the editor is inlined, not loaded on first use). Issue 20's message codes and the localisation catalogues (the
  // Welsh inlined too: one file), issue 17's shared base class and issue 18's per-sign templates: SDK 64.5,
  // components 126.2 → 65 and 127; the keyboard-walk focus fixes: components 127.0 → 128. Issue 19's lazy care-plan
  // forms (ADR 0019) are inlined here too, with their loader and its words: components 127.0 → 127.5, within 128. Issue 18's instantOf
  // (ADR 0022: starts read digit by digit, not by Date.parse): SDK 65.3 → 66.
  // Issue 20 (ADR 0020): the script tag has no chunks, so every language's catalogue is inside it (en-GB and Welsh for the
  // contact log, relapse elements, sync status, rules and shared words) with the l10n machinery: components 128 → 145.
  // A host that wants only English pays for Welsh here; the ESM build fetches Welsh only when asked for. Splitting the
  // relapse catalogue per element does not help a script tag, which holds every catalogue anyway: 144.9, within 145.
  // The care plan's conversion adds its en-GB and Welsh catalogues (both inlined here): components 145.0 → 151.5.
  // Issue 21's caseload summary on the client (ADR 0023), in both script tags: SDK 65.2 → 69.0, components → 155.5 (with list() back).
  // Issue 21's <str-caseload> with its en-GB and Welsh words (one file, so both inlined): components 154.8 → 160.7;
  // then the FHIR store's `readPeople` (the caseload in four round trips, ADR 0023): SDK 69.0 → 71.7, components 163.1.
  // Issue 22 (ADR 0025): a script tag holds everything, so the team lead's part too: the staff records' schemas, client
  // namespaces (teamClient), rules and team summary: SDK 71.7 → 76.3; with <str-team> and its en-GB and Welsh words,
  // components 163.1 → 170.6. The ESM build keeps teamClient and <str-team> out of every app that does not import them.
  // Issue 22's recording from <str-team> (supervision, training, reallocation with a reason; ADR 0026): the forms, their
  // checks and their en-GB and Welsh words, which the ESM build loads on first use, are inlined here: components
  // 170.6 → 179.6; the team lead's zod-free input check, the care team's reason and its FHIR note: SDK 76.3 → 76.8.
  // An independent review's fixes to those forms (a later open wins, drafts kept across a change of actor): 180.03.
  // Issue 23 (ADR 0027): the care pathway's record types, write schemas, rules, pathwayClient and FHIR mapping (CareTeam
  // with contained members, ServiceRequest with its Task), which the ESM build keeps out of apps that do not import
  // pathwayClient: SDK 77.0 → 82.6, components (which re-export the SDK) 180.4 → 186.1. Then <str-care-pathway> with its
  // forms, the person's copy and its en-GB and Welsh words (one file, so both inlined), and the SDK's zod-free check of
  // the pathway's inputs: SDK 83.1, components 197.5; its forms to change a contact and record a referral's progress:
  // components 199.4; an independent review's fixes to it: 200.1.
  const BUDGET_KB = { 'packages/sdk/dist/bundle/strkit-sdk.min.js': 83.5, 'packages/components/dist/bundle/strkit-components.min.js': 200.5 };
  console.log('\n— bundle budgets (gzip)');
  for (const [file, kb] of Object.entries(BUDGET_KB)) {
    const path = new URL(`../${file}`, import.meta.url);
    if (!existsSync(path)) {
      console.log(`  ${file}: not built`);
      check(`${file} is built`, false);
      continue;
    }
    const size = gzipSync(readFileSync(path), { level: 9 }).length / 1024;
    console.log(`  ${file}: ${size.toFixed(1)} KB of ${kb} KB`);
    check(`${file} within ${kb} KB gzip (is ${size.toFixed(1)} KB)`, size <= kb);
  }
}

/**
 * Checks that start or kill processes, so run as Node scripts (scripts/node-check.mjs): each named check counts as one,
 * and its name can stand in the hazard log.
 */
function nodeChecks() {
  const scripts = { 'npm start (from sources, strict CSP, within 15 s)': 'scripts/start-check.mjs', 'process death (Chromium killed with SIGKILL, relaunched on its profile)': 'scripts/process-death.mjs', 'npm run start:fhir proxy pages 250 contacts': 'test/fhir-server/proxy-paging.mjs', 'the worker’s app with the network cut (service worker, CDP offline)': 'scripts/app-offline-check.mjs' };
  const dir = mkdtempSync(join(tmpdir(), 'strkit-node-checks-'));
  for (const [title, script] of Object.entries(scripts)) {
    console.log(`\n— ${title}: node ${script}`);
    const out = join(dir, 'results.json');
    rmSync(out, { force: true });
    const ok = spawnSync(process.execPath, [new URL(`../${script}`, import.meta.url).pathname], { stdio: 'inherit', env: { ...process.env, STRKIT_NODE_RESULTS: out } }).status === 0;
    if (!existsSync(out)) {
      check(`${script} reported no results`, false);
      continue;
    }
    const r = JSON.parse(readFileSync(out, 'utf8'));
    nodeResults.files.push(r.file);
    nodeResults.seenNames.push(...r.seenNames);
    nodeResults.passedNames.push(...r.passedNames);
    for (const name of r.seenNames) check(name, r.passedNames.includes(name));
    if (!ok && r.passedNames.length === r.seenNames.length) check(`${script} exited with an error`, false);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The security rules must keep working: a probe full of banned code must raise each of them. */
function lintBansFire() {
  const probe = readFileSync(new URL('../test/lint/unsafe-probe.txt', import.meta.url), 'utf8');
  const r = spawnSync(
    process.execPath,
    [new URL('../node_modules/eslint/bin/eslint.js', import.meta.url).pathname, '--stdin', '--stdin-filename', 'packages/components/src/lint-probe.ts', '--format', 'json'],
    { input: probe, encoding: 'utf8' },
  );
  const messages = JSON.parse(r.stdout || '[]')[0]?.messages ?? [];
  const lines = (rule) => new Set(messages.filter((m) => m.ruleId === rule).map((m) => m.line));
  const expected = { 'no-restricted-imports': [1], 'no-restricted-syntax': [1, 2, 4, 5, 6], 'no-console': [7], 'no-eval': [8], 'no-new-func': [9] };
  const missing = Object.entries(expected).flatMap(([rule, want]) => want.filter((l) => !lines(rule).has(l)).map((l) => `${rule} on line ${l}`));
  if (missing.length) console.log(`  not reported: ${missing.join(', ')}`);
  else console.log('  every banned construct is reported');
  return missing.length === 0;
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
  // Every hazard names tests that verify its controls; in a full run each must exist and have passed just now.
  console.log('\n— hazard log (docs/safety/hazard-log.md): each hazard names tests that passed in this run');
  const hazardOk = runHazardCheck(new URL('../docs/safety/hazard-log.md', import.meta.url), results, { subset: extra.length > 0, also: nodeResults }) && checkerCatchesFaults();
  if (extra.length === 0) check('hazard log names only tests that passed', hazardOk);
} else {
  check('web-test-runner produced no results', false);
}

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
