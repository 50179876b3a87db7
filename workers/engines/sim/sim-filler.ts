// Generic filler for questions the simulated engine cannot check: a short paragraph, or a long text of a set length.
import { pick, type Random } from '../prng.js';
import { simTokens } from './sim-tokens.js';

const OPENINGS = [
  'Here is a general take on',
  'A brief, generic reply about',
  'Some general thoughts on',
] as const;
const MIDDLES = [
  'It helps to separate what is known from what is assumed.',
  'The details depend on context that the question leaves open.',
  'A careful answer would weigh a few trade-offs first.',
  'Breaking it into smaller parts usually makes it clearer.',
  'Examples tend to make the main point easier to follow.',
] as const;
/** Only long answers use these, so short answers stay what they were for a given seed. */
const MORE_MIDDLES = [
  ...MIDDLES,
  'Each choice has costs that only show up later.',
  'Measuring before changing anything avoids guesswork.',
  'The simplest option is often good enough to start with.',
] as const;
const POINTS = [
  'start small and measure',
  'write down what was assumed',
  'compare at least two options',
  'check the result against a known case',
  'keep what works, drop the rest',
] as const;
const CLOSINGS = [
  'This is simulated filler text, not a real answer.',
  'Treat this as placeholder text from the simulated engine.',
] as const;

/**
 * Without `tokens`, a short paragraph of 2–4 generic sentences. With it, paragraphs and bullet lists
 * (so the markdown view has structure to render) cut to exactly that many tokens, ending with the
 * note that it is simulated whenever there is room for it.
 */
export function composeFiller(prompt: string, random: Random, tokens?: number): string {
  const topic = prompt.trim().replace(/\s+/g, ' ').slice(0, 80) || 'this';
  const keywords = [...new Set(prompt.toLowerCase().match(/[a-z]{6,}/g) ?? [])].slice(0, 3);
  const opening = `${pick(random, OPENINGS)} “${topic}”.`;
  if (tokens === undefined) {
    const sentences = [opening];
    const count = 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) sentences.push(pick(random, MIDDLES));
    if (keywords.length > 0) sentences.push(`Key terms here: ${keywords.join(', ')}.`);
    sentences.push(pick(random, CLOSINGS));
    return sentences.join(' ');
  }
  const closing = pick(random, CLOSINGS);
  return longFiller(opening, closing, keywords, random, Math.max(0, Math.floor(tokens)));
}

function longFiller(
  opening: string,
  closing: string,
  keywords: readonly string[],
  random: Random,
  tokens: number,
): string {
  const closingTokens = simTokens(`\n\n${closing}`).length;
  const bodyTokens = tokens > closingTokens * 2 ? tokens - closingTokens : tokens;
  const parts = [opening];
  let count = simTokens(opening).length;
  while (count < bodyTokens) {
    const part = random() < 0.25 ? bulletList(random, keywords) : paragraph(random);
    parts.push(part);
    count += simTokens(`\n\n${part}`).length;
  }
  const body = simTokens(parts.join('\n\n')).slice(0, bodyTokens).join('');
  return bodyTokens < tokens ? `${body}\n\n${closing}` : body;
}

function paragraph(random: Random): string {
  const count = 3 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => pick(random, MORE_MIDDLES)).join(' ');
}

function bulletList(random: Random, keywords: readonly string[]): string {
  const count = 3 + Math.floor(random() * 3);
  return Array.from({ length: count }, (_, i) => {
    const keyword = keywords[i % Math.max(1, keywords.length)];
    return `- ${pick(random, POINTS)}${keyword ? ` (${keyword})` : ''}`;
  }).join('\n');
}
