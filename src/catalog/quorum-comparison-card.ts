// A comparison in a list: its title linking to the comparison page, and each tool's headline figures.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { catalogStyles } from './catalog-styles.js';
import { PANEL_SHIP_MEANING, formatPercent } from './format-tool-fields.js';
import type { ComparisonListing } from './types.js';

/**
 * `<quorum-comparison-card>`: A comparison in a list: its title linking to the comparison page, and each
 * tool's headline figures. Properties: `comparison`, `headingLevel`.
 */
@customElement('quorum-comparison-card')
export class QuorumComparisonCard extends LitElement {
  static override styles = [
    sharedStyles,
    catalogStyles,
    css`
      :host {
        display: block;
      }
      article {
        padding: 0.9rem 1.1rem;
      }
      h2,
      h3 {
        font-size: 1.15rem;
        margin: 0.1rem 0 0.5rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        display: grid;
        gap: 0.1rem;
      }
      .name {
        font-weight: 700;
      }
      .figures {
        font-size: 0.9rem;
        color: var(--q-muted);
      }
    `,
  ];

  /** A whole record will do too: a card shows only its listing's fields. */
  @property({ attribute: false }) comparison: ComparisonListing | undefined;
  /** 2 in the catalog list, 3 where the list sits under its own h2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 2 | 3 = 2;

  override render() {
    const comparison = this.comparison;
    if (!comparison) return null;
    const link = html`<a href="/comparison/${encodeURIComponent(comparison.id)}"
      >${comparison.title}</a
    >`;
    return html`<article class="card long-text">
      <span class="tag">${comparison.category}</span>
      ${this.headingLevel === 3 ? html`<h3>${link}</h3>` : html`<h2>${link}</h2>`}
      <ul>
        ${comparison.tools.map(
          (tool) =>
            html`<li>
              <span><span class="name">${tool.name}</span> — ${tool.tagline}</span>
              <span class="figures" title=${PANEL_SHIP_MEANING}
                >Panel ship ${formatPercent(tool.panelShip)} · ${tool.entry}</span
              >
            </li>`,
        )}
      </ul>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-comparison-card': QuorumComparisonCard;
  }
}
