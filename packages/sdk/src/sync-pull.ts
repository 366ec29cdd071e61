// Pulling a person's records from the record system to the device (issues 9 and 16, docs/adr/0003-offline-first.md,
// "Pull"): only where the device has no unsynced change; incremental by the record system's clock, with an overlap;
// a record type that cannot be read is skipped and reported, never stops the others.
import { isStrError } from './errors.js';
import type { OutboxStore, Page, Store } from './ports.js';
import { PERSON_RECORD_TYPES, type RecordOf, type RecordType } from './schemas/registry.js';

/** How far back before the last change seen a pull asks again, by default (docs/adr/0003-offline-first.md, "Pull"). */
export const PULL_OVERLAP_MS = 5 * 60_000;

export interface Pulled {
  readonly applied: number;
  readonly skipped: readonly { readonly type: RecordType; readonly code: string }[];
}

/** The pull side of one sync engine, with what it has seen so far (in memory, for the session). */
export class Puller {
  // Incremental pull (issue 16): per person and type, the latest change the record system reported (its clock, never
  // the device's), and the version each record was last pulled at, so a record seen again in the overlap is dropped.
  readonly #changedUpTo = new Map<string, string>();
  readonly #pulledVersion = new Map<string, string>();

  constructor(private readonly local: OutboxStore, private readonly remote: Store, private readonly overlapMs: number) {}

  async pull(serviceUserId: string): Promise<Pulled> {
    const applied = { n: 0 };
    const skipped: { type: RecordType; code: string }[] = [];
    // Staff records are about no person: never read, or brought to the device, by a person's pull (ADR 0025).
    for (const type of PERSON_RECORD_TYPES) {
      try {
        await this.#pullType(serviceUserId, type, applied);
      } catch (e) {
        // One type that cannot be read (the network, or a resource STR Kit cannot map) never stops the others.
        skipped.push({ type, code: isStrError(e) ? e.code : 'storage' });
      }
    }
    return { applied: applied.n, skipped };
  }

  /**
   * One record type's whole walk, counting the records applied in `applied` (also those before a page that failed);
   * the point it has read up to moves on only after the walk succeeded.
   */
  async #pullType(serviceUserId: string, type: RecordType, applied: { n: number }): Promise<void> {
    let cursor: string | undefined;
    const key = `${serviceUserId}|${type}`;
    const upTo = this.#changedUpTo.get(key);
    // `ge` the last change seen less an overlap, so a change the record system committed late with an earlier time
    // is still caught; what comes again unchanged is dropped by its version.
    const changedSince = upTo === undefined ? undefined : new Date(Date.parse(upTo) - this.overlapMs).toISOString();
    let latest = upTo;
    do {
      const page: Page<RecordOf<typeof type>> = await this.remote.list(type, {
        serviceUserId, limit: 1_000, ...(cursor !== undefined && { cursor }), ...(changedSince !== undefined && { changedSince }),
      });
      for (const r of page.items) {
        const seen = `${type}|${r.id}`;
        if (this.#pulledVersion.get(seen) === r.version) continue;
        if (await this.local.applyRemote(type, r)) applied.n++;
        this.#pulledVersion.set(seen, r.version);
      }
      if (page.changedUpTo !== undefined && (latest === undefined || page.changedUpTo > latest)) latest = page.changedUpTo;
      cursor = page.next;
    } while (cursor !== undefined);
    if (latest !== undefined) this.#changedUpTo.set(key, latest); // only after the whole walk succeeded
  }
}
