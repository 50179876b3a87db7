// Keeps "25*5 + 10*2" as written: a `*` between two numbers is a multiplication sign, never emphasis.
import type { MarkedExtension, TokenizerAndRendererExtension } from 'marked';

/** A number, then one or more `* number` (spaces allowed around the sign): "25*5", "2 * 3*4", "1.5*2". */
const PRODUCT = /^\d+(?:[.,]\d+)*(?:[ \t]*\*[ \t]*\d+(?:[.,]\d+)*)+/;
const PRODUCT_START = /\d[ \t]*\*[ \t]*\d/;

/**
 * An inline marked extension that reads a product of numbers as plain text. CommonMark lets `*`
 * open and close emphasis inside a word, so a model's arithmetic ("25*5 + 10*2 = 145", GSM8K's
 * solutions write it so) would render as "25<em>5 + 10</em>2": numbers silently changed. Emphasis
 * around numbers (`*25*`, `**391**`) still works: a product needs a digit on both sides of its `*`.
 */
const digitProducts: TokenizerAndRendererExtension = {
  name: 'digitProduct',
  level: 'inline',
  start: (src) => PRODUCT_START.exec(src)?.index,
  tokenizer: (src) => {
    const match = PRODUCT.exec(src);
    return match ? { type: 'text', raw: match[0], text: match[0] } : undefined;
  },
};

/** The extension as marked takes it: `new Marked({ ...options, ...DIGIT_PRODUCTS })`. */
export const DIGIT_PRODUCTS: MarkedExtension = { extensions: [digitProducts] };
