// Token → postings storage: small lists as plain arrays, large ones as Uint32Array (4 bytes each).

/** Past this many postings a list moves to a typed array; below it the array object is smaller. */
const PROMOTE_AT = 32;

interface LargeList {
  data: Uint32Array;
  length: number;
}
type List = number[] | LargeList;

/** The saved form of every posting list (see `pack`). */
export interface PackedPostings {
  /** Postings per token. */
  counts: Uint32Array;
  bytes: Uint8Array;
}

/**
 * Token → postings, memory-lean: short lists as arrays, long ones as Uint32Array; packs into typed arrays for
 * the snapshot.
 */
export class PostingLists {
  private lists = new Map<string, List>();

  get tokens(): IterableIterator<string> {
    return this.lists.keys();
  }

  /** Rebuilds lists saved by `pack`. */
  static unpack(tokens: readonly string[], packed: PackedPostings): PostingLists {
    const lists = new PostingLists();
    const { counts, bytes } = packed;
    let at = 0;
    tokens.forEach((token, i) => {
      const data = new Uint32Array(counts[i] ?? 0);
      let posting = 0;
      for (let k = 0; k < data.length; k += 1) {
        let delta = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = bytes[at++] ?? 0;
          delta += (byte & 0x7f) * 2 ** shift;
          shift += 7;
        } while (byte >= 0x80);
        posting += delta;
        data[k] = posting;
      }
      lists.lists.set(token, { data, length: data.length });
    });
    return lists;
  }

  /**
   * Every list in one byte buffer, in `tokens` order: each list is sorted, so it is stored as
   * gaps in 7-bit groups (mostly one byte per posting instead of four), which keeps the saved
   * index small to read back.
   */
  pack(tokens: readonly string[]): PackedPostings {
    const counts = new Uint32Array(tokens.length);
    let total = 0;
    tokens.forEach((token, i) => {
      counts[i] = this.get(token).length;
      total += counts[i] ?? 0;
    });
    let bytes = new Uint8Array(total * 2);
    let at = 0;
    tokens.forEach((token) => {
      const list = this.get(token);
      let previous = 0;
      for (let k = 0; k < list.length; k += 1) {
        if (at + 5 > bytes.length) {
          const grown = new Uint8Array(bytes.length * 2 + 16);
          grown.set(bytes);
          bytes = grown;
        }
        const posting = list[k] ?? 0;
        let gap = posting - previous;
        previous = posting;
        while (gap >= 0x80) {
          bytes[at++] = (gap & 0x7f) | 0x80;
          gap = Math.floor(gap / 0x80);
        }
        bytes[at++] = gap;
      }
    });
    return { counts, bytes: bytes.slice(0, at) };
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
