// The one way code changes the URL: History API plus an event the router listens for.
export const NAVIGATE_EVENT = 'quorum-navigate';

export interface NavigateOptions {
  /** Replace the current history entry (filters, selects) instead of adding one. */
  replace?: boolean;
}

export function navigate(url: string, options: NavigateOptions = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(
    new CustomEvent(NAVIGATE_EVENT, { detail: { replace: options.replace === true } }),
  );
}
