// The shape of a described trace: paragraphs, tables, lists and raw text that both the page and the export render.

/**
 * A piece of text with the emphasis it needs; a line break ends a cell's first line. A clipped
 * piece shows `excerpt` with `full` one click away on the page; the export writes the excerpt.
 */
export type Inline =
  | string
  | { text: string; style: 'strong' | 'muted' | 'bad' | 'pill' }
  | { lineBreak: true }
  | { excerpt: string; full: string };

/** A table cell or a paragraph: pieces of text shown one after another. */
export type Rich = readonly Inline[];

/** One row of a trace table. */
export interface TableRow {
  /** The first cell names the row (a voter, a pair, a candidate). */
  cells: readonly Rich[];
  /** The row that won: highlighted on the page. */
  winner?: boolean;
}

/** One output as the model wrote it, with its reasoning apart when it wrote any. */
export interface RawPart {
  title: string;
  text: string;
  reasoning?: string;
}

/** One block of a described trace; the page and the Markdown export each render every kind. */
export type TraceBlock =
  | { kind: 'paragraph'; text: Rich }
  | { kind: 'bullets'; items: readonly string[] }
  /** Something the visitor should notice: a fallback, a skipped step. */
  | { kind: 'note'; text: Rich }
  | {
      kind: 'table';
      caption: string;
      head: readonly string[];
      rows: readonly TableRow[];
      /** Supporting detail: folded away on the page, written out in full in the export. */
      detail?: boolean;
    }
  /** Named lists shown side by side (the merge analysis); an empty list says so. */
  | {
      kind: 'lists';
      caption: string;
      lists: readonly { title: string; items: readonly string[] }[];
    }
  /** Two answers compared (before and after debate): an excerpt, the full text one click away. */
  | { kind: 'versus'; sides: readonly { title: string; value: string; full?: string }[] }
  /** Model output exactly as written; `detail` as for tables. */
  | {
      kind: 'raw';
      caption: string;
      parts: readonly RawPart[];
      detail?: boolean;
    };

/** Text in bold. */
export const strong = (text: string): Inline => ({ text, style: 'strong' });
/** Text in the muted colour (secondary facts). */
export const muted = (text: string): Inline => ({ text, style: 'muted' });
/** Text marked as a failure. */
export const bad = (text: string): Inline => ({ text, style: 'bad' });
/** Text in a pill (an answer, a label). */
export const pill = (text: string): Inline => ({ text, style: 'pill' });
/** Ends a cell's first line. */
export const lineBreak: Inline = { lineBreak: true };
