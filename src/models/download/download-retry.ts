// Pure: which download failures are worth another try, and how long to wait first (exponential backoff, or the host's Retry-After).

/** Each file is tried this many more times after a transient failure. */
export const DOWNLOAD_RETRIES = 2;
/** The first wait; each later one doubles (1 s, then 2 s). */
export const RETRY_BASE_MS = 1_000;
/** A host asking for a longer pause than this is not waited for: the download fails and says so. */
export const MAX_RETRY_WAIT_MS = 60_000;

/** Statuses that say the file exists and the host will likely serve it soon: 408, 425, 429 and 5xx. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/** Statuses that no retry can change: the file is gone, renamed, private or gated. */
export function isPermanentStatus(status: number): boolean {
  return status === 401 || status === 403 || status === 404 || status === 410;
}

/**
 * How long to wait before try number `retry` (1 for the first retry), in ms. A Retry-After header
 * (RFC 9110 §10.2.3: delay-seconds, or an HTTP-date) wins over the backoff; null when it asks for
 * more than MAX_RETRY_WAIT_MS. `now`: epoch ms, for an HTTP-date.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: string | null,
  now: number,
  baseMs = RETRY_BASE_MS,
): number | null {
  const asked = parseRetryAfter(retryAfter, now);
  const wait = asked ?? baseMs * 2 ** (retry - 1);
  return wait > MAX_RETRY_WAIT_MS ? null : wait;
}

/** Retry-After in ms from `now`, or null when absent or unreadable; a date in the past is 0. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
