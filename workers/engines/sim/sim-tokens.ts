// How the simulated engine cuts text into tokens: word-like pieces whose concatenation is the text.

/** Splits text into word-like tokens whose concatenation is the text. */
export function simTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}
