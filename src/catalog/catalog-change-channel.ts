// Tells the other tabs (each with its own catalog service and search worker) that this tab changed the catalog.

/** Tells other tabs that this tab changed the catalog. */
export interface CatalogChangeChannel {
  /** Tells every other tab with this database that its catalog changed (after the change committed). */
  announce(): void;
  close(): void;
}

/**
 * One BroadcastChannel per catalog service, named after its database: `onChange` runs for other
 * tabs' announcements only (a channel does not hear its own). Without BroadcastChannel it does nothing.
 */
export function openCatalogChangeChannel(
  dbName: string,
  onChange: () => void,
): CatalogChangeChannel {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(`quorum-catalog-changes:${dbName}`);
  channel.onmessage = () => onChange();
  return {
    announce: () => channel.postMessage('changed'),
    close: () => channel.close(),
  };
}
