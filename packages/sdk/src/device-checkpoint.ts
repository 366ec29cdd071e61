// Eviction while no page was open (issue 16, docs/adr/0003-offline-first.md "Storage honesty"). Eviction clears every
// storage type of the origin together, so what this device last had confirmed must be kept outside the browser: the
// record system keeps a checkpoint per device store (which database, and the last time up to which everything made
// on it was confirmed). A database created now while the record system holds another database's checkpoint for the
// same store name means the earlier one went: changes made after its checkpoint may have been lost.
import type { OutboxStore } from './ports.js';

/** What the record system last confirmed from one device store. */
export interface DeviceCheckpoint {
  /** The database's device marker id (made when the database was created; eviction takes it). */
  readonly deviceId: string;
  /** Everything made on that database before this time had reached the record system (the device's clock). */
  readonly confirmedAt: string;
}

/** Where checkpoints are kept, outside the browser: the record system (`fhirDeviceCheckpoints`), or a host's own. */
export interface DeviceCheckpoints {
  /** The checkpoint of a device store, by its key (the store's name); undefined when there is none. */
  read(key: string): Promise<DeviceCheckpoint | undefined>;
  /** Replaces the checkpoint of a device store. */
  write(key: string, checkpoint: DeviceCheckpoint): Promise<void>;
}

/** Checkpoints in memory: for tests and demos (they do not outlive the page, so they detect nothing across lives). */
export function memoryCheckpoints(): DeviceCheckpoints {
  const kept = new Map<string, DeviceCheckpoint>();
  return {
    read: async (key) => kept.get(key),
    write: async (key, checkpoint) => void kept.set(key, { ...checkpoint }),
  };
}

/**
 * Compares this device's database with the record system's checkpoint once (until the comparison succeeds), then
 * keeps the checkpoint up to date after runs that sent something. Never throws: a failure is tried again later.
 */
export class DeviceWatch {
  readonly #local: OutboxStore;
  readonly #checkpoints: DeviceCheckpoints;
  readonly #key: string;
  #checked: Promise<string | undefined> | undefined;
  #deviceId: string | undefined;
  #written = false;

  constructor(local: OutboxStore, checkpoints: DeviceCheckpoints) {
    this.#local = local;
    this.#checkpoints = checkpoints;
    this.#key = local.name;
  }

  /**
   * The time after which changes made on this device may have been lost, when its database was created now while the
   * record system holds another database's checkpoint for this store; otherwise undefined. Asked once per session.
   */
  check(): Promise<string | undefined> {
    return (this.#checked ??= (async () => {
      const me = await this.#local.device!();
      const theirs = await this.#checkpoints.read(this.#key);
      this.#deviceId = me.id;
      return me.createdNow && theirs !== undefined && theirs.deviceId !== me.id ? theirs.confirmedAt : undefined;
    })().catch((e: unknown) => {
      this.#checked = undefined; // the record system or the device store failed: compare again next time
      throw e;
    }));
  }

  /**
   * After a run that reached the record system: everything made before `confirmedAt` is there. Written when the run
   * sent something, and once per session after the check (so this database is the one the record system knows).
   */
  async confirmed(sent: boolean, confirmedAt: string): Promise<string | undefined> {
    let lostAfter: string | undefined;
    try {
      lostAfter = await this.check();
      if (sent || !this.#written) {
        await this.#checkpoints.write(this.#key, { deviceId: this.#deviceId!, confirmedAt });
        this.#written = true;
      }
    } catch {
      // Not known now: compared and written after a later run.
    }
    return lostAfter;
  }
}
