// `node scripts/start-check.mjs`: `npm start` as a newcomer meets it (issue 19). Starts scripts/start.mjs on a free
// port, times it from launch to the example page working in Chromium (the caseload drawn, a person chosen, the contact log drawn), under
// the strict CSP and Trusted Types, with no console error and no CSP violation; the page must be up within 15 s.
// `npm test` runs it as one named check (scripts/node-check.mjs).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { reportNodeChecks } from './node-check.mjs';

const root = resolve(import.meta.dirname, '..');
const LIMIT_MS = 15_000;
const NAME = 'the example page is built from sources and renders under the strict CSP within 15 s';

// The browser starts first: its launch is no part of what `npm start` costs.
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
const t0 = performance.now();
const child = spawn(process.execPath, [resolve(root, 'scripts/start.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
const page = await new Promise((ok, fail) => {
  let out = '';
  const timer = setTimeout(() => fail(new Error('npm start printed no address within 60 s')), 60_000);
  child.once('exit', (code) => fail(new Error(`npm start exited (${code})`)));
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /example EPR page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) {
      clearTimeout(timer);
      ok(m[1]);
    }
  });
});

let passed = false;
try {
  const tab = await browser.newPage();
  const problems = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await tab.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  await tab.goto(page);
  // The caseload is drawn from the seeded IndexedDB; choosing a person draws their contacts.
  // (A function polled each frame: a selector wait watches the document, not the caseload's shadow root.)
  await tab.waitForFunction(() => document.querySelector('str-caseload')?.shadowRoot?.querySelector('.person button.open'), { timeout: 60_000 });
  await tab.click('str-caseload >>> .person button.open');
  await tab.waitForFunction(() => (document.querySelector('str-contact-log')?.shadowRoot?.childElementCount ?? 0) > 0, { timeout: 60_000 });
  const ms = performance.now() - t0;
  console.log(`  npm start → page rendered in ${(ms / 1000).toFixed(1)} s (load ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  for (const p of problems) console.log(`  ${p}`);
  passed = ms <= LIMIT_MS && problems.length === 0;
} catch (e) {
  console.log(`  ${e.message}`);
} finally {
  await browser.close();
  child.kill();
}
process.exit(reportNodeChecks('scripts/start-check.mjs', 'npm start', [[NAME, passed]]));
