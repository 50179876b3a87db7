// The `endpoints` store: the visitor's OpenAI-compatible servers, with a 'change' event that reaches every tab.
import type { QuorumDatabase } from '../../db/open-database.js';
import { isLoopbackOrigin, policyOrigin } from '../../shared/content-policy.js';
import type { EndpointRecord } from './endpoint-record.js';
import { writePolicyOrigins } from './policy-sync.js';

/** Tabs tell each other of endpoint changes here, so every pool picker and policy follows. */
const CHANNEL = 'quorum-endpoints';

/** Reads and writes endpoints on the app's one connection; fires 'change' after any tab's write. */
export class EndpointStore extends EventTarget {
  private readonly channel: BroadcastChannel | null;

  constructor(private readonly db: QuorumDatabase) {
    super();
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    this.channel?.addEventListener('message', () => this.dispatchEvent(new Event('change')));
  }

  /** Every endpoint, oldest first. */
  async list(): Promise<EndpointRecord[]> {
    const records = await this.db.getAll('endpoints');
    return records.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  get(id: string): Promise<EndpointRecord | undefined> {
    return this.db.get('endpoints', id);
  }

  /** Resolves once the record is stored and the service worker's policy includes it. */
  async save(record: EndpointRecord): Promise<void> {
    await this.db.put('endpoints', record);
    await this.changed();
  }

  /** Adds several in one transaction: all or none (an import). */
  async saveAll(records: readonly EndpointRecord[]): Promise<void> {
    const tx = this.db.transaction('endpoints', 'readwrite');
    await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
    await this.changed();
  }

  async remove(id: string): Promise<void> {
    await this.db.delete('endpoints', id);
    await this.changed();
  }

  /**
   * Writes the endpoints' origins for the service worker's policy (at start too, so the policy heals
   * if its cache was cleared). A failure leaves the policy as it was: new hosts stay refused.
   */
  async syncPolicy(): Promise<void> {
    // Best effort: a failed read or write leaves the service worker's last policy in place.
    await this.list()
      .then((records) => writePolicyOrigins(endpointOrigins(records)))
      .catch(() => undefined);
  }

  /** The origins the security policy must add for these endpoints (loopback is always allowed). */
  async policyOrigins(): Promise<string[]> {
    return endpointOrigins(await this.list());
  }

  close(): void {
    this.channel?.close();
  }

  private async changed(): Promise<void> {
    await this.syncPolicy();
    this.channel?.postMessage('change');
    this.dispatchEvent(new Event('change'));
  }
}

/** The origins of these endpoints' base URLs that the policy does not allow already, sorted. */
export function endpointOrigins(records: readonly EndpointRecord[]): string[] {
  const origins = records
    .map((record) => policyOrigin(record.baseUrl))
    .filter((origin): origin is string => origin !== null && !isLoopbackOrigin(origin));
  return [...new Set(origins)].sort();
}
