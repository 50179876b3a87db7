// The registry's remote side when the database is gone: no endpoints, and no unhandled rejection.
import { describe, expect, it } from 'vitest';
import type { QuorumDatabase } from '../../../../src/db/open-database.js';
import { RemoteModels } from '../../../../src/models/remote/remote-models.js';

/** A connection Chromium is closing (the database was deleted): every read throws, as IndexedDB's do. */
function closingDatabase(): QuorumDatabase {
  const closing = () =>
    Promise.reject(new DOMException('The database connection is closing.', 'InvalidStateError'));
  return { getAll: closing, get: closing } as unknown as QuorumDatabase;
}

describe('RemoteModels over a closing database', () => {
  it('starts with no endpoints and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const remote = new RemoteModels(closingDatabase());
      await remote.ready;
      // Let every promise the constructor started settle.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(remote.client('remote:nope:model')).toBeNull();
      expect(unhandled).toEqual([]);
      remote.endpoints.close();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
