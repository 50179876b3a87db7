// A wide table's box: scrolls sideways when the table is wider than the page, and then says so.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

/**
 * Wraps one table (slotted). On a phone a seven-column tally is wider than the screen: the box
 * scrolls, becomes a focusable region (keyboard users scroll it with the arrow keys), shows
 * "Scroll sideways for the whole table →" and fades its cut edge, so nothing looks cut off.
 */
@customElement('quorum-scroll-box')
export class QuorumScrollBox extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 0.75rem 0;
    }
    .hint {
      margin: 0 0 0.25rem;
      font-size: 0.85rem;
      color: var(--q-muted);
    }
    .scroll {
      overflow-x: auto;
    }
    /* The table's cut edge fades while more of it lies to the right. */
    .scroll.wide {
      mask-image: linear-gradient(to right, #000 calc(100% - 1.5rem), transparent);
    }
    .scroll.wide.end {
      mask-image: none;
    }
    .scroll:focus-visible {
      outline: 2px solid var(--q-focus);
      outline-offset: 2px;
    }
  `;

  /** Names the region when it scrolls ("Vote tally"). */
  @property() label = '';
  @state() private wide = false;
  @state() private atEnd = false;
  @query('.scroll') private scroller!: HTMLElement;
  private readonly resized = new ResizeObserver(() => this.measure());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resized.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observe();
  }

  protected override firstUpdated(): void {
    this.observe();
  }

  private observe(): void {
    this.resized.observe(this.scroller);
    for (const child of this.children) this.resized.observe(child);
  }

  private measure(): void {
    const { scrollWidth, clientWidth, scrollLeft } = this.scroller;
    this.wide = scrollWidth > clientWidth + 1;
    this.atEnd = scrollLeft + clientWidth >= scrollWidth - 1;
  }

  override render() {
    return html`${
        this.wide
          ? html`<p class="hint" aria-hidden="true">Scroll sideways for the whole table →</p>`
          : nothing
      }
      <div
        class="scroll ${this.wide ? 'wide' : ''} ${this.atEnd ? 'end' : ''}"
        tabindex=${this.wide ? 0 : nothing}
        role=${this.wide ? 'region' : nothing}
        aria-label=${this.wide && this.label ? `${this.label}, scrolls sideways` : nothing}
        @scroll=${() => this.measure()}
      >
        <slot @slotchange=${() => this.observe()}></slot>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-scroll-box': QuorumScrollBox;
  }
}
