// The fault proxy in front of the FHIR engine (test/fhir-server/fault-proxy.mjs), for this test file's tenant.
import { executeServerCommand } from '@web/test-runner-commands';
import { fhirBaseUrl } from '../fhir/engine.js';

export type ProxyFaultKind = 'html' | 'status-502' | 'status-503' | 'status-410' | 'status-429' | 'truncate' | 'reset' | 'stall' | 'other' | 'reorder' | 'delay' | 'entry-other' | 'entry-reorder';

export interface ProxyFault {
  readonly kind: ProxyFaultKind;
  /** The chance (0..1) that a matching request gets this fault. */
  readonly rate: number;
  /** Stop injecting this kind after this many. */
  readonly max?: number;
  readonly method?: string;
  /** 'delay': the longest a request is held, in ms (default 20). */
  readonly maxMs?: number;
}

let proxyOrigin: string | undefined;

/** The engine's base URL for this file's tenant, as reached through the proxy. */
export async function proxiedBaseUrl(): Promise<string> {
  proxyOrigin ??= (await executeServerCommand<string, undefined>('fault-proxy-url'))!;
  return `${proxyOrigin}${new URL(await fhirBaseUrl()).pathname}`;
}

const control = async () => (await proxiedBaseUrl()).replace(/\/fhir\/R4$/, '/__proxy');

export async function setProxyFaults(faults: readonly ProxyFault[]): Promise<void> {
  await fetch(await control(), { method: 'POST', body: JSON.stringify({ faults }) });
}

/** What the proxy injected since the faults were set, and the gaps after each 429 before the next request. */
export async function proxyReport(): Promise<{ injected: Partial<Record<ProxyFaultKind, number>>; retryAfterGapsMs: number[] }> {
  return (await (await fetch(await control())).json()) as { injected: Partial<Record<ProxyFaultKind, number>>; retryAfterGapsMs: number[] };
}
