// The studio opened with a question filled in (the demo, "Ask your local models about this"): Run in view, focused.
import { LitElement, type ReactiveController } from 'lit';

/**
 * A Lit reactive controller for the studio view. Run sits far below the set-up, and nothing says to
 * press it: once `laidOut()` returns the question the page was opened with (the set-up above Run is
 * drawn), the `<quorum-studio-prompt>` brings the prompt and Run into view and focuses Run, once per
 * question, so one Enter or tap runs it. It never runs anything itself.
 */
export class RunInView implements ReactiveController {
  private shownFor: string | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly laidOut: () => string | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const asked = this.laidOut();
    if (asked === null || asked === this.shownFor) return;
    this.shownFor = asked;
    const parts = [...this.host.renderRoot.querySelectorAll('*')].filter(
      (el): el is LitElement => el instanceof LitElement,
    );
    // After the parts have drawn themselves, and after the shell has focused the page's heading.
    void Promise.all(parts.map((part) => part.updateComplete)).then(() =>
      requestAnimationFrame(() =>
        this.host.renderRoot.querySelector('quorum-studio-prompt')?.showRun(),
      ),
    );
  }
}
