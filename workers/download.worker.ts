// The download worker: fetches model files into web-llm's caches, one AbortController per request; needs no GPU.
import {
  DOWNLOAD_PROTOCOL_VERSION,
  type FromDownloadWorker,
  type ToDownloadWorker,
} from '../src/models/download/download-protocol.js';
import { holdAliveLock } from '../src/shared/alive-lock.js';
import { downloadModelFiles } from './download/download-model-files.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<string, AbortController>();

function post(message: FromDownloadWorker): void {
  scope.postMessage(message);
}

// Held until this worker ends, however it ends: the page then fails its downloads at once.
const alive = holdAliveLock(scope.name, () => post({ type: 'alive' }));

async function download(requestId: string, message: ToDownloadWorker & { type: 'download' }) {
  if (message.v !== DOWNLOAD_PROTOCOL_VERSION) {
    post({
      type: 'download-done',
      requestId,
      result: {
        ok: false,
        error: {
          kind: 'bad-request',
          message: 'The app and its download worker are out of step: reload the page.',
          detail: `protocol ${message.v}, worker speaks ${DOWNLOAD_PROTOCOL_VERSION}`,
        },
      },
    });
    return;
  }
  const controller = new AbortController();
  running.set(requestId, controller);
  // Nothing is fetched before the page can watch this worker's end (a cancel meanwhile still counts).
  await alive;
  const result = await downloadModelFiles(
    message.record,
    { fetch: scope.fetch.bind(scope), caches: scope.caches, now: () => performance.now() },
    {
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'download-progress', requestId, progress }),
    },
  );
  running.delete(requestId);
  post({ type: 'download-done', requestId, result });
}

scope.addEventListener('message', (event: MessageEvent<ToDownloadWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'download':
      void download(message.requestId, message);
      break;
    case 'cancel':
      running.get(message.requestId)?.abort(new DOMException('Download cancelled', 'AbortError'));
      break;
    default: {
      const unknown: never = message;
      console.error('download worker: unknown message', unknown);
    }
  }
});
