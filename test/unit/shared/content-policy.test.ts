// The one Content-Security-Policy: what connect-src allows, what an added endpoint may add, and the headers.
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  policyOrigin,
  securityHeaders,
} from '../../../src/shared/content-policy.js';

const connectSrc = (policy: string) =>
  policy
    .split('; ')
    .find((directive) => directive.startsWith('connect-src'))
    ?.split(' ')
    .slice(1) ?? [];

describe('contentSecurityPolicy', () => {
  it('lets the app reach itself, web-llm’s hosts and this machine, nothing else', () => {
    const sources = connectSrc(contentSecurityPolicy());
    expect(sources).toContain("'self'");
    expect(sources).toContain('https://huggingface.co');
    expect(sources).toContain('http://localhost:*');
    expect(sources.some((s) => s === '*' || s === 'http:' || s === 'https:')).toBe(false);
  });

  it('adds visitor endpoints by exact origin, once, and never anything the policy could misread', () => {
    const policy = contentSecurityPolicy({
      endpointOrigins: [
        'http://192.168.1.20:11434',
        'http://192.168.1.20:11434',
        'https://*.evil.com',
        'http://a.com; script-src *',
        'http://localhost:1234',
      ],
    });
    const sources = connectSrc(policy);
    expect(sources.filter((s) => s === 'http://192.168.1.20:11434')).toHaveLength(1);
    expect(policy).not.toContain('evil');
    expect(policy).not.toContain('script-src *');
    expect(sources).not.toContain('http://localhost:1234');
  });

  it('forbids framing only where a header carries it', () => {
    expect(contentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ header: true })).toContain("frame-ancestors 'none'");
    expect(securityHeaders()).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    });
  });

  it('names only plain hosts', () => {
    expect(policyOrigin('http://box.lan:8000/v1')).toBe('http://box.lan:8000');
    expect(policyOrigin('http://10.0.0.2/v1')).toBe('http://10.0.0.2');
    expect(policyOrigin('http://*.x.com')).toBeNull();
    expect(policyOrigin('http://[::1]:80')).toBeNull();
    expect(policyOrigin('data:text/plain,x')).toBeNull();
  });
});
