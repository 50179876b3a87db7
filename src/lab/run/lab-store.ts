// The lab's records in IndexedDB: runs, answers written as they finish, deletion, and modelStats kept in step.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { LabAnswerRecord, LabRunRecord } from './lab-records.js';

/** Every run, newest first. */
export async function listRuns(db: QuorumDatabase): Promise<LabRunRecord[]> {
  return (await db.getAllFromIndex('labRuns', 'by-created')).reverse();
}

export function readRun(db: QuorumDatabase, id: string): Promise<LabRunRecord | undefined> {
  return db.get('labRuns', id);
}

export function readAnswers(db: QuorumDatabase, runId: string): Promise<LabAnswerRecord[]> {
  return db.getAllFromIndex('labAnswers', 'by-run', runId);
}

export async function saveRun(db: QuorumDatabase, run: LabRunRecord): Promise<void> {
  await db.put('labRuns', run);
}

/**
 * Writes answers as they finish: each is put as soon as the transaction before it has committed,
 * all waiting ones together, so a fast run costs one transaction per batch rather than per answer
 * and a reload loses at most the answers of the transaction in flight.
 */
export class AnswerWriter {
  private readonly waiting: LabAnswerRecord[] = [];
  private writing: Promise<void> | null = null;
  /** The first failed write (storage full, …); later writes are refused with it. */
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

/** Marks a run done with its single models' scores, and adds them to modelStats (vote's tie-break). */
export async function finishRun(
  db: QuorumDatabase,
  run: LabRunRecord,
  scores: NonNullable<LabRunRecord['scores']>,
  now = Date.now(),
): Promise<LabRunRecord> {
  const done: LabRunRecord = { ...run, status: 'done', updatedAt: now, scores };
  const tx = db.transaction(['labRuns', 'modelStats'], 'readwrite');
  const runs = (await tx.objectStore('labRuns').getAll()).filter((r) => r.id !== run.id);
  await Promise.all([
    tx.objectStore('labRuns').put(done),
    ...restatedModels([...runs, done], run, now).map((write) =>
      write.total === 0
        ? tx.objectStore('modelStats').delete(write.modelId)
        : tx.objectStore('modelStats').put(write),
    ),
    tx.done,
  ]);
  return done;
}

/** Deletes a run and every answer of it in one transaction; modelStats loses the run's scores. */
export async function deleteRun(
  db: QuorumDatabase,
  runId: string,
  now = Date.now(),
): Promise<void> {
  const tx = db.transaction(['labRuns', 'labAnswers', 'modelStats'], 'readwrite');
  const runs = await tx.objectStore('labRuns').getAll();
  const run = runs.find((r) => r.id === runId);
  const kept = runs.filter((r) => r.id !== runId);
  await Promise.all([
    tx.objectStore('labRuns').delete(runId),
    // Keys are [runId, position, answerer]: an array sorts after every number, so this is all of the run.
    tx.objectStore('labAnswers').delete(IDBKeyRange.bound([runId], [runId, []])),
    ...(run ? restatedModels(kept, run, now) : []).map((write) =>
      write.total === 0
        ? tx.objectStore('modelStats').delete(write.modelId)
        : tx.objectStore('modelStats').put(write),
    ),
    tx.done,
  ]);
}

/**
 * The modelStats records of `changed`'s pool restated from the finished runs: each model's right
 * answers and questions summed over every done run it took part in (total 0: no run left).
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
      if (run.status !== 'done') continue;
      const score = run.scores?.find((s) => s.id === id);
      correct += score?.correct ?? 0;
      total += score?.total ?? 0;
    }
    return { modelId: id, correct, total, updatedAt: now };
  });
}
