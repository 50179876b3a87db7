// Pure: which battle comes next (the pair, and for recorded contestants the GSM8K problem they answered).
import { seededRandom, seededShuffle } from '../../shared/prng.js';
import { battleStats, informativeness, pickInformativePair } from '../rating/pair-selection.js';
import { pointRatings } from '../rating/point-ratings.js';
import type { Vote } from '../rating/vote.js';

/**
 * Who battles: models answering here and now (downloaded, simulated), or the lab's recorded GSM8K
 * models replaying their real answers. Never one of each: a recorded answer is labelled as such
 * before the vote, so beside a live one it would say which model is which.
 */
export type Contestants = 'live' | 'recorded';

/**
 * The contestants a battle starts with: `asked` (the URL's `contestants`) when that group has two
 * models; the recorded ones when the pair asked for (`a`, `b`) is recorded, or when fewer than two
 * live models are on offer (a visitor with nothing downloaded can still battle); else live.
 */
export function initialContestants(
  counts: { live: number; recorded: number },
  asked: string | null,
  pairRecorded: boolean,
): Contestants {
  if (asked === 'recorded' && counts.recorded >= 2) return 'recorded';
  if (asked === 'live' && counts.live >= 2) return 'live';
  if (pairRecorded && counts.recorded >= 2) return 'recorded';
  return counts.live < 2 && counts.recorded >= 2 ? 'recorded' : 'live';
}

/**
 * The pair of a battle among `ids` (one contestant group): the pair asked for (`asked`, on the first
 * battle only: a run page's link) when both are among `ids`, else the most informative pair given
 * the human votes (few battles, close ratings; ties broken by `seed`), between models of the same
 * `kindOf`: a simulated model is labelled Simulated before the vote, so beside a model answering
 * for real it would say which is which. Null when no kind has two models.
 */
export function planPair(
  ids: readonly string[],
  asked: readonly [string | null, string | null] | null,
  votes: readonly Vote[],
  seed: number,
  kindOf: (id: string) => string = () => '',
): [string, string] | null {
  const [a, b] = asked ?? [null, null];
  if (a && b && a !== b && ids.includes(a) && ids.includes(b)) return [a, b];
  const human = votes.filter((v) => v.source === 'human');
  const ratings = pointRatings(human, { source: 'human', excludeBothBad: false });
  const stats = battleStats(human);
  const random = seededRandom(seed);
  const kinds = new Map<string, string[]>();
  for (const id of ids) kinds.set(kindOf(id), [...(kinds.get(kindOf(id)) ?? []), id]);
  let best: [string, string] | null = null;
  let bestScore = -1;
  for (const group of kinds.values()) {
    const pair = pickInformativePair(group, stats, ratings, random);
    if (!pair) continue;
    const score = informativeness(pair[0], pair[1], stats, ratings);
    const tie = best !== null && Math.abs(score - bestScore) <= 1e-9 * bestScore;
    if ((!tie && score > bestScore) || (tie && random() < 0.5)) [best, bestScore] = [pair, score];
  }
  return best;
}

/**
 * The contestants `planPair` never picks unless a link asks for them: each the only one of its
 * `kindOf` while other kinds are on offer (one remote model among simulated ones), in `ids` order.
 */
export function loneContestants(ids: readonly string[], kindOf: (id: string) => string): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(kindOf(id), (counts.get(kindOf(id)) ?? 0) + 1);
  if (counts.size < 2) return [];
  return ids.filter((id) => counts.get(kindOf(id)) === 1);
}

/**
 * The problems every one of `columns` answered, from GSM8K's recorded solutions (one JSON object a
 * line: `question`, and per model column `{ solution, is_correct }`), in file order. Lines that are
 * blank, not JSON or missing a column's solution are left out, never thrown on.
 */
export function recordedProblems(text: string, columns: readonly string[]): string[] {
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const answered = columns.every((column) => {
      const cell = row[column] as { solution?: unknown } | null | undefined;
      return typeof cell?.solution === 'string';
    });
    if (typeof row.question === 'string' && row.question.trim() && answered)
      problems.push(row.question);
  }
  return problems;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The recorded problem `prompt` is (whitespace aside: GSM8K has double spaces), as the recording
 * spells it; null when it is none of them (a recorded model has no answer to anything else).
 */
export function findProblem(prompt: string, problems: readonly string[]): string | null {
  const asked = normalize(prompt);
  return problems.find((p) => normalize(p) === asked) ?? null;
}

/** The problem a recorded battle uses when none was picked: one of `problems`, chosen by `seed`. */
export function problemFor(problems: readonly string[], seed: number): string | null {
  if (problems.length === 0) return null;
  return problems[Math.floor(seededRandom(seed)() * problems.length)]!;
}

/** `count` of `problems` for the prompt list (1,319 are too many to offer), chosen by `seed`. */
export function problemsOffered(
  problems: readonly string[],
  count: number,
  seed: number,
): string[] {
  const order = seededShuffle(
    problems.map((_, i) => i),
    seed,
  );
  return order
    .slice(0, count)
    .sort((x, y) => x - y)
    .map((i) => problems[i]!);
}
