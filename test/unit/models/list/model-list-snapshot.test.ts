// Fails when the installed web-llm's model list differs from the snapshot the page ships.
import { readFileSync } from 'node:fs';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { expect, it } from 'vitest';
import {
  modelListSnapshot,
  SNAPSHOT_PATH,
  writeModelListSnapshot,
} from '../../../support/generate-model-list.js';

it("the JSON snapshot equals the installed web-llm's chat LLMs (regenerate with WRITE_MODEL_LIST=1)", () => {
  if (process.env.WRITE_MODEL_LIST === '1') writeModelListSnapshot(prebuiltAppConfig.model_list);
  const shipped: unknown = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8'));
  expect(shipped).toEqual(modelListSnapshot(prebuiltAppConfig.model_list));
});

it('the snapshot holds no embedding or vision models', () => {
  const ids = modelListSnapshot(prebuiltAppConfig.model_list).map((r) => r.model_id);
  expect(ids.some((id) => /embed|vision/i.test(id))).toBe(false);
  expect(ids.length).toBe(
    prebuiltAppConfig.model_list.filter((r) => (r.model_type ?? 0) === 0).length,
  );
});
