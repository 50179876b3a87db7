// Styles every Quorum element shares: links, buttons, form controls, focus rings, screen-reader-only text.
import { css } from 'lit';

/**
 * Styles every Quorum element shares: links, buttons, form controls, focus rings, screen-reader-only text.
 */
export const sharedStyles = css`
  :host {
    color: var(--q-text);
    font-family: var(--q-font);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--q-link);
    text-underline-offset: 2px;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--q-focus);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  h1 {
    font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2rem);
    margin: 0 0 0.75rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--q-focus);
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.5rem;
    padding: 0.45rem 0.95rem;
    border-radius: 8px;
    border: 1px solid var(--q-accent);
    background: var(--q-accent);
    color: var(--q-on-accent);
    cursor: pointer;
    text-decoration: none;
  }
  button:hover,
  .button:hover {
    background: var(--q-accent-strong);
  }
  button.secondary {
    background: transparent;
    color: var(--q-link);
  }
  button.secondary:hover {
    background: var(--q-surface-2);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--q-text);
    background: var(--q-surface);
    border: 1px solid var(--q-muted);
    border-radius: 8px;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    max-width: 100%;
  }
  /* Chromium's own grey (#757575) is 4.6:1 on white and 3.8:1 on the dark surface: too faint. */
  input::placeholder,
  textarea::placeholder {
    color: var(--q-muted);
    opacity: 1;
  }
  label {
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--q-muted);
  }
  .card {
    background: var(--q-surface);
    border: 1px solid var(--q-border);
    border-radius: var(--q-radius);
    box-shadow: var(--q-shadow);
  }
`;

/** A panel: a padded section under a small heading (settings, the device, storage, import). */
export const panelStyles = css`
  section {
    padding: 1rem 1.25rem;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0 0 0.5rem;
  }
`;

/** A framed group of choices with its legend (the studio's pool and mode pickers). */
export const fieldsetStyles = css`
  fieldset {
    border: 1px solid var(--q-border);
    border-radius: 8px;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
`;
