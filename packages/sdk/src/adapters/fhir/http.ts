// A thin FHIR REST client: injected fetch and token, HTTP → StrError, `next` links followed under the base URL only.
// Nothing above the adapter ever sees a Response. Failures are classed by cause (docs/adr/0003-offline-first.md):
// anything the network or a proxy can produce is a retryable `transport`; only an OperationOutcome with a 4xx is a
// refusal; a 2xx reply is checked against the request before it is trusted.
import { StrError } from '../../errors.js';
import type { Bundle, OperationOutcome, Resource } from './fhir-types.js';

export type GetToken = (options: { readonly refresh: boolean }) => Promise<string | undefined> | string | undefined;

export interface FhirHttpOptions {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly getToken?: GetToken;
  /** Give up on a request after this long, body included (default 30 s): a stalled reply becomes a retryable `transport`. */
  readonly timeoutMs?: number;
}

export interface FhirResponse {
  readonly status: number;
  readonly resource?: Resource;
}

const FHIR_JSON = 'application/fhir+json';
/** Longest `Retry-After` passed on (10 minutes): a longer one is read as this. */
const MAX_RETRY_AFTER_MS = 600_000;

/** The diagnostics of an OperationOutcome are the server's words about our request, never record content. */
const outcomeText = (r: Resource | undefined) =>
  r?.resourceType === 'OperationOutcome'
    ? ((r as OperationOutcome).issue ?? []).map((i) => i.code).filter(Boolean).join(', ')
    : '';

/** `Retry-After` as milliseconds (seconds or an HTTP date), or undefined. */
function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

/** The caller's signal aborted: never retried, and nothing about the reply is trusted (docs/adr/0004). */
const aborted = (where: string, cause?: unknown) =>
  new StrError('aborted', `${where}: the read was aborted by its caller`, false, {}, cause === undefined ? undefined : { cause });

const transport = (where: string, why: string, details: { status?: number; retryAfterMs?: number } = {}, cause?: unknown) =>
  new StrError('transport', `${where}: ${why}`, true, details, cause === undefined ? undefined : { cause });

/** Search parameters that name what is asked for (paging and format ones excluded). */
const namingParams = (url: URL) => [...url.searchParams].filter(([k]) => !k.startsWith('_'));

type Wrong = (what: string) => StrError;

/** A search reply's `self` link, when there is one, names the type and every naming parameter asked for. */
function checkSelfLink(bundle: Bundle, url: URL, base: URL, type: string, wrong: Wrong): void {
  const self = bundle.link?.find((l) => l.relation === 'self')?.url;
  if (self === undefined) return;
  let selfUrl: URL;
  try {
    selfUrl = new URL(self, base);
  } catch {
    throw wrong('its self link is not a URL');
  }
  if (selfUrl.pathname.split('/').filter(Boolean).pop() !== type) throw wrong('another resource type');
  for (const [k, v] of namingParams(url)) if (!selfUrl.searchParams.getAll(k).includes(v)) throw wrong(`another ${k}`);
}

/** A search reply is a searchset of the type asked for, and of the identifiers asked for when the search named some. */
function checkSearchReply(resource: Resource, url: URL, base: URL, type: string, wrong: Wrong): void {
  const bundle = resource as Bundle & { type?: string };
  if (resource.resourceType !== 'Bundle' || bundle.type !== 'searchset') throw wrong('not a search result');
  checkSelfLink(bundle, url, base, type, wrong);
  const asked = url.searchParams.get('identifier')?.split(',');
  for (const e of bundle.entry ?? []) {
    const r = e.resource;
    if (!r || (e as { search?: { mode?: string } }).search?.mode === 'outcome' || r.resourceType === 'OperationOutcome') continue;
    if (r.resourceType !== type) throw wrong('another resource type');
    if (asked && !r.identifier?.some((i) => asked.includes(`${i.system}|${i.value}`))) throw wrong('another identifier');
  }
}

/** A read or write reply is the resource asked for: its type, its id, and for a conditional create its identifier. */
function checkResourceReply(method: string, resource: Resource, type: string | undefined, id: string | undefined, headers: Record<string, string>, wrong: Wrong): void {
  if (type && resource.resourceType !== type) throw wrong('another resource type');
  if (id && resource.id !== id) throw wrong('another id');
  const token = /^identifier=([^|]+)\|(.+)$/.exec(headers['if-none-exist'] ?? '');
  if (method === 'POST' && token && !resource.identifier?.some((i) => i.system === token[1] && i.value === token[2])) throw wrong('another identifier');
}

/** Throws a retryable `transport` when a 2xx reply is not about what was asked (a proxy mixing up replies). */
function checkReply(method: string, url: URL, base: URL, headers: Record<string, string>, resource: Resource | undefined, where: string): void {
  const [type, id, op] = url.pathname.slice(base.pathname.length).split('/').filter(Boolean);
  const wrong: Wrong = (what) => transport(where, `the reply was for another request (${what})`);
  if (!resource) {
    if (method === 'GET' || method === 'POST' || method === 'PUT') throw transport(where, 'the reply had no body');
    return;
  }
  const get = method === 'GET';
  if (get && type === 'metadata' && !id) {
    if (resource.resourceType !== 'CapabilityStatement') throw wrong('not a CapabilityStatement');
  } else if (get && type && !id) {
    checkSearchReply(resource, url, base, type, wrong);
  } else if (get && op === '_history') {
    if (resource.resourceType !== 'Bundle') throw wrong('not a history');
  } else {
    const batch = method === 'POST' && !type;
    if (batch && (resource.resourceType !== 'Bundle' || (resource as Bundle).type !== 'batch-response')) throw wrong('not a batch-response');
    checkResourceReply(method, resource, type, id, headers, wrong);
  }
}

/** The body of a reply as a FHIR resource, or a StrError when it is something else (a proxy's page, a cut-off reply). */
function parseBody(res: Response, text: string, where: string): Resource | undefined {
  if (!text) return undefined;
  const status = res.status;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FHIR_JSON && type !== 'application/json') {
    if (status === 401) throw new StrError('unauthenticated', `${where}: the record system refused the credentials`, false, { status });
    throw transport(where, `the answer was not FHIR (HTTP ${status}, ${type || 'no content type'})`, { status, ...(status === 429 || status === 503 ? withRetryAfter(res) : {}) });
  }
  let resource: Resource;
  try {
    resource = JSON.parse(text) as Resource;
  } catch (cause) {
    throw transport(where, `the answer was cut short or garbled (HTTP ${status})`, { status }, cause);
  }
  if (typeof resource !== 'object' || resource === null || typeof resource.resourceType !== 'string') {
    throw transport(where, `the answer was not a FHIR resource (HTTP ${status})`, { status });
  }
  return resource;
}

/**
 * A 3xx or 4xx reply: only an OperationOutcome is the record system's word; anything else came from the way there.
 * 404, 409, 410 and 412 are returned for the caller to decide; the rest are StrErrors.
 */
function refusal(status: number, resource: Resource | undefined, where: string): FhirResponse {
  if (resource?.resourceType !== 'OperationOutcome') throw transport(where, `unexpected HTTP ${status} without a FHIR OperationOutcome`, { status });
  const outcome = outcomeText(resource);
  if (status === 403) throw new StrError('forbidden', `${where}: the record system does not allow this (${outcome})`, false, { status, outcome });
  if (status === 400 || status === 422) {
    throw new StrError('validation', `${where}: the record system refused the resource (HTTP ${status}: ${outcome})`, false, { status, outcome });
  }
  if (status !== 404 && status !== 409 && status !== 412 && status !== 410) {
    throw new StrError('transport', `${where}: unexpected HTTP ${status} (${outcome})`, false, { status, outcome });
  }
  return { status, resource };
}

export class FhirHttp {
  readonly base: URL;
  readonly #fetch: typeof fetch;
  readonly #getToken?: GetToken;
  readonly #timeoutMs: number;
  #token: string | undefined;

  constructor(o: FhirHttpOptions) {
    let base: URL;
    try {
      base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`);
      if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('protocol');
      base.search = '';
      base.hash = '';
    } catch (cause) {
      throw new StrError('validation', 'fhirStore needs an http(s) baseUrl', false, { issues: [{ path: 'baseUrl', code: 'invalid', message: 'Pass the FHIR base URL, e.g. https://fhir.example.org/R4' }] }, { cause });
    }
    this.base = base;
    this.#fetch = o.fetch ?? globalThis.fetch.bind(globalThis);
    if (o.getToken !== undefined) this.#getToken = o.getToken;
    this.#timeoutMs = o.timeoutMs ?? 30_000;
  }

  url(path: string): URL {
    return new URL(path.replace(/^\//, ''), this.base);
  }

  /** Whether a URL is under the configured base (same origin and path): only there does the token go. */
  isUnderBase(url: URL): boolean {
    return url.origin === this.base.origin && url.pathname.startsWith(this.base.pathname);
  }

  /** Asks the host for a token when there is none yet or the last one was refused. */
  async #ensureToken(refresh: boolean): Promise<void> {
    if (!this.#getToken || (this.#token !== undefined && !refresh)) return;
    try {
      this.#token = (await this.#getToken({ refresh })) ?? undefined;
    } catch (cause) {
      throw new StrError('unauthenticated', 'The host could not provide an access token', false, {}, { cause });
    }
  }

  /** One exchange, headers and body, under one deadline and the caller's `signal`: aborting it cancels the `fetch`. */
  async #send(method: string, url: URL, body: Resource | undefined, headers: Record<string, string>, refresh: boolean, signal?: AbortSignal): Promise<{ res: Response; text: string }> {
    await this.#ensureToken(refresh);
    const where = `${method} ${url.pathname}`;
    if (signal?.aborted) throw aborted(where);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let res: Response;
      try {
        res = await this.#fetch(url.href, {
          method,
          headers: {
            accept: FHIR_JSON,
            ...(body && { 'content-type': `${FHIR_JSON}; charset=utf-8` }),
            ...(this.#token && { authorization: `Bearer ${this.#token}` }),
            ...headers,
          },
          ...(body && { body: JSON.stringify(body) }),
          signal: controller.signal,
          credentials: 'omit',
          redirect: 'error',
          // Never a cached answer: a 410 or a portal page once cached would be replayed on every retry.
          cache: 'no-store',
        });
      } catch (cause) {
        if (signal?.aborted) throw aborted(where, cause);
        throw transport(where, timedOut ? 'the record system did not answer in time' : 'the record system could not be reached', {}, cause);
      }
      try {
        return { res, text: await res.text() };
      } catch (cause) {
        if (signal?.aborted) throw aborted(where, cause);
        // A throttled or busy answer's headers already said how long to wait: losing its body must not lose that.
        const wait = res.status === 429 || res.status === 503 ? withRetryAfter(res) : {};
        throw transport(where, timedOut ? 'the reply stalled' : 'the reply was cut off', { status: res.status, ...wait }, cause);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * One request. A checked 2xx, and 404, 409, 410 and 412 with a FHIR body, come back as a status for the caller to
   * decide; everything else is a StrError: `transport` (retryable) for whatever the network or a proxy can produce,
   * `aborted` (never retried) once `signal` aborts.
   */
  async request(method: string, pathOrUrl: string | URL, body?: Resource, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<FhirResponse> {
    const url = pathOrUrl instanceof URL ? pathOrUrl : this.url(pathOrUrl);
    if (!this.isUnderBase(url)) {
      throw new StrError('transport', `Refused to follow a link outside the record system's base URL (${url.origin})`, false);
    }
    let { res, text } = await this.#send(method, url, body, headers, false, signal);
    if (res.status === 401 && this.#getToken) ({ res, text } = await this.#send(method, url, body, headers, true, signal));
    const where = `${method} ${url.pathname}`;
    const status = res.status;
    const resource = parseBody(res, text, where);
    if (status === 429 || status >= 500) throw transport(where, `the record system is busy or failing (HTTP ${status})`, { status, ...withRetryAfter(res) });
    if (status === 401) throw new StrError('unauthenticated', `${where}: the record system refused the credentials`, false, { status });
    if (!res.ok) return refusal(status, resource, where);
    checkReply(method, url, this.base, headers, resource, where);
    return { status, ...(resource && { resource }) };
  }

  /** Every match of a search, following `next` links under the base URL; a link already visited is an error. */
  searchAll(type: string, params: readonly [string, string][], signal?: AbortSignal): Promise<Resource[]> {
    const url = this.url(type);
    for (const [k, v] of params) url.searchParams.append(k, v);
    return this.searchOn(type, url, undefined, signal);
  }

  /**
   * The matches of a search from `first` on: the page already in hand (a `batch` entry's, checked with
   * {@link checkSearchEntry}) or, without one, the page at `url`; then every `next` page under the base URL.
   */
  async searchOn(type: string, url: URL, first: Bundle | undefined, signal?: AbortSignal): Promise<Resource[]> {
    const out: Resource[] = [];
    const visited = new Set<string>();
    let bundle: Bundle | undefined = first;
    let next: URL | undefined = first ? undefined : url;
    visited.add(url.href);
    for (;;) {
      if (next) {
        visited.add(next.href);
        const { status, resource } = await this.request('GET', next, undefined, {}, signal);
        // A search is never gone: 410 or 404 on one came from something in the way (or a server restarting).
        if (status !== 200) throw transport(`Searching ${type}`, `unexpected HTTP ${status}`, { status });
        bundle = resource as Bundle;
      }
      for (const e of bundle!.entry ?? []) if (e.resource && e.resource.resourceType === type) out.push(e.resource);
      next = this.#nextLink(type, bundle!, visited);
      if (!next) return out;
    }
  }

  #nextLink(type: string, bundle: Bundle, visited: ReadonlySet<string>): URL | undefined {
    const link = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (!link) return undefined;
    let to: URL;
    try {
      to = new URL(link, this.base);
    } catch (cause) {
      throw new StrError('transport', `Searching ${type}: the next link is not a URL`, false, {}, { cause });
    }
    if (!this.isUnderBase(to)) throw new StrError('transport', `Searching ${type}: refused a next link outside the record system's base URL`, false);
    if (visited.has(to.href)) throw new StrError('transport', `Searching ${type}: the next link leads back to a page already read (after ${visited.size} pages)`, false);
    return to;
  }
}

/**
 * A search's first page that came back as a `batch` entry: checked as a search reply on its own is (a searchset of the
 * type asked for, its self link naming every parameter asked for), or a retryable `transport`.
 */
export function checkSearchEntry(resource: Resource | undefined, url: URL, base: URL, type: string, where: string): Bundle {
  const wrong: Wrong = (what) => transport(where, `the reply was for another request (${what})`);
  if (!resource) throw transport(where, 'the entry had no search result');
  checkSearchReply(resource, url, base, type, wrong);
  return resource as Bundle;
}

function withRetryAfter(res: Response): { retryAfterMs?: number } {
  const ms = retryAfterMs(res.headers.get('retry-after'));
  return ms === undefined ? {} : { retryAfterMs: ms };
}
