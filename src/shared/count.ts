// Pure: a count and its noun in the right number ("1 token", "2 tokens", "≈1 token"), the one way the app writes counts.

const rules = new Intl.PluralRules('en');

/**
 * `count` followed by `one` or `other` as English plural rules pick (Intl.PluralRules): "1 token",
 * "0 tokens", "2 tokens". `other` defaults to `one` + "s"; give it for irregular nouns. The count is
 * written as given (no grouping), so a figure reads the same in tables and sentences.
 */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
