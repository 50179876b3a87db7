// Which engine runs (web-llm or simulated): the URL over the stored setting, and the setting's round trip.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/db/open-database.js';
import {
  readEngineMode,
  resolveEngineMode,
  withEngineParam,
  writeEngineMode,
} from '../../../../src/models/list/engine-mode.js';

describe('resolveEngineMode', () => {
  it('uses the URL parameter engine=sim over the stored setting', () => {
    expect(resolveEngineMode('?engine=sim', 'webllm')).toBe('sim');
    expect(resolveEngineMode('?x=1&engine=webllm', 'sim')).toBe('webllm');
  });

  it('falls back to the setting when the URL names no known engine', () => {
    expect(resolveEngineMode('', 'sim')).toBe('sim');
    expect(resolveEngineMode('?engine=gpt', 'sim')).toBe('sim');
  });

  it('defaults to web-llm when neither the URL nor the setting names an engine', () => {
    expect(resolveEngineMode('', undefined)).toBe('webllm');
    expect(resolveEngineMode('?engine=', 42)).toBe('webllm');
  });
});

describe('engine mode setting', () => {
  it('is read back from the settings store after being written', async () => {
    const db = await openDatabase({ name: `engine-mode-${crypto.randomUUID()}` });
    expect(await readEngineMode(db, '')).toBe('webllm');
    await writeEngineMode(db, 'sim');
    expect(await readEngineMode(db, '')).toBe('sim');
    expect(await readEngineMode(db, '?engine=webllm')).toBe('webllm');
    db.close();
  });

  it('keeps a mode chosen by the URL for later URLs without the parameter, until switched again', async () => {
    const db = await openDatabase({ name: `engine-mode-${crypto.randomUUID()}` });
    expect(await readEngineMode(db, '?engine=sim')).toBe('sim');
    expect(await readEngineMode(db, '')).toBe('sim');
    expect(await readEngineMode(db, '?engine=webllm')).toBe('webllm');
    expect(await readEngineMode(db, '?x=1')).toBe('webllm');
    db.close();
  });
});

describe('withEngineParam', () => {
  it('carries engine=sim from the current URL onto an in-app link', () => {
    expect(withEngineParam('/chat/abc', '?engine=sim')).toBe('/chat/abc?engine=sim');
    expect(withEngineParam('/models?family=Qwen', '?engine=sim&x=1')).toBe(
      '/models?family=Qwen&engine=sim',
    );
  });

  it('leaves links alone when the URL names no engine', () => {
    expect(withEngineParam('/chat', '?x=1')).toBe('/chat');
  });
});
