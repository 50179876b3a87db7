// Resolves once the frame being prepared has been painted: boot work that is not needed for the first frame waits for it.

/** Hidden tabs get no animation frames: after this long the wait ends anyway. */
const FALLBACK_MS = 500;

/**
 * Resolves after the next frame is painted (a task queued from requestAnimationFrame), or after 500 ms when
 * no frame comes (a hidden tab); in Node, on the next task.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, FALLBACK_MS);
    const done = (): void => {
      clearTimeout(fallback);
      resolve();
    };
    // Node (unit tests) has no frames: the next task is as late as "after paint" gets there.
    if (typeof requestAnimationFrame === 'undefined') {
      setTimeout(done, 0);
      return;
    }
    // A rAF callback runs before the paint of its frame; a task queued from it runs after.
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}
