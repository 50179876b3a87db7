// Styles the catalog's views share: tool stats, tags, the two-column layout that stacks on a phone.
import { css } from 'lit';

/** Styles the catalog's views share: tool stats, tags, the two-column layout that stacks on a phone. */
export const catalogStyles = css`
  .tag {
    display: inline-block;
    font-size: 0.8rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--q-muted);
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0.75rem 0;
  }
  .stats div {
    display: flex;
    flex-direction: column-reverse;
  }
  .stats dt {
    font-size: 0.8rem;
    color: var(--q-muted);
  }
  .stats dd {
    margin: 0;
    font-size: 1.2rem;
    font-weight: 700;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 1rem;
  }
  @media (max-width: 40rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .plain-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .long-text {
    overflow-wrap: anywhere;
  }
`;
