import { css } from 'lit';

// Phone first: one column of cards, no table, so nothing breaks mid-word at 320 px (issue 17's rule for every widget).
export const styles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 1.375rem;
  }
  h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    align-items: flex-end;
    margin: 8px 0 16px;
  }
  .filters fieldset {
    margin: 0;
  }
  .filters .choice {
    display: inline-flex;
    margin-right: 12px;
  }
  .search input {
    width: min(20em, 100%);
  }
  .search {
    max-width: 100%;
  }
  .people {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .person {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_border);
    background: var(--_surface);
    padding: 8px 12px;
    margin: 0 0 8px;
    overflow-wrap: break-word;
  }
  .person.alert {
    border-left-color: var(--_error);
  }
  .person.due {
    border-left-color: var(--_link);
  }
  button.open {
    all: unset;
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  button.open:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
  .reasons {
    margin: 4px 0;
    padding-left: 20px;
  }
  .facts {
    margin: 4px 0 0;
    color: var(--_secondary);
  }
  .new-to-you {
    margin: 4px 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .offline,
  .whose {
    margin: 8px 0;
  }
  @media (forced-colors: active) {
    .person.alert,
    .person.due {
      border-left-color: CanvasText;
    }
    button.open {
      color: LinkText;
    }
  }
`;
