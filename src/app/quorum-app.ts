// The application shell (placeholder until the catalog shell lands).
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

@customElement('quorum-app')
export class QuorumApp extends LitElement {
  override render() {
    return html`<main><h1>Quorum</h1></main>`;
  }
}
