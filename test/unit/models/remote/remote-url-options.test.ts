// `?remoteIdleMs=`: a shorter inactivity limit within sane bounds, or the default.
import { describe, expect, it } from 'vitest';
import { remoteOptionsFromUrl } from '../../../../src/models/remote/remote-url-options.js';

describe('remoteOptionsFromUrl', () => {
  it('reads remoteIdleMs between 200 ms and 10 minutes', () => {
    expect(remoteOptionsFromUrl('?remoteIdleMs=1500')).toEqual({ idleMs: 1500 });
    for (const bad of [
      '',
      '?remoteIdleMs=',
      '?remoteIdleMs=50',
      '?remoteIdleMs=abc',
      '?remoteIdleMs=9e9',
    ])
      expect(remoteOptionsFromUrl(bad)).toEqual({});
  });
});
