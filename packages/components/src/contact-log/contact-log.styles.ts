import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--str-contact-log-gap, 16px);
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  .field-group,
  fieldset {
    min-width: 0;
  }
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
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
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
  .choice input {
    width: 24px;
    height: 24px;
    margin: 0 0 0 8px;
    accent-color: var(--_link);
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
  .error-summary {
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
  .error-summary a {
    color: var(--_error);
    font-weight: bold;
    display: inline-block;
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
  h3 {
    font-size: 1em;
    margin: 16px 0 4px;
  }
  .history {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 8px;
  }
  .history li {
    border-bottom: 1px solid var(--_border);
    padding: 8px 0;
  }
  .history .meta {
    font-weight: bold;
  }
  .history .note {
    display: block;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .summary dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 8px 24px;
    margin: 0 0 8px;
  }
  .summary dt {
    color: var(--_secondary);
  }
  .summary dd {
    margin: 0;
    font-weight: bold;
  }
  .summary details summary {
    color: var(--_link);
    text-decoration: underline;
    cursor: pointer;
    min-height: 24px;
  }
  .history summary {
    cursor: pointer;
    min-height: 24px;
    list-style-position: outside;
  }
  .note-full {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .virtual {
    display: block;
    height: var(--str-contact-log-history-height, 60vh);
    min-height: 240px;
    overflow: auto;
    border-top: 1px solid var(--_border);
  }
  .vrow {
    width: 100%;
    border-bottom: 1px solid var(--_border);
    padding: 8px 0;
    box-sizing: border-box;
  }
  .vweek {
    margin-top: 8px;
  }
  .versions {
    padding-left: 20px;
  }
  .eie summary {
    min-height: 24px;
    cursor: pointer;
  }
  .filters {
    border: 1px solid var(--_border);
    padding: 8px 16px 16px;
    margin-bottom: 8px;
  }
  .filters input[type='search'] {
    font: inherit;
    border: 2px solid var(--_text);
    padding: 4px 8px;
    min-height: 40px;
    box-sizing: border-box;
    max-width: 100%;
  }
  .status {
    min-height: 1.5em;
  }
  .readonly-message {
    border-left: 4px solid var(--_link);
    padding: 8px 16px;
    background: var(--_surface);
  }
`;
