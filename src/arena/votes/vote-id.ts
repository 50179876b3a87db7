// The identity of a vote: the same fields give the same id, so importing a file twice stores it once.
import type { Vote } from '../rating/vote.js';
import type { VoteRecord } from './vote-record.js';

/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash. Two different votes share an id only if
 * they share the time stamp and collide in 53 bits, so de-duplication cannot drop a real vote in practice.
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `<at>|<hash>`: ids sort by time, and equal votes (every exported field equal) get equal ids. */
export function voteId(vote: Vote): string {
  const fields = [
    vote.a,
    vote.b,
    vote.winner,
    vote.source,
    vote.at,
    vote.prompt ?? null,
    vote.lengthA ?? null,
    vote.lengthB ?? null,
  ];
  return `${vote.at}|${cyrb53(JSON.stringify(fields)).toString(36)}`;
}

/** The vote with its id, and only the fields the format defines. */
export function toVoteRecord(vote: Vote): VoteRecord {
  const record: VoteRecord = {
    id: voteId(vote),
    a: vote.a,
    b: vote.b,
    winner: vote.winner,
    source: vote.source,
    at: vote.at,
  };
  if (vote.prompt !== undefined) record.prompt = vote.prompt;
  if (vote.lengthA !== undefined) record.lengthA = vote.lengthA;
  if (vote.lengthB !== undefined) record.lengthB = vote.lengthB;
  return record;
}
