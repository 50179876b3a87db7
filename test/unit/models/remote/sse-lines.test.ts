// The server-sent events reader: events split anywhere across chunks, every line ending, comments, and a line with no end.
import { describe, expect, it } from 'vitest';
import { SseLineTooLong, SseReader } from '../../../../src/models/remote/sse-lines.js';

describe('SseReader', () => {
  it('dispatches an event at the blank line that ends it', () => {
    const reader = new SseReader();
    expect(reader.feed('data: {"a":1}\n')).toEqual([]);
    expect(reader.feed('\n')).toEqual(['{"a":1}']);
  });

  it('reads the same events however the text is cut into chunks', () => {
    const text = 'data: one\n\ndata: two\r\n\r\n: a comment\rdata: three\r\rdata: [DONE]\n\n';
    const whole = new SseReader().feed(text);
    expect(whole).toEqual(['one', 'two', 'three', '[DONE]']);
    for (let size = 1; size < 8; size++) {
      const reader = new SseReader();
      const events: string[] = [];
      for (let at = 0; at < text.length; at += size)
        events.push(...reader.feed(text.slice(at, at + size)));
      events.push(...reader.end());
      expect(events).toEqual(whole);
    }
  });

  it('joins the data lines of one event and ignores other fields', () => {
    const reader = new SseReader();
    expect(reader.feed('event: x\nid: 3\ndata: a\ndata:b\nretry: 5\n\n')).toEqual(['a\nb']);
  });

  it('keeps the last event when the stream ends without a blank line', () => {
    const reader = new SseReader();
    expect(reader.feed('data: [DONE]')).toEqual([]);
    expect(reader.end()).toEqual(['[DONE]']);
  });

  it('gives up on a line that grows past the limit without ending', () => {
    const reader = new SseReader(100);
    reader.feed(`data: ${'x'.repeat(50)}`);
    expect(() => reader.feed('x'.repeat(60))).toThrow(SseLineTooLong);
  });
});
