// Registers the service worker and turns "a new version is waiting" into a callback the shell can offer.
import { Workbox } from 'workbox-window';
import { errorText } from '../shared/errors.js';

export interface ServiceWorkerHooks {
  /** A new version is installed and waiting; calling `apply` activates it and reloads the page. */
  onUpdateReady: (apply: () => void) => void;
  onError: (message: string) => void;
}

export function registerServiceWorker(hooks: ServiceWorkerHooks): void {
  // The dev server has no service worker; only the built app registers one.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    hooks.onUpdateReady(() => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    });
  });
  workbox.register().catch((error: unknown) => {
    hooks.onError(`Offline support is unavailable: ${errorText(error)}`);
  });
}
