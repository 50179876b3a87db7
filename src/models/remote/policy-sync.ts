// Tells the service worker which endpoint origins its security headers must allow, and knows what this page's own policy allows.
import {
  POLICY_CACHE,
  POLICY_CHANGED_MESSAGE,
  POLICY_KEY,
  isLoopbackOrigin,
  policyOrigin,
} from '../../shared/content-policy.js';

/** What the service worker allowed when it served this page (read once, at start). */
let allowedAtLoad: Promise<ReadonlySet<string>> | null = null;

/**
 * The endpoint origins this document's policy allows: those written before the page loaded, if
 * the service worker served it; none otherwise (the <meta> policy allows loopback only).
 */
export function originsAllowedNow(): Promise<ReadonlySet<string>> {
  allowedAtLoad ??= readWritten().then((origins) =>
    navigator.serviceWorker?.controller ? new Set(origins) : new Set<string>(),
  );
  return allowedAtLoad;
}

/** Whether connecting to `baseUrl` needs a reload first: its origin is not in this page's policy. */
export async function needsReload(baseUrl: string): Promise<boolean> {
  const origin = policyOrigin(baseUrl);
  if (origin === null || isLoopbackOrigin(origin)) return false;
  return !(await originsAllowedNow()).has(origin);
}

/** Writes the origins for the service worker's next responses and tells it to read them again. */
export async function writePolicyOrigins(origins: readonly string[]): Promise<void> {
  if (typeof caches === 'undefined') return;
  await originsAllowedNow();
  const cache = await caches.open(POLICY_CACHE);
  await cache.put(
    POLICY_KEY,
    new Response(JSON.stringify(origins), { headers: { 'Content-Type': 'application/json' } }),
  );
  navigator.serviceWorker?.controller?.postMessage({ type: POLICY_CHANGED_MESSAGE });
}

async function readWritten(): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  try {
    const response = await (await caches.open(POLICY_CACHE)).match(POLICY_KEY);
    const value: unknown = response ? await response.json() : [];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
