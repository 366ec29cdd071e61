// `node scripts/app-offline-check.mjs`: the worker's app with the network cut (issue 21), as on a phone in a basement
// flat. Starts `npm run start:fhir` (the page from sources, the FHIR engine behind it) on a free port, opens the
// offline-first page (`?store=fhir&offline=1`) in Chromium until its service worker holds the app shell, cuts the
// network (CDP offline), logs a contact, then reloads: the app must open from the device, show the caseload and say
// that the change waits to be sent; with the network back, it is sent. Strict CSP and Trusted Types throughout.
// `npm test` runs it as named checks (scripts/node-check.mjs).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { reportNodeChecks } from './node-check.mjs';

const root = resolve(import.meta.dirname, '..');
const PHONE = { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const CHECKS = {
  kept: 'the service worker keeps the app shell under the strict CSP and Trusted Types',
  opens: 'reloaded with the network cut, the app opens and shows the caseload from the device',
  waiting: 'offline, it says a logged contact waits to be sent, and sends it when the network is back',
};
const results = Object.fromEntries(Object.keys(CHECKS).map((k) => [k, false]));

const child = spawn(process.execPath, [resolve(root, 'scripts/start.mjs'), '--fhir'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
const inCaseload = (sel) => `str-caseload >>> ${sel}`;
const syncWords = (page) => page.evaluate(() => document.querySelector('str-sync-status')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
try {
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('npm run start:fhir printed no address within 90 s')), 90_000);
    child.once('exit', (code) => fail(new Error(`npm run start:fhir exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /on the FHIR R4 engine: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)));
  page.on('console', (m) => /CSP violation|TrustedScriptURL|Trusted Type/.test(m.text()) && problems.push(m.text()));
  await page.setViewport(PHONE);
  await page.goto(`${url}?store=fhir&offline=1`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 180_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 30_000 });
  results.kept = problems.length === 0;
  console.log(`  a service worker controls the page; ${problems.length} CSP or Trusted Types problems`);

  await page.setOfflineMode(true);
  // Each wait is a function polled each frame: a selector wait watches the document, not the caseload's shadow root.
  await page.waitForFunction(() => document.querySelector('str-caseload')?.shadowRoot?.querySelector('.person button.open'), { timeout: 60_000 });
  const first = await page.$(inCaseload('.person button.open'));
  const name = await first.evaluate((b) => b.textContent.trim());
  await first.click();
  await page.waitForFunction(() => document.querySelector('str-contact-log')?.shadowRoot?.querySelector('form'), { timeout: 60_000 });
  await page.evaluate(() => document.querySelector('str-contact-log').whenLoaded());
  await page.evaluate(() => {
    const form = document.querySelector('str-contact-log').shadowRoot;
    for (const n of ['duration', 'mechanism', 'location']) form.querySelector(`input[name=${n}]`).click();
    form.querySelector('button[type=submit]').click();
  });
  await page.waitForFunction(() => /saved on this device/.test(document.querySelector('str-sync-status')?.shadowRoot?.textContent ?? ''), { timeout: 60_000 });

  await page.reload();
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('str-caseload')?.shadowRoot?.querySelector('.person button.open'), { timeout: 60_000 });
  const people = await page.$$eval(inCaseload('.person'), (rows) => rows.length);
  const listed = await page.$$eval(inCaseload('.person h3'), (hs) => hs.map((h) => h.textContent.trim()));
  results.opens = people > 0 && listed.includes(name) && problems.length === 0;
  console.log(`  offline reload: the caseload lists ${people} people (${listed.includes(name) ? 'with' : 'without'} ${name})`);
  await page.waitForFunction(() => /saved on this device/.test(document.querySelector('str-sync-status')?.shadowRoot?.textContent ?? ''), { timeout: 30_000 });
  const waiting = await syncWords(page);
  console.log(`  the status says: ${waiting.trim().slice(0, 120)}`);
  await page.setOfflineMode(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForFunction(() => !/saved on this device/.test(document.querySelector('str-sync-status')?.shadowRoot?.textContent ?? ''), { timeout: 60_000 });
  results.waiting = true;
  console.log(`  back online, the status says: ${(await syncWords(page)).trim().slice(0, 120)}`);
  for (const p of problems) console.log(`  ${p}`);
  if (problems.length) results.kept = false;
} catch (e) {
  console.log(`  ${e.message}`);
} finally {
  await browser.close();
  child.kill();
}
process.exit(reportNodeChecks('scripts/app-offline-check.mjs', 'the worker’s app offline', Object.entries(CHECKS).map(([k, name]) => [name, results[k]])));
