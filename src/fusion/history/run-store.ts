// The `runs` store: save, list, get and delete fusion runs; a run no tab is finishing reads as stopped.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { RunRecord } from './run-record.js';

export class RunStore {
  /** Runs this tab is still working on: only these may read as 'running'. */
  private readonly live = new Set<string>();

  constructor(private readonly db: QuorumDatabase) {}

  /** Marks a run as being worked on here; `finish` (or a saved final status) ends that. */
  begin(id: string): void {
    this.live.add(id);
  }

  finish(id: string): void {
    this.live.delete(id);
  }

  async save(run: RunRecord): Promise<void> {
    if (run.status !== 'running') this.live.delete(run.id);
    await this.db.put('runs', run);
  }

  /** Newest first. */
  async list(): Promise<RunRecord[]> {
    const runs = await this.db.getAllFromIndex('runs', 'by-created');
    return runs.reverse().map((run) => this.settled(run));
  }

  async get(id: string): Promise<RunRecord | null> {
    const run = await this.db.get('runs', id);
    return run ? this.settled(run) : null;
  }

  async delete(id: string): Promise<void> {
    this.live.delete(id);
    await this.db.delete('runs', id);
  }

  /**
   * A 'running' record nobody here is finishing was cut short (tab closed, crash): it is shown as
   * stopped with what it had saved, which is what the visitor got.
   */
  private settled(run: RunRecord): RunRecord {
    if (run.status !== 'running' || this.live.has(run.id)) return run;
    return { ...run, status: 'stopped' };
  }
}
