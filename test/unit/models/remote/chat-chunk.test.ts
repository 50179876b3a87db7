// Reading one event of a chat-completions stream: text, reasoning, finish, usage, errors and what is not a chunk.
import { describe, expect, it } from 'vitest';
import { clip, readChatChunk } from '../../../../src/models/remote/chat-chunk.js';

const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
  JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }], ...extra });

describe('readChatChunk', () => {
  it('reads [DONE] as the end', () => {
    expect(readChatChunk(' [DONE] ')).toEqual({ kind: 'done' });
  });

  it('reads text, reasoning sent apart and the finish reason', () => {
    expect(readChatChunk(chunk({ content: 'Hi' }))).toMatchObject({
      kind: 'chunk',
      text: 'Hi',
      reasoning: '',
    });
    expect(readChatChunk(chunk({ reasoning_content: 'hmm' }))).toMatchObject({ reasoning: 'hmm' });
    expect(readChatChunk(chunk({}, 'length'))).toMatchObject({ finishReason: 'length' });
    expect(readChatChunk(chunk({}, 'eos'))).toMatchObject({ finishReason: 'stop' });
  });

  it('reads the usage chunk of stream_options.include_usage (no choices)', () => {
    const data = JSON.stringify({
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: 30 },
    });
    expect(readChatChunk(data)).toMatchObject({
      kind: 'chunk',
      text: '',
      usage: { promptTokens: 12, completionTokens: 30 },
    });
  });

  it('reports an error object sent inside the stream', () => {
    expect(readChatChunk('{"error":{"message":"CUDA out of memory"}}')).toEqual({
      kind: 'error',
      message: 'CUDA out of memory',
    });
  });

  it('calls anything else malformed, and keeps its detail short', () => {
    expect(readChatChunk('{"choices": [ nope').kind).toBe('malformed');
    expect(readChatChunk('[1,2]').kind).toBe('malformed');
    expect(readChatChunk('{"object":"x"}').kind).toBe('malformed');
    const huge = readChatChunk(`{${'x'.repeat(100_000)}`);
    expect(huge.kind === 'malformed' && huge.detail.length).toBeLessThan(300);
    expect(clip('abc', 2)).toBe('ab… (3 characters)');
  });

  it('treats text that is not a string as no text', () => {
    expect(readChatChunk(chunk({ content: { evil: true } }))).toMatchObject({
      kind: 'chunk',
      text: '',
    });
  });
});
