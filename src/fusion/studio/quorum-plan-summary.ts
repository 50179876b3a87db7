// Shows the GPU-memory plan before a run: which models run together, which wait, which do not fit.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BudgetEstimate } from '../../models/gpu/memory-budget.js';
import type { GpuMemoryPlan } from '../../models/gpu/plan-gpu-memory.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { BUDGET_CONTROL, gpuUnfit, needsNoGpu, planLine } from './studio-setup.js';

/** Where the budget comes from, in the words the models page uses. */
const SOURCE_TEXT: Record<BudgetEstimate['source'], string> = {
  none: 'no GPU',
  heuristic: 'a guess',
  learned: 'learned on this device',
  override: 'set by you',
};

/**
 * `<quorum-plan-summary>`: Shows the GPU-memory plan before a run: which models run together, which wait,
 * which do not fit. Properties: `plan`, `budget`, `label`.
 */
@customElement('quorum-plan-summary')
export class QuorumPlanSummary extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.95rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      ol {
        margin: 0.25rem 0;
        padding-left: 1.5rem;
      }
      .unfit {
        color: var(--q-danger);
      }
    `,
  ];

  @property({ attribute: false }) plan: GpuMemoryPlan | null = null;
  @property({ attribute: false }) budget: BudgetEstimate | null = null;
  @property({ attribute: false }) label: (id: string) => string = (id) => id;

  override render() {
    const plan = this.plan;
    if (!plan) return html`<p class="muted">Pick models to see how they will share the GPU.</p>`;
    const names = (ids: readonly string[]) => ids.map(this.label).join(', ');
    const mb = (value: number) => `${Math.round(value)} MB`;
    const cannotRun = gpuUnfit(plan.unfit);
    const tooLarge = plan.unfit.filter((m) => m.cause !== 'gpu');
    return html`<h3>Plan</h3>
      <p data-testid="plan">${planLine(plan)}</p>
      ${
        plan.stages.length > 1
          ? html`<ol>
              ${plan.stages.map(
                (stage) => html`<li>${names(stage.modelIds)} together (${mb(stage.totalMB)})</li>`,
              )}
            </ol>`
          : nothing
      }
      ${
        tooLarge.length
          ? html`<p class="unfit">
              Does not fit: ${names(tooLarge.map((m) => m.id))}.
              <a href=${BUDGET_CONTROL.href}>${BUDGET_CONTROL.label}</a>
            </p>`
          : nothing
      }
      ${
        /* No budget link here: a larger budget cannot make this GPU run them (device-fit.ts). */
        cannotRun.length
          ? html`<p class="unfit" data-testid="plan-gpu-unfit">
              Cannot run on this GPU:
              ${cannotRun.map((m) => `${this.label(m.id)} (${m.why})`).join(' ')}
            </p>`
          : nothing
      }
      ${
        /* A pool that needs no GPU memory here has no use for the budget. */
        this.budget && !needsNoGpu(plan)
          ? html`<p class="muted">
              GPU budget ${mb(this.budget.budgetMB)} (${SOURCE_TEXT[this.budget.source]}), of which
              ${mb(plan.usableMB)} is usable: the rest is kept free as headroom.
              ${this.budget.reasons.at(-1) ?? ''}
            </p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-plan-summary': QuorumPlanSummary;
  }
}
