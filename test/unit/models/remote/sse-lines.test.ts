// The server-sent events reader: events split anywhere across chunks, every line ending, comments, and the limits on a line and on one event.
import { describe, expect, it } from 'vitest';
import {
  MAX_SSE_EVENT_CHARS,
  MAX_SSE_LINE_CHARS,
  SseReader,
  SseTooLong,
} from '../../../../src/models/remote/sse-lines.js';

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
    const reader = new SseReader({ lineChars: 100 });
    reader.feed(`data: ${'x'.repeat(50)}`);
    expect(() => reader.feed('x'.repeat(60))).toThrow(SseTooLong);
  });

  it('gives up on a line past the limit even when it arrives whole, with its line break', () => {
    const reader = new SseReader();
    const line = `data: ${'x'.repeat(MAX_SSE_LINE_CHARS)}\n`;
    expect(() => reader.feed(line)).toThrow(/line grew past 1048576 characters/);
  });

  it('gives up on an event whose data lines never meet a blank line, naming it', () => {
    // A server that sends "data: …" lines forever and never the blank line: memory must stay bounded.
    const reader = new SseReader();
    const lines = `data: ${'y'.repeat(1000)}\n`.repeat(100);
    let thrown: unknown = null;
    try {
      for (let i = 0; i < 20; i++) reader.feed(lines);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'SseTooLong', part: 'event', limit: MAX_SSE_EVENT_CHARS });
    expect(String(thrown)).toMatch(/more than 1048576 characters of data without the blank line/);
  });

  it('counts an event from its start again after each blank line', () => {
    const reader = new SseReader({ eventChars: 10 });
    expect(reader.feed('data: 12345\ndata: 1234\n\n')).toEqual(['12345\n1234']);
    expect(reader.feed('data: 1234567890\n\n')).toEqual(['1234567890']);
    expect(() => reader.feed('data: 12345\ndata: 12345\n')).toThrow(SseTooLong);
  });
});
