// The request body sent to an OpenAI-compatible server, and the fields a refusing server gets without.
import { describe, expect, it } from 'vitest';
import {
  answerCharLimit,
  chatRequestBody,
  refusedField,
} from '../../../../src/models/remote/chat-request.js';

const messages = [{ role: 'user' as const, content: 'What is 2+2?' }];

describe('chatRequestBody', () => {
  it('streams with usage and passes the sampling parameters given', () => {
    const body = chatRequestBody(
      { messages, temperature: 0.3, seed: 7, maxTokens: 64, topP: 0.9 },
      { model: 'm', json: 'schema' },
    );
    expect(body).toEqual({
      model: 'm',
      messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 64,
      seed: 7,
    });
  });

  it('asks for JSON by schema, by object, or not at all', () => {
    const schema = '{"type":"object","properties":{"winner":{"type":"string"}}}';
    const asSchema = chatRequestBody(
      { messages, json: { schema } },
      { model: 'm', json: 'schema' },
    );
    expect(asSchema.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'answer', schema: JSON.parse(schema) },
    });
    expect(
      chatRequestBody({ messages, json: {} }, { model: 'm', json: 'schema' }).response_format,
    ).toEqual({ type: 'json_object' });
    expect(
      chatRequestBody({ messages, json: { schema: 'not json' } }, { model: 'm', json: 'schema' })
        .response_format,
    ).toEqual({ type: 'json_object' });
    expect(
      chatRequestBody({ messages, json: { schema } }, { model: 'm', json: 'none' }),
    ).not.toHaveProperty('response_format');
  });

  it('leaves out the fields a server refused', () => {
    const body = chatRequestBody(
      { messages, seed: 1, json: {} },
      {
        model: 'm',
        json: 'object',
        without: new Set(['stream_options', 'seed', 'response_format']),
      },
    );
    expect(Object.keys(body).sort()).toEqual(['messages', 'model', 'stream']);
  });

  it('knows which field a 400 blames', () => {
    expect(refusedField('Unrecognized request argument: stream_options')).toBe('stream_options');
    expect(refusedField("'response_format.type' must be 'json_schema'")).toBe('response_format');
    expect(refusedField('seed is not supported')).toBe('seed');
    expect(refusedField('messages must not be empty')).toBeNull();
  });
});

describe('answerCharLimit', () => {
  it('allows 16 characters per token asked for, at least 16,384, and 8,192 tokens when unset', () => {
    expect(answerCharLimit(1024)).toBe(16_384);
    expect(answerCharLimit(4096)).toBe(65_536);
    expect(answerCharLimit(16)).toBe(16_384);
    expect(answerCharLimit(undefined)).toBe(131_072);
    expect(answerCharLimit(Number.NaN)).toBe(131_072);
    expect(answerCharLimit(0)).toBe(131_072);
  });
});
