import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--str-relapse-signs-gap, 16px);
    --_line: var(--str-relapse-signs-line-colour, var(--_link));
  }
  h2 {
    margin: 0 0 8px;
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .views {
    margin-bottom: 8px;
  }
  form {
    display: grid;
    gap: var(--_gap);
  }
  fieldset.all {
    display: grid;
    gap: var(--_gap);
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .stage,
  .functioning {
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 12px 16px 16px;
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  .stage > legend,
  .functioning > legend {
    padding: 0 4px;
  }
  .sign {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .sign.invalid {
    border-left: 4px solid var(--_error);
    padding-left: 12px;
  }
  .sign > legend {
    font-weight: bold;
    margin-bottom: 4px;
  }
  .sign-text,
  .response,
  .result li,
  th {
    white-space: pre-wrap;
    /* A word moves whole to the next line; only a word longer than the line breaks (issue 17: "Tot al"). */
    overflow-wrap: break-word;
  }
  .ratings {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
  }
  /* A rating is a shared .choice, a little tighter: five sit on a phone's line. */
  .choice.rating {
    gap: 6px;
    padding: 0 10px 0 2px;
  }
  .choice.rating input {
    margin-left: 6px;
  }
  label.field.small {
    font-weight: normal;
    margin-top: 8px;
  }
  .sign-list {
    padding-left: 20px;
  }
  .sign-list li {
    display: grid;
    margin-bottom: 8px;
  }
  .result {
    border: 4px solid var(--_link);
    background: var(--_surface);
    padding: 12px 16px;
    margin-bottom: var(--_gap);
  }
  .result.fires {
    border-color: var(--_error);
  }
  .result h4 {
    margin: 12px 0 4px;
  }
  .problem {
    border: 4px solid var(--_error);
    background: var(--_surface);
    padding: 12px 16px;
    margin-bottom: 12px;
  }
  .chart {
    margin: 8px 0 16px;
  }
  .chart svg {
    width: 100%;
    height: 200px;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .chart .axis {
    stroke: var(--_secondary);
    stroke-width: 1;
  }
  .chart .baseline {
    stroke: var(--_text);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .chart .line {
    fill: none;
    stroke: var(--_line);
    stroke-width: 3;
    vector-effect: non-scaling-stroke;
  }
  .chart .point {
    fill: var(--_line);
  }
  .chart .fired {
    fill: var(--_error);
  }
  .trend-table {
    border-collapse: collapse;
    width: 100%;
    margin-bottom: 16px;
    display: block;
    overflow-x: auto;
  }
  .trend-table caption {
    text-align: left;
    font-weight: bold;
    padding-bottom: 4px;
  }
  .trend-table th,
  .trend-table td {
    text-align: left;
    border-bottom: 1px solid var(--_border);
    padding: 6px 12px 6px 0;
    vertical-align: top;
  }
  .sign-editor {
    padding-left: 20px;
    margin: 0;
    display: grid;
    gap: var(--_gap);
  }
  .sign-editor li {
    display: grid;
    gap: 8px;
    border-bottom: 1px solid var(--_border);
    padding-bottom: 12px;
  }
  .editor .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
  }
  .editor input[type='number'] {
    width: 7em;
  }
  .alert-list {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--_gap);
  }
  .alert {
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_link);
    background: var(--_surface);
    padding: 12px 16px;
  }
  .alert.overdue {
    border-left-color: var(--_error);
  }
  .alert h3 {
    margin-bottom: 4px;
  }
  .skip-links ul {
    list-style: none;
    padding: 0;
    margin: 0 0 16px;
  }
  .skip-links a {
    display: inline-block;
    min-height: 24px;
    padding: 10px 0;
    color: var(--_link);
  }
  .flag {
    border-left: 4px solid var(--_error);
    padding: 4px 12px;
  }
  .pending + .pending {
    border-top: 1px solid var(--_border);
    margin-top: 8px;
  }
  @media (forced-colors: active) {
    .chart .line,
    .chart .baseline {
      stroke: CanvasText;
    }
    .chart .point,
    .chart .fired {
      fill: CanvasText;
    }
  }
`;
