// Lets an import wait for file reads inside one IndexedDB transaction without the transaction ending.

/**
 * A transaction commits once no request is pending, and new requests may only be placed from a
 * request's callback. So while a file read is awaited some request must be in flight, and the work
 * after it must resume in a request's callback. The import's own writes serve for both when there
 * are any; a cheap read is issued only when there are none (a read queues behind every write, so
 * always issuing one made each group of files wait until all earlier writes had landed).
 */
export class TransactionKeeper {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  /** `cheapRequest`: a request on the transaction that does nothing, e.g. a get of a missing key. */
  constructor(private readonly cheapRequest: () => Promise<unknown>) {}

  /** Counts a write of the transaction until it lands (or fails). */
  track(write: Promise<unknown>): void {
    this.inFlight += 1;
    const landed = (): void => {
      this.inFlight -= 1;
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    };
    write.then(landed, landed);
  }

  /** Settles as `pending` does, inside a request's callback, with the transaction kept open meanwhile. */
  async wait<T>(pending: Promise<T>): Promise<T> {
    let settled = false;
    const ended = pending.then(
      () => void (settled = true),
      () => void (settled = true),
    );
    while (!settled) await Promise.race([ended, this.nextCallback()]);
    // `ended` may have won outside any callback: resume in the next one, where requests may be placed.
    await this.nextCallback();
    return pending;
  }

  /**
   * The next moment requests may be placed: one of our writes landing, or else the cheap read in
   * flight. A new cheap read is placed only from a callback (the loop in `wait` ensures it), since
   * outside one the transaction refuses requests.
   */
  private nextCallback(): Promise<unknown> {
    if (this.inFlight > 0) return new Promise<void>((resolve) => this.waiters.push(resolve));
    this.cheap ??= this.cheapRequest().finally(() => (this.cheap = null));
    return this.cheap;
  }

  private cheap: Promise<unknown> | null = null;
}
