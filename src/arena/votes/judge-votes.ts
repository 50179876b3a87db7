// The pairwise verdicts best-of runs already produced, as `judge` votes kept beside the human ones.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { RunRecord } from '../../fusion/history/run-record.js';
import type { Vote } from '../rating/vote.js';
import { addVotes, type AddedVotes } from './vote-store.js';

/**
 * One judge vote per decided pair of a finished best-of run: a win that held in both orders, or a
 * tie (which includes verdicts that flipped with the order). Left out: pairs with no readable
 * verdict, pairs the judge wrote an answer of (self-preference, Zheng et al. 2023, arXiv 2306.05685)
 * and a model against itself. The vote's time is the run's end, so the same run always gives the
 * same votes (and the same ids).
 */
export function judgeVotesOfRun(run: RunRecord): Vote[] {
  const trace = run.trace;
  if (trace?.mode !== 'best-of' || run.finishedAt === null) return [];
  const author = new Map(trace.candidates.map((c) => [c.label, c]));
  const at = new Date(run.finishedAt).toISOString();
  const votes: Vote[] = [];
  for (const pair of trace.pairs) {
    const a = author.get(pair.a);
    const b = author.get(pair.b);
    if (!a || !b || pair.outcome === 'no-verdict' || pair.selfJudged) continue;
    if (a.memberId === b.memberId) continue;
    const winner = pair.outcome === 'tie' ? 'tie' : pair.winner === pair.a ? 'a' : 'b';
    votes.push({
      a: a.memberId,
      b: b.memberId,
      winner,
      source: 'judge',
      at,
      prompt: run.prompt,
      lengthA: a.text.length,
      lengthB: b.text.length,
    });
  }
  return votes;
}

/** Stores the judge votes of every finished best-of run not stored yet (their ids make it idempotent). */
export async function syncJudgeVotes(db: QuorumDatabase): Promise<AddedVotes> {
  const votes: Vote[] = [];
  let cursor = await db.transaction('runs').store.openCursor();
  while (cursor) {
    if (cursor.value.mode === 'best-of') votes.push(...judgeVotesOfRun(cursor.value));
    cursor = await cursor.continue();
  }
  return votes.length > 0 ? addVotes(db, votes) : { added: 0, duplicates: 0 };
}
