// Registers the service worker and turns "a new version is waiting" into a callback the shell can offer.
import { Workbox } from 'workbox-window';
import { errorText } from '../shared/errors.js';

/**
 * What the shell is told about the service worker: an update waiting, a takeover by a new version, an error.
 */
export interface ServiceWorkerHooks {
  /** A new version is installed and waiting; calling `apply` activates it and reloads the page. */
  onUpdateReady: (apply: () => void) => void;
  /**
   * A new version took control while this page runs the old one (accepted in another tab): the old
   * version's files may be gone from the server and the cache, so views not yet opened cannot load.
   */
  onReplaced: () => void;
  onError: (message: string) => void;
}

/**
 * Registers /sw.js in the built app (never on the dev server, nor without service workers) and reports
 * updates through `hooks`; a new version is never swapped in silently.
 */
export function registerServiceWorker(hooks: ServiceWorkerHooks): void {
  // The dev server has no service worker; only the built app registers one.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  let applying = false;
  workbox.addEventListener('waiting', () => {
    hooks.onUpdateReady(() => {
      applying = true;
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    });
  });
  // The first install taking control (clientsClaim) is no update; a later change not asked for
  // here is another tab's update.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled && !applying) hooks.onReplaced();
    controlled = true;
  });
  workbox.register().catch((error: unknown) => {
    hooks.onError(`Offline support is unavailable: ${errorText(error)}`);
  });
}
