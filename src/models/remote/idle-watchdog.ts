// Fires once when nothing happened for a while: the remote call's inactivity limit, from the request to the last byte.

/** Calls `onIdle` once when `arm` was not called for `idleMs` ms. */
export class IdleWatchdog {
  /** True once the limit passed (the call is then aborted and fails as a timeout). */
  fired = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  /** (Re)starts the count: call it when the request starts and whenever bytes arrive. */
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.onIdle();
    }, this.idleMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
