import { css } from 'lit';

// NHS focus pattern: 4px yellow outline with a dark inner ring, keyboard focus only, and a forced-colours fallback.
export const focus = css`
  :focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
