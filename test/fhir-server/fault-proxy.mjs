// A misbehaving network for tests: an HTTP proxy on 127.0.0.1 in front of the FHIR engine that does what hospital
// Wi-Fi, captive portals and tired proxies do (issue 16). Started by the test runner beside the engine
// (scripts/wtr-commands.mjs); tests reach it with `executeServerCommand('fault-proxy-url')`.
//
// Per tenant (/t/<name>/…, as the engine):
//   POST /t/<name>/__proxy { faults: [{ kind, rate, max?, method?, maxMs? }] }  sets the faults and zeroes the counts;
//   GET  /t/<name>/__proxy → { injected: { kind: n }, retryAfterGapsMs: [n] }.
// kinds: 'html' (a 200 captive-portal page), 'status-502', 'status-503' (a proxy's HTML error page), 'status-410'
// (on a search), 'status-429' (with Retry-After: 1), 'truncate' (half the body, then a clean end), 'reset' (half the
// body, then the connection is cut), 'stall' (headers and half the body, then nothing), 'other' (the engine's reply
// to an earlier, different request of the same kind: a reply for another resource), 'reorder' (the reply is held
// back until the next one has gone out, or 1 s), 'delay' (the request is held a random 0 to `maxMs` ms, default 20,
// before it goes on to the engine: a slow network, so answers arrive out of order; issue 14's race battery),
// 'entry-other' and 'entry-reorder' (batch replies only: one entry answered with another resource from an earlier
// batch, or the entries out of order). Faults
// after 'html', 'status-*' never reach the engine; the others do (the engine commits, the client sees garbage).
import { createServer, request as httpRequest } from 'node:http';

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, if-match, if-none-exist, prefer, accept',
  'access-control-expose-headers': 'etag, location, last-modified, content-location, retry-after',
};
const PORTAL = '<!doctype html><html><head><title>Sign in to Trust Wi-Fi</title></head><body><form>Accept the terms</form></body></html>';
const outcome = (code) => JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code }] });

export function startFaultProxy(target) {
  const upstream = new URL(target);
  const tenants = new Map();
  const tenant = (name) => {
    let t = tenants.get(name);
    if (!t) tenants.set(name, (t = { faults: [], injected: {}, gaps: [], lastThrottle: undefined, replies: new Map(), held: [], batchResources: [] }));
    return t;
  };

  const isSearch = (method, fhirPath, search) => method === 'GET' && fhirPath.split('/').filter(Boolean).length === 1 && search.length > 1;

  const isBatch = (method, fhirPath) => method === 'POST' && fhirPath.split('/').filter(Boolean).length === 0;

  /**
   * Entry faults in a batch reply: 'entry-other' puts a resource from an earlier batch reply in one entry (an answer
   * for another resource); 'entry-reorder' moves the first entry to the end. Returns the new body, or undefined.
   */
  function tamper(t, kind, out) {
    let bundle;
    try {
      bundle = JSON.parse(out.toString('utf8'));
    } catch {
      return undefined;
    }
    const entries = bundle?.type === 'batch-response' ? (bundle.entry ?? []) : [];
    if (kind === 'entry-reorder' && entries.length >= 2) entries.push(entries.shift());
    else if (kind === 'entry-other' && entries.length >= 1) {
      const i = entries.findIndex((e) => e.resource);
      const other = t.batchResources.find((r) => r.resourceType === entries[i]?.resource?.resourceType && r.id !== entries[i].resource.id);
      if (!other) return undefined;
      entries[i] = { ...entries[i], resource: other };
    } else return undefined;
    return Buffer.from(JSON.stringify(bundle));
  }

  function pick(t, method, fhirPath, search) {
    for (const f of t.faults) {
      if (f.method && f.method !== method) continue;
      if (f.kind === 'status-410' && !isSearch(method, fhirPath, search)) continue;
      if (f.kind.startsWith('entry-') && !isBatch(method, fhirPath)) continue;
      if ((t.injected[f.kind] ?? 0) >= (f.max ?? Infinity)) continue;
      if (Math.random() < f.rate) return f.kind;
    }
    return undefined;
  }

  const count = (t, kind) => (t.injected[kind] = (t.injected[kind] ?? 0) + 1);

  function forward(req, body) {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host };
      delete headers['content-length'];
      if (body.length) headers['content-length'] = String(body.length);
      const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  }

  /** Sends the replies held back ('reorder') now that a later one has gone out. */
  const release = (t) => {
    for (const h of t.held.splice(0)) h();
  };

  const server = createServer(async (req, res) => {
    const arrived = Date.now();
    const url = new URL(req.url ?? '/', 'http://proxy');
    const m = /^\/t\/([A-Za-z0-9_-]{1,64})(\/.*)$/.exec(url.pathname);
    const t = tenant(m?.[1] ?? '');
    const rest = m?.[2] ?? url.pathname;
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-max-age': '600' });
      return res.end();
    }
    if (rest === '/__proxy') {
      if (req.method === 'POST') {
        const { faults = [] } = JSON.parse(body.toString('utf8') || '{}');
        Object.assign(t, { faults, injected: {}, gaps: [], lastThrottle: undefined });
      }
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      return res.end(JSON.stringify({ injected: t.injected, retryAfterGapsMs: t.gaps }));
    }
    const fhirPath = rest.replace(/^\/fhir\/R4/, '');
    if (t.lastThrottle !== undefined) {
      t.gaps.push(Date.now() - t.lastThrottle);
      t.lastThrottle = undefined;
    }
    const kind = rest.startsWith('/fhir/R4') ? pick(t, req.method, fhirPath, url.search) : undefined;
    const html = (status) => {
      count(t, kind);
      res.writeHead(status, { ...cors, 'content-type': 'text/html; charset=utf-8' });
      res.end(PORTAL);
    };
    if (kind === 'html') return html(200);
    if (kind === 'status-502') return html(502);
    if (kind === 'status-503') return html(503);
    if (kind === 'status-410' || kind === 'status-429') {
      count(t, kind);
      const status = kind === 'status-410' ? 410 : 429;
      // Counted only when the client is surely still waiting for the reply (tests use deadlines of 600 ms or more): on a
      // loaded machine a 429 sent after the client's deadline is never read, so a quick next request is no fault.
      if (status === 429 && Date.now() - arrived < 400) t.lastThrottle = Date.now();
      res.writeHead(status, { ...cors, 'content-type': 'application/fhir+json', ...(status === 429 && { 'retry-after': '1' }) });
      return res.end(outcome(status === 410 ? 'deleted' : 'throttled'));
    }
    if (kind === 'delay') {
      count(t, kind);
      const maxMs = t.faults.find((f) => f.kind === 'delay')?.maxMs ?? 20;
      await new Promise((r) => setTimeout(r, Math.random() * maxMs));
    }
    let reply;
    try {
      reply = await forward(req, body);
    } catch {
      return req.socket.destroy();
    }
    const key = `${req.method} ${fhirPath.split('/').filter(Boolean)[0] ?? ''}`;
    const id = `${req.url} ${body.toString('utf8')}`;
    const ok = reply.status >= 200 && reply.status < 300;
    let { status, headers: h, body: out } = reply;
    if (kind === 'other' && ok) {
      const earlier = (t.replies.get(key) ?? []).find((r) => r.id !== id);
      if (earlier) {
        count(t, kind);
        ({ status, headers: h, body: out } = earlier.reply);
      }
    }
    if (ok) {
      const list = t.replies.get(key) ?? [];
      list.unshift({ id, reply });
      t.replies.set(key, list.slice(0, 8));
    }
    if (ok && isBatch(req.method, fhirPath)) {
      try {
        const got = (JSON.parse(out.toString('utf8')).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
        t.batchResources = [...got, ...t.batchResources].slice(0, 50);
      } catch {
        // not JSON: nothing to remember
      }
    }
    if (kind?.startsWith('entry-') && ok) {
      const changed = tamper(t, kind, out);
      if (changed) {
        count(t, kind);
        out = changed;
      }
    }
    const headers = { ...h };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    delete headers.connection;
    const half = out.subarray(0, Math.floor(out.length / 2));
    if (kind === 'truncate' && out.length > 1) {
      count(t, kind);
      res.writeHead(status, headers);
      return res.end(half);
    }
    if (kind === 'reset' && out.length > 1) {
      count(t, kind);
      res.writeHead(status, { ...headers, 'content-length': String(out.length) });
      res.write(half);
      return setTimeout(() => res.socket?.destroy(), 20);
    }
    if (kind === 'stall' && out.length > 1) {
      count(t, kind);
      res.writeHead(status, { ...headers, 'content-length': String(out.length) });
      res.write(half);
      const timer = setTimeout(() => res.socket?.destroy(), 10_000);
      res.on('close', () => clearTimeout(timer));
      return undefined;
    }
    const send = () => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { ...headers, 'content-length': String(out.length) });
      res.end(out);
    };
    if (kind === 'reorder') {
      count(t, kind);
      const timer = setTimeout(() => {
        t.held = t.held.filter((x) => x !== go);
        send();
      }, 1_000);
      const go = () => {
        clearTimeout(timer);
        send();
      };
      t.held.push(go);
      return undefined;
    }
    send();
    release(t);
    return undefined;
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}
