// Builds the studio prompt a catalog comparison links to, so a visitor can put its claims to local models.
import type { ComparisonPage } from './types.js';

/** Claims per tool quoted in the prompt: enough to argue over, short enough for a small context. */
const MAX_CLAIMS = 3;
const MAX_CLAIM_CHARS = 240;

const clip = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/**
 * The studio prompt a comparison links to: which of the two tools a developer should ship with and why,
 * with a few of the reviewers' claims (clipped) for the models to check rather than trust.
 */
export function comparisonPrompt(page: Pick<ComparisonPage, 'tools' | 'scorecard'>): string {
  const [a, b] = page.tools;
  const category =
    a.category === b.category && a.category ? ` for ${a.category.toLowerCase()}` : '';
  const claims = (side: 'a' | 'b', name: string): string[] =>
    page.scorecard
      .map((row) => row[side])
      .filter((quote) => quote.trim().length > 0)
      .slice(0, MAX_CLAIMS)
      .map((quote) => `- ${name}: "${clip(quote, MAX_CLAIM_CHARS)}"`);
  const quoted = [...claims('a', a.name), ...claims('b', b.name)];
  return [
    `Compare ${a.name} and ${b.name}${category}. Which should a developer ship with and why?`,
    ...(quoted.length > 0
      ? ['Claims from reviewers (check them, do not take them on trust):', ...quoted]
      : []),
  ].join('\n');
}

/** The studio URL with the prompt prefilled. */
export function studioUrlFor(page: Pick<ComparisonPage, 'tools' | 'scorecard'>): string {
  return `/studio?${new URLSearchParams({ prompt: comparisonPrompt(page) }).toString()}`;
}
