// An error box announced to screen readers, with what went wrong and what a visitor can do.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.js';

/**
 * `<quorum-error-state>`: An error box announced to screen readers, with what went wrong and what a visitor
 * can do. Properties: `heading`, `message`, `quiet`.
 */
@customElement('quorum-error-state')
export class QuorumErrorState extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      div {
        padding: 1rem 1.25rem;
        border-left: 4px solid var(--q-danger);
        background: var(--q-danger-bg);
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.25rem;
      }
      p {
        margin: 0.25rem 0;
      }
    `,
  ];

  @property() heading = 'Something went wrong';
  @property() message = '';
  /**
   * Shown without being announced: for errors already told before (a saved conversation's old
   * failures), which would otherwise each be read out again as an alert when the page opens.
   */
  @property({ type: Boolean }) quiet = false;

  override render() {
    return html`<div
      class="card"
      role=${this.quiet ? 'group' : 'alert'}
      aria-label=${this.quiet ? this.heading : nothing}
    >
      <h2>${this.heading}</h2>
      ${this.message ? html`<p>${this.message}</p>` : null}
      <slot></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-error-state': QuorumErrorState;
  }
}
