// Layout of the import panel (a panel, see panelStyles): the picker styled as a button, the paste form, the results region.
import { css } from 'lit';

/** The import panel's layout: the picker styled as a button, the paste form, the results region. */
export const importPanelStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin-bottom: 0.25rem;
  }
  p {
    margin: 0.25rem 0 0.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  input[type='file']:focus-visible + label {
    outline: 3px solid var(--q-focus);
    outline-offset: 2px;
  }
  input[type='file']:disabled + label {
    opacity: 0.6;
    cursor: not-allowed;
  }
  details {
    margin-top: 0.75rem;
  }
  summary {
    cursor: pointer;
    color: var(--q-link);
    font-weight: 600;
    min-height: 2rem;
  }
  form {
    display: grid;
    gap: 0.4rem;
    margin-top: 0.5rem;
  }
  textarea {
    width: 100%;
    font-family: var(--q-mono);
    font-size: 0.85rem;
  }
  form button {
    justify-self: start;
  }
  quorum-progress-bar {
    margin-top: 0.75rem;
  }
  .results.ok,
  .results.error {
    margin-top: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--q-success);
    background: var(--q-success-bg);
    border-radius: 4px;
  }
  .results.error {
    border-left-color: var(--q-danger);
    background: var(--q-danger-bg);
  }
  .results p {
    margin: 0.25rem 0;
    overflow-wrap: anywhere;
  }
  .detail {
    display: block;
    font-size: 0.9rem;
    color: var(--q-muted);
  }
`;
