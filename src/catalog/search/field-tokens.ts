// Which tokens a comparison is found by, each with the best field class it appears in (names beat taglines beat text).
import { tokenize } from './tokenize.js';
import type { ComparisonRecord } from '../types.js';

/** Field classes, stored in the low 2 bits of each posting. */
const NAME = 3;
const TAGLINE = 2;
const BODY = 1;
/** The score of a match in each field class (index = class). */
export const CLASS_SCORE = [0, 1, 3, 9];

/** Each distinct token of a record with the best field class it appears in. */
export function fieldTokens(record: ComparisonRecord): Map<string, number> {
  const classes = new Map<string, number>();
  const addText = (text: string, fieldClass: number): void => {
    for (const token of tokenize(text)) {
      if ((classes.get(token) ?? 0) < fieldClass) classes.set(token, fieldClass);
    }
  };
  addText(record.title, NAME);
  addText(record.intro, BODY);
  addText(record.category, TAGLINE);
  for (const tool of record.tools) {
    addText(tool.name, NAME);
    addText(`${tool.tagline} ${tool.category} ${tool.entry}`, TAGLINE);
    addText(tool.description, BODY);
  }
  for (const row of record.scorecard) addText(`${row.a} ${row.b}`, BODY);
  return classes;
}
