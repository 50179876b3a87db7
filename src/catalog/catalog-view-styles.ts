// Layout of the catalog view: filters above, cards in a grid, the import panel beside them on a desktop.
import { css } from 'lit';

/** The catalog view's layout: filters above, cards in a grid, the import panel beside them on a desktop. */
export const catalogViewStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'intro' 'filters' 'results' 'aside';
    gap: 1rem;
    position: relative;
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) 20rem;
      grid-template-areas: 'intro intro' 'filters filters' 'results aside';
      column-gap: 1.5rem;
    }
    aside {
      position: sticky;
      top: 5rem;
      align-self: start;
    }
  }
  .intro {
    grid-area: intro;
  }
  .intro h1 {
    margin-bottom: 0.25rem;
  }
  .intro p {
    margin: 0;
  }
  .filters {
    grid-area: filters;
  }
  .results {
    grid-area: results;
    min-width: 0;
  }
  aside {
    grid-area: aside;
  }
  .count {
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
    gap: 1rem;
  }
  .cards li {
    display: grid;
  }
  .more {
    margin-top: 1rem;
  }
  .dragging {
    outline: 3px dashed var(--q-accent);
    outline-offset: 6px;
    border-radius: var(--q-radius);
  }
  .drop-hint {
    position: fixed;
    inset: auto 0 2rem 0;
    margin: 0 auto;
    width: fit-content;
    padding: 0.75rem 1.25rem;
    background: var(--q-accent);
    color: var(--q-on-accent);
    border-radius: var(--q-radius);
    font-weight: 700;
    pointer-events: none;
  }
`;
