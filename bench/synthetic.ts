// What the benchmarks share to make and read their invented people: a ticking clock, NHS numbers from the 999 test
// range only (never one that could be a real person's), a stored contact, and a fetch that counts requests and adds
// a record system's network latency. Synthetic people only.
import { nhsNumberCheckDigit, type Contact } from '@strkit/sdk';

/** A clock that starts at `start` and moves on a second each time it is read. */
export const tickingClock = (start: string) => {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)) };
};

/** `n` valid NHS numbers from the 999 test range (the SDK's check digit; nine digits that can have none are skipped). */
export function testNhsNumbers(n: number): string[] {
  const out: string[] = [];
  for (let i = 1; out.length < n; i++) {
    const nine = `999${String(i).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== undefined) out.push(`${nine}${check}`);
  }
  return out;
}

/** A contact as the store holds it, written straight to a store (the caseload and team benchmarks' seeds). */
export function storedContact(serviceUserId: string, workerId: string, at: string, attended: boolean): Contact {
  return {
    id: crypto.randomUUID(), version: '1', schemaVersion: 1, createdAt: at, createdBy: workerId, updatedAt: at, updatedBy: workerId,
    serviceUserId, workerId, start: at, durationMinutes: 45, mechanism: '01', locationType: 'A01', attendance: attended ? '5' : '3',
    planned: true, othersPresent: [], taskIds: [], note: 'Met at home; talked through the week and the plan for the next few days.',
  } as Contact;
}

/** A fetch that counts its requests in `counts[which]` and waits `latencyMs` before each goes. */
export function slowFetch<K extends string>(counts: Record<K, number>, which: K, latencyMs: number): typeof fetch {
  return async (input, init) => {
    counts[which]++;
    await new Promise((r) => setTimeout(r, latencyMs));
    return fetch(input, init);
  };
}
