// The service worker's headers: every response gets the policy with the added endpoints, and a page loses its <meta> copy.
import { describe, expect, it } from 'vitest';
import { withPolicy } from '../../../../workers/sw/with-policy.js';

const page = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'">
<meta charset="utf-8" /><title>Quorum</title></head><body></body></html>`;

describe('withPolicy', () => {
  it('adds the policy with the added endpoints, nosniff and DENY, replacing the server’s', async () => {
    const response = new Response('x', {
      headers: { 'Content-Type': 'text/javascript', 'Content-Security-Policy': 'default-src *' },
    });
    const served = await withPolicy(response, ['http://192.168.1.20:11434']);
    const policy = served.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain('http://192.168.1.20:11434');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('default-src *');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.headers.get('X-Frame-Options')).toBe('DENY');
    expect(await served.text()).toBe('x');
  });

  it('takes the <meta> policy out of a page, keeping the rest', async () => {
    const served = await withPolicy(
      new Response(page, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': '999' },
      }),
      [],
    );
    const html = await served.text();
    expect(html).not.toMatch(/Content-Security-Policy/);
    expect(html).toContain('<meta charset="utf-8" />');
    expect(served.headers.get('Content-Length')).toBeNull();
    expect(served.status).toBe(200);
  });

  it('leaves opaque responses alone', async () => {
    const opaque = { type: 'opaque', status: 0 } as Response;
    expect(await withPolicy(opaque, [])).toBe(opaque);
  });
});
