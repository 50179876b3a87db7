// The lab's records in IndexedDB: runs, answers written as they finish, the visitor's task sets and recordings.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { LabSummaries, LabSummary } from '../../fusion/measure/lab-summary.js';
import type { RecordingRecord } from '../../models/list/recorded-models.js';
import { everyAnswerFailed } from '../results/run-status.js';
import type { LabAnswerRecord, LabRunRecord, LabTaskSetRecord } from './lab-records.js';

/**
 * Every read and write of the lab, on the app's one database connection (the shell provides it).
 * A finished or deleted run also restates `modelStats`, which vote reads to break ties: each model's
 * right answers and questions summed over every finished lab run it took part in.
 */
export class LabStore implements LabSummaries {
  constructor(private readonly db: QuorumDatabase) {}

  /** Every run, newest first. */
  async listRuns(): Promise<LabRunRecord[]> {
    return (await this.db.getAllFromIndex('labRuns', 'by-created')).reverse();
  }

  readRun(id: string): Promise<LabRunRecord | undefined> {
    return this.db.get('labRuns', id);
  }

  readAnswers(runId: string): Promise<LabAnswerRecord[]> {
    return this.db.getAllFromIndex('labAnswers', 'by-run', runId);
  }

  async saveRun(run: LabRunRecord): Promise<void> {
    await this.db.put('labRuns', run);
  }

  /** A writer for one run's answers; `onFailure` hears of the first write that failed. */
  writer(onFailure?: (error: unknown) => void): AnswerWriter {
    return new AnswerWriter(this.db, onFailure);
  }

  /**
   * Marks a run done with its results (single models' scores, verdicts, questions answered, and
   * failed answers when counted) and restates modelStats, in one transaction.
   */
  async finishRun(
    run: LabRunRecord,
    results: Required<Pick<LabRunRecord, 'scores' | 'verdicts' | 'answered'>> &
      Pick<LabRunRecord, 'failures'>,
    now = Date.now(),
  ): Promise<LabRunRecord> {
    const done: LabRunRecord = { ...run, ...results, status: 'done', updatedAt: now };
    const tx = this.db.transaction(['labRuns', 'modelStats'], 'readwrite');
    const runs = (await tx.objectStore('labRuns').getAll()).filter((r) => r.id !== run.id);
    await Promise.all([
      tx.objectStore('labRuns').put(done),
      ...restatedModels([...runs, done], run, now).map((stats) =>
        stats.total === 0
          ? tx.objectStore('modelStats').delete(stats.modelId)
          : tx.objectStore('modelStats').put(stats),
      ),
      tx.done,
    ]);
    return done;
  }

  /** Deletes a run and every answer of it in one transaction; modelStats loses the run's scores. */
  async deleteRun(runId: string, now = Date.now()): Promise<void> {
    const tx = this.db.transaction(['labRuns', 'labAnswers', 'modelStats'], 'readwrite');
    const runs = await tx.objectStore('labRuns').getAll();
    const run = runs.find((r) => r.id === runId);
    const kept = runs.filter((r) => r.id !== runId);
    await Promise.all([
      tx.objectStore('labRuns').delete(runId),
      // Keys are [runId, position, answerer]: an array sorts after every number, so this is all of the run.
      tx.objectStore('labAnswers').delete(IDBKeyRange.bound([runId], [runId, []])),
      ...(run ? restatedModels(kept, run, now) : []).map((stats) =>
        stats.total === 0
          ? tx.objectStore('modelStats').delete(stats.modelId)
          : tx.objectStore('modelStats').put(stats),
      ),
      tx.done,
    ]);
  }

  async latestCovering(poolIds: readonly string[]): Promise<LabSummary | null> {
    if (poolIds.length === 0) return null;
    const runs = await this.listRuns();
    const run = runs.find(
      (r) =>
        r.status === 'done' &&
        (r.verdicts?.length ?? 0) > 0 &&
        // A run whose every answer failed measured nothing: its verdicts would only mislead.
        !everyAnswerFailed(r.failures) &&
        poolIds.every((id) => r.pool.some((m) => m.id === id)),
    );
    if (!run) return null;
    return {
      runId: run.id,
      taskSetName: run.taskSet.name,
      questions: run.answered ?? run.questions.length,
      finishedAt: run.updatedAt,
      verdicts: run.verdicts ?? [],
    };
  }

  ownTaskSets(): Promise<LabTaskSetRecord[]> {
    return this.db.getAll('labTaskSets');
  }

  ownTaskSet(id: string): Promise<LabTaskSetRecord | undefined> {
    return this.db.get('labTaskSets', id);
  }

  async saveTaskSet(record: LabTaskSetRecord): Promise<void> {
    await this.db.put('labTaskSets', record);
  }

  /** An imported recording; the model registry reads them to offer their models. */
  async saveRecording(record: RecordingRecord): Promise<void> {
    await this.db.put('recordings', record);
  }
}

/**
 * Writes answers as they finish: each is put as soon as the transaction before it has committed,
 * all waiting ones together, so a fast run costs one transaction per batch rather than per answer
 * and a reload loses at most the answers of the transaction in flight.
 */
export class AnswerWriter {
  private readonly waiting: LabAnswerRecord[] = [];
  private writing: Promise<void> | null = null;
  /** The first failed write (storage full, …); later answers are refused with it. */
  failure: unknown = null;

  constructor(
    private readonly db: QuorumDatabase,
    private readonly onFailure: (error: unknown) => void = () => {},
  ) {}

  add(answer: LabAnswerRecord): void {
    if (this.failure !== null) return;
    this.waiting.push(answer);
    this.writing ??= this.writeAll();
  }

  /** Resolves once every answer added so far is stored; rejects with the write's error if one failed. */
  async drain(): Promise<void> {
    await this.writing;
    if (this.failure !== null) throw this.failure;
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        const tx = this.db.transaction('labAnswers', 'readwrite');
        await Promise.all([...batch.map((answer) => tx.store.put(answer)), tx.done]);
      }
    } catch (error) {
      this.failure = error;
      this.waiting.length = 0;
      this.onFailure(error);
    } finally {
      this.writing = null;
    }
  }
}

/**
 * The modelStats records of `changed`'s pool restated from the finished runs: each model's right
 * answers and questions summed over every done run it took part in that measured something (total 0:
 * no such run left).
 */
function restatedModels(
  runs: readonly LabRunRecord[],
  changed: LabRunRecord,
  now: number,
): { modelId: string; correct: number; total: number; updatedAt: number }[] {
  return changed.pool.map(({ id }) => {
    let correct = 0;
    let total = 0;
    for (const run of runs) {
      // A run whose every answer failed measured nothing: its 0-of-N scores would only sink its models in Vote's tie-breaks.
      if (run.status !== 'done' || everyAnswerFailed(run.failures)) continue;
      const score = run.scores?.find((s) => s.id === id);
      correct += score?.correct ?? 0;
      total += score?.total ?? 0;
    }
    return { modelId: id, correct, total, updatedAt: now };
  });
}
