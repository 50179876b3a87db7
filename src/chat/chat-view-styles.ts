// Layout of the chat view: conversations beside the chat on wide screens, above it (collapsible) on phones.
import { css } from 'lit';

/**
 * The chat view's styles: conversations beside the chat on wide screens, above it (collapsible) on phones.
 */
export const chatViewStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    gap: 1rem;
    grid-template-columns: 1fr;
  }
  @media (min-width: 860px) {
    .layout {
      grid-template-columns: 16rem 1fr;
      align-items: start;
    }
  }
  aside details {
    border: 1px solid var(--q-border);
    border-radius: var(--q-radius);
    background: var(--q-surface);
    padding: 0.5rem 0.75rem 0.75rem;
  }
  summary {
    font-weight: 700;
    cursor: pointer;
    padding: 0.25rem 0;
  }
  .new {
    margin: 0.5rem 0;
  }
  .chat {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    min-width: 0;
  }
  .model-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
  }
  .turns {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
`;
