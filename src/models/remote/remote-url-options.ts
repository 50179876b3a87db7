// Pure: `?remoteIdleMs=` shortens the remote endpoints' inactivity limit, for tests and demos of the timeout.
import type { RemoteClientOptions } from './remote-client.js';

/** `remoteIdleMs` between 200 ms and 10 minutes; anything else keeps the default (120 s). */
export function remoteOptionsFromUrl(search: string): RemoteClientOptions {
  const raw = new URLSearchParams(search).get('remoteIdleMs');
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 200 && value <= 600_000 ? { idleMs: value } : {};
}
