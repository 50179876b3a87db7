// The app's own load path (model worker client → real model worker → real web-llm) fails at the fixture's fake lib, and the visitor sees why.
import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/models/model-client.js';
import { ERROR_ADVICE, type ClassifiedError } from '../../../src/shared/errors.js';
import { createDownloadClient } from '../../../src/models/download/download-client.js';
import type { LoadProgress } from '../../../src/models/worker/model-protocol.js';
import '../../../src/models/quorum-model-error.js';
import { ModelWorkerClient } from '../../../src/models/worker/model-worker-client.js';
import { fixtureRecord, forget, takeOffline } from './download/download-fixture.js';
import { deepQuery, shadowText } from '../../support/shadow-text.js';

afterEach(() => document.body.replaceChildren());

describe('loading a downloaded fixture through the app’s model worker client', () => {
  it('rejects with a model-lib ModelError, and the chat’s error display shows the advice', async () => {
    const record = fixtureRecord('app-load');
    await forget(record);
    expect((await createDownloadClient().downloadModel(record)).ok).toBe(true);
    // Only Quorum's cached files can serve the load now: a fetch elsewhere would be a network error.
    await takeOffline('app-load');

    const client = new ModelWorkerClient({
      engine: 'webllm',
      modelId: record.model_id,
      modelRecord: record,
      label: 'Quorum Tiny (fixture)',
    });
    const phases: LoadProgress['phase'][] = [];
    const failure: unknown = await client
      .load((p) => phases.push(p.phase))
      .then(
        () => null,
        (error: unknown) => error,
      );

    expect(failure).toBeInstanceOf(ModelError);
    const error = failure as ModelError;
    expect(error.kind).toBe('model-lib');
    expect(error.detail ?? '').toMatch(/magic word|CompileError/);
    expect(phases).toContain('compile');
    // A failed load frees its worker: the client is back to idle, not stuck loading.
    expect(client.state).toBe('idle');

    const shown: ClassifiedError = { kind: error.kind, message: error.message };
    const display = document.createElement('quorum-model-error');
    display.error = shown;
    document.body.append(display);
    await display.updateComplete;
    await display.renderRoot.querySelector('quorum-error-state')?.updateComplete;

    const alert = deepQuery<HTMLElement>(display, '[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert?.getBoundingClientRect().height).toBeGreaterThan(0);
    const text = shadowText(display);
    expect(text).toContain('The model could not be loaded');
    expect(text).toContain(ERROR_ADVICE['model-lib']);
    expect(text).toContain('Delete the model and download it again');
  });
});
