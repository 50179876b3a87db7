// The one way code changes the URL: History API plus an event the router listens for.
/** The window event the router listens for after navigate(). */
export const NAVIGATE_EVENT = 'quorum-navigate';

/** Whether navigate() replaces the current history entry. */
export interface NavigateOptions {
  /** Replace the current history entry (filters, selects) instead of adding one. */
  replace?: boolean;
}

/**
 * Changes the URL (pushState, or replaceState with `replace`) and tells the router, which shows the new
 * route.
 */
export function navigate(url: string, options: NavigateOptions = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(
    new CustomEvent(NAVIGATE_EVENT, { detail: { replace: options.replace === true } }),
  );
}
