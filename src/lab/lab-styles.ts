// Layout shared by the lab's elements: sections, fieldsets, tables, problems and notes.
import { css } from 'lit';

/**
 * Styles the lab's elements share: sections, fieldsets, tables, problems and notes.
 */
export const labStyles = css`
  :host {
    display: block;
  }
  /* The hidden attribute hides a flex row too (the subset controls of a set too small for one). */
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: 1.2rem;
    margin: 1.5rem 0 0.5rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1rem 0 0.4rem;
  }
  .intro,
  .note {
    max-width: 50rem;
    color: var(--q-muted);
  }
  fieldset {
    border: 1px solid var(--q-border);
    border-radius: 8px;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem 0.75rem;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  .choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: 0.35rem 1rem;
  }
  .choices label,
  label.inline {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
    min-height: 2.25rem;
    padding-top: 0.35rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.15rem;
    height: 1.15rem;
    margin-top: 0.15rem;
    flex: none;
  }
  .meta {
    display: block;
    font-size: 0.85rem;
    color: var(--q-muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .problem {
    color: var(--q-danger);
    background: var(--q-danger-bg);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
  }
  .problem ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .ok {
    color: var(--q-success);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    margin: 0.5rem 0;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    border-bottom: 1px solid var(--q-border);
    padding: 0.35rem 0.6rem;
    text-align: left;
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: right;
    white-space: nowrap;
  }
  /* Headings wrap, so that a table of short figures fits the page rather than scrolling. */
  thead th.number {
    white-space: normal;
  }
  tr.fusion th,
  tr.fusion td {
    font-weight: 700;
  }
  .right {
    color: var(--q-success);
  }
  .wrong {
    color: var(--q-danger);
  }
  /* A failure is not an answer: italic and muted, apart from a wrong one. */
  .failed {
    color: var(--q-muted);
    font-style: italic;
  }
`;
