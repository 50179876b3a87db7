// An imported recording's models replay only their own answers, whatever their ids are called.
import { describe, expect, it } from 'vitest';
import { importedRecordedModels } from '../../../../src/models/list/recorded-models.js';

describe('importedRecordedModels', () => {
  it('gives a model named like an Object member no answer it did not record', () => {
    const [model] = importedRecordedModels({
      id: 'r1',
      source: 'a test',
      importedAt: 0,
      models: [{ id: 'constructor', label: 'C' }],
      questions: [{ question: 'What is 2 + 2?', answers: {} }],
    });
    expect(model!.recording).toEqual({ kind: 'inline', answers: [] });
  });
});
