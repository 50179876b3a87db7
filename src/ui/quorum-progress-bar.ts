// A labelled progress bar; without a max it shows indeterminate progress.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.js';

/**
 * `<quorum-progress-bar>`: A labelled progress bar; without a max it shows indeterminate progress.
 * Properties: `label`, `value`, `max`.
 */
@customElement('quorum-progress-bar')
export class QuorumProgressBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        font-weight: 400;
        font-size: 0.9rem;
        color: var(--q-muted);
        margin-bottom: 0.25rem;
      }
      progress {
        width: 100%;
        height: 0.6rem;
        accent-color: var(--q-accent);
      }
    `,
  ];

  @property() label = '';
  @property({ type: Number }) value = 0;
  /** 0 means unknown: the bar is indeterminate. */
  @property({ type: Number }) max = 0;

  override render() {
    return html`<label for="bar">${this.label}</label> ${
        this.max > 0
          ? html`<progress id="bar" value=${this.value} max=${this.max}></progress>`
          : html`<progress id="bar"></progress>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-progress-bar': QuorumProgressBar;
  }
}
