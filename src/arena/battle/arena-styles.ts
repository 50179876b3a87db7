// The arena view's layout: the prompt form, the two sides (one column on a phone), the vote buttons.
import { css } from 'lit';

/** The arena view's styles: the prompt form, the two sides (one column on a phone), the vote buttons. */
export const arenaStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    /* minmax(0, …): the built-in prompts' long options must not widen the form past a phone. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  select {
    min-width: 0;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  @media (hover: none) and (pointer: coarse) {
    /* No keyboard shortcut to speak of on a touch screen (as the studio's Ctrl+Enter hint). */
    .keys {
      display: none;
    }
  }
  .sides {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75rem;
  }
  @media (max-width: 40rem) {
    .sides {
      grid-template-columns: 1fr;
    }
  }
  .vote {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 1rem 0 0.5rem;
    border: 0;
    padding: 0;
  }
  .vote legend {
    font-weight: 600;
    margin-bottom: 0.4rem;
    padding: 0;
  }
  kbd {
    font-family: var(--q-mono);
    font-size: 0.8em;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 0.3rem;
    opacity: 0.8;
  }
  .contestants {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    border: 1px solid var(--q-border);
    border-radius: 8px;
    margin: 0 0 0.5rem;
    padding: 0.4rem 0.75rem 0.6rem;
  }
  .contestants label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 400;
    margin: 0;
  }
  .contestants input {
    min-height: 0;
    margin: 0;
  }
  .contestants legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .note {
    max-width: 50rem;
  }
  .problem {
    color: var(--q-danger);
  }
`;
