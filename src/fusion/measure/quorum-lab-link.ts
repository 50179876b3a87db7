// "Does fusion help on this device?": a link into the lab with the studio's pool, and the latest lab result for it.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { withEngineParam } from '../../models/list/engine-mode.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { FusionMode } from '../modes/trace.js';
import { labSummariesContext, type LabSummaries, type LabSummary } from './lab-summary.js';

/**
 * `<quorum-lab-link>`: "Does fusion help on this device?": a link into the lab with the studio's pool, and
 * the latest lab result for it. Properties: `poolIds`, `mode`.
 */
@customElement('quorum-lab-link')
export class QuorumLabLink extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      p {
        max-width: 48rem;
      }
    `,
  ];

  @property({ attribute: false }) poolIds: string[] = [];
  @property({ attribute: false }) mode: FusionMode = 'vote';

  @consume({ context: labSummariesContext, subscribe: true })
  @state()
  private summaries: LabSummaries | undefined;

  @state() private latest: LabSummary | null = null;
  private asked = '';

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const key = this.poolIds.join(',');
    const summaries = this.summaries;
    // Asked again when the pool changes, or once the shell has provided the lab's summaries.
    if (summaries && (changed.has('poolIds') || changed.has('summaries')) && key !== this.asked) {
      this.asked = key;
      void summaries.latestCovering(this.poolIds).then(
        (latest) => {
          if (this.asked === key) this.latest = latest;
        },
        () => (this.latest = null),
      );
    }
  }

  override render() {
    const pool = encodeURIComponent(this.poolIds.join(','));
    const href = withEngineParam(`/lab?pool=${pool}`, location.search);
    const latest = this.latest;
    const verdict = latest?.verdicts.find((v) => v.mode === this.mode) ?? latest?.verdicts[0];
    return html`<p>
        Measure it in the <a href=${href}>evaluation lab with this pool</a>: every model alone and
        fused on hundreds of questions with checkable answers, with 95 % intervals.
      </p>
      ${
        latest && verdict
          ? html`<p data-testid="latest-lab-result">
              Latest lab run covering this pool (${latest.taskSetName}, ${latest.questions}
              questions, ${new Date(latest.finishedAt).toLocaleDateString()}): ${verdict.text}
              <a
                href=${withEngineParam(`/lab?run=${encodeURIComponent(latest.runId)}`, location.search)}
                >See that run</a
              >.
            </p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-link': QuorumLabLink;
  }
}
