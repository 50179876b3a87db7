// Boot only: mount the shell, register the service worker, open the database, import the seeds on a first visit.
import './app/quorum-app.js';
// The landing view ships with the entry: a lazy chunk here would add a round trip to every first paint.
import './catalog/quorum-catalog-view.js';
import { registerServiceWorker } from './app/service-worker.js';
import { requestPersistence } from './app/storage-persistence.js';
import { CatalogService } from './catalog/catalog-service.js';
import { importSeedsIfFirstVisit } from './catalog/seed-catalog.js';
import { openDatabase, type QuorumDatabase } from './db/open-database.js';

const app =
  document.querySelector('quorum-app') ??
  document.body.appendChild(document.createElement('quorum-app'));

registerServiceWorker({
  onUpdateReady: (apply) => {
    app.applyUpdate = apply;
  },
  onError: (message) => app.toast({ message, kind: 'error' }),
});

// Installing is the clearest sign the visitor wants to keep Quorum's data.
window.addEventListener('appinstalled', () => void requestPersistence());

void boot();

async function boot(): Promise<void> {
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
    return;
  }
  app.databaseNotice = null;
  const catalog = new CatalogService(db);
  // Seeds go in before the catalog shows, so a first visit never flashes an empty catalog.
  const report = await importSeedsIfFirstVisit(catalog).catch((error: unknown) => {
    app.toast({
      message: `The starting catalog could not be loaded: ${String(error)}`,
      kind: 'error',
    });
    return null;
  });
  app.catalog = catalog;
  provideModelRegistry(db).catch((error: unknown) => {
    app.toast({ message: `The model manager could not start: ${String(error)}`, kind: 'error' });
  });
  if (report && !report.ok) {
    app.toast({ message: 'The starting catalog could not be imported.', kind: 'error' });
  }
  // After the first successful import there is data worth keeping: ask then, not on arrival.
  if (report?.ok && report.added.length > 0) void requestPersistence();
}

/** Loaded apart from the first bundle: the catalog shows first, the model views subscribe to the registry. */
async function provideModelRegistry(db: QuorumDatabase): Promise<void> {
  const [{ ModelRegistry }, { readEngineMode }, { simOptionsFromUrl }] = await Promise.all([
    import('./models/model-registry.js'),
    import('./models/engine-mode.js'),
    import('./models/sim-url-options.js'),
  ]);
  const engineMode = await readEngineMode(db, location.search);
  const sim = simOptionsFromUrl(location.search, engineMode);
  app.modelRegistry = new ModelRegistry(db, { engineMode, ...(sim ? { sim } : {}) });
}
