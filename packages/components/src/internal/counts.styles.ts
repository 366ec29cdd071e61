import { css } from 'lit';

// The numbers at the top of a summary widget (the caseload, the team): label under a large figure, wrapping on a phone.
export const counts = css`
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    margin: 8px 0;
    padding: 0;
  }
  .counts div {
    display: flex;
    flex-direction: column-reverse;
    min-width: 7em;
    max-width: 100%;
  }
  .counts dt {
    color: var(--_secondary);
    font-size: 0.875rem;
  }
  .counts dd {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 700;
  }
`;
