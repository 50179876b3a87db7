// Gives a response the app's security headers; in a page, the policy replaces the <meta> one.
import { securityHeaders } from '../../src/shared/content-policy.js';

/** The <meta> Content-Security-Policy of index.html, whatever its attribute order and quoting. */
const META_POLICY = /<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>\s*/gi;

/**
 * A copy of `response` with Quorum's security headers (any the server sent are replaced). An HTML
 * document also loses its <meta> policy: two policies both apply, so a <meta> without the added
 * endpoints would still refuse them; the header carries the whole policy instead.
 * Opaque, redirected and streamed-error responses are returned as they are.
 */
export async function withPolicy(
  response: Response,
  endpointOrigins: readonly string[],
): Promise<Response> {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0)
    return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders(endpointOrigins)))
    headers.set(name, value);
  const init = { status: response.status, statusText: response.statusText, headers };
  const type = headers.get('Content-Type') ?? '';
  if (!type.includes('text/html')) return new Response(response.body, init);
  const html = (await response.text()).replace(META_POLICY, '');
  headers.delete('Content-Length');
  return new Response(html, init);
}
