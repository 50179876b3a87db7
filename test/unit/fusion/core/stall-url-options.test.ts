// `?judgeStallMs=`: a shorter limit for a silent judge or aggregator within sane bounds, or the run's own.
import { describe, expect, it } from 'vitest';
import { stallOptionsFromUrl } from '../../../../src/fusion/core/stall-url-options.js';

const read = (search: string) => stallOptionsFromUrl(new URLSearchParams(search));

describe('stallOptionsFromUrl', () => {
  it('reads judgeStallMs between 200 ms and 10 minutes', () => {
    expect(read('?engine=sim&judgeStallMs=2000')).toEqual({ judgeStallMs: 2000 });
    expect(read('?judgeStallMs=200')).toEqual({ judgeStallMs: 200 });
    expect(read('?judgeStallMs=600000')).toEqual({ judgeStallMs: 600_000 });
  });

  it('leaves the run its own limit for anything else', () => {
    for (const bad of [
      '',
      '?judgeStallMs=',
      '?judgeStallMs=%20',
      '?judgeStallMs=50',
      '?judgeStallMs=abc',
      '?judgeStallMs=9e9',
      '?judgeStallMs=-1',
    ])
      expect(read(bad)).toEqual({});
  });
});
