// One tool's fields as a card: category, name, tagline, panel ship, community, entry, description.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { catalogStyles } from './catalog-styles.js';
import { PANEL_SHIP_MEANING, formatCommunity, formatPercent } from './format-tool-fields.js';
import type { ToolSnapshot } from './types.js';

/**
 * `<quorum-tool-summary>`: One tool's fields as a card: category, name, tagline, panel ship, community,
 * entry, description. Properties: `tool`, `hideName`.
 */
@customElement('quorum-tool-summary')
export class QuorumToolSummary extends LitElement {
  static override styles = [
    sharedStyles,
    catalogStyles,
    css`
      :host {
        display: block;
        height: 100%;
      }
      article {
        height: 100%;
        padding: 1rem 1.25rem;
      }
      h2 {
        margin: 0.15rem 0 0.35rem;
        font-size: 1.35rem;
      }
      .tagline {
        margin: 0;
        font-weight: 500;
      }
      .description {
        margin: 0;
        color: var(--q-text);
      }
    `,
  ];

  @property({ attribute: false }) tool: ToolSnapshot | undefined;
  /** The tool page shows the name as its own heading. */
  @property({ type: Boolean, attribute: 'hide-name' }) hideName = false;

  override render() {
    const tool = this.tool;
    if (!tool) return null;
    return html`<article class="card long-text">
      <span class="tag">${tool.category}</span>
      ${
        this.hideName
          ? null
          : html`<h2><a href="/tool/${encodeURIComponent(tool.slug)}">${tool.name}</a></h2>`
      }
      <p class="tagline">${tool.tagline}</p>
      <dl class="stats">
        <div>
          <dt title=${PANEL_SHIP_MEANING}>Panel ship</dt>
          <dd>${formatPercent(tool.panelShip)}</dd>
        </div>
        <div>
          <dt>Community</dt>
          <dd>${formatCommunity(tool.community)}</dd>
        </div>
        <div>
          <dt>Entry</dt>
          <dd>${tool.entry}</dd>
        </div>
      </dl>
      <p class="description">${tool.description}</p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-tool-summary': QuorumToolSummary;
  }
}
