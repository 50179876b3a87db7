// Counts 'change' events of a service so a component's data tasks re-run when the service's data changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Counts a service's 'change' events (a Lit reactive controller) and re-renders its host, so data tasks keyed
 * on `value` re-run.
 */
export class ChangeRevisionController implements ReactiveController {
  /** Goes up by one on every 'change'; put it in a task's args. */
  value = 0;
  private subscribed: EventTarget | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => EventTarget | undefined,
  ) {
    host.addController(this);
  }

  // The target may arrive after connection (context), so subscription follows it on every update.
  hostUpdate(): void {
    const target = this.target();
    if (target === this.subscribed) return;
    this.subscribed?.removeEventListener('change', this.onChange);
    target?.addEventListener('change', this.onChange);
    this.subscribed = target;
  }

  hostDisconnected(): void {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
  }

  private readonly onChange = (): void => {
    this.value += 1;
    this.host.requestUpdate();
  };
}
