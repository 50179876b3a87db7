// The landing section above the catalog on /: what Quorum does, the two ways in, and whether real models run here.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { routes } from './routes.js';

/** The demo's question: one the simulated models answer with a number, so Vote has something to count. */
export const DEMO_QUESTION = 'What is 17 * 23?';

const studioRoute = routes.find((route) => route.name === 'studio');

/**
 * The studio in simulated mode with the demo question filled in: the visitor only presses Run.
 * Models that can reason start with thinking off (their Thinking box unchecked, one click to switch
 * on): a first look should not wait for reasoning nobody asked for (firstFusionMs in the bench).
 */
export const DEMO_HREF = `/studio?${new URLSearchParams({ engine: 'sim', prompt: DEMO_QUESTION, thinking: 'off' }).toString()}`;

/**
 * Static text and two links, painted with the catalog. The device check (a WebGPU adapter request)
 * starts only after that first paint, in its own chunk, so the catalog appears no later than before.
 */
@customElement('quorum-landing')
export class QuorumLanding extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-bottom: 1.25rem;
      }
      section {
        border: 1px solid var(--q-border);
        border-radius: var(--q-radius);
        background: var(--q-surface-2);
        padding: 0.9rem 1.1rem;
      }
      .lead {
        font-size: 1.1rem;
        font-weight: 600;
        margin: 0 0 0.75rem;
        max-width: 48rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      .button.secondary {
        background: var(--q-surface);
        color: var(--q-link);
      }
      .device {
        margin: 0.75rem 0 0;
        color: var(--q-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private device = 'Checking whether this device can run real models…';

  override firstUpdated(): void {
    // After the first frame: the adapter request never competes with the catalog's first paint.
    requestAnimationFrame(() => setTimeout(() => void this.checkDevice(), 0));
  }

  private async checkDevice(): Promise<void> {
    const [{ probeWebGpu }, { realModelSupport }] = await Promise.all([
      import('../models/gpu/probe-webgpu.js'),
      import('../models/gpu/real-model-support.js'),
    ]);
    this.device = realModelSupport(await probeWebGpu()).text;
    // The demo action leads to the studio: fetch its code while the visitor reads, not after the
    // click (on a first visit its chunks arrived ~350 ms after it, in firstFusionMs). After the
    // device check, so the catalog's first paint never waits for it.
    const idle =
      window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => void studioRoute?.load().catch(() => undefined));
  }

  override render() {
    return html`<section aria-label="What Quorum does">
      <p class="lead">
        Quorum asks several AI models running in your browser the same question and fuses their
        answers into one, showing how it decided.
      </p>
      <div class="actions">
        <a class="button" href=${DEMO_HREF}>Try the simulated demo</a>
        <a class="button secondary" href="/models">Set up models</a>
      </div>
      <p class="device" data-testid="device-support" role="status">${this.device}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-landing': QuorumLanding;
  }
}
