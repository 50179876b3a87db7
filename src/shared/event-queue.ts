// A push-pull queue: worker messages are pushed as they arrive and pulled by an async generator.

/** A queue whose `next()` waits for a value when none is queued; values are taken in push order. */
export interface EventQueue<T> {
  push(value: T): void;
  /** The oldest value not yet taken, waiting for one if needed. */
  next(): Promise<T>;
}

/** An empty EventQueue. Unbounded: values pushed and never taken stay in memory. */
export function createEventQueue<T>(): EventQueue<T> {
  const values: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  return {
    push(value) {
      const taker = waiting.shift();
      if (taker) taker(value);
      else values.push(value);
    },
    next() {
      if (values.length > 0) return Promise.resolve(values.shift() as T);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
