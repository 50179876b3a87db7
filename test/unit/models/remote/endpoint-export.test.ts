// Endpoints as a file: keys only when asked for, an import that refuses a whole file for one bad endpoint, and one that adds nothing already stored.
import { describe, expect, it } from 'vitest';
import {
  mergeImportedEndpoints,
  parseEndpointsFile,
  toEndpointsFile,
} from '../../../../src/models/remote/endpoint-export.js';
import type { EndpointRecord } from '../../../../src/models/remote/endpoint-record.js';

const record: EndpointRecord = {
  id: 'e1',
  name: 'Home box',
  baseUrl: 'http://192.168.1.20:11434/v1',
  apiKey: 'sk-secret-123',
  models: ['llama3.2:3b'],
  modelsFrom: 'listed',
  createdAt: 1,
  updatedAt: 1,
};

let next = 0;
const makeId = () => `new-${++next}`;

describe('endpoints file', () => {
  it('leaves API keys out unless the visitor ticked the box', () => {
    const without = JSON.stringify(toEndpointsFile([record], false, 0));
    expect(without).not.toContain('sk-secret-123');
    expect(JSON.parse(without)).toMatchObject({ includesApiKeys: false });
    const withKeys = toEndpointsFile([record], true, 0);
    expect(withKeys.includesApiKeys).toBe(true);
    expect(withKeys.endpoints[0]?.apiKey).toBe('sk-secret-123');
  });

  it('imports what it exported, with new ids', () => {
    const text = JSON.stringify(toEndpointsFile([record], true, 0));
    const read = parseEndpointsFile(text, 50, makeId);
    expect(read.ok && read.records[0]).toMatchObject({
      name: 'Home box',
      apiKey: 'sk-secret-123',
      models: ['llama3.2:3b'],
    });
    expect(read.ok && read.records[0]?.id).toMatch(/^new-/);
  });

  it('refuses the whole file for one bad endpoint, naming it', () => {
    const file = toEndpointsFile([record, { ...record, baseUrl: 'http://*.evil.com' }], false, 0);
    const read = parseEndpointsFile(JSON.stringify(file), 0, makeId);
    expect(read).toEqual({ ok: false, problem: expect.stringMatching(/^Server 2: /) });
  });

  it('refuses a file whose endpoint name or model hides text-direction overrides', () => {
    for (const hostile of [
      { ...record, name: 'Home box\u202Eexe.txt' },
      { ...record, models: ['llama3.2:3b', 'evil\u202Emodel'] },
    ]) {
      const file = toEndpointsFile([record, hostile], false, 0);
      const read = parseEndpointsFile(JSON.stringify(file), 0, makeId);
      expect(read).toEqual({
        ok: false,
        problem: expect.stringMatching(/^Server 2: .*control or text-direction character/),
      });
    }
  });

  it('refuses what is not an endpoints export', () => {
    for (const text of [
      'nope',
      '{}',
      '{"format":"quorum-endpoints","version":9,"endpoints":[]}',
      'x'.repeat(1024 * 1024 + 1),
    ])
      expect(parseEndpointsFile(text, 0, makeId).ok).toBe(false);
  });
});

// Importing endpoints matches the stored ones by base URL and name: the same file twice adds nothing.
function endpoint(id: string, name: string, more: Partial<EndpointRecord> = {}): EndpointRecord {
  return {
    id,
    name,
    baseUrl: 'http://127.0.0.1:8080/v1',
    apiKey: null,
    models: ['small'],
    modelsFrom: 'listed',
    createdAt: 1,
    updatedAt: 1,
    ...more,
  };
}

describe('mergeImportedEndpoints', () => {
  it('adds nothing when the file names the servers already stored', () => {
    const stored = [endpoint('a', 'Home box', { apiKey: 'sk-1' }), endpoint('b', 'Lab')];
    const file = [
      endpoint('x', 'home box', { createdAt: 9, models: ['small', 'large'] }),
      endpoint('y', 'Lab', { createdAt: 9 }),
    ];
    const merged = mergeImportedEndpoints(stored, file);
    expect(merged.added).toBe(0);
    expect(merged.updated).toBe(2);
    expect(merged.records.map((r) => r.id)).toEqual(['a', 'b']);
    // The stored id, creation time and key stay; the file's models are taken.
    expect(merged.records[0]).toMatchObject({
      createdAt: 1,
      apiKey: 'sk-1',
      models: ['small', 'large'],
    });
  });

  it('adds servers that differ by base URL or name, and counts a repeated entry once', () => {
    const stored = [endpoint('a', 'Home box')];
    const file = [
      endpoint('x', 'Home box', { baseUrl: 'http://10.0.0.2:8080/v1' }),
      endpoint('y', 'Office'),
      endpoint('z', 'Office', { apiKey: 'sk-2' }),
    ];
    const merged = mergeImportedEndpoints(stored, file);
    expect(merged.added).toBe(2);
    expect(merged.updated).toBe(0);
    expect(merged.records.map((r) => r.id)).toEqual(['x', 'z']);
  });

  it('takes a key the file carries over the stored one', () => {
    const merged = mergeImportedEndpoints(
      [endpoint('a', 'Home box', { apiKey: 'old' })],
      [endpoint('x', 'Home box', { apiKey: 'new' })],
    );
    expect(merged.records[0]).toMatchObject({ id: 'a', apiKey: 'new' });
  });
});
