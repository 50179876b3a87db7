// What a visitor may type for an endpoint: base URLs the policy can name, model lists, names, and remote member ids.
import { describe, expect, it } from 'vitest';
import {
  endpointProblems,
  normaliseBaseUrl,
  paramsFromName,
  parseRemoteModelId,
  parseTypedModels,
  remoteModelId,
} from '../../../../src/models/remote/endpoint-record.js';

describe('normaliseBaseUrl', () => {
  it('adds /v1 to a bare host and drops trailing slashes', () => {
    expect(normaliseBaseUrl(' http://localhost:11434 ')).toEqual({
      url: 'http://localhost:11434/v1',
    });
    expect(normaliseBaseUrl('http://box.lan:8000/v1/')).toEqual({ url: 'http://box.lan:8000/v1' });
    expect(normaliseBaseUrl('https://openrouter.ai/api/v1')).toEqual({
      url: 'https://openrouter.ai/api/v1',
    });
  });

  it('refuses what the security policy could not name safely', () => {
    for (const bad of [
      'ftp://x/v1',
      'javascript:alert(1)',
      'http://*.evil.com/v1',
      'http://[::1]:8080/v1',
      'http://user:pw@host/v1',
      'http://host/v1?x=1',
      'not a url',
      '',
    ])
      expect(normaliseBaseUrl(bad)).toHaveProperty('problem');
  });
});

describe('endpoint entries', () => {
  it('reads typed models one per line or by commas, without repeats', () => {
    expect(parseTypedModels('llama3.2:3b, qwen2.5:7b\n\nllama3.2:3b\n')).toEqual([
      'llama3.2:3b',
      'qwen2.5:7b',
    ]);
  });

  it('names every field that cannot be saved', () => {
    expect(
      endpointProblems({ name: ' ', baseUrl: 'x', apiKey: 'a\nb', models: ['a\u0007'] }),
    ).toEqual({
      name: expect.any(String),
      baseUrl: expect.any(String),
      apiKey: expect.any(String),
      models: expect.any(String),
    });
    expect(
      endpointProblems({ name: 'Box', baseUrl: 'http://box.lan', apiKey: '', models: [] }),
    ).toEqual({});
    expect(
      endpointProblems({
        name: 'Home',
        baseUrl: 'http://localhost:11434',
        apiKey: '',
        models: ['m'],
      }),
    ).toEqual({});
    expect(
      endpointProblems({ name: 'x'.repeat(61), baseUrl: 'http://a', apiKey: '', models: ['m'] }),
    ).toHaveProperty('name');
  });

  it('refuses names and model names with control or text-direction characters, naming why', () => {
    const entry = { baseUrl: 'http://box.lan', apiKey: '', models: ['m'] };
    // U+202E makes "Home\u202Eexe.txt" read "Hometxt.exe"; the others break or hide text.
    for (const name of [
      'Home\u202Eexe.txt',
      'Home\u2066box',
      'Two\nlines',
      'Tab\there',
      'C1\u0085',
    ])
      expect(endpointProblems({ ...entry, name }).name).toMatch(/control or text-direction/);
    for (const model of ['llama\u202E3b', 'qwen\u200F', 'a\u2028b'])
      expect(endpointProblems({ ...entry, name: 'Box', models: ['ok', model] }).models).toMatch(
        /^Model name 2 holds a control or text-direction character/,
      );
    // Right-to-left scripts themselves are fine: only the invisible direction controls are refused.
    expect(endpointProblems({ ...entry, name: 'שרת בבית', models: ['نموذج'] })).toEqual({});
  });

  it('says how long a name or model name is when it is too long', () => {
    const entry = { baseUrl: 'http://box.lan', apiKey: '', models: ['m'] };
    expect(endpointProblems({ ...entry, name: 'x'.repeat(61) }).name).toBe(
      'The name is 61 characters long: keep it to 60 or fewer.',
    );
    expect(endpointProblems({ ...entry, name: 'Box', models: ['y'.repeat(201)] }).models).toBe(
      'Model name 1 is 201 characters long: model names are at most 200.',
    );
  });

  it('round-trips remote member ids, model names with slashes and colons included', () => {
    const id = remoteModelId('e1', 'meta-llama/Llama-3.1-8B:q4');
    expect(parseRemoteModelId(id)).toEqual({
      endpointId: 'e1',
      model: 'meta-llama/Llama-3.1-8B:q4',
    });
    expect(parseRemoteModelId('Llama-3.2-1B-Instruct-q4f16_1-MLC')).toBeNull();
    expect(parseRemoteModelId('remote:/x')).toBeNull();
  });

  it('reads parameter counts from model names', () => {
    expect(paramsFromName('llama3.1:70b')).toBe(70);
    expect(paramsFromName('Qwen2.5-7B-Instruct')).toBe(7);
    expect(paramsFromName('qwen2.5:0.5b')).toBe(0.5);
    expect(paramsFromName('gpt-oss')).toBeNull();
  });
});
