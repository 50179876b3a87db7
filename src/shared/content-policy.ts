// Quorum's one Content-Security-Policy: built here for the page's <meta>, the service worker's headers and the README.

/** The hosts web-llm downloads models and their libraries from. */
export const MODEL_HOSTS: readonly string[] = [
  'https://huggingface.co',
  'https://cdn-lfs.huggingface.co',
  'https://cdn-lfs-us-1.huggingface.co',
  'https://cdn-lfs-eu-1.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
];

/**
 * Servers on this machine, allowed without being added: Ollama, LM Studio, llama.cpp and vLLM
 * listen on loopback by default, and this keeps them working before the service worker controls
 * the page (a first visit, or a host that sets its own headers).
 */
export const LOOPBACK_SOURCES: readonly string[] = [
  'http://localhost:*',
  'http://127.0.0.1:*',
  'https://localhost:*',
  'https://127.0.0.1:*',
];

/** The cache and key through which the page tells the service worker the added endpoints' origins. */
export const POLICY_CACHE = 'quorum-policy';
/** The key, in POLICY_CACHE, of the JSON list of the added endpoints' origins. */
export const POLICY_KEY = '/__quorum/connect-origins.json';

/** The message the page posts to the service worker after writing new origins. */
export const POLICY_CHANGED_MESSAGE = 'quorum-policy-changed';

/** A hostname the policy can name as it is: letters, digits, dots and hyphens, never a wildcard. */
const PLAIN_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

/**
 * The origin ("http://host:port") a visitor-added base URL allows, or null when the policy cannot
 * name it safely: only http(s), and only plain hostnames or IPv4 addresses, so nothing typed can
 * widen the policy (a `*` in a hostname would be a wildcard, a space or `;` a new directive).
 */
export function policyOrigin(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!PLAIN_HOST.test(url.hostname)) return null;
  return url.origin;
}

/** Whether an origin is already allowed without being added (this machine's loopback names). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname } = new URL(origin);
    return hostname === 'localhost' || hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * What varies between the policy's readers: the endpoint origins to allow, and whether it goes in a header.
 */
export interface PolicyOptions {
  /** Visitor-added endpoint origins; anything `policyOrigin` would refuse is left out. */
  endpointOrigins?: readonly string[];
  /**
   * Adds `frame-ancestors 'none'`: only a header can carry it (a <meta> policy ignores it and
   * Chromium warns), so the service worker and hosts set it, the page's <meta> does not.
   */
  header?: boolean;
}

/** The policy text, one directive after another, in a stable order. */
export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const added = [...new Set(options.endpointOrigins ?? [])]
    .filter((origin) => policyOrigin(origin) === origin && !isLoopbackOrigin(origin))
    .sort();
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...MODEL_HOSTS, ...LOOPBACK_SOURCES, ...added].join(' '),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    ...(options.header ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}

/** Every header the service worker adds to what it serves (and the README asks hosts to set). */
export function securityHeaders(endpointOrigins: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ endpointOrigins, header: true }),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}
