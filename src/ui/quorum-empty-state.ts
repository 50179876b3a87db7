// A friendly "nothing here yet" box with a heading and slotted guidance.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.js';

/**
 * `<quorum-empty-state>`: A friendly "nothing here yet" box with a heading and slotted guidance. Properties:
 * `heading`.
 */
@customElement('quorum-empty-state')
export class QuorumEmptyState extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      div {
        padding: 1.5rem;
        text-align: center;
        border-style: dashed;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.5rem;
      }
      ::slotted(*) {
        color: var(--q-muted);
      }
    `,
  ];

  @property() heading = '';

  override render() {
    return html`<div class="card">
      <h2>${this.heading}</h2>
      <slot></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-empty-state': QuorumEmptyState;
  }
}
