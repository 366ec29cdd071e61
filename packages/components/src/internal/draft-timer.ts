import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before what is typed is kept as a draft on the device. */
export const DRAFT_DELAY_MS = 400;

/**
 * The draft debounce every widget with drafts uses (issue 17): the write runs once typing has paused for
 * {@link DRAFT_DELAY_MS}; a widget that changes person flushes or cancels it first, and nothing is left to fire
 * after the element leaves the page.
 */
export class DraftTimer implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Runs `write` after the pause; a later call replaces it. */
  schedule(write: () => void): void {
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      write();
    }, DRAFT_DELAY_MS);
  }

  /** Drops the write still waiting, if any (the caller writes now, or there is nothing to keep). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
