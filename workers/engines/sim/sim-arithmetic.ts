// Finds and evaluates the first arithmetic expression in a text, for the simulated engine's checkable answers.

/** An arithmetic expression found in a question, and its value. */
export interface Arithmetic {
  /** The expression as the simulated model writes it back. */
  expression: string;
  value: number;
}

const WORDS: readonly [RegExp, string][] = [
  [/\bmultiplied by\b|\btimes\b/gi, '*'],
  [/\bdivided by\b/gi, '/'],
  [/\bplus\b/gi, '+'],
  [/\bminus\b/gi, '-'],
  [/(\d)\s*[x×]\s*(?=[\d(])/g, '$1 * '],
  [/÷/g, '/'],
  [/−/g, '-'],
];

const CANDIDATE = /[\d(][\d\s+\-*/().]*[\d)]/g;

/** The first expression with at least one operator that evaluates to a finite number. */
export function findArithmetic(text: string): Arithmetic | null {
  let normalized = text;
  for (const [pattern, replacement] of WORDS) normalized = normalized.replace(pattern, replacement);
  for (const match of normalized.matchAll(CANDIDATE)) {
    const expression = match[0].trim();
    if (!/\d\s*[-+*/]\s*[\d(-]/.test(expression)) continue;
    const value = evaluate(expression);
    if (value !== null) return { expression: expression.replace(/\s+/g, ' '), value };
  }
  return null;
}

/** Rounds to at most 4 decimals and prints without trailing zeros. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** A tiny recursive-descent evaluator for + - * / and parentheses; null when malformed. */
export function evaluate(expression: string): number | null {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];

  const primary = (): number | null => {
    const token = tokens[position++];
    if (token === undefined) return null;
    if (token === '-') {
      const inner = primary();
      return inner === null ? null : -inner;
    }
    if (token === '(') {
      const inner = sum();
      return tokens[position++] === ')' ? inner : null;
    }
    const number = Number(token);
    return Number.isFinite(number) ? number : null;
  };
  const product = (): number | null => {
    let left = primary();
    while (left !== null && (peek() === '*' || peek() === '/')) {
      const operator = tokens[position++];
      const right = primary();
      if (right === null || (operator === '/' && right === 0)) return null;
      left = operator === '*' ? left * right : left / right;
    }
    return left;
  };
  const sum = (): number | null => {
    let left = product();
    while (left !== null && (peek() === '+' || peek() === '-')) {
      const operator = tokens[position++];
      const right = product();
      if (right === null) return null;
      left = operator === '+' ? left + right : left - right;
    }
    return left;
  };

  const value = sum();
  return value !== null && position === tokens.length && Number.isFinite(value) ? value : null;
}
