// Boot only: mount the shell, open the database (noticing one that was deleted), import the seeds when it lacks them, then start what the first frame does not need.
// First: inside another page's frame, nothing of the app starts (see frame-guard.ts).
import { framed } from './app/frame-guard.js';
import './app/quorum-app.js';
// The landing view ships with the entry: a lazy chunk here would add a round trip to every first paint.
import './catalog/quorum-catalog-view.js';
import { registerServiceWorker } from './app/service-worker.js';
import { listenForLaunchedFiles } from './app/launch-files.js';
import { requestPersistence } from './db/storage-persistence.js';
import { CatalogService } from './catalog/catalog-service.js';
import { fetchSeedFiles, importSeedsIfFirstVisit } from './catalog/import/seed-catalog.js';
import { databaseWasLost, hadDatabase, markDatabase } from './db/database-marker.js';
import { errorText } from './shared/errors.js';
import { openDatabase, type QuorumDatabase } from './db/open-database.js';
import { ConversationStore } from './chat/conversation-store.js';
import { RunStore } from './fusion/history/run-store.js';
import { ModelStatsStore } from './fusion/measure/model-stats-store.js';
import { VoteStore } from './arena/votes/vote-store.js';
import type { EngineMode } from './models/list/engine-mode.js';
import { LabStore } from './lab/run/lab-store.js';

const app = document.querySelector('quorum-app') ?? document.createElement('quorum-app');
if (!framed && !app.isConnected) document.body.appendChild(app);

/** Longest a deep link waits for the catalog's first page before the deferred work starts anyway. */
const DEFER_FALLBACK_MS = 3000;

// Installing is the clearest sign the visitor wants to keep Quorum's data.
window.addEventListener('appinstalled', () => void requestPersistence('install'));

if (!framed) void boot();

async function boot(): Promise<void> {
  // A first visit downloads the seeds while the database opens, instead of after it. The marker
  // only saves that download: whether the seeds are there is read from the database below.
  const hadBefore = hadDatabase();
  const prefetched = hadBefore ? undefined : fetchSeedFiles();
  let db: QuorumDatabase | undefined;
  let created = false;
  try {
    db = await openDatabase({
      onCreated: () => (created = true),
      onVersionChange: () => {
        db?.close();
        app.databaseNotice = 'version-change';
      },
      onDeleted: () => {
        db?.close();
        app.databaseNotice = 'deleted';
      },
      onClosed: () => {
        app.databaseNotice = 'closed';
      },
      onBlocked: () => {
        app.databaseNotice = 'blocked';
      },
    });
  } catch (error) {
    app.bootError = `Your browser did not let Quorum open its storage (${errorText(error)}). Private windows and some privacy settings block it.`;
    registerOfflineSupport();
    return;
  }
  app.databaseNotice = null;
  markDatabase();
  const lost = databaseWasLost(created, hadBefore);
  // Every view shares this one connection: the stores below, the catalog and the model registry.
  app.stores = {
    runs: new RunStore(db),
    conversations: new ConversationStore(db),
    modelStats: new ModelStatsStore(db),
    votes: new VoteStore(db),
    lab: new LabStore(db),
  };
  const catalog = new CatalogService(db);
  // Seeds go in before the catalog shows, so a first visit never flashes an empty catalog; the
  // database itself says whether they are there (one read on a returning visit).
  const report = await importSeedsIfFirstVisit(catalog, undefined, prefetched).catch(
    (error: unknown) => {
      app.toast({
        message: `The starting catalog could not be loaded: ${errorText(error)}`,
        kind: 'error',
      });
      return null;
    },
  );
  app.catalog = catalog;
  // The installed app opened with files (file_handlers): they go through the catalog's import.
  listenForLaunchedFiles((files) => void app.openFiles(files));
  if (report && !report.ok) {
    app.toast({ message: 'The starting catalog could not be imported.', kind: 'error' });
  }
  if (lost) void tellDataLost();
  await firstFrameShown(catalog);
  startDeferred(db);
  // After the first successful import there is data worth keeping: ask then, not on arrival.
  if (report?.ok && report.added.length > 0) void requestPersistence(lost ? 'data-lost' : 'import');
}

/** The database was deleted since the last visit: say so, and offer the export kept apart from it. */
async function tellDataLost(): Promise<void> {
  const [{ keptExportInfo }] = await Promise.all([
    import('./catalog/import/kept-export.js'),
    import('./app/quorum-data-lost-notice.js'),
  ]);
  app.dataLost = { kept: await keptExportInfo() };
}

/**
 * On the catalog, the first page's paint; elsewhere (deep links to the model views, which need the
 * registry) no wait. Two cores are shared by everything the boot starts.
 */
async function firstFrameShown(catalog: CatalogService): Promise<void> {
  if (location.pathname !== '/') return;
  await Promise.race([
    catalog.firstPageShown(),
    new Promise((resolve) => setTimeout(resolve, DEFER_FALLBACK_MS)),
  ]);
}

/** What the first frame does not need: the service worker's precache and the model registry chunk. */
function startDeferred(db: QuorumDatabase): void {
  registerOfflineSupport();
  provideModelRegistry(db).catch((error: unknown) => {
    app.toast({ message: `The model manager could not start: ${errorText(error)}`, kind: 'error' });
  });
}

function registerOfflineSupport(): void {
  registerServiceWorker({
    onUpdateReady: (apply) => {
      app.applyUpdate = apply;
    },
    onReplaced: () => {
      // The waiting version this tab may have offered is active now: only a reload is left to do.
      app.applyUpdate = null;
      app.versionReplaced = true;
    },
    onError: (message) => app.toast({ message, kind: 'error' }),
  });
}

/** Loaded apart from the first bundle: the catalog shows first, the model views subscribe to the registry. */
async function provideModelRegistry(db: QuorumDatabase): Promise<void> {
  const [
    { ModelRegistry },
    { readEngineMode, writeEngineMode },
    { simOptionsFromUrl },
    { recordedSpeedFromUrl },
    { remoteOptionsFromUrl },
  ] = await Promise.all([
    import('./models/model-registry.js'),
    import('./models/list/engine-mode.js'),
    import('./models/list/sim-url-options.js'),
    import('./models/list/recorded-models.js'),
    import('./models/remote/remote-url-options.js'),
  ]);
  const recordedSpeed = recordedSpeedFromUrl(location.search);
  const remote = remoteOptionsFromUrl(location.search);
  const registryFor = (engineMode: EngineMode) => {
    const sim = simOptionsFromUrl(location.search, engineMode);
    return new ModelRegistry(db, {
      engineMode,
      ...(sim ? { sim } : {}),
      ...(recordedSpeed ? { recordedSpeed } : {}),
      remote,
    });
  };
  // A switch (a link with engine=…, the models page's buttons) is saved and takes effect at once.
  app.switchEngine = async (engineMode) => {
    await writeEngineMode(db, engineMode);
    return registryFor(engineMode);
  };
  app.modelRegistry = registryFor(await readEngineMode(db, location.search));
}
