// The registry's remote side: offers every model of every endpoint, and one client per member id.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { AvailableModel } from '../model-offer.js';
import type { EndpointRecord } from './endpoint-record.js';
import { parseRemoteModelId, paramsFromName, remoteModelId } from './endpoint-record.js';
import { EndpointStore } from './endpoint-store.js';
import { RemoteModelClient, type RemoteClientOptions } from './remote-client.js';
import { watchPolicyRefusals } from './diagnose-fetch.js';

/** The registry's remote side: offers every model of every saved endpoint, with one client per member id. */
export class RemoteModels {
  readonly endpoints: EndpointStore;
  private readonly clients = new Map<string, RemoteModelClient>();
  /** The endpoints as last read: clients are made synchronously, as the registry's are. */
  private known = new Map<string, EndpointRecord>();
  /** Resolves once the endpoints were read at start. */
  readonly ready: Promise<void>;

  constructor(
    db: QuorumDatabase,
    private readonly options: RemoteClientOptions = {},
  ) {
    this.endpoints = new EndpointStore(db);
    // An edited endpoint (new key, URL or name) gets fresh clients.
    // A read fails only when the connection is closing (the database was deleted under the tab, and
    // the data-lost notice says so): no endpoints are known until the next load.
    this.endpoints.addEventListener('change', () => void this.read().catch(() => undefined));
    this.ready = this.read().then(
      () => undefined,
      () => undefined,
    );
    void this.endpoints.syncPolicy();
    watchPolicyRefusals();
  }

  /** Every model of every endpoint, in the order the endpoints were added. */
  async offers(): Promise<AvailableModel[]> {
    const endpoints = await this.read();
    return endpoints.flatMap((endpoint) =>
      endpoint.models.map((model) => ({
        id: remoteModelId(endpoint.id, model),
        label: `${model} · ${endpoint.name}`,
        engine: 'remote' as const,
        simulated: false,
        paramsB: paramsFromName(model),
        vramMB: 0,
        downloaded: true,
        runsOn: { kind: 'endpoint' as const, name: endpoint.name },
      })),
    );
  }

  /**
   * The client of a remote member id (null for ids that are not remote). One whose endpoint was
   * removed, or is not read yet, still answers: every call fails saying so.
   */
  client(id: string): RemoteModelClient | null {
    const parsed = parseRemoteModelId(id);
    if (!parsed) return null;
    const existing = this.clients.get(id);
    if (existing) return existing;
    const endpoint = this.known.get(parsed.endpointId) ?? null;
    const client = new RemoteModelClient(endpoint, parsed, this.options);
    if (endpoint) this.clients.set(id, client);
    return client;
  }

  private async read(): Promise<EndpointRecord[]> {
    const endpoints = await this.endpoints.list();
    this.known = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    this.clients.clear();
    return endpoints;
  }
}
