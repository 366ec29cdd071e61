// `node scripts/process-death.mjs`: offline first survives real process death (issue 16). A real Chromium with a
// persistent profile runs the SDK's IndexedDB store, sync engine and FHIR store (test/process-death/page.ts) against the
// real FHIR engine over HTTP on 127.0.0.1, behind a proxy of this script's own. The whole browser (its process group)
// is killed with SIGKILL at each of the three risky moments, in turn:
//   - local-write: while a burst of local writes is in flight (killed from here as the page reports saves);
//   - push: while a push request is in flight, before the record system has it (the proxy holds it, never sends it);
//   - after-commit: after the record system committed a push, before the reply (the proxy holds the reply).
// After each kill the browser is relaunched on the same profile and the page drains; then, checked on the record
// system (by STR identifier) and on the device: every contact the page reported saved is on both, once; the outbox
// is empty, nothing needs attention; the device and the record system hold the same contacts, none unknown (so a write
// not reported saved is absent or there once). A duplicate planted on the engine must be caught (negative control).
// Exits non-zero on failure. With STRKIT_NODE_RESULTS=<file>, writes the named checks' results there for npm test
// (scripts/test.mjs) and the hazard log. No Chromium process outlives the script.
import { createServer, request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startFhirServer } from './fhir-server-process.mjs';
import { reportNodeChecks } from './node-check.mjs';

const root = resolve(import.meta.dirname, '..');
const FILE = 'scripts/process-death.mjs';
const SUITE = 'process death';
const ROUNDS = Number(process.env.PD_ROUNDS ?? 12); // 4 per moment
const MOMENTS = ['local-write', 'push', 'after-commit'];
const NAMES = {
  'local-write': 'the browser killed while a burst of local writes is in flight: every write reported saved is on the device and on the record system once',
  push: 'the browser killed during a push, before the record system has it: every write reported saved reaches the record system once',
  'after-commit': 'the browser killed after the record system committed, before the reply: the relaunched page sends nothing twice',
  control: 'the checker flags a contact planted twice on the record system and a saved contact missing from it',
  orphans: 'no Chromium process is left behind',
};
const STR_ID = 'urn:strkit:id';
const PERSON = crypto.randomUUID();
const started = performance.now();

const log = (line) => console.log(`  ${line}`);
const deferred = () => {
  let resolveIt;
  const promise = new Promise((r) => (resolveIt = r));
  return { promise, resolve: resolveIt };
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------- the page and the proxy ----------

const { outputFiles } = await build({
  entryPoints: [join(root, 'test/process-death/page.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false,
  conditions: ['strkit-source'], logLevel: 'error', tsconfig: join(root, 'tsconfig.base.json'),
});
const appJs = outputFiles[0].text;
const HTML = '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>STR Kit process death</title><script type="module" src="/app.js"></script></html>';

const engine = await startFhirServer();
const engineUrl = new URL(engine.baseUrl);

/** At most one armed trap: the nth write (POST/PUT) through the proxy is held, before or after the engine has it. */
let trap;
/** Which write request of a round the trap holds (see the push and after-commit rounds). */
const NTH = [1, 2];
const held = new Set();

function forward(req, body, onReply) {
  const up = request({ host: engineUrl.hostname, port: engineUrl.port, method: req.method, path: req.url, headers: req.headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => onReply(res, Buffer.concat(chunks)));
  });
  up.on('error', () => onReply(undefined));
  up.end(body);
}

const server = createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(HTML);
  if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(appJs);
  if (!req.url?.startsWith('/fhir/')) return res.writeHead(404).end();
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const write = req.method === 'POST' || req.method === 'PUT';
    const reply = (up, data) => {
      if (!up) return res.writeHead(502).end();
      res.writeHead(up.statusCode ?? 502, up.headers).end(data);
    };
    if (write && trap && ++trap.seen === trap.nth) {
      const t = trap;
      trap = undefined;
      held.add(res);
      if (t.kind === 'before') {
        // Held and never sent: the browser dies with this push in flight.
        t.fired.resolve(`${req.method} ${req.url.split('?')[0]} held before the engine`);
        return;
      }
      forward(req, body, (up) => t.fired.resolve(`${req.method} ${req.url.split('?')[0]} committed (HTTP ${up?.statusCode}), reply held`));
      return;
    }
    forward(req, body, reply);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------- the browser ----------

const profile = mkdtempSync(join(tmpdir(), 'strkit-process-death-'));
const groups = new Set();
let browser;
let page;
const attempted = new Set();
const saved = new Set();
let onSaved = () => undefined;

async function launch() {
  browser = await puppeteer.launch({
    executablePath: chromiumPath(), headless: true, userDataDir: profile, args: chromiumArgs, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    protocolTimeout: 60_000,
  });
  groups.add(browser.process().pid);
  page = await browser.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.exposeFunction('pdAttempt', (id) => void attempted.add(id));
  await page.exposeFunction('pdSaved', (id) => {
    saved.add(id);
    onSaved();
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.pd !== undefined);
}

/** Live processes (zombies waiting for init to reap them are dead) in a process group or naming this run's profile. */
function survivors(pgid) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      if ((pgid !== undefined && Number(pgrp) === pgid) || readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** SIGKILL to the browser's whole process group, then wait until none of it is left. */
async function killBrowser() {
  const child = browser.process();
  const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await exited;
  for (let i = 0; i < 200 && survivors(child.pid).length; i++) await sleep(25);
  browser.disconnect().catch(() => undefined);
  for (const res of held) res.destroy();
  held.clear();
  browser = undefined;
  page = undefined;
}

// ---------- the checks ----------

async function fhirAll(path) {
  const out = [];
  let next = `${engine.baseUrl}/${path}`;
  while (next) {
    const bundle = await (await fetch(next)).json();
    out.push(...(bundle.entry ?? []).map((e) => e.resource));
    next = bundle.link?.find((l) => l.relation === 'next')?.url;
  }
  return out;
}

async function patientRef() {
  const [p, ...more] = await fhirAll(`Patient?identifier=${STR_ID}|${PERSON}`);
  if (!p || more.length) throw new Error(`expected one Patient for the person, found ${more.length + (p ? 1 : 0)}`);
  return `Patient/${p.id}`;
}

/** How often each STR identifier value of `system` occurs among `resources`. */
function countIds(resources, system) {
  const counts = new Map();
  for (const r of resources) for (const i of r.identifier ?? []) if (i.system === system) counts.set(i.value, (counts.get(i.value) ?? 0) + 1);
  return counts;
}

/**
 * The invariants, as a pure function of what was seen (so the negative control exercises the same code). Returns the
 * problems found; none means the round passed.
 */
function problemsIn({ device, serverEncounters, serverNotes, attempted: tried, saved: ok }) {
  const problems = [];
  if (device.unsynced !== 0) problems.push(`${device.unsynced} still unsynced after the drain`);
  if (device.outbox.length) problems.push(`outbox not empty: ${device.outbox.slice(0, 3).join(', ')}`);
  if (device.attention.length) problems.push(`needs attention: ${device.attention.slice(0, 3).join(', ')}`);
  const onServer = countIds(serverEncounters, STR_ID);
  const onDevice = new Map();
  for (const id of device.deviceIds) onDevice.set(id, (onDevice.get(id) ?? 0) + 1);
  for (const [id, n] of onServer) {
    if (n !== 1) problems.push(`contact ${id} is on the record system ${n} times`);
    if (!tried.has(id)) problems.push(`contact ${id} on the record system was never written`);
    if (!onDevice.has(id)) problems.push(`contact ${id} is on the record system but not on the device`);
  }
  for (const [id, n] of onDevice) {
    if (n !== 1) problems.push(`contact ${id} is on the device ${n} times`);
    if (!tried.has(id)) problems.push(`contact ${id} on the device was never written`);
    if (!onServer.has(id)) problems.push(`contact ${id} is on the device but not on the record system`);
  }
  for (const id of ok) {
    if (!onServer.has(id)) problems.push(`contact ${id} was reported saved and is not on the record system`);
    if (!onDevice.has(id)) problems.push(`contact ${id} was reported saved and is not on the device`);
  }
  for (const [note, n] of serverNotes) if (n !== 1) problems.push(`note document ${note} is on the record system ${n} times`);
  return problems;
}

async function observe() {
  const device = await page.evaluate((p) => window.pd.drain(p, 30_000), PERSON);
  const subject = await patientRef();
  const serverEncounters = await fhirAll(`Encounter?subject=${subject}&_count=200`);
  const docs = await fhirAll(`DocumentReference?subject=${subject}&_count=200`);
  const noteSystem = docs.flatMap((d) => d.identifier ?? []).find((i) => i.system !== STR_ID)?.system;
  return { device, serverEncounters, serverNotes: countIds(docs, noteSystem), attempted, saved };
}

// ---------- the rounds ----------

// A hung browser or engine must never hang npm test: give up after 5 minutes, killing every browser started.
const watchdog = setTimeout(() => {
  console.log('not ok - process death: gave up after 5 minutes');
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  engine.child.kill();
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}, 300_000);
watchdog.unref();

const results = new Map(Object.keys(NAMES).map((k) => [k, true]));
const fail = (key, why) => {
  results.set(key, false);
  log(`✗ ${why}`);
};
const kills = Object.fromEntries(MOMENTS.map((m) => [m, 0]));

try {
  await launch();
  await page.evaluate((p) => window.pd.person(p), PERSON);
  const before = problemsIn(await observe());
  if (before.length) throw new Error(`the person did not sync before the first round: ${before.join('; ')}`);

  for (let round = 1; round <= ROUNDS; round++) {
    const moment = MOMENTS[(round - 1) % MOMENTS.length];
    const cycle = Math.floor((round - 1) / MOMENTS.length);
    const savedBefore = saved.size;
    let what;
    if (moment === 'local-write') {
      // Killed from here while the burst is in flight: after 0, 2, 6, 12… of its 24 writes were reported saved.
      const after = [0, 2, 6, 12][cycle % 4];
      const enough = deferred();
      const target = saved.size + after;
      onSaved = () => saved.size >= target && enough.resolve();
      const allTried = attempted.size + 24;
      const burst = page.evaluate((p) => window.pd.burst(p, 24), PERSON).catch(() => undefined);
      for (const until = performance.now() + 20_000; attempted.size < allTried; await sleep(1)) {
        if (performance.now() > until) throw new Error(`round ${round}: the page did not start its burst`);
      }
      if (after > 0) await Promise.race([enough.promise, burst]);
      what = `${saved.size - savedBefore} of 24 writes reported saved when killed`;
    } else {
      // Contacts are pushed in batch Bundles (ADR 0003), a stage at a time: the notes, then the Encounters that name
      // them, then the notes' links. A round of 6 contacts is at least two write requests, so hold the 1st or the 2nd:
      // the browser dies with a stage in flight, or with its later stage still to send.
      const fired = deferred();
      trap = { kind: moment === 'push' ? 'before' : 'after', nth: NTH[cycle % NTH.length], seen: 0, fired };
      const burst = page.evaluate((p) => window.pd.burst(p, 6), PERSON).catch(() => undefined);
      const timeout = sleep(20_000).then(() => undefined);
      what = await Promise.race([fired.promise, timeout]);
      if (!what) {
        trap = undefined;
        await burst;
        fail(moment, `round ${round}: the proxy never saw write ${NTH[cycle % NTH.length]}`);
      }
    }
    onSaved = () => undefined;
    const t0 = performance.now();
    await killBrowser();
    kills[moment]++;
    const t1 = performance.now();
    await launch();
    const t2 = performance.now();
    const problems = problemsIn(await observe());
    if (process.env.PD_TIMING) log(`kill ${(t1 - t0).toFixed(0)} ms, launch ${(t2 - t1).toFixed(0)} ms, drain and check ${(performance.now() - t2).toFixed(0)} ms`);
    log(`round ${round} (${moment}): ${what}; killed, relaunched, drained: ${problems.length ? problems.join('; ') : 'every saved write once on both sides'}`);
    if (problems.length) fail(moment, `round ${round} (${moment}): ${problems.length} problem(s)`);
  }

  // Read back with the SDK's own FHIR store, as another device would: every contact maps (note included), none unreadable.
  const back = await page.evaluate((p) => window.pd.readBack(p), PERSON);
  const final = await observe();
  const onServer = [...countIds(final.serverEncounters, STR_ID).keys()].sort();
  if (back.unreadable.length || JSON.stringify([...back.ids].sort()) !== JSON.stringify(onServer)) {
    fail('after-commit', `read back: ${back.ids.length} contacts of ${onServer.length}, ${back.unreadable.length} unreadable (${back.unreadable.slice(0, 3).join('; ')})`);
  } else log(`read back through fhirStore: all ${onServer.length} contacts, none unreadable`);

  // Negative control: the same checker must see a contact planted twice on the engine, and a saved one missing.
  const seen = await observe();
  const original = seen.serverEncounters[0];
  const copy = { ...original, id: undefined, meta: undefined };
  const planted = await fetch(`${engine.baseUrl}/Encounter`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(copy) });
  const withDuplicate = problemsIn(await observe());
  const missing = problemsIn({ ...seen, saved: new Set([...saved, crypto.randomUUID()]) });
  const flagged = planted.status === 201
    && withDuplicate.some((p) => p.includes(`contact ${original.identifier.find((i) => i.system === STR_ID).value} is on the record system 2 times`))
    && missing.some((p) => p.includes('was reported saved and is not on the record system'));
  if (!flagged) fail('control', `negative control not flagged (planted: HTTP ${planted.status}; ${withDuplicate.length} and ${missing.length} problems)`);
  else log('negative control: a planted duplicate and a missing saved contact are both flagged');
} catch (e) {
  for (const k of Object.keys(NAMES)) if (k !== 'orphans') results.set(k, false);
  log(`✗ ${e?.stack ?? e}`);
} finally {
  if (browser) await killBrowser().catch(() => undefined);
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  await sleep(200);
  const left = [...new Set([...survivors(), ...[...groups].flatMap((g) => survivors(g))])];
  if (left.length) fail('orphans', `Chromium left behind: pids ${left.join(', ')}`);
  else log(`no live process left of ${groups.size} browser process groups`);
  engine.child.kill();
  server.close();
  server.closeAllConnections?.();
  rmSync(profile, { recursive: true, force: true });
}

for (const m of MOMENTS) if (kills[m] < 3) fail(m, `only ${kills[m]} kills ${m}`);
// Hard to pass by accident: the rounds must have had saved writes to lose.
if (saved.size < 30) fail('local-write', `only ${saved.size} writes reported saved in all`);
const total = Object.values(kills).reduce((a, b) => a + b, 0);
if (total < 10) fail('local-write', `only ${total} kills in all`);
console.log(`process death: ${total} SIGKILLs (${MOMENTS.map((m) => `${kills[m]} ${m}`).join(', ')}), ${saved.size} writes reported saved of ${attempted.size} attempted, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(reportNodeChecks(FILE, SUITE, [...results].map(([k, ok]) => [NAMES[k], ok])));
