import { css } from 'lit';

// Form controls, buttons, the error summary and helpers in the NHS.UK style, shared by every widget.
export const controls = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  label.field {
    font-weight: bold;
    display: block;
    margin-bottom: 4px;
  }
  .hint {
    color: var(--_secondary);
    display: block;
    margin-bottom: 4px;
  }
  input[type='date'],
  input[type='time'],
  input[type='number'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    border: 2px solid var(--_text);
    border-radius: 0;
    padding: 4px 8px;
    min-height: 40px;
    box-sizing: border-box;
    background: var(--_surface);
  }
  input[type='number'] {
    width: 7em;
  }
  input.text {
    font: inherit;
    border: 2px solid var(--_text);
    padding: 4px 8px;
    min-height: 40px;
    box-sizing: border-box;
    width: 100%;
    max-width: 30em;
    margin-bottom: 8px;
  }
  select {
    max-width: 100%;
    width: 100%;
  }
  input[type='date'],
  input[type='time'] {
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error-message {
    color: var(--_error);
    font-weight: bold;
    display: block;
    margin-bottom: 4px;
  }
  .field-group.invalid {
    border-left: 4px solid var(--_error);
    padding-left: 12px;
  }
  /* .problem: a refusal that is not a field's (internal/person-scope.ts); widgets may space it their own way. */
  .error-summary,
  .problem {
    border: 4px solid var(--_error);
    padding: 16px;
    background: var(--_surface);
  }
  .error-summary h2 {
    margin: 0 0 8px;
    font-size: 1.1em;
  }
  .error-summary ul {
    margin: 0;
    padding-left: 20px;
  }
  .error-summary li + li {
    margin-top: 8px;
  }
  /* vertical-align: top, so a link that wraps keeps its bullet beside its first line, not its last (phone screenshots). */
  .error-summary a {
    color: var(--_error);
    font-weight: bold;
    display: inline-block;
    vertical-align: top;
    min-height: 24px;
    padding: 2px 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
    align-items: center;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 8px 16px;
    border: 0;
    border-radius: 4px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_button);
    color: #fff;
    font-weight: bold;
    box-shadow: 0 4px 0 #00401e;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_link);
    text-decoration: underline;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* Forced colours drop button backgrounds: without a border a button reads as bold text. */
  @media (forced-colors: active) {
    button.primary,
    button.secondary {
      border: 2px solid ButtonText;
    }
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .status {
    min-height: 1.5em;
  }
  .readonly-message {
    border-left: 4px solid var(--_link);
    padding: 8px 16px;
    background: var(--_surface);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    padding: 0 12px 0 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
  }
  /* Radios and checkboxes only: a number box inside a choice ("Other" minutes) keeps its own width, so what is typed shows. */
  .choice input:is([type='radio'], [type='checkbox']) {
    width: 24px;
    height: 24px;
    margin: 0 0 0 8px;
    accent-color: var(--_link);
  }
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button.toggle {
    background: var(--_surface);
    color: var(--_link);
    border: 2px solid var(--_link);
  }
  button.toggle[aria-pressed='true'] {
    background: var(--_link);
    color: #fff;
    font-weight: bold;
  }
`;
