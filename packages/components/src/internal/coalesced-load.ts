import type { LoadState } from './load-state.js';

/**
 * A widget's load, run now or once more after the one in flight: a burst of record changes makes one more load, not
 * one each. Tracked by the widget's LoadState, so `whenLoaded()` waits for it. Kept apart from LoadState so that only
 * the widgets that reload on every change (the caseload, the team) carry it.
 */
export class CoalescedLoad {
  #running: Promise<void> | undefined;
  #again = false;

  constructor(private readonly loads: LoadState, private readonly load: () => Promise<void>) {}

  /** Resolves when the load running now has finished. */
  run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.loads.track(this.load()).finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        void this.run();
      }
    });
    return this.#running;
  }
}
