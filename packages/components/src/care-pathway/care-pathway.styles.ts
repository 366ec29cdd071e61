import { css } from 'lit';

// Phone first: one column of cards that wrap, nothing wider than 320 px. The person's copy prints in black on white,
// without its buttons, with sections kept whole; "Large text" makes it 1.5 times as large on screen and on paper.
export const styles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 1.375rem;
  }
  h3 {
    margin: 24px 0 8px;
    font-size: 1.25rem;
  }
  h4 {
    margin: 16px 0 4px;
    font-size: 1.0625rem;
    overflow-wrap: anywhere;
  }
  .contacts,
  .referrals {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
  }
  .contact,
  .referral {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_border);
    background: var(--_surface);
    padding: 8px 12px;
    margin: 0 0 8px;
    overflow-wrap: anywhere;
  }
  .contact.crisis {
    border-left-color: var(--_error);
  }
  .contact.suggested {
    border-style: dashed;
  }
  .contact p,
  .referral p {
    margin: 0 0 4px;
  }
  .tag {
    display: inline-block;
    border: 2px solid currentColor;
    padding: 0 6px;
    margin: 0 8px 4px 0;
    font-weight: bold;
  }
  .crisis-tag {
    color: var(--_error);
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(5em, max-content) minmax(0, 1fr);
    gap: 2px 12px;
    margin: 4px 0;
  }
  .facts div {
    display: contents;
  }
  .facts dt {
    font-weight: bold;
  }
  .facts dd {
    margin: 0;
    min-width: 0;
  }
  .words {
    /* Kept as typed, line breaks and all; a space at a line's end wraps instead of hanging past the edge. */
    white-space: break-spaces;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_secondary);
  }
  .label {
    font-weight: bold;
  }
  .signs {
    padding-left: 1.25em;
  }
  .signs p {
    margin: 0 0 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 8px 0;
  }
  .editor {
    border-left: 6px solid var(--_border);
    padding: 8px 0 8px 12px;
    margin: 8px 0 16px;
  }
  .editor .field-group {
    margin-bottom: 16px;
  }
  .editor input[type='text'],
  .editor input[type='tel'],
  .editor input[type='email'],
  .editor textarea,
  .editor select {
    width: 100%;
    box-sizing: border-box;
    max-width: 32em;
  }
  .choice {
    display: flex;
    gap: 8px;
    align-items: center;
    margin: 4px 0;
  }
  .copy {
    max-width: 48em;
    color: var(--_text);
    line-height: 1.5;
  }
  .copy.large {
    font-size: 1.5em;
  }
  /* Headings scale with the copy's text, so "Large text" makes them larger too. */
  .copy h2 {
    font-size: 1.5em;
  }
  .copy h3 {
    font-size: 1.25em;
  }
  .copy h4 {
    font-size: 1.0625em;
  }
  .copy ul {
    padding-left: 1.25em;
  }
  .copy li {
    margin-bottom: 8px;
    overflow-wrap: anywhere;
  }
  .copy .number {
    font-weight: bold;
    white-space: nowrap;
  }
  .copy .danger {
    border: 3px solid var(--_text);
    padding: 8px 12px;
  }
  /* @page cannot come from a shadow root: the page's own print margins apply (a browser's default, or the host's
     @page rule; the README gives one for A4). */
  @media print {
    .no-print {
      display: none;
    }
    .copy {
      color: #000;
      background: #fff;
      max-width: none;
    }
    .copy section {
      break-inside: avoid-page;
    }
    .copy h3,
    .copy h4 {
      break-after: avoid;
    }
  }
`;
