import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where a connected widget's records are: `idle` (no person or no client: nothing to load), `loading`, `ready`
 * (records to show), `empty` (the store has none for this person) or `error` (the load failed; nothing is guessed).
 */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/**
 * One load state and one `whenLoaded()` for every widget (issue 17). The widget says when a new person, client or actor
 * starts loading ({@link reset}), runs its loads through {@link track}, and reports each outcome ({@link settle},
 * {@link fail}); a load dropped for a scope it no longer shows reports nothing. `whenLoaded()` resolves once nothing
 * tracked is in flight and the result is drawn: no polling, no timers.
 */
export class LoadState implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #status: LoadStatus = 'idle';
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get status(): LoadStatus {
    return this.#status;
  }

  /** A new scope: `loading` when there is something to load for it, else `idle`. */
  reset(loading: boolean): void {
    this.#set(loading ? 'loading' : 'idle');
  }

  /** The load finished: `empty` when the store had nothing for the person, else `ready`. */
  settle(empty: boolean): void {
    this.#set(empty ? 'empty' : 'ready');
  }

  /** The load failed: the widget says so and offers to try again. */
  fail(): void {
    this.#set('error');
  }

  /** Runs `work` as part of loading: `whenLoaded()` waits for it. */
  track<R>(work: Promise<R>): Promise<R> {
    this.#inFlight.add(work);
    const done = () => this.#inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves when every tracked load has settled and the element has drawn the result (tests and hosts wait for it). */
  async whenLoaded(): Promise<void> {
    await this.#host.updateComplete;
    while (this.#inFlight.size) {
      await Promise.allSettled([...this.#inFlight]);
      await this.#host.updateComplete;
    }
  }

  /** Off the page, nothing it started is waited for (its scope aborts those loads). */
  hostDisconnected(): void {
    this.#inFlight.clear();
  }

  #set(status: LoadStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#host.requestUpdate();
  }
}
