// The decision trace of a run, read-only: how the fused answer was chosen, in the mode's own terms.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { Name } from '../../ui/format.js';
import type { FusionTrace } from '../modes/trace.js';
import { describeTrace } from './trace-description.js';
import { withoutCalculatorNotes } from '../../shared/calculator-notes.js';
import { traceToHtml } from './trace-html.js';

/**
 * `<quorum-fusion-trace>`: The decision trace of a run, read-only: how the fused answer was chosen, in the
 * mode's own terms. Properties: `trace`, `name`.
 */
@customElement('quorum-fusion-trace')
export class QuorumFusionTrace extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        min-width: 100%;
        font-size: 0.92rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        padding-bottom: 0.35rem;
      }
      th,
      td {
        border-bottom: 1px solid var(--q-border);
        padding: 0.4rem 0.5rem;
        text-align: left;
        vertical-align: top;
      }
      tr.winner th,
      tr.winner td {
        background: var(--q-success-bg);
      }
      .pill {
        display: inline-block;
        font-size: 0.75rem;
        font-weight: 700;
        padding: 0 0.4rem;
        border-radius: 999px;
        border: 1px solid currentColor;
      }
      .bad {
        color: var(--q-danger);
      }
      .note {
        background: var(--q-warning-bg);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      .analysis,
      .versus {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
        gap: 0.5rem 1rem;
      }
      .versus > div {
        border: 1px solid var(--q-border);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      .versus p,
      .versus details {
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }
      /* An excerpt reads as body text; its summary opens the whole answer. */
      details.excerpt {
        margin: 0;
      }
      details.excerpt > summary {
        font-weight: 400;
      }
      details.excerpt .full {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0.25rem 0;
        padding: 0.4rem 0.5rem;
        border-left: 3px solid var(--q-border);
      }
      /* Directly under the section's h2 ("How it was decided"): h3, small like a label. */
      h3 {
        margin: 0.5rem 0 0.25rem;
        font-size: 1rem;
      }
      pre {
        white-space: pre-wrap;
        font-family: var(--q-mono);
      }
      details {
        margin: 0.75rem 0;
      }
      summary {
        cursor: pointer;
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) trace: FusionTrace | null = null;
  @property({ attribute: false }) name: Name = (id) => id;

  override render() {
    if (!this.trace) return html`<p class="muted">No decision was recorded.</p>`;
    return traceToHtml(describeTrace(readable(this.trace), this.name));
  }
}

/**
 * The trace with every text as a visitor reads it (withoutCalculatorNotes), before excerpts are cut
 * from it; the stored trace and the exports keep the text as written.
 */
function readable<T>(value: T): T {
  if (typeof value === 'string') return withoutCalculatorNotes(value) as T;
  if (Array.isArray(value)) return value.map(readable) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)])) as T;
  return value;
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-fusion-trace': QuorumFusionTrace;
  }
}
