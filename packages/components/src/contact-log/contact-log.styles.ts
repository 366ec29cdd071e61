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
  /* break-word, never anywhere: anywhere also shrinks the text's minimum width, so any grid, flex or table around it
     may squeeze it until words split mid-word on a phone ("Octobe r"); break-word splits only a word wider than the line. */
  .history .note {
    display: block;
    overflow-wrap: break-word;
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
  /* The open/close marker hangs outside the summary: inset the summary so the marker stays inside the widget (on a
     phone the host often has no padding around it, and a marker drawn outside is cut off by the screen edge). */
  .history summary {
    cursor: pointer;
    min-height: 24px;
    list-style-position: outside;
    margin-inline-start: 1.25em;
  }
  .note-full {
    white-space: pre-wrap;
    overflow-wrap: break-word;
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
`;
