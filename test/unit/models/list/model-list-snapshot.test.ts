// Fails when the installed web-llm's model list differs from the snapshot the page ships.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
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

it("every shipped record equals web-llm's own entry, field for field (nothing reload or the fit rule reads is dropped)", () => {
  const shipped = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as { model_id: string }[];
  const own = new Map(prebuiltAppConfig.model_list.map((r) => [r.model_id, r]));
  const lossy = shipped.filter((r) => !isDeepStrictEqual(r, own.get(r.model_id)));
  expect(lossy.map((r) => r.model_id)).toEqual([]);
});

it('the snapshot holds every chat model and no embedding or vision model', () => {
  const list = prebuiltAppConfig.model_list;
  const ids = modelListSnapshot(list).map((r) => r.model_id);
  expect(ids.some((id) => /embed|vision/i.test(id))).toBe(false);
  // Judged by the models' names, not by the generator's own model_type filter: nothing else is dropped.
  const chatModels = list.map((r) => r.model_id).filter((id) => !/embed|vision/i.test(id));
  expect(ids).toEqual(chatModels);
});
