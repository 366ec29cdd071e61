import { css } from 'lit';

// Phone first: one card per worker, facts as label and value that wrap, nothing wider than 320 px.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 1.375rem;
  }
  h3 {
    margin: 0;
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .role {
    font-weight: 400;
    color: var(--_secondary);
  }
  .filters {
    margin: 8px 0 16px;
  }
  .filters .choice {
    display: inline-flex;
  }
  .workers {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .worker {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_border);
    background: var(--_surface);
    padding: 8px 12px;
    margin: 0 0 8px;
    overflow-wrap: break-word;
  }
  .worker.attention {
    border-left-color: var(--_error);
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 4px 12px;
    margin: 8px 0 0;
  }
  .facts div {
    display: contents;
  }
  .facts dt {
    color: var(--_secondary);
  }
  .facts dd {
    margin: 0;
    min-width: 0;
  }
  .facts .warn dd {
    font-weight: 700;
  }
  .training {
    margin: 4px 0 0;
    padding-left: 20px;
  }
  .record {
    margin-top: 8px;
  }
  .record > .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .record .status:empty {
    margin: 0;
  }
  .editor {
    display: grid;
    gap: 12px;
    border-top: 1px solid var(--_border);
    margin-top: 8px;
    padding-top: 8px;
  }
  .editor fieldset {
    display: grid;
    gap: 8px;
  }
  .editor input.text,
  .editor textarea,
  .editor select {
    width: 100%;
    max-width: 40em;
    box-sizing: border-box;
  }
  .editor h4 {
    margin: 0 0 8px;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .agreed-action {
    border-left: 4px solid var(--_border);
    padding-left: 8px;
    margin-bottom: 12px;
  }
  @container (max-width: 30em) {
    .facts {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .facts dd {
      margin-bottom: 6px;
    }
  }
  @media (forced-colors: active) {
    .worker.attention {
      border-left-color: CanvasText;
    }
  }
`;
