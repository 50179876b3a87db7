// The endpoint form's layout: stacked fields, the listed models' checkboxes, hints and problems.
import { css } from 'lit';

/** The endpoint form's styles. */
export const endpointFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  input,
  textarea {
    width: 100%;
  }
  .hint,
  .problem {
    font-size: 0.9rem;
    margin: 0;
  }
  .problem {
    color: var(--q-danger);
  }
  fieldset {
    border: 1px solid var(--q-border);
    border-radius: 8px;
    margin: 0;
    padding: 0.5rem 0.75rem;
    min-width: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 14rem;
    overflow: auto;
  }
  li label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
    overflow-wrap: anywhere;
    min-height: 2.25rem;
  }
  input[type='checkbox'] {
    width: 1.15rem;
    height: 1.15rem;
    min-height: auto;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
