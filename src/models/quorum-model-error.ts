// A classified model error as the visitor sees it: a heading for its kind and the advice to act on.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../ui/quorum-error-state.js';
import type { ClassifiedError, ErrorKind } from '../shared/errors.js';

const HEADINGS: Partial<Record<ErrorKind, string>> = {
  'device-lost': 'The GPU was lost',
  'out-of-memory': 'Not enough memory',
  'no-webgpu': 'WebGPU is not available',
  'missing-feature': 'Your GPU lacks a feature',
  'gpu-limit': 'Too large for this GPU',
  'not-loaded': 'The model was unloaded',
  'model-lib': 'The model could not be loaded',
  'quota-exceeded': 'Out of storage space',
  network: 'A model file could not be downloaded',
  'worker-crashed': 'The model stopped',
  timeout: 'The model stopped responding',
  unreachable: 'The server could not be reached',
  cors: 'The server refused this page (CORS)',
  'policy-blocked': 'Not allowed until Quorum reloads',
  offline: 'You are offline',
  auth: 'The API key was refused',
  'model-missing': 'The server does not know this model',
  'rate-limited': 'The server is rate-limiting',
  'server-error': 'The server failed',
  'stream-cut': 'The answer was cut off',
  'malformed-stream': 'Not an OpenAI-compatible answer',
  unavailable: 'Not available',
};

/**
 * `<quorum-model-error>`: A classified model error as the visitor sees it: a heading for its kind and the
 * advice to act on. Properties: `error`, `fallbackHeading`, `quiet`.
 */
@customElement('quorum-model-error')
export class QuorumModelError extends LitElement {
  @property({ attribute: false }) error: ClassifiedError | null = null;
  /** Used for kinds without a heading of their own. */
  @property() fallbackHeading = 'The answer failed';
  /** Shown without an alert (see quorum-error-state's `quiet`). */
  @property({ type: Boolean }) quiet = false;

  override render() {
    if (!this.error) return null;
    return html`<quorum-error-state
      heading=${HEADINGS[this.error.kind] ?? this.fallbackHeading}
      .message=${this.error.message}
      ?quiet=${this.quiet}
    ></quorum-error-state>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-model-error': QuorumModelError;
  }
}
