// Tells apart why a fetch to an endpoint failed with no answer: the page's policy, being offline, CORS, or no server at all.
import { classifyError, errorText, type ClassifiedError } from '../../shared/errors.js';
import { fetchFailure, type EndpointContext, type FetchFailure } from './remote-errors.js';

/** Origins this document's policy refused, as the browser reported them. */
const refused = new Set<string>();
let watching = false;

/** Starts listening for the policy's refusals (the page's `securitypolicyviolation` events). */
export function watchPolicyRefusals(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective !== 'connect-src') return;
    try {
      refused.add(new URL(event.blockedURI).origin);
    } catch {
      // A blocked URI that is not a URL ("inline", "eval") is no endpoint's.
    }
  });
}

/** Loopback, private IPv4 ranges, link-local and .local names: reachable without the internet. */
export function isLocalAddress(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname.endsWith('.local') || hostname.endsWith('.localhost'))
    return true;
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname)?.slice(1).map(Number);
  if (!octets) return false;
  const [a = -1, b = -1] = octets;
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

const PROBE_TIMEOUT_MS = 3000;

/**
 * Why `error` (a fetch's TypeError) happened. The policy's refusal is reported by an event, so
 * this waits a task for it; offline applies only to addresses off this machine and network. A
 * no-cors request then tells a server that answered (so CORS refused the real one) from none.
 */
export async function diagnoseFetchFailure(
  ctx: EndpointContext,
  error: unknown,
): Promise<ClassifiedError> {
  const detail = errorText(error);
  if (!(error instanceof TypeError)) return classifyError(error);
  const url = `${ctx.baseUrl}/models`;
  const origin = new URL(ctx.baseUrl).origin;
  await new Promise((resolve) => setTimeout(resolve, 0));
  let failure: FetchFailure;
  if (refused.has(origin)) failure = 'policy';
  else if (!navigator.onLine && !isLocalAddress(url)) failure = 'offline';
  else failure = (await answersAtAll(url)) ? 'cors' : 'unreachable';
  if (failure === 'unreachable' && refused.has(origin)) failure = 'policy';
  return fetchFailure(ctx, failure, detail);
}

async function answersAtAll(url: string): Promise<boolean> {
  try {
    await fetch(url, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return true;
  } catch {
    return false;
  }
}
