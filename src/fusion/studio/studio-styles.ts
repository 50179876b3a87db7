// Layout of the studio view: the introduction, the set-up and the downloads in flight.
import { css } from 'lit';

/** The studio view's styles: the introduction, the set-up and the downloads in flight. */
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
  .download-all {
    margin: 0 0 0.75rem;
  }
  .download-all p {
    margin: 0.4rem 0 0;
  }
  .downloads {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    gap: 0.5rem;
    max-width: 32rem;
  }
`;
