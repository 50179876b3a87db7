// Chrome's built-in model as a ModelClient, against a fake Prompt API: conversation split, JSON constraint, abort, errors, usage.
import { describe, expect, it } from 'vitest';
import { BuiltinModelClient } from '../../../../src/models/builtin/builtin-client.js';
import type {
  LanguageModelCreateOptions,
  LanguageModelPromptOptions,
  LanguageModelStatic,
} from '../../../../src/models/builtin/prompt-api.js';
import type { GenerateParams } from '../../../../src/models/model-client.js';

interface Seen {
  create: LanguageModelCreateOptions[];
  prompts: { input: string; options: LanguageModelPromptOptions | undefined }[];
  destroyed: number;
}

/** `grows`: whether the session's usage counts the answer (a Chrome that does not leaves it unchanged). */
function fakeApi(
  pieces: string[],
  fail?: Error,
  grows = true,
): { api: LanguageModelStatic; seen: Seen } {
  const seen: Seen = { create: [], prompts: [], destroyed: 0 };
  const api: LanguageModelStatic = {
    availability: () => Promise.resolve('available'),
    create: (options = {}) => {
      seen.create.push(options);
      if (fail) return Promise.reject(fail);
      let usage = 20;
      return Promise.resolve({
        get inputUsage() {
          return usage;
        },
        measureInputUsage: (input: string) => Promise.resolve(input.length),
        prompt: () => Promise.resolve(pieces.join('')),
        promptStreaming(input: string, options?: LanguageModelPromptOptions) {
          seen.prompts.push({ input, options });
          const rest = [...pieces];
          return new ReadableStream<string>({
            pull(controller) {
              if (options?.signal?.aborted) {
                controller.error(new DOMException('aborted', 'AbortError'));
                return;
              }
              const piece = rest.shift();
              if (piece === undefined) {
                if (grows) usage += input.length + 7;
                controller.close();
              } else controller.enqueue(piece);
            },
          });
        },
        destroy: () => {
          seen.destroyed += 1;
        },
      });
    },
  };
  return { api, seen };
}

async function run(client: BuiltinModelClient, params: GenerateParams, signal?: AbortSignal) {
  let text = '';
  for await (const event of client.stream(params, signal)) {
    if (event.type === 'delta') text += event.text;
    else return { text, done: event };
  }
  throw new Error('no done event');
}

describe('BuiltinModelClient', () => {
  it('passes earlier turns as initial prompts (system first) and the last user turn as input', async () => {
    const { api, seen } = fakeApi(['Answer: ', '4']);
    const { text, done } = await run(new BuiltinModelClient(api), {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'What is 2+2?' },
      ],
      temperature: 0.9,
      seed: 4,
    });
    expect(text).toBe('Answer: 4');
    expect(seen.create[0]?.initialPrompts).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
    ]);
    expect(seen.prompts[0]?.input).toBe('What is 2+2?');
    // Sampling cannot be set on the web: nothing of temperature or seed reaches the API.
    expect(JSON.stringify(seen.create[0])).not.toMatch(/temperature|seed|topK/);
    expect(done.type === 'done' && done.usage).toMatchObject({
      promptTokens: 32,
      completionTokens: 7,
    });
    expect(seen.destroyed).toBe(1);
  });

  it('counts the chunks as estimated tokens when the session’s usage did not grow with the answer', async () => {
    const { api } = fakeApi(['One ', 'two ', 'three.'], undefined, false);
    const { done } = await run(new BuiltinModelClient(api), {
      messages: [{ role: 'user', content: 'Count.' }],
    });
    expect(done.type === 'done' && done.usage).toMatchObject({
      completionTokens: 3,
      estimated: true,
    });
    expect(done.type === 'done' && done.usage.decodeTokensPerS).toBeGreaterThan(0);
  });

  it('asks for JSON through responseConstraint with the judge’s schema', async () => {
    const { api, seen } = fakeApi(['{"winner":"A"}']);
    const schema = { type: 'object', properties: { winner: { enum: ['A', 'B'] } } };
    await run(new BuiltinModelClient(api), {
      messages: [{ role: 'user', content: 'Judge.' }],
      json: { schema: JSON.stringify(schema) },
    });
    expect(seen.prompts[0]?.options?.responseConstraint).toEqual(schema);
  });

  it('stops when aborted and frees the session', async () => {
    const { api, seen } = fakeApi(['a', 'b', 'c']);
    const controller = new AbortController();
    const stream = new BuiltinModelClient(api).stream(
      { messages: [{ role: 'user', content: 'x' }] },
      controller.signal,
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen.destroyed).toBe(1);
  });

  it('says what to do when Chrome cannot run it', async () => {
    const { api } = fakeApi([], new DOMException('no', 'NotSupportedError'));
    await expect(
      run(new BuiltinModelClient(api), { messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('/models'),
    });
  });

  it('declares that its samples are not independent', () => {
    const { api } = fakeApi([]);
    expect(new BuiltinModelClient(api)).toMatchObject({
      independentSamples: false,
      source: { kind: 'browser' },
    });
  });
});
