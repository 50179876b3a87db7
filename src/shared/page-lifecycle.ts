// Tells silence watchers that the page was frozen and is running again, so a freeze never reads as a hang.

/**
 * Calls `listener` when the page resumes after being frozen (the Page Lifecycle `resume` event:
 * a background tab Chrome froze, or a test's CDP `Page.setWebLifecycleState`). Timers that measure
 * silence restart their window then: while frozen, neither the page nor its workers ran, so the
 * time spent frozen says nothing about whether a worker or a model still answers.
 * Returns an unsubscribe function; a no-op where there is no document (workers, Node).
 */
export function onPageResume(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => undefined;
  document.addEventListener('resume', listener);
  return () => document.removeEventListener('resume', listener);
}
