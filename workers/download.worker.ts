// The download worker: fetches model files into web-llm's caches, one call per download; needs no GPU.
import {
  DOWNLOAD_PROTOCOL_VERSION,
  type DownloadApi,
} from '../src/models/download/download-protocol.js';
import { classifyDownloadError } from '../src/models/download/download-errors.js';
import { downloadModelFiles } from './download/download-model-files.js';
import { serve, workerScope } from './serve.js';

// Nothing is fetched before the page can watch this worker's end (serve waits for the life lock).
serve<DownloadApi>({
  name: 'download',
  version: DOWNLOAD_PROTOCOL_VERSION,
  classify: classifyDownloadError,
  methods: {
    download: (record, call) =>
      downloadModelFiles(
        record,
        {
          fetch: workerScope.fetch.bind(workerScope),
          caches: workerScope.caches,
          now: () => performance.now(),
          estimate: () => workerScope.navigator.storage.estimate(),
        },
        { signal: call.signal, onProgress: call.emit },
      ),
  },
});
