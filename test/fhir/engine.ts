// Test helpers for the FHIR engine the runner starts (scripts/fhir-server-process.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

// Each test file (one page) gets its own tenant on the shared engine, so files running in parallel never collide.
const TENANT = `t${Math.random().toString(36).slice(2, 10)}`;
let root: string | undefined;
const origin = async () => (root ??= new URL((await executeServerCommand<string, undefined>('fhir-base-url'))!).origin);

export async function fhirBaseUrl(): Promise<string> {
  return `${await origin()}/t/${TENANT}/fhir/R4`;
}

export async function validateOnEngine(resources: readonly unknown[]): Promise<unknown[][]> {
  const res = await fetch(`${await origin()}/t/${TENANT}/__validate`, { method: 'POST', body: JSON.stringify(resources) });
  return (await res.json()) as unknown[][];
}

export async function resetEngine(): Promise<void> {
  await fetch(`${await origin()}/t/${TENANT}/__reset`, { method: 'POST' });
}

export interface Fault {
  readonly method?: string;
  readonly type?: string;
  readonly kind: 'drop-after-commit' | 'drop' | 'status-500' | 'status-503' | 'status-429' | 'stall' | 'gone';
  readonly times?: number;
  /** Instead of `times`: the chance (0..1) that each matching request gets this fault. */
  readonly rate?: number;
}

export async function injectFaults(faults: readonly Fault[], token?: string): Promise<void> {
  await fetch(`${await origin()}/t/${TENANT}/__control`, { method: 'POST', body: JSON.stringify({ faults, token }) });
}

/** Raw FHIR calls for tests (arranging data the way another system would). */
export async function fhir(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${await fhirBaseUrl()}/${path}`, {
    method,
    headers: { 'content-type': 'application/fhir+json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined };
}
