// GSM8K's calculator annotations (`48/2 = <<48/2=24>>24`) in model text: displays drop them, keeping the result after them.

/**
 * One annotation as GSM8K writes them (Cobbe et al. 2021, "Training Verifiers to Solve Math Word
 * Problems", arXiv 2110.14168, marks each calculator call `<<expression=result>>` and then writes the
 * result): `<<`, no space after it, a calculation holding `=` (or, rarely, a bare decimal result),
 * no space before `>>`. Code and comparisons that merely look alike (`x << 2 >> 1`, `(x<<24>>24)`)
 * do not match.
 */
const NOTE = /<<(?:(?=[^\s<>])[^<>\n]*=[^<>\n]*(?<=[^\s<>])|\d*\.\d+)>>/g;
/** The end of a streamed text where an annotation may be arriving: `<`, `<<`, `<<48/2=2`. */
const ARRIVING = /<(?:<(?:[^\s<>][^<>\n]*)?)?$/;

/**
 * The text as a visitor reads it: each calculator annotation removed, the result written after it
 * kept ("9 * 2 = $<<9*2=18>>18" reads "9 * 2 = $18"). With `streaming`, an annotation that has only
 * partly arrived is held back too, so it never flashes. Pure. The stored record, the JSON export and
 * answer extraction keep or read the text as written; this is for display only.
 */
export function withoutCalculatorNotes(
  text: string,
  options: { streaming?: boolean } = {},
): string {
  const shown = text.replace(NOTE, '');
  return options.streaming ? shown.replace(ARRIVING, '') : shown;
}

/** Whether `text` holds any calculator annotation (see withoutCalculatorNotes). */
export function hasCalculatorNotes(text: string): boolean {
  return new RegExp(NOTE.source).test(text);
}
