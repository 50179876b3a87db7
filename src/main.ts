// Boot only: mount the shell, open the database, import the seeds on a first visit, then start what the first frame does not need.
import './app/quorum-app.js';
// The landing view ships with the entry: a lazy chunk here would add a round trip to every first paint.
import './catalog/quorum-catalog-view.js';
import { registerServiceWorker } from './app/service-worker.js';
import { listenForLaunchedFiles } from './app/launch-files.js';
import { requestPersistence } from './db/storage-persistence.js';
import { CatalogService } from './catalog/catalog-service.js';
import { fetchSeedFiles, importSeedsIfFirstVisit } from './catalog/import/seed-catalog.js';
import { openDatabase, type QuorumDatabase } from './db/open-database.js';
import { ConversationStore } from './chat/conversation-store.js';
import { RunStore } from './fusion/history/run-store.js';
import { ModelStatsStore } from './fusion/measure/model-stats-store.js';
import { VoteStore } from './arena/votes/vote-store.js';
import type { EngineMode } from './models/list/engine-mode.js';
import { errorText } from './shared/errors.js';
import { LabStore } from './lab/run/lab-store.js';

const app =
  document.querySelector('quorum-app') ??
  document.body.appendChild(document.createElement('quorum-app'));

/** Set once this browser holds the seeds: a hint only (the database decides), so returning visits skip the download. */
const SEEDED_HINT_KEY = 'quorum.seeded';
/** Longest a deep link waits for the catalog's first page before the deferred work starts anyway. */
const DEFER_FALLBACK_MS = 3000;

// Installing is the clearest sign the visitor wants to keep Quorum's data.
window.addEventListener('appinstalled', () => void requestPersistence());

void boot();

async function boot(): Promise<void> {
  // A first visit downloads the seeds while the database opens, instead of after it.
  const seededHint = readSeededHint();
  const prefetched = seededHint ? undefined : fetchSeedFiles();
  let db: QuorumDatabase | undefined;
  try {
    db = await openDatabase({
      onVersionChange: () => {
        db?.close();
        app.databaseNotice = 'version-change';
      },
      onBlocked: () => {
        app.databaseNotice = 'blocked';
      },
    });
  } catch (error) {
    app.bootError = `Your browser did not let Quorum open its storage (${String(error)}). Private windows and some privacy settings block it.`;
    registerOfflineSupport();
    return;
  }
  app.databaseNotice = null;
  // Every view shares this one connection: the stores below, the catalog and the model registry.
  app.stores = {
    runs: new RunStore(db),
    conversations: new ConversationStore(db),
    modelStats: new ModelStatsStore(db),
    votes: new VoteStore(db),
    lab: new LabStore(db),
  };
  const catalog = new CatalogService(db);
  // Seeds go in before the catalog shows, so a first visit never flashes an empty catalog.
  // A returning visit (the hint) reads nothing before its first page.
  const seeding = seededHint
    ? Promise.resolve(null)
    : importSeedsIfFirstVisit(catalog, undefined, prefetched);
  const report = await seeding.catch((error: unknown) => {
    app.toast({
      message: `The starting catalog could not be loaded: ${String(error)}`,
      kind: 'error',
    });
    return null;
  });
  if (report === null || report.ok) writeSeededHint();
  app.catalog = catalog;
  // The installed app opened with files (file_handlers): they go through the catalog's import.
  listenForLaunchedFiles((files) => void app.openFiles(files));
  if (report && !report.ok) {
    app.toast({ message: 'The starting catalog could not be imported.', kind: 'error' });
  }
  await firstFrameShown(catalog);
  startDeferred(db);
  // After the first successful import there is data worth keeping: ask then, not on arrival.
  if (report?.ok && report.added.length > 0) void requestPersistence();
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

function readSeededHint(): boolean {
  try {
    return localStorage.getItem(SEEDED_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function writeSeededHint(): void {
  try {
    localStorage.setItem(SEEDED_HINT_KEY, '1');
  } catch {
    // Storage blocked: later visits just download the seeds again (and skip importing them).
  }
}

/** Loaded apart from the first bundle: the catalog shows first, the model views subscribe to the registry. */
async function provideModelRegistry(db: QuorumDatabase): Promise<void> {
  const [
    { ModelRegistry },
    { readEngineMode, writeEngineMode },
    { simOptionsFromUrl },
    { recordedSpeedFromUrl },
  ] = await Promise.all([
    import('./models/model-registry.js'),
    import('./models/list/engine-mode.js'),
    import('./models/list/sim-url-options.js'),
    import('./models/list/recorded-models.js'),
  ]);
  const recordedSpeed = recordedSpeedFromUrl(location.search);
  const registryFor = (engineMode: EngineMode) => {
    const sim = simOptionsFromUrl(location.search, engineMode);
    return new ModelRegistry(db, {
      engineMode,
      ...(sim ? { sim } : {}),
      ...(recordedSpeed ? { recordedSpeed } : {}),
    });
  };
  // A switch (a link with engine=…, the models page's buttons) is saved and takes effect at once.
  app.switchEngine = async (engineMode) => {
    await writeEngineMode(db, engineMode);
    return registryFor(engineMode);
  };
  app.modelRegistry = registryFor(await readEngineMode(db, location.search));
}
