// Markdown as the words a reader sees, for one-line previews: markers gone, symbols in the text kept.
import { Marked, type Token, type Tokens } from 'marked';
import { DIGIT_PRODUCTS } from './digit-products.js';
import { withoutCalculatorNotes } from '../../shared/calculator-notes.js';

/** The same rules the app's renderer uses (GFM, single newlines as breaks, products of numbers kept). */
const marked = new Marked({ gfm: true, breaks: true, ...DIGIT_PRODUCTS });

/**
 * The text a reader sees when `markdown` is rendered, on one line: emphasis, heading, quote, list
 * and table markers are dropped by marked's lexer (the one the app renders with), while a `*`,
 * `_`, `#`, `>` or `|` that is part of the text ("17 * 23", "a_b", "C#") stays. Code keeps its
 * text, a link its label, an image its description; blocks are joined by single spaces. Pure
 * (no DOM): marked's lexer only.
 */
export function markdownPlainText(markdown: string): string {
  return words(marked.lexer(withoutCalculatorNotes(markdown)))
    .replace(/\s+/g, ' ')
    .trim();
}

function words(tokens: readonly Token[]): string {
  return tokens.map(wordsOf).join(' ');
}

function wordsOf(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'br':
      return ' ';
    case 'code':
    case 'codespan':
    case 'escape':
    case 'html':
      return (token as Tokens.Generic).text as string;
    case 'image':
      return (token as Tokens.Image).text;
    case 'list':
      return (token as Tokens.List).items.map((item) => words(item.tokens)).join(' ');
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows]
        .flatMap((row) => row.map((cell) => words(cell.tokens)))
        .join(' ');
    }
    default: {
      const { tokens: children, text } = token as Tokens.Generic;
      if (children) return inline(children);
      return typeof text === 'string' ? text : '';
    }
  }
}

/** Inline tokens sit side by side ("**17** * 23"): joined without added spaces. */
function inline(tokens: readonly Token[]): string {
  return tokens.map(wordsOf).join('');
}
