import { css } from 'lit';

// NHS.UK frontend colour tokens are read, never defined; the fallbacks are the NHS palette, so elements look right
// on pages without NHS CSS. Source: nhsuk-frontend v10, core/settings/_colours.scss.
export const tokens = css`
  :host {
    --_text: var(--nhsuk-text-colour, #212b32);
    --_secondary: var(--nhsuk-secondary-text-colour, #4c6272);
    --_border: var(--nhsuk-border-colour, #d8dde0);
    --_error: var(--nhsuk-error-colour, #d5281b);
    --_focus: var(--nhsuk-focus-colour, #ffeb3b);
    --_focus-text: var(--nhsuk-focus-text-colour, #212b32);
    --_link: var(--nhsuk-link-colour, #005eb8);
    --_button: var(--nhsuk-button-colour, #007f3b);
    --_background: var(--nhsuk-background-colour, #f0f4f5);
    --_surface: var(--nhsuk-card-background-colour, #ffffff);
    color: var(--_text);
    font: inherit;
  }
  :host([hidden]) {
    display: none !important;
  }
`;
