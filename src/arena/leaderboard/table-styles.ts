// Table styles the leaderboard's tables share: numbers aligned, a scroll box on narrow screens.
import { css } from 'lit';

/** Styles the leaderboard's tables share: numbers aligned, a scroll box on narrow screens. */
export const tableStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9rem;
    min-width: 100%;
  }
  th,
  td {
    padding: 0.35rem 0.6rem;
    border-bottom: 1px solid var(--q-border);
    text-align: left;
    vertical-align: top;
  }
  th[scope='row'] {
    font-weight: 600;
    /* Names wrap between words, not letter by letter on a phone: the table scrolls instead. */
    min-width: 9rem;
    overflow-wrap: break-word;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  figure {
    margin: 0 0 0.75rem;
  }
  figcaption {
    font-size: 0.85rem;
  }
`;
