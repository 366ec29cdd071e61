import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--str-care-plan-gap, 24px);
    --_overdue: var(--str-care-plan-overdue-colour, var(--_error));
  }
  h2 {
    margin: 0 0 8px;
  }
  h3 {
    margin: 0 0 4px;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 8px 24px;
    margin: 0 0 8px;
  }
  .facts dt {
    color: var(--_secondary);
  }
  .facts dd {
    margin: 0;
    font-weight: bold;
    overflow-wrap: break-word;
  }
  .flag {
    border-left: 4px solid var(--_link);
    padding: 4px 12px;
    margin: 8px 0;
  }
  .flag.overdue {
    border-left-color: var(--_overdue);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    align-items: end;
    margin: 16px 0 8px;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .filter legend {
    float: left;
    margin: 0 8px 0 0;
  }
  .goals {
    list-style: none;
    padding: 0;
    margin: 0 0 16px;
    display: grid;
    gap: var(--_gap);
  }
  .goal {
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 16px;
    min-width: 0;
  }
  .goal-text,
  .task-name,
  .note-text,
  .reason,
  th,
  td {
    white-space: pre-wrap;
    /* A word moves whole to the next line; only a word longer than the line breaks ("Op en" with anywhere). */
    overflow-wrap: break-word;
  }
  .tasks {
    list-style: none;
    padding: 0;
    margin: 8px 0;
    border-top: 1px solid var(--_border);
  }
  .task {
    border-bottom: 1px solid var(--_border);
    padding: 12px 0 12px 12px;
    border-left: 4px solid transparent;
  }
  .task.is-overdue {
    border-left-color: var(--_overdue);
  }
  .task.drop-target {
    outline: 3px dashed var(--_link);
  }
  .task[draggable='true'] {
    cursor: grab;
  }
  .task-line {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 16px;
  }
  .task-name-and-hint {
    display: grid;
    gap: 2px;
    min-width: 0;
    flex: 1 1 16em;
  }
  .task-name {
    font-weight: bold;
  }
  .task-status {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: baseline;
  }
  .tag {
    display: inline-block;
    padding: 2px 8px;
    border: 1px solid currentColor;
    background: var(--_surface);
    font-weight: bold;
  }
  .tag-completed {
    color: #005a2b;
  }
  .tag-in-progress {
    color: #003d78;
  }
  .tag-cannot-start-yet,
  .tag-cancelled {
    color: #4c6272;
  }
  .tag-overdue {
    color: #fff;
    background: var(--_overdue);
    border-color: var(--_overdue);
  }
  .actions.small {
    gap: 8px;
    margin-top: 8px;
  }
  .actions.small button {
    min-height: 44px;
    padding: 4px 12px;
  }
  button.link {
    min-height: 44px;
    padding: 4px 0;
  }
  .notes summary {
    color: var(--_link);
    text-decoration: underline;
    cursor: pointer;
    min-height: 24px;
    padding: 8px 0;
  }
  .note-list {
    padding-left: 20px;
    margin: 4px 0 8px;
  }
  .note-list li {
    display: grid;
    gap: 2px;
    margin-bottom: 8px;
  }
  .editor {
    display: grid;
    gap: 12px;
    border-left: 4px solid var(--_border);
    padding: 8px 0 8px 16px;
    margin: 12px 0;
    min-width: 0;
  }
  .editor .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
  }
  .conflict,
  .problem {
    border: 4px solid var(--_error);
    background: var(--_surface);
    padding: 12px 16px;
    margin: 12px 0;
  }
  .conflict h4 {
    margin: 0 0 8px;
  }
  .versions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 16px;
    margin-bottom: 12px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: left;
    font-weight: bold;
    padding-bottom: 4px;
  }
  th,
  td {
    text-align: left;
    border-bottom: 1px solid var(--_border);
    padding: 8px 8px 8px 0;
    vertical-align: top;
  }
  .review h4 {
    margin: 16px 0 4px;
  }
  /* The review table from 480 px up; below, the same figures as a list, each with its label (issue 17). */
  .review {
    container-type: inline-size;
  }
  .review-list {
    display: none;
    list-style: none;
    padding: 0;
    margin: 0 0 16px;
  }
  .review-list li {
    border-bottom: 1px solid var(--_border);
    padding: 8px 0;
  }
  .review-list .goal-text {
    font-weight: bold;
  }
  .review-list dl {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 4px 0 0;
  }
  .review-list dl div {
    display: flex;
    gap: 4px;
  }
  .review-list dt::after {
    content: ':';
  }
  .review-list dd {
    margin: 0;
  }
  @container (max-width: 479.98px) {
    .review table {
      display: none;
    }
    .review-list {
      display: block;
    }
  }
  /* The news of an action, at the foot of the screen while any of the plan is on it: near wherever the worker is. */
  .status.near:not(:empty) {
    position: sticky;
    bottom: 0;
    z-index: 1;
    margin: 0;
    padding: 8px 12px;
    background: var(--_surface);
    border-top: 4px solid var(--_link);
    box-shadow: 0 -2px 4px rgb(0 0 0 / 15%);
  }
  @media print {
    .print-hide,
    .controls,
    .actions,
    button {
      display: none !important;
    }
    .goal {
      break-inside: avoid;
    }
  }
`;
