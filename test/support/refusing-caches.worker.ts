// The download worker in a browser whose Cache API refuses every cache, as when site data is blocked for the site.
CacheStorage.prototype.open = () =>
  Promise.reject(
    new DOMException(
      'An attempt was made to break through the security policy of the user agent.',
      'SecurityError',
    ),
  );
// Through a glob so the type checker does not read the worker under the page's DOM types.
import.meta.glob('../../workers/download.worker.ts', { eager: true });
