// Text similarity for free-text answers: Jaccard over word unigrams and bigrams, pure and fast.
import { normalizeText } from './extract-answer.js';

function shingles(text: string): Set<string> {
  const words = normalizeText(text.slice(0, 20_000).replace(/\n/g, ' ')).split(' ').filter(Boolean);
  const set = new Set<string>(words);
  for (let i = 1; i < words.length; i += 1) set.add(`${words[i - 1]} ${words[i]}`);
  return set;
}

/** 1 for the same words in the same order, 0 for nothing in common. */
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Mean similarity of each text to all the others (0 when alone). */
export function centralityScores(texts: readonly string[]): number[] {
  const sets = texts.map(shingles);
  return sets.map((set, i) => {
    if (sets.length < 2) return 0;
    let sum = 0;
    sets.forEach((other, j) => {
      if (i !== j) sum += jaccard(set, other);
    });
    return sum / (sets.length - 1);
  });
}
