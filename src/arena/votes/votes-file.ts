// The votes export format, `quorum-votes` version 1: reading it strictly and writing it exactly.
import { VOTE_SOURCES, VOTE_WINNERS, type Vote } from '../rating/vote.js';

/** The votes file's format name; a contract. */
export const VOTES_FORMAT = 'quorum-votes';
/** The votes file's shape version. */
export const VOTES_VERSION = 1;
/** A bigger file is refused before it is read: 200,000 votes with long prompts fit well under it. */
export const MAX_VOTES_FILE_BYTES = 50 * 1024 * 1024;
/** The most votes a file may hold; more and the file is refused. */
export const MAX_VOTES = 200_000;
const MAX_ID_LENGTH = 200;
const MAX_PROMPT_LENGTH = 100_000;
const MAX_LENGTH = 1_000_000_000;
/**
 * How far ahead of this device's clock a vote's time may be, as for the catalog's exports
 * (catalog/parse/parse-catalog-export.ts): another device's clock can be a little fast, but a vote
 * from the year 9999 would sort after every real one (vote ids begin with the time) and pass for the
 * newest vote (issue 13, "Also").
 */
export const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Characters no one types in a model id and that show as nothing or reorder text (controls, zero-width
 * and bidirectional marks, the byte-order mark): with them "m1" could be stored as two models that
 * look the same on the leaderboard, so an id holding one is refused.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A votes file's content. */
export interface VotesFile {
  format: typeof VOTES_FORMAT;
  version: typeof VOTES_VERSION;
  votes: Vote[];
}

/** The votes a file holds, or the message naming what is wrong. */
export type ParseVotesResult = { ok: true; votes: Vote[] } | { ok: false; message: string };

/** The export of `votes`, in the order given. */
export function toVotesFile(votes: readonly Vote[]): VotesFile {
  return {
    format: VOTES_FORMAT,
    version: VOTES_VERSION,
    votes: votes.map((v) => {
      const out: Vote = { a: v.a, b: v.b, winner: v.winner, source: v.source, at: v.at };
      if (v.prompt !== undefined) out.prompt = v.prompt;
      if (v.lengthA !== undefined) out.lengthA = v.lengthA;
      if (v.lengthB !== undefined) out.lengthB = v.lengthB;
      return out;
    }),
  };
}

/**
 * The one spelling of a model id: Unicode NFKC (full-width "ｍ１" is "m1"), surrounding white space
 * removed and inner runs of it made one space. Ids that differ only so are one model, merged rather
 * than refused: a stray space from hand editing or a spreadsheet must not split a model's votes in
 * two, nor cost the visitor the whole file. Look-alikes from other scripts (Cyrillic "м") stay apart.
 */
export function normaliseModelId(id: string): string {
  return id.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * Reads a votes file. All or nothing: the first malformed vote makes the whole file refused, with
 * a message naming it by its index (0-based, as in the file's array) and the field at fault.
 * Times are normalised to `Date.prototype.toISOString` so the same instant de-duplicates, and must
 * be no later than `now` (ms since the epoch) plus CLOCK_SKEW_MS; model ids are normalised
 * (normaliseModelId) and refused when they hold invisible characters; fields the format does not
 * define are ignored.
 */
export function parseVotesFile(text: string, now: number = Date.now()): ParseVotesResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`The file is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObject(data) || data.format !== VOTES_FORMAT) {
    return fail(`This is not a Quorum votes file: "format" must be "${VOTES_FORMAT}".`);
  }
  if (data.version !== VOTES_VERSION) {
    return fail(
      `This votes file is version ${JSON.stringify(data.version)}; this Quorum reads version ${VOTES_VERSION}.`,
    );
  }
  if (!Array.isArray(data.votes)) return fail('"votes" must be a list of votes.');
  if (data.votes.length > MAX_VOTES) {
    return fail(
      `The file holds ${data.votes.length} votes; at most ${MAX_VOTES} can be imported at once.`,
    );
  }
  const votes: Vote[] = [];
  for (const [index, raw] of (data.votes as unknown[]).entries()) {
    const vote = readVote(raw, now + CLOCK_SKEW_MS);
    if (typeof vote === 'string') return fail(`Vote ${index}: ${vote} Nothing was imported.`);
    votes.push(vote);
  }
  return { ok: true, votes };
}

function fail(message: string): ParseVotesResult {
  return { ok: false, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The vote, or what is wrong with it; `latest`: the latest time accepted, in ms since the epoch. */
function readVote(raw: unknown, latest: number): Vote | string {
  if (!isObject(raw)) return 'each vote must be an object.';
  const { winner, source, at, prompt, lengthA, lengthB } = raw;
  const ids: string[] = [];
  for (const [name, given] of [
    ['a', raw.a],
    ['b', raw.b],
  ] as const) {
    const id = typeof given === 'string' ? normaliseModelId(given) : '';
    if (id === '' || id.length > MAX_ID_LENGTH) {
      return `"${name}" must be a model id (text of 1 to ${MAX_ID_LENGTH} characters).`;
    }
    if (INVISIBLE.test(id)) {
      return `"${name}" holds an invisible or control character (${codePoint(id)}), which would make a model that looks like another.`;
    }
    ids.push(id);
  }
  const [a, b] = ids as [string, string];
  if (a === b) return '"a" and "b" must be two different models.';
  if (!VOTE_WINNERS.includes(winner as never)) {
    return `"winner" must be "a", "b", "tie" or "both-bad".`;
  }
  if (!VOTE_SOURCES.includes(source as never)) return `"source" must be "human" or "judge".`;
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    return '"at" must be an ISO 8601 time, e.g. "2026-11-27T10:00:00.000Z".';
  }
  if (Date.parse(at) > latest) {
    return `"at" is in the future (${new Date(at).toISOString()}); a vote cannot have been cast later than now.`;
  }
  const vote: Vote = {
    a,
    b,
    winner: winner as Vote['winner'],
    source: source as Vote['source'],
    at: new Date(at).toISOString(),
  };
  if (prompt !== undefined) {
    if (typeof prompt !== 'string' || prompt.length > MAX_PROMPT_LENGTH) {
      return `"prompt" must be text of at most ${MAX_PROMPT_LENGTH} characters.`;
    }
    vote.prompt = prompt;
  }
  for (const [name, value] of [
    ['lengthA', lengthA],
    ['lengthB', lengthB],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LENGTH) {
      return `"${name}" must be a whole number of characters (0 or more).`;
    }
    vote[name] = value;
  }
  return vote;
}

/** The first invisible character of `id`, as U+XXXX. */
function codePoint(id: string): string {
  const found = INVISIBLE.exec(id)?.[0] ?? '';
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
