// Consumer tests from the `npm pack` output (scripts/pack.mjs), as a vendor meets the packages:
// 1. test/consumer/app.ts bundled by esbuild runs in Chromium under the strict CSP + Trusted Types of the example
//    server, with no console error, no uncaught exception and no CSP violation;
// 2. test/consumer/types.ts type-checks with `strict` against the packed .d.ts files (tag and event maps);
// 3. test/consumer/react-app.tsx, a React 19 app on the generated wrappers (`@strkit/components/react`) and JSX types
//    (`@strkit/components/jsx`), type-checks with `strict` (with negative controls) and runs in Chromium, as in 1.
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
const page = (body) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>STR Kit consumer test</title><link rel="icon" href="data:,"><script type="module" src="./app.js"></script></head><body>${body}</body></html>`;
/** Each app: its source in test/consumer/ and the page body it starts from. */
const APPS = { plain: { source: 'app.ts', body: '<str-provider></str-provider>' }, react: { source: 'react-app.tsx', body: '<div id="root"></div>' } };

/** Bundles the app from the packed packages into its own www directory, as a vendor's esbuild build would. */
async function bundleApp({ source, body }) {
  const www = resolve(consumerDir, `www-${source.replace(/\W/g, '-')}`);
  mkdirSync(www, { recursive: true });
  copyFileSync(resolve(sources, source), resolve(consumerDir, source));
  await esbuild({
    entryPoints: [resolve(consumerDir, source)],
    // Code splitting on, as a vendor's build has it: what the packages load with import() (the care plan's forms, the
    // virtualizer, Welsh) is fetched as a chunk under the page's CSP (issue 19).
    outdir: www,
    entryNames: 'app',
    splitting: true,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { strict: true } },
  });
  writeFileSync(resolve(www, 'index.html'), page(body));
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
export async function runApp(app = APPS.plain) {
  const problems = [];
  const www = await bundleApp(app);
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

/** Type-checks a source against the packed declarations; returns tsc's complaints (empty when clean). */
export function typeCheck(source = 'types.ts') {
  copyFileSync(resolve(sources, source), resolve(consumerDir, source));
  const tsconfig = {
    compilerOptions: {
      strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      noEmit: true, skipLibCheck: false, types: [], verbatimModuleSyntax: true, jsx: 'react-jsx',
    },
    files: [source],
  };
  const config = resolve(consumerDir, `tsconfig.${source}.json`);
  writeFileSync(config, JSON.stringify(tsconfig));
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', config, '--listFiles'], { encoding: 'utf8' });
  const lines = `${r.stdout}${r.stderr}`.split('\n');
  // tsc walks up past a packed package that lacks an export and would find the workspace's own: that must fail.
  const leaked = lines.filter((l) => l.startsWith(resolve(root, 'packages') + '/')).map((l) => `read from the workspace, not the tarball: ${l}`);
  const errors = r.status === 0 ? [] : [lines.filter((l) => !l.startsWith('/')).join('\n').trim()];
  return [...errors, ...leaked];
}

/** Both consumer tests; `check(name, ok)` records each. Expects scripts/pack.mjs to have unpacked the tarballs. */
export async function runConsumerTests(check) {
  for (const [name, run] of [
    ['consumer app from npm pack runs in Chromium under strict CSP, console clean', () => runApp(APPS.plain)],
    ['consumer TypeScript (strict) types tag and event maps from npm pack', () => typeCheck('types.ts')],
    ['React 19 consumer (strict TSX) type-checks wrappers and JSX types from npm pack, with negative controls', () => typeCheck('react-app.tsx')],
    ['React 19 consumer renders the wrappers in Chromium under strict CSP and handles a typed event, console clean', () => runApp(APPS.react)],
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
