// Text cut short for reading: whitespace runs made single spaces, long text cut at a word with an ellipsis.

/** Longest excerpt by default, in characters: a trace's tally cell. */
export const EXCERPT_CHARS = 60;

/**
 * `text` on one line (whitespace runs become single spaces, ends trimmed); when longer than `max`
 * characters, cut at the last word boundary past half of `max` (mid-word when there is none),
 * trailing punctuation dropped, and an ellipsis added. Short text is returned whole.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
