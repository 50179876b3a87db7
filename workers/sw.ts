// Quorum's service worker: precache and offline navigation (Workbox), the update prompt's skip-waiting, and the security headers on everything it serves.
/// <reference lib="webworker" />
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';
import { POLICY_CHANGED_MESSAGE } from '../src/shared/content-policy.js';
import { forgetPolicyOrigins, policyOrigins } from './sw/policy-origins.js';
import { withPolicy } from './sw/with-policy.js';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

/** Every response the worker hands to a page or a worker gets the policy of this moment. */
const policyPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ event, response }) =>
    event?.type === 'fetch' ? withPolicy(response, await policyOrigins()) : response,
};

addPlugins([policyPlugin]);
precacheAndRoute(self.__WB_MANIFEST);
// Touches only Workbox's own -precache- caches, never web-llm's weights.
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));
// The lab's GSM8K questions and recorded answers (3.3 MB of JSONL, not precached: most visitors
// never open the lab) are cached the first time the lab fetches them, so a lab run works offline
// from then on. Cache first: the shipped data never changes under a name.
registerRoute(
  ({ url }) => url.origin === self.location.origin && /\/eval\/[^/?]+\.jsonl$/.test(url.pathname),
  new CacheFirst({ cacheName: 'quorum-eval-data' }),
);
// Same-origin files outside the precache (a newer deploy's, before the update) get the headers too.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET',
  new NetworkOnly({ plugins: [policyPlugin] }),
);

// The first install takes control at once so the first visit already works offline; later
// versions wait until the visitor accepts the update prompt (workbox-window's messageSkipWaiting).
clientsClaim();
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  if (type === POLICY_CHANGED_MESSAGE) forgetPolicyOrigins();
});
