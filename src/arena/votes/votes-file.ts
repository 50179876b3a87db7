// The votes export format, `quorum-votes` version 1: reading it strictly and writing it exactly.
import { VOTE_SOURCES, VOTE_WINNERS, type Vote } from '../rating/vote.js';

export const VOTES_FORMAT = 'quorum-votes';
export const VOTES_VERSION = 1;
/** A bigger file is refused before it is read: 200,000 votes with long prompts fit well under it. */
export const MAX_VOTES_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_VOTES = 200_000;
const MAX_ID_LENGTH = 200;
const MAX_PROMPT_LENGTH = 100_000;
const MAX_LENGTH = 1_000_000_000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface VotesFile {
  format: typeof VOTES_FORMAT;
  version: typeof VOTES_VERSION;
  votes: Vote[];
}

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
 * Reads a votes file. All or nothing: the first malformed vote makes the whole file refused, with
 * a message naming it by its index (0-based, as in the file's array) and the field at fault.
 * Times are normalised to `Date.prototype.toISOString` so the same instant de-duplicates; fields
 * the format does not define are ignored.
 */
export function parseVotesFile(text: string): ParseVotesResult {
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
    const vote = readVote(raw);
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

/** The vote, or what is wrong with it. */
function readVote(raw: unknown): Vote | string {
  if (!isObject(raw)) return 'each vote must be an object.';
  const { a, b, winner, source, at, prompt, lengthA, lengthB } = raw;
  for (const [name, id] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) {
      return `"${name}" must be a model id (text of 1 to ${MAX_ID_LENGTH} characters).`;
    }
  }
  if (a === b) return '"a" and "b" must be two different models.';
  if (!VOTE_WINNERS.includes(winner as never)) {
    return `"winner" must be "a", "b", "tie" or "both-bad".`;
  }
  if (!VOTE_SOURCES.includes(source as never)) return `"source" must be "human" or "judge".`;
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    return '"at" must be an ISO 8601 time, e.g. "2026-11-27T10:00:00.000Z".';
  }
  const vote: Vote = {
    a: a as string,
    b: b as string,
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
