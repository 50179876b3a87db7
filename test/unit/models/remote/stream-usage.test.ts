// Usage of a remote answer: the server's counts when sent, the page's estimate (and the flag) otherwise.
import { describe, expect, it } from 'vitest';
import { StreamTimer, measuredUsage } from '../../../../src/models/remote/stream-usage.js';

const params = { messages: [{ role: 'user' as const, content: 'x'.repeat(40) }] };

describe('measuredUsage', () => {
  it('takes the server’s counts and the page’s timing', () => {
    const usage = measuredUsage({ promptTokens: 12, completionTokens: 30 }, 28, params, {
      ttftMs: 200,
      totalMs: 1200,
    });
    expect(usage).toEqual({
      promptTokens: 12,
      completionTokens: 30,
      timeToFirstTokenMs: 200,
      prefillTokensPerS: 60,
      decodeTokensPerS: 30,
      totalMs: 1200,
    });
  });

  it('estimates from the chunks and the prompt’s length when the server counts nothing', () => {
    const usage = measuredUsage(null, 28, params, { ttftMs: 100, totalMs: 100 });
    expect(usage).toMatchObject({
      promptTokens: 10,
      completionTokens: 28,
      decodeTokensPerS: 0,
      estimated: true,
    });
  });

  it('times the first token once', () => {
    let now = 0;
    const timer = new StreamTimer(() => now);
    now = 50;
    timer.firstToken();
    now = 80;
    timer.firstToken();
    now = 300;
    expect(timer.finish()).toEqual({ ttftMs: 50, totalMs: 300 });
  });
});
