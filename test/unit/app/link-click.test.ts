// Which link clicks the router takes over, and which it leaves to the browser (new tabs, other sites, downloads).
import { describe, expect, it } from 'vitest';
import {
  inAppDestination,
  type AnchorFacts,
  type ClickFacts,
} from '../../../src/app/link-click.js';

const plainClick: ClickFacts = {
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
};
const anchor = (href: string, extra: Partial<AnchorFacts> = {}): AnchorFacts => ({
  href,
  target: '',
  hasDownload: false,
  rel: '',
  ...extra,
});
const here = new URL('http://127.0.0.1:4317/compare?a=x');

describe('inAppDestination', () => {
  it('routes a plain click on a same-origin link to its path and query', () => {
    expect(inAppDestination(plainClick, anchor('/tool/lite-rt?x=1'), here)).toBe(
      '/tool/lite-rt?x=1',
    );
  });
  it('resolves relative links against the current page', () => {
    expect(inAppDestination(plainClick, anchor('settings'), here)).toBe('/settings');
  });
  it('leaves other origins to the browser', () => {
    expect(inAppDestination(plainClick, anchor('https://example.com/'), here)).toBeNull();
  });
  it('leaves modified and middle clicks to the browser so new tabs still work', () => {
    expect(inAppDestination({ ...plainClick, ctrlKey: true }, anchor('/'), here)).toBeNull();
    expect(inAppDestination({ ...plainClick, metaKey: true }, anchor('/'), here)).toBeNull();
    expect(inAppDestination({ ...plainClick, button: 1 }, anchor('/'), here)).toBeNull();
  });
  it('leaves downloads, other targets and already-handled clicks alone', () => {
    expect(inAppDestination(plainClick, anchor('/x', { hasDownload: true }), here)).toBeNull();
    expect(inAppDestination(plainClick, anchor('/x', { target: '_blank' }), here)).toBeNull();
    expect(
      inAppDestination({ ...plainClick, defaultPrevented: true }, anchor('/x'), here),
    ).toBeNull();
  });
  it('leaves a fragment on the same page to the browser but routes a fragment elsewhere', () => {
    expect(inAppDestination(plainClick, anchor('/compare?a=x#main'), here)).toBeNull();
    expect(inAppDestination(plainClick, anchor('/#main'), here)).toBe('/');
  });
});
