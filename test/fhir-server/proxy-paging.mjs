// `node test/fhir-server/proxy-paging.mjs`: the `npm run start:fhir` proxy, checked end to end (issue 13). Starts
// scripts/serve.mjs --fhir on a free port, writes a person with 250 contacts through the proxy, then reads them back
// with the SDK's own fhirStore on the page's origin: the engine pages at 200, so this passes only if every `next`
// link is on the page's origin (the SDK refuses to follow one to another origin). Exits non-zero on failure.
// A Node script rather than a browser test: the proxy is a separate process the test runner does not start. `npm test`
// runs it as one named check (scripts/node-check.mjs).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { reportNodeChecks } from '../../scripts/node-check.mjs';

const root = resolve(import.meta.dirname, '../..');
const CONTACTS = 250;

function startProxy() {
  const child = spawn(process.execPath, [resolve(root, 'scripts/serve.mjs'), '--fhir'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('the proxy did not start within 60 s')), 60_000);
    child.once('exit', (code) => fail(new Error(`the proxy exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /FHIR R4 engine[^:]*: (http:\/\/127\.0\.0\.1:\d+\/)fhir\/R4/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout.resume();
        ok({ child, page: new URL(m[1]) });
      }
    });
  });
}

async function loadSdk() {
  const { outputFiles } = await build({
    entryPoints: [resolve(root, 'packages/sdk/src/index.ts')], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false,
    mainFields: ['module', 'main'], conditions: ['strkit-source'], logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const check = (ok, what) => {
  if (!ok) throw new Error(what);
  console.log(`ok - ${what}`);
};

const NAME = 'a person with 250 contacts opens and pages completely';
let passed = false;
const { child, page } = await startProxy();
try {
  const sdk = await loadSdk();
  const baseUrl = new URL('fhir/R4', page).href;
  const store = sdk.fhirStore({ baseUrl });
  const personId = crypto.randomUUID();
  const at = '2026-06-01T09:00:00Z';
  const env = { version: '1', schemaVersion: 1, createdAt: at, createdBy: 'lead-1', updatedAt: at, updatedBy: 'lead-1' };
  await store.put('serviceUser', { ...env, id: personId, displayName: 'Pat Proxytest', nhsNumber: '9990000018' });

  // Seed as another system would, in FHIR batches through the proxy (the store's own writes are tested elsewhere).
  const ns = sdk.namespaceFrom();
  const patient = await (await fetch(`${baseUrl}/Patient?identifier=urn:strkit:id|${personId}`)).json();
  const patientReference = `Patient/${patient.entry[0].resource.id}`;
  const made = Array.from({ length: CONTACTS }, (_, i) => ({
    ...env, id: crypto.randomUUID(), serviceUserId: personId, workerId: 'worker-1', start: new Date(Date.parse('2026-01-01T09:00:00Z') + i * 3_600_000).toISOString(),
    durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', planned: true, othersPresent: [], taskIds: [], note: '',
  }));
  for (let i = 0; i < made.length; i += 100) {
    const entry = made.slice(i, i + 100).map((c) => ({ resource: sdk.contactToEncounter(c, { patientReference }, undefined, ns), request: { method: 'POST', url: 'Encounter' } }));
    const res = await fetch(baseUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry }) });
    check(res.status === 200, `batch ${i / 100 + 1} accepted through the proxy`);
  }

  const raw = await (await fetch(`${baseUrl}/Encounter?subject=${patientReference}&_count=200`)).json();
  const next = raw.link?.find((l) => l.relation === 'next')?.url;
  check(next !== undefined && new URL(next).origin === page.origin, `the engine's next link is on the page's origin (${next && new URL(next).origin})`);

  const seen = [];
  let cursor;
  do {
    const result = await store.list('contact', { serviceUserId: personId, limit: 100, ...(cursor && { cursor }) });
    seen.push(...result.items);
    cursor = result.next;
  } while (cursor);
  check(seen.length === CONTACTS && new Set(seen.map((c) => c.id)).size === CONTACTS, `all ${CONTACTS} contacts listed once each (${seen.length})`);
  const person = await store.get('serviceUser', personId);
  check(person?.displayName === 'Pat Proxytest', 'the person opens through the proxy');
  passed = true;
} catch (e) {
  console.log(`not ok - ${e?.message ?? e}`);
} finally {
  child.kill('SIGTERM');
}
process.exitCode = reportNodeChecks('test/fhir-server/proxy-paging.mjs', 'npm run start:fhir proxy', [[NAME, passed]]);
