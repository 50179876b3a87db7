// The endpoint origins the page asked the policy to allow, read from Cache Storage and kept until the page says they changed.
import { POLICY_CACHE, POLICY_KEY, policyOrigin } from '../../src/shared/content-policy.js';

let known: Promise<string[]> | null = null;

/** The added origins (validated again here: the cache is data, not trusted code). */
export function policyOrigins(): Promise<string[]> {
  known ??= read().catch(() => []);
  return known;
}

/** Forget what was read, so the next response reads the cache again. */
export function forgetPolicyOrigins(): void {
  known = null;
}

async function read(): Promise<string[]> {
  const cache = await caches.open(POLICY_CACHE);
  const response = await cache.match(POLICY_KEY);
  if (!response) return [];
  const value: unknown = await response.json();
  if (!Array.isArray(value)) return [];
  return value.filter(
    (origin): origin is string => typeof origin === 'string' && policyOrigin(origin) === origin,
  );
}
