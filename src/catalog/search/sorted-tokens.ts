// The index's vocabulary kept sorted, so the tokens sharing a prefix form one contiguous range.

/** The index's vocabulary, sorted (new tokens merged in lazily), so tokens sharing a prefix are one range. */
export class SortedTokens {
  private tokens: string[] = [];
  private pending: string[] = [];

  add(token: string): void {
    this.pending.push(token);
  }

  replaceAll(tokens: Iterable<string>): void {
    this.tokens = [...tokens].sort(compare);
    this.pending = [];
  }

  /** The whole vocabulary, sorted. */
  all(): readonly string[] {
    this.flush();
    return this.tokens;
  }

  /** Every token that starts with `prefix`, in sorted order. */
  withPrefix(prefix: string): string[] {
    this.flush();
    const start = lowerBound(this.tokens, prefix);
    let end = start;
    while (end < this.tokens.length && (this.tokens[end] ?? '').startsWith(prefix)) end += 1;
    return this.tokens.slice(start, end);
  }

  /** A bulk load sorts once; a few new tokens after an import are inserted in place. */
  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length > 64) {
      this.replaceAll([...this.tokens, ...this.pending]);
      return;
    }
    for (const token of this.pending) this.tokens.splice(lowerBound(this.tokens, token), 0, token);
    this.pending = [];
  }
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
