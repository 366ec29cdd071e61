// Test helpers for the FHIR engine the runner starts (scripts/fhir-server-process.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

let base: string | undefined;
export async function fhirBaseUrl(): Promise<string> {
  return (base ??= (await executeServerCommand<string>('fhir-base-url'))!);
}

const origin = async () => new URL(await fhirBaseUrl()).origin;

export async function resetEngine(): Promise<void> {
  await fetch(`${await origin()}/__reset`, { method: 'POST' });
}

export interface Fault {
  readonly method?: string;
  readonly type?: string;
  readonly kind: 'drop-after-commit' | 'drop' | 'status-500' | 'status-503' | 'status-429' | 'stall';
  readonly times?: number;
}

export async function injectFaults(faults: readonly Fault[], token?: string): Promise<void> {
  await fetch(`${await origin()}/__control`, { method: 'POST', body: JSON.stringify({ faults, token }) });
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
