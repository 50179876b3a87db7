// The view for a URL no route matches.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';

/**
 * `<quorum-not-found-view>`: The view for a URL no route matches. Routed: the router sets `params` and
 * `query`.
 */
@customElement('quorum-not-found-view')
export class QuorumNotFoundView extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  override render() {
    return html`<h1 tabindex="-1">Page not found</h1>
      <p>There is nothing at <code>${location.pathname}</code>.</p>
      <p><a href="/">Go to the catalog</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-not-found-view': QuorumNotFoundView;
  }
}
