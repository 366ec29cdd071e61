// Consumer tests from the `npm pack` output (scripts/pack.mjs), as a vendor meets the packages:
// 1. test/consumer/app.ts bundled by esbuild runs in Chromium under the strict CSP + Trusted Types of the example
//    server, with no console error, no uncaught exception and no CSP violation;
// 2. test/consumer/types.ts type-checks with `strict` against the packed .d.ts files (tag and event maps).
// `node scripts/consumer.mjs` packs first (after `npm run build`); `npm test` runs it after the budgets' pack.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { consumerDir, packAndUnpack } from './pack.mjs';

const root = resolve(import.meta.dirname, '..');
const sources = resolve(root, 'test/consumer');
// The policy scripts/serve.mjs sends with the example page.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const PAGE = '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>STR Kit consumer test</title><link rel="icon" href="data:,"><script type="module" src="./app.js"></script></head><body><str-provider></str-provider></body></html>';

/** Bundles the app from the packed packages into www/, as a vendor's esbuild build would. */
async function bundleApp() {
  const www = resolve(consumerDir, 'www');
  mkdirSync(www, { recursive: true });
  copyFileSync(resolve(sources, 'app.ts'), resolve(consumerDir, 'app.ts'));
  await esbuild({
    entryPoints: [resolve(consumerDir, 'app.ts')],
    outfile: resolve(www, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    tsconfigRaw: { compilerOptions: { strict: true } },
  });
  writeFileSync(resolve(www, 'index.html'), PAGE);
  return www;
}

/** Serves `dir` on 127.0.0.1 with the strict CSP; resolves to the server, listening. */
function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/$/, '/index.html').slice(1);
    if (!/^[\w.-]+$/.test(name)) return res.writeHead(404).end();
    try {
      const body = readFileSync(join(dir, name));
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Runs the bundled app in Chromium; returns what went wrong (empty when the app reported ready with a clean console). */
export async function runApp() {
  const problems = [];
  const www = await bundleApp();
  const server = await serve(www);
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    // Reported even when a CSP violation is caught by the code that caused it (zod's eval probe would be).
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const state = await page
      .waitForFunction(() => document.documentElement.dataset.consumer, { timeout: 20_000 })
      .then((h) => h.jsonValue())
      .catch(() => 'no report within 20 s');
    if (state !== 'ready') problems.push(`app: ${state}`);
  } finally {
    await browser.close();
    server.close();
  }
  return problems;
}

/** Type-checks types.ts against the packed declarations; returns tsc's complaints (empty when clean). */
export function typeCheck() {
  copyFileSync(resolve(sources, 'types.ts'), resolve(consumerDir, 'types.ts'));
  const tsconfig = {
    compilerOptions: {
      strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      noEmit: true, skipLibCheck: false, types: [], verbatimModuleSyntax: true,
    },
    files: ['types.ts'],
  };
  writeFileSync(resolve(consumerDir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', consumerDir], { encoding: 'utf8' });
  return r.status === 0 ? [] : [`${r.stdout}${r.stderr}`.trim()];
}

/** Both consumer tests; `check(name, ok)` records each. Expects scripts/pack.mjs to have unpacked the tarballs. */
export async function runConsumerTests(check) {
  for (const [name, run] of [
    ['consumer app from npm pack runs in Chromium under strict CSP, console clean', runApp],
    ['consumer TypeScript (strict) types tag and event maps from npm pack', typeCheck],
  ]) {
    let problems;
    try {
      problems = await run();
    } catch (e) {
      problems = [e.message];
    }
    for (const p of problems) console.log(`  ${p}`);
    console.log(`  ${problems.length ? '✗' : '✓'} ${name}`);
    check(name, problems.length === 0);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-pack')) packAndUnpack();
  let failed = 0;
  await runConsumerTests((_, ok) => {
    if (!ok) failed++;
  });
  process.exit(failed ? 1 : 0);
}
