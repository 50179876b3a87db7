// The search worker: opens the `quorum` database itself, keeps the catalog's search index, answers queries.
import { openDatabase } from '../src/db/open-database.js';
import { holdAliveLock } from '../src/shared/alive-lock.js';
import {
  SEARCH_PROTOCOL_VERSION,
  type FromSearchWorker,
  type ToSearchWorker,
} from '../src/catalog/search/search-protocol.js';
import { answerRequest, errorOf } from './search/answer-request.js';
import type { SearchHost } from '../src/catalog/search/search-host.js';
import { startHost } from './search/start-host.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let host: Promise<SearchHost> | null = null;

function post(message: FromSearchWorker): void {
  scope.postMessage(message);
}

// Held until this worker ends, however it ends: the page then restarts it at once.
const alive = holdAliveLock(scope.name, () => post({ type: 'alive' }));

scope.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'open':
      if (message.v !== SEARCH_PROTOCOL_VERSION) {
        post({
          type: 'failed',
          requestId: null,
          error: {
            kind: 'protocol',
            message: `The app and its search worker are out of step (protocol ${message.v} vs ${SEARCH_PROTOCOL_VERSION}): reload the page.`,
          },
        });
        return;
      }
      host ??= alive.then(() => startHost(() => openDatabase({ name: message.dbName }), post));
      return;
    case 'request': {
      const { requestId, request } = message;
      if (host === null) {
        post({
          type: 'failed',
          requestId,
          error: { kind: 'protocol', message: 'The search worker got a request before "open".' },
        });
        return;
      }
      host
        .then((ready) => answerRequest(ready, request))
        .then(
          (answer) => post({ type: 'answer', requestId, answer }),
          (cause: unknown) => post({ type: 'failed', requestId, error: errorOf(cause) }),
        );
      return;
    }
  }
};
