import { expect, it } from 'vitest';

it('runs in a real browser with WebGPU exposed', () => {
  expect(typeof navigator.gpu).toBe('object');
});
