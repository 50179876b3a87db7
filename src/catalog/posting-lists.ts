// Token → postings storage: small lists as plain arrays, large ones as Uint32Array (4 bytes each).

/** Past this many postings a list moves to a typed array; below it the array object is smaller. */
const PROMOTE_AT = 32;

interface LargeList {
  data: Uint32Array;
  length: number;
}
type List = number[] | LargeList;

export class PostingLists {
  private lists = new Map<string, List>();

  get tokens(): IterableIterator<string> {
    return this.lists.keys();
  }

  /** Appends one posting; returns true when the token is new to the index. */
  append(token: string, posting: number): boolean {
    const list = this.lists.get(token);
    if (list === undefined) {
      this.lists.set(token, [posting]);
      return true;
    }
    if (Array.isArray(list)) {
      list.push(posting);
      if (list.length >= PROMOTE_AT) {
        const data = new Uint32Array(PROMOTE_AT * 2);
        data.set(list);
        this.lists.set(token, { data, length: list.length });
      }
      return false;
    }
    if (list.length === list.data.length) {
      const data = new Uint32Array(list.data.length * 2);
      data.set(list.data);
      list.data = data;
    }
    list.data[list.length] = posting;
    list.length += 1;
    return false;
  }

  /** The token's postings (possibly a view with spare capacity trimmed), or an empty array. */
  get(token: string): ArrayLike<number> {
    const list = this.lists.get(token);
    if (list === undefined) return EMPTY;
    return Array.isArray(list) ? list : list.data.subarray(0, list.length);
  }

  /** Rewrites every posting through `map`; a negative result drops it, dropping tokens left empty. */
  rewrite(map: (posting: number) => number): void {
    const lists = new Map<string, List>();
    for (const [token, list] of this.lists) {
      const source = Array.isArray(list) ? list : list.data.subarray(0, list.length);
      const kept: number[] = [];
      for (let i = 0; i < source.length; i += 1) {
        const next = map(source[i] ?? 0);
        if (next >= 0) kept.push(next);
      }
      if (kept.length === 0) continue;
      lists.set(
        token,
        kept.length < PROMOTE_AT ? kept : { data: Uint32Array.from(kept), length: kept.length },
      );
    }
    this.lists = lists;
  }
}

const EMPTY: readonly number[] = [];
