// The studio's prompt form: the prompt box, Run, Stop and New conversation, the problem and the status line.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { excerptOf, type SetupProblem } from './studio-setup.js';

/**
 * Renders only: it fires `prompt-input` (detail: the text), `prompt-run` (the Run button, or Ctrl+Enter
 * or ⌘+Enter in the box), `prompt-stop` and `new-conversation`; the view decides what they do.
 */
@customElement('quorum-studio-prompt')
export class QuorumStudioPrompt extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
        margin-top: 1rem;
      }
      textarea {
        width: 100%;
        resize: vertical;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      @media (hover: none) and (pointer: coarse) {
        /* No keyboard shortcut to speak of on a touch screen. */
        .keys {
          display: none;
        }
      }
      .hint {
        font-size: 0.85rem;
      }
      .follow-up {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin: 0;
        padding: 0.4rem 0.6rem;
        border-left: 3px solid var(--q-accent);
        background: var(--q-surface);
        overflow-wrap: anywhere;
      }
      .follow-up span {
        flex: 1 1 16rem;
      }
      .problem {
        color: var(--q-danger);
        background: var(--q-danger-bg);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
        margin: 0;
      }
      .status {
        min-height: 1.4em;
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) prompt = '';
  /** A run is streaming: Stop is offered. */
  @property({ type: Boolean }) running = false;
  /** Something is under way (a run or downloads): Run waits. */
  @property({ type: Boolean }) busy = false;
  /** The conversation's last question: the next prompt follows it up; '' when it starts fresh. */
  @property({ attribute: false }) followUpTo = '';
  /** Why a run cannot go ahead, with the control that changes it when there is one. */
  @property({ attribute: false }) problem: SetupProblem | null = null;
  @property({ attribute: false }) status = '';
  /** Stop was pressed: when the run ends, the focus it held moves on instead of falling to <body>. */
  private stopPressed = false;

  private fire(type: string, detail?: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.fire('prompt-run');
    }
  }

  /** Run held the focus when it turned disabled for a run: the focus fell to <body> with it. */
  private runHadFocus = false;

  protected override willUpdate(): void {
    const run = this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (run && !run.disabled && (this.running || this.busy))
      this.runHadFocus = this.shadowRoot?.activeElement === run;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (this.runHadFocus && !this.running && !this.busy) {
      this.runHadFocus = false;
      // Back on Run when the run is over, unless the visitor has put the focus somewhere since.
      // Without scrolling: the visitor is reading the answers below.
      const run = this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (document.activeElement === document.body) run?.focus({ preventScroll: true });
    }
    // Stop turns disabled when the run ends, and a disabled button drops the focus to <body>:
    // keyboard users continue from Run (or the status line while Run waits).
    if (!this.stopPressed || this.running || !changed.has('running')) return;
    this.stopPressed = false;
    const run = this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]');
    const status = this.renderRoot.querySelector<HTMLElement>('p.status');
    (run && !run.disabled ? run : status)?.focus();
  }

  /** Brings the prompt box and Run into view and puts the focus on Run (a question is filled in). */
  showRun(): void {
    const run = this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]');
    this.renderRoot.querySelector('form')?.scrollIntoView({ block: 'center' });
    run?.focus({ preventScroll: true });
  }

  override render() {
    return html`<form
      @submit=${(event: Event) => {
        event.preventDefault();
        this.fire('prompt-run');
      }}
    >
      <label for="prompt">Prompt</label>
      ${this.renderFollowUp()}
      <textarea
        id="prompt"
        rows="4"
        .value=${this.prompt}
        aria-describedby=${this.followUpTo ? 'follow-up-note' : nothing}
        placeholder=${this.followUpTo ? 'Your follow-up, or start a new conversation' : 'Your question for the models'}
        @input=${(event: Event) =>
          this.fire('prompt-input', (event.target as HTMLTextAreaElement).value)}
        @keydown=${this.onKeyDown}
      ></textarea>
      <div class="actions">
        <button type="submit" ?disabled=${this.running || this.busy}>Run</button>
        <button
          type="button"
          class="secondary stop"
          ?disabled=${!this.running}
          @click=${() => {
            this.stopPressed = true;
            this.fire('prompt-stop');
          }}
        >
          Stop
        </button>
        <span class="muted hint keys">Ctrl+Enter or ⌘+Enter runs.</span>
      </div>
      ${this.renderProblem()}
      <p class="status" role="status" tabindex="-1">${this.status}</p>
    </form>`;
  }

  /** Where the visitor types: which question the next one follows up, and a way to start fresh. */
  private renderFollowUp() {
    if (!this.followUpTo) return nothing;
    return html`<p class="follow-up" id="follow-up-note" data-testid="follow-up-note">
      <span
        >Follow-up to “${excerptOf(this.followUpTo)}”: every model sees the conversation so far,
        with the fused answers as its own earlier turns.</span
      >
      ${
        this.running
          ? nothing
          : html`<button type="button" class="secondary" @click=${this.startFresh}>
              New conversation
            </button>`
      }
    </p>`;
  }

  /** The button goes with the note: the focus moves to the box for the new question. */
  private readonly startFresh = (): void => {
    this.fire('new-conversation');
    this.renderRoot.querySelector('textarea')?.focus();
  };

  private renderProblem() {
    const problem = this.problem;
    if (!problem) return nothing;
    // No whitespace around the text: the alert reads exactly the message.
    const link = problem.link;
    const body = link ? html`${problem.text} <a href=${link.href}>${link.label}</a>` : problem.text;
    return html`<p class="problem" role="alert">${body}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-studio-prompt': QuorumStudioPrompt;
  }
}
