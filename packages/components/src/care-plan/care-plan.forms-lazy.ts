// The care plan's forms (plan details, review, goal, task, status, progress note) load when the plan is first drawn,
// not with the element (issue 19, docs/adr/0019-lazy-secondary-views.md): a worker who only reads the plan never
// waits for them, and the first paint does not carry them. The render modules call the forms through here; a form
// opens only once its module is in (`FormsGate` below, which `StrCarePlan` asks before it opens an editor).
import { nothing, type ReactiveController, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { say, type Said } from './care-plan.words.js';

type FormsModule = typeof import('./care-plan.forms.js');

/**
 * `load` is the only way in, so a test can hold or fail it; a failed load is not kept, so the next try fetches anew.
 * `pending` is the load under way, shared by every element on the page.
 */
export const carePlanForms: { module?: FormsModule; pending?: Promise<FormsModule>; load: () => Promise<FormsModule> } = {
  load: () => import('./care-plan.forms.js'),
};

/** The forms module, loading it once; rejects when it could not be fetched (the next call tries again). */
export function loadForms(): Promise<FormsModule> {
  if (carePlanForms.module) return Promise.resolve(carePlanForms.module);
  carePlanForms.pending ??= carePlanForms.load().then(
    (m) => {
      carePlanForms.pending = undefined;
      return (carePlanForms.module = m);
    },
    (e: unknown) => {
      carePlanForms.pending = undefined;
      throw e;
    },
  );
  return carePlanForms.pending;
}

type Form<K extends keyof FormsModule> = (...a: Parameters<FormsModule[K]>) => ReturnType<FormsModule[K]> | typeof nothing;

// Nothing is drawn for a form whose module is not in yet: no editor is opened before it is.
export const planForm: Form<'planForm'> = (...a) => carePlanForms.module?.planForm(...a) ?? nothing;
export const reviewForm: Form<'reviewForm'> = (...a) => carePlanForms.module?.reviewForm(...a) ?? nothing;
export const goalForm: Form<'goalForm'> = (...a) => carePlanForms.module?.goalForm(...a) ?? nothing;
export const taskForm: Form<'taskForm'> = (...a) => carePlanForms.module?.taskForm(...a) ?? nothing;
export const statusForm: Form<'statusForm'> = (...a) => carePlanForms.module?.statusForm(...a) ?? nothing;
export const noteForm: Form<'noteForm'> = (...a) => carePlanForms.module?.noteForm(...a) ?? nothing;

/** What the gate needs of the element's controller: the status said now, and a way to say or show something. */
export interface FormsGateHost {
  readonly status: () => Said | undefined;
  readonly set: (changes: { status?: Said | undefined; problem?: Said | undefined; focusAfter?: string }) => void;
}

/**
 * The element's side of the lazy forms: fetches them once the element has drawn (off the first paint, in by the
 * time a worker opens one), and opens an editor asked for before they are in when they arrive, saying so meanwhile,
 * unless the worker has since asked for another. A failed load is said in words, focused; asking again retries.
 */
export class FormsGate implements ReactiveController {
  #asked = false;
  #asks = 0;
  readonly #el: ReactiveControllerHost & HTMLElement;
  readonly #h: FormsGateHost;
  /** The wait and the failure, said when drawn (care-plan.messages.ts). */
  readonly #loadingForm: Said = say('loading-form');
  readonly #formFailed: Said = say('form-failed');

  constructor(el: ReactiveElement, host: FormsGateHost) {
    this.#el = el;
    this.#h = host;
    el.addController(this);
  }

  hostUpdated(): void {
    if (this.#asked) return;
    this.#asked = true;
    void loadForms().catch(() => undefined);
  }

  get ready(): boolean {
    return !!carePlanForms.module;
  }

  /** While a load is under way, a promise that settles (never rejects) when it ends (for the element's `updateComplete`). */
  get loading(): Promise<unknown> | undefined {
    return carePlanForms.pending?.catch(() => undefined);
  }

  /** Runs `open` once the forms are in, unless another ask came meanwhile. */
  async whenIn(open: () => void): Promise<void> {
    const ask = ++this.#asks;
    const loading = this.#loadingForm;
    // A status just said (a task completed) is kept; otherwise the wait is said.
    if (!this.#h.status()) this.#h.set({ status: loading });
    try {
      await loadForms();
    } catch {
      if (ask === this.#asks) this.#h.set({ status: undefined, problem: this.#formFailed, focusAfter: '.problem' });
      return;
    }
    if (ask !== this.#asks || !this.#el.isConnected) return;
    if (this.#h.status() === loading) this.#h.set({ status: undefined });
    open();
  }
}
