// The model ids a server's GET /models answer offers: hostile names (control and text-direction characters, very long) left out and counted.
import { describe, expect, it } from 'vitest';
import { modelIdsOf } from '../../../../src/models/remote/endpoint-check.js';

const list = (ids: unknown[]) =>
  JSON.stringify({ object: 'list', data: ids.map((id) => ({ id })) });

describe('modelIdsOf', () => {
  it('offers plain ids once each, in the server’s order', () => {
    expect(modelIdsOf(list(['llama3.2:3b', 'qwen2.5:7b', 'llama3.2:3b']))).toEqual({
      models: ['llama3.2:3b', 'qwen2.5:7b'],
      leftOut: 0,
    });
  });

  it('leaves out and counts ids with control or text-direction characters, or over 200 characters', () => {
    const read = modelIdsOf(
      list([
        'llama3.2:3b',
        'gpt\u202Efdp.exe',
        'evil\u2067isolate',
        'new\nline',
        'x'.repeat(201),
        'y'.repeat(200),
        42,
      ]),
    );
    expect(read).toEqual({ models: ['llama3.2:3b', 'y'.repeat(200)], leftOut: 4 });
  });

  it('offers the first 500 of a longer list and counts the rest', () => {
    const ids = Array.from({ length: 520 }, (_, i) => `m${i}`);
    expect(modelIdsOf(list(ids))).toMatchObject({ leftOut: 20 });
    expect(modelIdsOf(list(ids))?.models).toHaveLength(500);
  });

  it('is null for what is not a model list', () => {
    expect(modelIdsOf('<html>')).toBeNull();
    expect(modelIdsOf('{"data":3}')).toBeNull();
  });
});
