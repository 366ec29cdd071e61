// A thin FHIR REST client: injected fetch and token, HTTP → StrError, next links followed on the same origin only.
// Nothing above the adapter ever sees a Response.
import { StrError } from '../../errors.js';
import type { Bundle, OperationOutcome, Resource } from './fhir-types.js';

export type GetToken = (options: { readonly refresh: boolean }) => Promise<string | undefined> | string | undefined;

export interface FhirHttpOptions {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly getToken?: GetToken;
  /** Give up on a request after this long (default 30 s): a stalled connection becomes a retryable `transport`. */
  readonly timeoutMs?: number;
}

export interface FhirResponse {
  readonly status: number;
  readonly resource?: Resource;
}

const FHIR_JSON = 'application/fhir+json';

/** The diagnostics of an OperationOutcome are the server's words about our request, never record content. */
const outcomeText = (r: Resource | undefined) =>
  r?.resourceType === 'OperationOutcome'
    ? ((r as OperationOutcome).issue ?? []).map((i) => i.code).filter(Boolean).join(', ')
    : '';

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

  async #send(method: string, url: URL, body: Resource | undefined, headers: Record<string, string>, refresh: boolean): Promise<Response> {
    if (this.#getToken && (this.#token === undefined || refresh)) {
      try {
        this.#token = (await this.#getToken({ refresh })) ?? undefined;
      } catch (cause) {
        throw new StrError('unauthenticated', 'The host could not provide an access token', false, {}, { cause });
      }
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      return await this.#fetch(url.href, {
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
      });
    } catch (cause) {
      throw new StrError('transport', `${method} ${url.pathname}: the record system could not be reached`, true, {}, { cause });
    } finally {
      clearTimeout(timer);
    }
  }

  /** One request. 2xx, 404, 409 and 412 come back as a status for the caller to decide; everything else is a StrError. */
  async request(method: string, pathOrUrl: string | URL, body?: Resource, headers: Record<string, string> = {}): Promise<FhirResponse> {
    const url = pathOrUrl instanceof URL ? pathOrUrl : this.url(pathOrUrl);
    if (url.origin !== this.base.origin) {
      throw new StrError('transport', `Refused to follow a link to another origin (${url.origin})`, false);
    }
    let res = await this.#send(method, url, body, headers, false);
    if (res.status === 401 && this.#getToken) res = await this.#send(method, url, body, headers, true);
    const where = `${method} ${url.pathname}`;
    let resource: Resource | undefined;
    const text = await res.text().catch(() => '');
    if (text) {
      try {
        resource = JSON.parse(text) as Resource;
      } catch {
        if (res.ok) throw new StrError('mapping', `${where}: the record system answered with something that is not FHIR JSON`, false, { status: res.status });
      }
    }
    const status = res.status;
    if (status === 401) throw new StrError('unauthenticated', `${where}: the record system refused the credentials`, false, { status });
    if (status === 403) throw new StrError('forbidden', `${where}: the record system does not allow this (${outcomeText(resource)})`, false, { status });
    if (status === 429 || status >= 500) throw new StrError('transport', `${where}: the record system is busy or failing (HTTP ${status})`, true, { status });
    if (status === 400 || status === 422) {
      throw new StrError('validation', `${where}: the record system refused the resource (HTTP ${status}: ${outcomeText(resource)})`, false, { status });
    }
    if (!res.ok && status !== 404 && status !== 409 && status !== 412 && status !== 410) {
      throw new StrError('transport', `${where}: unexpected HTTP ${status}`, false, { status });
    }
    return { status, ...(resource && { resource }) };
  }

  /** Every match of a search, following `next` links (same origin only). */
  async searchAll(type: string, params: readonly [string, string][]): Promise<Resource[]> {
    const url = this.url(type);
    for (const [k, v] of params) url.searchParams.append(k, v);
    const out: Resource[] = [];
    let next: URL | undefined = url;
    let pages = 0;
    while (next) {
      if (++pages > 10_000) throw new StrError('transport', `Searching ${type}: too many pages`, false);
      const { status, resource } = await this.request('GET', next);
      if (status !== 200 || resource?.resourceType !== 'Bundle') throw new StrError('mapping', `Searching ${type}: the answer was not a Bundle`, false, { status });
      const bundle = resource as Bundle;
      for (const e of bundle.entry ?? []) if (e.resource && e.resource.resourceType === type) out.push(e.resource);
      const link = bundle.link?.find((l) => l.relation === 'next')?.url;
      next = link ? new URL(link, this.base) : undefined;
    }
    return out;
  }
}
