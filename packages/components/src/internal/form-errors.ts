import { html, nothing, type TemplateResult } from 'lit';

/** One refused field: its key (the id of its control is `prefix + field`) and the NHS-style message. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * A form's errors and the NHS error pattern over them (issue 17): a summary whose every link moves focus to its
 * field, a message beside the field, and the field itself marked `aria-invalid` and described by hint then error.
 * The ids live in the form's own shadow root: `prefix + field` for the control (or the id `controlIds` names for the
 * field, where the control a link should focus is not named after it, e.g. the first radio of a group),
 * `prefix + field + '-error'` for the message.
 */
export class FormErrors {
  constructor(
    readonly errors: readonly FieldError[],
    readonly prefix: string,
    readonly controlIds: Readonly<Record<string, string>> = {},
    /** The summary's heading and the hidden prefix of each message, in the widget's locale. */
    readonly words: { readonly problem: string; readonly error: string } = { problem: 'There is a problem', error: 'Error:' },
  ) {}

  #control(field: string): string {
    return this.controlIds[field] ?? `${this.prefix}${field}`;
  }

  #of(field: string): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  /** `aria-invalid` for the field's control. */
  invalid(field: string): 'true' | 'false' {
    return this.#of(field) ? 'true' : 'false';
  }

  /** `aria-describedby` for the field's control: its hint (if any), then its error. */
  describedBy(field: string, hintId?: string): string | typeof nothing {
    const ids = [hintId, this.#of(field) ? `${this.prefix}${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** The class of the field's group: `invalid` draws the NHS error border (when any of the group's fields has an error). */
  group(...fields: string[]): string {
    return fields.some((f) => this.#of(f)) ? 'field-group invalid' : 'field-group';
  }

  /** A labelled field: its label, its hint (id `prefix + name + '-hint'`), its error, then the control (id `prefix + name`). */
  field(name: string, label: string, control: TemplateResult, hint?: string): TemplateResult {
    return html`<div class=${this.group(name)}>
      <label class="field" for="${this.prefix}${name}">${label}</label>
      ${hint ? html`<span class="hint" id="${this.prefix}${name}-hint">${hint}</span>` : nothing}
      ${this.message(name)}
      ${control}
    </div>`;
  }

  /** The message beside the field, with a visually hidden "Error:" prefix. */
  message(field: string): TemplateResult | typeof nothing {
    const e = this.#of(field);
    return e ? html`<span class="error-message" id="${this.prefix}${field}-error"><span class="visually-hidden">${this.words.error}</span> ${e.message}</span>` : nothing;
  }

  /** "There is a problem", each error a link that focuses its field (a fragment link cannot cross a shadow root). */
  summary(headingLevel: 2 | 3 = 2): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    const title = `${this.prefix}error-title`;
    const focus = (ev: Event, field: string) => {
      ev.preventDefault();
      ((ev.target as HTMLElement).getRootNode() as ShadowRoot).querySelector<HTMLElement>(`#${this.#control(field)}`)?.focus();
    };
    return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby=${title}>
      ${headingLevel === 2 ? html`<h2 id=${title}>${this.words.problem}</h2>` : html`<h3 id=${title}>${this.words.problem}</h3>`}
      <ul>${this.errors.map((e) => html`<li><a href="#${this.#control(e.field)}" @click=${(ev: Event) => focus(ev, e.field)}>${e.message}</a></li>`)}</ul>
    </div>`;
  }
}
