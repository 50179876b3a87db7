// The device panel: what WebGPU offers here, the GPU-memory budget and what it learned, and what to do without WebGPU.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatBytes } from '../../ui/format-bytes.js';
import { panelStyles, sharedStyles } from '../../ui/shared-styles.js';
import { explainNoWebGpu } from './explain-no-webgpu.js';
import type { BudgetEstimate } from './memory-budget.js';
import { usableMB } from './plan-gpu-memory.js';
import type { DeviceCapabilities } from './probe-webgpu.js';

const SOURCE_TEXT: Record<BudgetEstimate['source'], string> = {
  none: 'no GPU',
  heuristic: 'a guess from the adapter',
  learned: 'learned from loads on this device',
  override: 'set by you',
};

/**
 * `<quorum-device-panel>`: The device panel: what WebGPU offers here, the GPU-memory budget and what it
 * learned, and what to do without WebGPU. Properties: `caps`, `budget`, `simulated`.
 */
@customElement('quorum-device-panel')
export class QuorumDevicePanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1rem;
        margin: 1rem 0 0.25rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8rem, auto) 1fr;
        gap: 0.2rem 0.75rem;
        margin: 0;
      }
      dt {
        color: var(--q-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .guidance {
        border-left: 4px solid var(--q-danger);
        background: var(--q-danger-bg);
        padding: 0.75rem 1rem;
        margin: 0.5rem 0;
        border-radius: 6px;
      }
      .guidance.limited {
        border-left-color: var(--q-accent);
        background: var(--q-warning-bg);
      }
      .guidance p {
        margin: 0 0 0.4rem;
        font-weight: 600;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      form label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      input {
        width: 9rem;
      }
      ul {
        margin: 0.25rem 0;
        padding-left: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) caps: DeviceCapabilities | null = null;
  @property({ attribute: false }) budget: BudgetEstimate | null = null;
  @property({ type: Boolean }) simulated = false;

  /** Brings the budget override into view and focuses it (links that say "Change the GPU budget"). */
  async focusBudget(): Promise<void> {
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#gpu-budget');
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  }

  private emit(name: 'use-simulated' | 'budget-override', detail?: number | null): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private submitOverride(event: SubmitEvent): void {
    event.preventDefault();
    const value = new FormData(event.target as HTMLFormElement).get('override');
    const mb = Number(value);
    this.emit('budget-override', value === '' || !Number.isFinite(mb) || mb <= 0 ? null : mb);
  }

  override render() {
    const caps = this.caps;
    if (!caps) return html`<section class="card"><p>Checking WebGPU…</p></section>`;
    const guidance = explainNoWebGpu(caps, navigator.userAgent);
    return html`<section class="card" aria-labelledby="device-heading">
      <h2 id="device-heading">This device</h2>
      ${
        guidance.status === 'ok'
          ? null
          : html`<div class="guidance ${guidance.status}" data-testid="webgpu-guidance">
              <p>${guidance.title}</p>
              ${
                guidance.steps.length > 0
                  ? html`<ul>
                      ${guidance.steps.map((step) => html`<li>${step}</li>`)}
                    </ul>`
                  : null
              }
              ${
                this.simulated
                  ? html`<span class="muted">Simulated models are on.</span>`
                  : html`<button @click=${() => this.emit('use-simulated')}>
                      Use simulated models (not real AI)
                    </button>`
              }
            </div>`
      }
      ${this.renderAdapter(caps)} ${this.renderBudget()}
    </section>`;
  }

  private renderAdapter(caps: DeviceCapabilities) {
    const a = caps.adapter;
    return html`<dl>
      <dt>WebGPU</dt>
      <dd>${caps.webgpu ? (a ? 'Yes' : 'Yes, but no adapter') : 'No'}</dd>
      ${
        a
          ? html`<dt>Adapter</dt>
              <dd>
                ${[a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' · ') || 'not disclosed'}
              </dd>
              <dt>Fallback (CPU)</dt>
              <dd>${a.isFallbackAdapter ? 'Yes: very slow' : 'No'}</dd>
              <dt>shader-f16</dt>
              <dd>${caps.shaderF16 ? 'Yes' : 'No: q4f32 variants are picked'}</dd>
              <dt>Max buffer</dt>
              <dd>${formatBytes(a.limits.maxBufferSize)}</dd>
              <dt>Max storage binding</dt>
              <dd>${formatBytes(a.limits.maxStorageBufferBindingSize)}</dd>
              <dt>Workgroup storage</dt>
              <dd>${formatBytes(a.limits.maxComputeWorkgroupStorageSize)}</dd>`
          : null
      }
    </dl>`;
  }

  private renderBudget() {
    const b = this.budget;
    if (!b) return null;
    return html`<h3>GPU memory budget</h3>
      <dl>
        <dt>Budget</dt>
        <dd data-testid="budget">${b.budgetMB} MB (${SOURCE_TEXT[b.source]})</dd>
        <dt>Usable by models</dt>
        <dd data-testid="usable">
          ${Math.round(usableMB(b.budgetMB))} MB usable: the rest is kept free as headroom
        </dd>
        <dt>Heuristic</dt>
        <dd>${b.heuristicMB} MB</dd>
        <dt>Loaded here</dt>
        <dd>
          ${b.floorMB === null ? 'nothing recorded yet' : `up to ${Math.round(b.floorMB)} MB`}
        </dd>
        <dt>Lost the GPU</dt>
        <dd>${b.ceilingMB === null ? 'never recorded' : `at ${Math.round(b.ceilingMB)} MB`}</dd>
      </dl>
      <ul class="muted">
        ${b.reasons.map((reason) => html`<li>${reason}</li>`)}
      </ul>
      <form @submit=${this.submitOverride}>
        <label
          >Override (MB)
          <input
            id="gpu-budget"
            name="override"
            type="number"
            min="0"
            step="64"
            inputmode="numeric"
            .value=${b.source === 'override' ? String(b.budgetMB) : ''}
            placeholder=${String(b.budgetMB)}
        /></label>
        <button type="submit" class="secondary">Set budget</button>
      </form>
      <p class="muted">Leave it empty and set to return to the estimate.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-device-panel': QuorumDevicePanel;
  }
}
