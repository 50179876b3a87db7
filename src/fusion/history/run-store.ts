// The `runs` store: save, list, get and delete fusion runs, agreeing across tabs on who runs what and what was deleted;
// a running run no tab holds reads as interrupted.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { RunRecord } from './run-record.js';
import { defaultRunOwners, type RunOwners } from './run-owners.js';

/** A stored run as the history shows it; `runningIn` says which tab a 'running' run is going on in. */
export type ListedRun = RunRecord & { runningIn?: 'this-tab' | 'another-tab' };

/** 'deleted': another tab deleted the run, so it was not written again (issue 13, item 6). */
export type SaveOutcome = 'saved' | 'deleted';

/** Options of a RunStore (tests give an in-memory owners registry). */
export interface RunStoreOptions {
  /** Who holds which run; Web Locks by default. */
  owners?: RunOwners;
}

/**
 * Fires 'change' when this tab or another saved a run's end or deleted one, and when the tab running a run
 * shown here as running elsewhere let go of it (finished, closed or crashed): views re-read.
 */
export class RunStore extends EventTarget {
  private readonly owners: RunOwners;
  /** Runs this tab works on, with the release of each one's lock. */
  private readonly live = new Map<string, () => void>();
  /** Runs this tab wrote: a later save finding one gone means another tab deleted it. */
  private readonly written = new Set<string>();
  private readonly watched = new Set<string>();
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly db: QuorumDatabase,
    options: RunStoreOptions = {},
  ) {
    super();
    this.owners = options.owners ?? defaultRunOwners();
    this.channel =
      typeof BroadcastChannel === 'undefined'
        ? null
        : new BroadcastChannel(`quorum-runs-changes:${db.name}`);
    if (this.channel) this.channel.onmessage = () => this.dispatchEvent(new Event('change'));
  }

  /** Marks a run as being worked on here, and holds its lock so every tab knows; `finish` ends it. */
  begin(id: string): void {
    if (!this.live.has(id)) this.live.set(id, this.owners.hold(id));
  }

  finish(id: string): void {
    this.live.get(id)?.();
    this.live.delete(id);
  }

  /**
   * Writes the run, unless another tab deleted it since this tab first wrote it: then nothing is
   * written and 'deleted' comes back. The check and the write are one transaction, so a deletion
   * in another tab comes wholly before or wholly after it.
   */
  async save(run: RunRecord): Promise<SaveOutcome> {
    const tx = this.db.transaction('runs', 'readwrite');
    const gone = this.written.has(run.id) && (await tx.store.getKey(run.id)) === undefined;
    if (!gone) void tx.store.put(run);
    await tx.done;
    if (gone) {
      this.finish(run.id);
      return 'deleted';
    }
    this.written.add(run.id);
    if (run.status !== 'running') {
      this.finish(run.id);
      this.announce();
    }
    return 'saved';
  }

  /** Newest first. */
  async list(): Promise<ListedRun[]> {
    const [runs, held] = await Promise.all([
      this.db.getAllFromIndex('runs', 'by-created'),
      this.owners.held(),
    ]);
    return runs.reverse().map((run) => this.settled(run, held));
  }

  async get(id: string): Promise<ListedRun | null> {
    const [run, held] = await Promise.all([this.db.get('runs', id), this.owners.held()]);
    return run ? this.settled(run, held) : null;
  }

  async delete(id: string): Promise<void> {
    this.finish(id);
    await this.db.delete('runs', id);
    this.announce();
  }

  /** Stops hearing other tabs; the store must not be used afterwards. */
  close(): void {
    this.channel?.close();
  }

  /**
   * Other tabs hear it on the channel, this tab's views from the store itself (a channel does not
   * deliver to its sender): a history page opened mid-run listed the run as running here.
   */
  private announce(): void {
    this.channel?.postMessage('changed');
    this.dispatchEvent(new Event('change'));
  }

  /**
   * A 'running' record is going on here, or in the tab holding its lock; one nobody holds was cut
   * off without a word (a tab the browser discarded or that crashed saves nothing on its way out; a
   * closed tab saves 'stopped') and is shown as interrupted with what it had saved, which is what
   * the visitor got.
   */
  private settled(run: RunRecord, held: ReadonlySet<string>): ListedRun {
    if (run.status !== 'running') return run;
    if (this.live.has(run.id)) return { ...run, runningIn: 'this-tab' };
    if (!held.has(run.id)) return { ...run, status: 'interrupted' };
    this.watchOwner(run.id);
    return { ...run, runningIn: 'another-tab' };
  }

  /** Once the other tab lets go of the run (its end is saved by then), the views re-read it. */
  private watchOwner(id: string): void {
    if (this.watched.has(id)) return;
    this.watched.add(id);
    void this.owners.released(id).then(() => {
      this.watched.delete(id);
      this.dispatchEvent(new Event('change'));
    });
  }
}
