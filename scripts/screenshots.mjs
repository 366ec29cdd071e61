// `npm run screenshots`: PNGs of each widget's views on a phone (390 × 844), and of every primary button in forced
// colours, from the example page (built by `npm run build`, served by scripts/serve.mjs under its strict CSP), in
// Debian's Chromium (scripts/chromium.mjs; nothing is downloaded); then each widget in Welsh. Written to .tmp/screenshots/ (git-ignored).
// Synthetic people only: the example page seeds invented ones.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath, NO_BROWSER_MESSAGE } from './chromium.mjs';

const repo = resolve(import.meta.dirname, '..');
const out = join(repo, '.tmp', 'screenshots');
const PHONE = { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const WIDGETS = ['str-sync-status', 'str-caseload', 'str-alert-inbox', 'str-contact-log', 'str-care-plan', 'str-relapse-check', 'str-relapse-trend', 'str-relapse-plan', 'str-team', 'str-care-pathway'];
/** Where each widget is in the worker's app (examples/app.ts): a view of the page, or a part of the person's record. */
const PLACE = { 'str-team': 'team', 'str-caseload': 'caseload', 'str-alert-inbox': 'alerts', 'str-contact-log': 'contacts', 'str-care-plan': 'plan', 'str-relapse-check': 'signs', 'str-relapse-trend': 'signs', 'str-relapse-plan': 'signs', 'str-care-pathway': 'pathway' };

/** Brings `tag` on screen in the app: the caseload, the open alerts, or the first person's record at the right part. */
async function reveal(page, tag) {
  const place = PLACE[tag];
  if (!place) return;
  if (place === 'team') {
    // The Team view is the team lead's (issue 22): sign in as the demo team lead first.
    if ((await page.$eval('#signed-in', (s) => s.value)) !== 'demo-team-lead') await page.select('#signed-in', 'demo-team-lead');
    await page.click('.views button[data-view=team]');
  } else if (place === 'caseload' || place === 'alerts') {
    await page.click(`.views button[data-view=${place}]`);
  } else {
    if (!(await page.$('#person-view:not([hidden])'))) {
      await page.click('.views button[data-view=caseload]');
      await page.waitForFunction(() => document.querySelector('str-caseload')?.shadowRoot?.querySelector('.person button.open'), { timeout: 30_000 });
      await page.click('str-caseload >>> .person button.open');
      await page.waitForSelector('#person-view:not([hidden]) .parts');
    }
    await page.click(`.parts button[data-part=${place}]`);
  }
  await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.childElementCount, { timeout: 30_000 }, tag);
  await page.evaluate((t) => document.querySelector(t)?.whenLoaded?.(), tag);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

if (!chromiumPath()) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
// Always make the production build first: an old examples/dist would show an old widget.
console.log('Building the example page first (npm run build)…');
if (spawnSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);

/** Starts scripts/serve.mjs on a free port (with `--fhir`, the FHIR engine behind it); resolves with its URL and the child. */
function serve(...args) {
  const child = spawn(process.execPath, [join(repo, 'scripts', 'serve.mjs'), ...args], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the example server stopped (exit ${code})`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk)?.[0];
      if (url) ok({ url, child });
    });
  });
}

/** A file name from free text: lower case, words joined by hyphens. */
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

/** Screenshots `tag` (the first on the page) as it is, then once per view button it offers (aria-pressed toggles). */
async function widgetViews(page, tag) {
  await reveal(page, tag);
  const el = await page.$(tag);
  const box = el && (await el.boundingBox());
  if (!box || box.height === 0) return []; // nothing drawn (the sync status without a synced store)
  const shots = [`${tag}.png`];
  await el.screenshot({ path: join(out, shots[0]) });
  const views = await page.evaluate((t) => [...(document.querySelector(t)?.shadowRoot?.querySelectorAll('button[aria-pressed]') ?? [])].map((b) => b.textContent.trim()), tag);
  for (const view of views) {
    await page.evaluate((t, v) => [...document.querySelector(t).shadowRoot.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent.trim() === v)?.click(), tag, view);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const name = `${tag}--${slug(view)}.png`;
    await el.screenshot({ path: join(out, name) });
    shots.push(name);
  }
  return shots;
}

/** The contact log's own states: a contact opened, the error summary, a correction. */
async function contactLogStates(page) {
  await reveal(page, 'str-contact-log');
  const shots = [];
  const shoot = async (name) => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await (await page.$('str-contact-log')).screenshot({ path: join(out, name) });
    shots.push(name);
  };
  await page.evaluate(() => {
    const d = document.querySelector('str-contact-log').shadowRoot.querySelector('.history details');
    if (d) d.open = true;
  });
  await shoot('str-contact-log--contact-open.png');
  await page.evaluate(() => document.querySelector('str-contact-log').shadowRoot.querySelector('button[type=submit]').click());
  await shoot('str-contact-log--errors.png');
  await page.evaluate(() => [...document.querySelector('str-contact-log').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Correct this contact')?.click());
  await shoot('str-contact-log--correcting.png');
  return shots;
}

/** Clicks the button of `tag` whose words start with `text` (the first on the page); false when there is none. */
const clickButton = (page, tag, text) => page.evaluate((t, x) => {
  const b = [...(document.querySelector(t)?.shadowRoot?.querySelectorAll('button') ?? [])].find((e) => e.textContent.trim().startsWith(x));
  b?.click();
  return !!b;
}, tag, text);
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The states a worker reaches by pressing a button: forms open, errors shown, a check saved. Each [tag, name, buttons]. */
const STATES = [
  ['str-care-plan', 'editing-the-plan', ['Goals and tasks', 'Edit plan details']],
  ['str-care-plan', 'recording-a-review', ['Cancel', 'Record a review']],
  ['str-care-plan', 'adding-a-task', ['Cancel', 'Add a task']],
  ['str-care-plan', 'task-status', ['Cancel', 'Change status']],
  ['str-relapse-check', 'errors', ['Save check']],
  ['str-relapse-check', 'none-noticed-saved', ['None noticed', 'Save check']],
  ['str-relapse-plan', 'editing', ['Edit the plan']],
  // The team lead's forms on the first worker's card (issue 22); they load on first use.
  ['str-team', 'recording-supervision', ['Record supervision']],
  ['str-team', 'supervision-errors', ['Save the supervision']],
  ['str-team', 'recording-training', ['Cancel', 'Record training']],
  ['str-team', 'reallocating', ['Cancel', 'Reallocate a person']],
];

async function widgetStates(page) {
  const shots = [];
  for (const [tag, name, buttons] of STATES) {
    await reveal(page, tag);
    let pressed = true;
    for (const text of buttons) {
      pressed = (await clickButton(page, tag, text)) || text === 'Cancel';
      await frames(page);
      await page.evaluate((t) => document.querySelector(t)?.updateComplete, tag);
    }
    if (!pressed) continue; // the role or the data offers no such button
    await new Promise((r) => setTimeout(r, tag === 'str-team' ? 800 : 300)); // a save goes to IndexedDB and back; the team's forms load
    const file = `${tag}--${name}.png`;
    await (await page.$(tag)).screenshot({ path: join(out, file) });
    shots.push(file);
  }
  return shots;
}

/** Each widget as first drawn, in Welsh (the page's language switcher, issue 20): `cy--<tag>.png`. */
async function welshViews(page) {
  await page.click('#language'); // Cymraeg
  await page.waitForFunction(() => document.querySelector('str-provider')?.locale === 'cy', { timeout: 30_000 });
  const shots = [];
  for (const tag of WIDGETS) {
    await reveal(page, tag);
    const el = await page.$(tag);
    const box = el && (await el.boundingBox());
    if (!box || box.height === 0) continue;
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot?.querySelector('[lang="cy"]'), { timeout: 30_000 }, tag);
    await el.screenshot({ path: join(out, `cy--${tag}.png`) });
    shots.push(`cy--${tag}.png`);
  }
  await page.click('#language'); // English
  return shots;
}

/** Each primary button, forced colours on (Windows High Contrast), with a margin so its boundary shows. */
async function forcedColourButtons(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  const shots = [];
  for (const tag of WIDGETS) {
    await reveal(page, tag);
    const boxes = await page.evaluate((t) => [...(document.querySelector(t)?.shadowRoot?.querySelectorAll('button.primary') ?? [])].map((b) => {
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { text: b.textContent.trim(), x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    }).filter((b) => b.width > 0), tag);
    for (const [i, b] of boxes.entries()) {
      const name = `forced-colours--${tag}--${i + 1}-${slug(b.text)}.png`;
      await page.screenshot({ path: join(out, name), captureBeyondViewport: true, clip: { x: Math.max(0, b.x - 8), y: Math.max(0, b.y - 8), width: b.width + 16, height: b.height + 16 } });
      shots.push(name);
    }
  }
  await cdp.send('Emulation.setEmulatedMedia', { features: [] });
  return shots;
}

/**
 * <str-sync-status> draws nothing on the plain example page (no synced store): on the offline-first page
 * (`?store=fhir&offline=1`, the FHIR engine behind it) the network is switched off and a contact logged, so the
 * status says one change waits on this device.
 */
async function syncStatusWaiting(browser) {
  const { url, child } = await serve('--fhir');
  const page = await browser.newPage();
  try {
    await page.setViewport(PHONE);
    await page.goto(`${url}?store=fhir&offline=1`);
    await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('str-caseload')?.shadowRoot?.querySelector('.person button.open'), { timeout: 60_000 });
    await page.click('str-caseload >>> .person button.open');
    await page.waitForFunction(() => document.querySelector('str-contact-log')?.shadowRoot?.querySelector('form'), { timeout: 60_000 });
    await page.setOfflineMode(true); // what is saved waits on this device
    await page.evaluate(() => {
      const root = document.querySelector('str-contact-log').shadowRoot;
      for (const name of ['duration', 'mechanism', 'location']) root.querySelector(`input[name=${name}]`).click();
      root.querySelector('button[type=submit]').click();
    });
    await page.waitForFunction(() => /saved on this device/.test(document.querySelector('str-sync-status')?.shadowRoot?.textContent ?? ''), { timeout: 60_000 });
    await page.evaluate(() => document.querySelector('str-sync-status').scrollIntoView());
    await (await page.$('str-sync-status')).screenshot({ path: join(out, 'str-sync-status--waiting.png') });
    return ['str-sync-status--waiting.png'];
  } finally {
    await page.close();
    child.kill();
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const { url, child } = await serve();
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.setViewport(PHONE);
  await page.goto(url);
  page.on('console', (m) => m.type() === 'error' && console.error(`page console: ${m.text()}`));
  await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 }).catch(async (e) => {
    throw new Error(`the example page did not start: ${await page.evaluate(() => document.querySelector('#status')?.textContent)}`, { cause: e });
  });
  // As a care co-ordinator, who may do everything a widget offers (correct any contact, edit the plans).
  await page.select('#signed-in', 'demo-coordinator');
  await page.waitForSelector('.views button[data-view=alerts]', { timeout: 30_000 });
  await page.evaluate(() => document.querySelector('str-caseload').whenLoaded());
  const shots = [];
  await page.screenshot({ path: join(out, 'page.png') });
  shots.push('page.png');
  for (const tag of WIDGETS) shots.push(...(await widgetViews(page, tag)));
  shots.push(...(await contactLogStates(page)));
  shots.push(...(await widgetStates(page)));
  shots.push(...(await forcedColourButtons(page)));
  shots.push(...(await welshViews(page)));
  shots.push(...(await syncStatusWaiting(browser)));
  const header = await page.evaluate(() => document.querySelector('header').getBoundingClientRect().height);
  console.log(`${shots.length} screenshots at ${PHONE.width} × ${PHONE.height} in ${out} (the header is ${header} px, ${((100 * header) / PHONE.height).toFixed(1)}% of the screen):`);
  for (const s of shots) console.log(`  ${s}`);
} finally {
  await browser.close();
  child.kill();
}
