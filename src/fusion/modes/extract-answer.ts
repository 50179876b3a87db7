// Pulls the final answer (number, option letter, yes/no or short text) out of a model's free text.
import { answerPart } from '../../models/output/split-reasoning.js';

/**
 * What kind of final answer a question expects: a number, an option letter, yes/no, or free text.
 */
export type AnswerKind = 'number' | 'choice' | 'yesno' | 'text';

/** A final answer pulled out of a model's text, with the normalised form votes compare. */
export interface ExtractedAnswer {
  kind: AnswerKind;
  /** The answer as written (trimmed). */
  value: string;
  /** The comparable form: votes are counted on this. */
  normalized: string;
}

const MAX_TEXT = 200;
const NUMBER = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/g;
// In priority order: the first kind of marker present decides, its last occurrence wins.
const MARKERS = [
  /\bfinal answer\s*(?:is|:|=)\s*(.+)/gi,
  /\banswer\s*(?:is|:|=)\s*(.+)/gi,
  /\\boxed\{([^}]*)\}/g,
  // GSM8K's reference solutions end "#### 18"; its recorded model solutions end "A: 18".
  /^\s*####\s*(.+)/gm,
  /^\s*A:\s*(.+)/gm,
];
/** GSM8K's calculator annotations ("$<<9*2=18>>18"): the text around them already says the result. */
const CALCULATOR = /<<[^<>\n]*>>/g;

/**
 * A request phrased as a question ("Can you help me plan…?", "Could you please explain…?"): the
 * visitor wants the thing done, not a yes or a no.
 */
const POLITE_REQUEST =
  /^(can|could|would|will)\s+you\s+(please\s+)?(help|tell|explain|give|write|list|show|make|plan|describe|summari[sz]e|suggest|recommend|create|find|draft|compare|translate|provide|walk|teach|outline|generate|check|review|fix|rewrite|name)\b/i;

/**
 * Whether one sentence asks a closed question ("Is…?", "Can penguins fly?"): it starts with an
 * auxiliary verb, offers no alternatives ("…tabs or spaces?") and is not a request phrased as a
 * question. Shared with the simulated engine, so both read a question the same way.
 */
export function isYesNoQuestion(sentence: string): boolean {
  return (
    /^(is|are|does|do|did|can|could|will|would|was|were|should|has|have)\b/i.test(sentence) &&
    !/\bor\b/i.test(sentence) &&
    !POLITE_REQUEST.test(sentence)
  );
}

/**
 * Option lists: "(A) …" or "A) …" anywhere, "A. …" or "A: …" only at a line start ("Juice Box A.
 * Juice Box C…" in a word problem lists no options).
 */
const OPTION = /(?:^|\s)\(?[A-E]\)\s+\S|^\s*[A-E][.:]\s+\S/gm;
/** Asks for an amount, wherever it is asked: "how many", "calculate", "what percentage". */
const AMOUNT =
  /\b(how many|how much|calculate|compute|what is the (sum|product|total|value))\b|\b(what|what's|what’s|find)\b[^.?!]*\bpercent(age)?\b/i;
/** Asks for a measure ("how long", "how old"; GSM8K even has "how load"). */
const MEASURE = /\bhow (long|load|far|old|fast|tall|high|deep|wide|big|heavy|often)\b/i;
/** Names the quantity it asks for: "what is the average price", "find her mean score". */
const QUANTITY =
  /\b(what|find)\b[^.?!]*\b(number|total|sum|value|average|mean|difference|price|cost|amount|profit|salary|pension|bill|balance|weight|speed|distance|length|height|depth|area|perimeter|volume|temperature|score|age|grade|rate|size|charge|place|floor|measure|probability|likelihood|count|time)s?\b/i;

/** A sentence that asks: a question mark, "Find…", or "If …, how long would…" ended with a full stop. */
const ASKING = /\?\s*$|^(find|determine)\b|^(if|when)\b[^.?!]*,\s*(how|what)\b/i;
/** A number given in digits or words ("3", "twice", "half"). */
const GIVEN =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|twice|half|double|triple|dozen)\b/i;

/**
 * A word problem: numbers given (in other sentences, or before the question in its own: "If Suzy's
 * iPhone is 1 year old, how old…?"), and a question asking for a measure or a named quantity. A
 * lone question naming a quantity ("What is the difference between HTTP/1.1 and HTTP/2?") gives no
 * numbers to work with.
 */
function isWordProblem(sentences: readonly string[]): boolean {
  return sentences.some((sentence, i) => {
    if (!ASKING.test(sentence)) return false;
    const ask = MEASURE.exec(sentence) ?? QUANTITY.exec(sentence);
    if (!ask) return false;
    const given = [...sentences.filter((_, j) => j !== i), sentence.slice(0, ask.index)];
    return given.some((text) => GIVEN.test(text));
  });
}

/**
 * Guesses what shape of answer a prompt expects, so extraction looks for the right thing: listed
 * options, then arithmetic, an amount asked for ("how many", "what percentage") or a word problem
 * (numbers given, a measure or quantity asked: all 1,319 GSM8K test questions), then a closed
 * question; free text otherwise.
 */
export function detectQuestionKind(prompt: string): AnswerKind {
  const options = prompt.match(OPTION) ?? [];
  if (options.length >= 2) return 'choice';
  // "2-3 sentences" and dates are not sums: a minus or an x needs spaces around it.
  if (/\d\s*[+*/×÷^]\s*\d|\d\s+[-x−]\s+\d/.test(prompt)) return 'number';
  if (AMOUNT.test(prompt)) return 'number';
  const sentences = prompt.trim().split(/(?<=[.!?])\s+/);
  if (isWordProblem(sentences)) return 'number';
  return isYesNoQuestion(sentences.at(-1) ?? '') ? 'yesno' : 'text';
}

/**
 * Extracts the final answer; `expected` (from detectQuestionKind) decides ambiguous cases. Only the
 * answer part of the output is read: a `<think>` block's drafts never count. With `question`, a
 * quoted excerpt of it ("You asked: “Andy's car does 10 MPG…”") is no answer either: a number that
 * only repeats the question was not worked out (withoutQuotedQuestion).
 */
export function extractAnswer(
  output: string,
  expected?: AnswerKind,
  question?: string,
): ExtractedAnswer {
  const written = answerPart(output).replace(CALCULATOR, '');
  if (expected === 'text') return textAnswer(markedSegment(written) ?? written);
  const text = withoutQuotedQuestion(written, question);
  const segment = markedSegment(text);
  const source = segment ?? text;
  const choice = matchChoice(source, segment !== null);
  if (choice && (expected === undefined || expected === 'choice')) return choice;
  const yesno = matchYesNo(source);
  if (yesno && (expected === undefined || expected === 'yesno')) return yesno;
  if (expected === undefined || expected === 'number') {
    const marked = segment ?? equalsSegment(text);
    // A marked segment names its number first ("391 apples"); bare working ends with it.
    const number = marked
      ? matchNumber(marked, 'first')
      : expected
        ? matchNumber(text, 'last')
        : null;
    if (number) return number;
  }
  if (choice) return choice;
  if (yesno) return yesno;
  // Free text is shown as written, quotes and all.
  return textAnswer(markedSegment(written) ?? written);
}

/** Text between quotes: “…”, "…" or «…», on one line. */
const QUOTED = /“([^”\n]*)”|"([^"\n]*)"|«([^»\n]*)»/g;
/** Shorter quotes ("391", "yes") may be the answer itself, even when the question names them. */
const MIN_EXCERPT = 12;

/** Lower case, whitespace collapsed, a trailing ellipsis dropped: how an excerpt is matched. */
function squash(text: string): string {
  return text
    .replace(/(?:…|\.\.\.)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The output without the quotes that repeat `question` word for word (at least 12 characters): a
 * model restating the question, or the simulated engine's filler naming its topic, has not
 * answered with the numbers it quotes.
 */
function withoutQuotedQuestion(text: string, question: string | undefined): string {
  if (!question) return text;
  const asked = squash(question);
  return text.replace(QUOTED, (quote, ...groups: (string | undefined)[]) => {
    const excerpt = squash(groups.slice(0, 3).find((g) => g !== undefined) ?? '');
    return excerpt.length >= MIN_EXCERPT && asked.includes(excerpt) ? '“…”' : quote;
  });
}

/** The text after the last "Answer:"-style marker, up to the end of its line. */
function markedSegment(text: string): string | null {
  for (const marker of MARKERS) {
    const matches = [...text.matchAll(marker)];
    const last = matches[matches.length - 1];
    if (last?.[1] !== undefined) return last[1].split('\n')[0]!.trim();
  }
  return null;
}

function equalsSegment(text: string): string | null {
  const matches = [...text.matchAll(/=\s*([^=\n]+)/g)];
  return matches[matches.length - 1]?.[1]?.trim() ?? null;
}

function matchChoice(source: string, marked: boolean): ExtractedAnswer | null {
  // After a marker "B because…" is fine; bare text must look like an option ("(B)", "B)") so that
  // a sentence starting with "A farmer…" is not read as option A.
  const start = marked
    ? /^\**\s*\(?([A-E])\)?(?=[\s.,:;)*]|$)/.exec(source.trim())
    : /^\**\s*(?:\(([A-E])\)|([A-E])[).:]?$|([A-E])\))/.exec(source.trim());
  const phrase = /\b(?:answer|option|choice) is:?\s*\(?([A-E])\)?(?![A-Za-z])/i.exec(source);
  const letter = start?.[1] ?? start?.[2] ?? start?.[3] ?? phrase?.[1];
  if (!letter) return null;
  return { kind: 'choice', value: letter, normalized: letter };
}

function matchYesNo(source: string): ExtractedAnswer | null {
  const match = /^\W*(yes|no)\b/i.exec(source.trim());
  if (!match?.[1]) return null;
  const value = match[1].toLowerCase();
  return { kind: 'yesno', value, normalized: value };
}

function matchNumber(source: string, pick: 'first' | 'last'): ExtractedAnswer | null {
  const matches = source.match(NUMBER) ?? [];
  const raw = pick === 'first' ? matches[0] : matches[matches.length - 1];
  if (!raw) return null;
  return { kind: 'number', value: raw, normalized: normalizeNumber(raw) };
}

/**
 * A number's comparable form: thousands commas dropped and printed as JavaScript prints it
 * ("1,000.50" → "1000.5", "-0" → "0"); the input unchanged when it is not a finite number.
 */
export function normalizeNumber(raw: string): string {
  const value = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(value)) return raw;
  return String(Object.is(value, -0) ? 0 : value);
}

/**
 * Free text's comparable form: lower case, punctuation turned to spaces, whitespace collapsed, at
 * most 200 characters.
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

function textAnswer(source: string): ExtractedAnswer {
  const value = source.trim().slice(0, MAX_TEXT);
  return { kind: 'text', value, normalized: normalizeText(source) };
}
