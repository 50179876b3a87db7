// Layout of the studio view: set-up and the prompt form.
import { css } from 'lit';

export const studioStyles = css`
  :host {
    display: block;
  }
  .intro {
    max-width: 48rem;
    color: var(--q-muted);
  }
  h2 {
    font-size: 1.2rem;
    margin: 1.25rem 0 0.5rem;
  }
  .ask {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    margin-top: 1rem;
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .hint {
    font-size: 0.85rem;
  }
  .problem {
    color: var(--q-danger);
    background: var(--q-danger-bg);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
    margin: 0;
  }
  .status {
    min-height: 1.4em;
    margin: 0;
    font-weight: 600;
  }
`;
