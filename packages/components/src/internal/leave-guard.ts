import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The full-device guard (issue 16, for every widget in issue 17): while something the worker entered could not be
 * stored for lack of space, the browser asks before the page is closed or left. Off again once a save succeeds, the
 * widget shows someone else, or the element leaves the page.
 */
export class LeaveGuard implements ReactiveController {
  #on = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get on(): boolean {
    return this.#on;
  }

  set(on: boolean): void {
    if (on === this.#on) return;
    this.#on = on;
    if (on) window.addEventListener('beforeunload', this.#ask);
    else window.removeEventListener('beforeunload', this.#ask);
  }

  hostDisconnected(): void {
    this.set(false);
  }

  readonly #ask = (e: BeforeUnloadEvent) => {
    e.preventDefault();
  };
}
