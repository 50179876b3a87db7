// A Lit controller host for Node tests: counts the re-renders its controllers ask for.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FakeHost implements ReactiveControllerHost {
  updates = 0;
  readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(_: ReactiveController): void {}
  requestUpdate(): void {
    this.updates += 1;
    // What Lit does before each render: controllers follow the host's state (context values, events).
    for (const controller of this.controllers) controller.hostUpdate?.();
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
