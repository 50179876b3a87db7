// Recognises checkable questions (arithmetic, multiple choice, yes/no) and knows their true answer.
import { isYesNoQuestion } from '../../../src/fusion/modes/extract-answer.js';
import { findArithmetic, formatNumber, evaluate } from './sim-arithmetic.js';
import { hashString } from '../prng.js';

/** One option of a multiple-choice question. */
export interface ChoiceOption {
  letter: string;
  text: string;
}

/** A question the simulation can check, with its true answer. */
export type SimQuestion =
  | { kind: 'number'; expression: string; truth: number }
  | { kind: 'choice'; options: ChoiceOption[]; truth: string }
  | { kind: 'yesno'; truth: boolean };

const LINE_OPTION = /^\s*\(?([A-H])[).:]\s+(.+?)\s*$/gm;
const INLINE_OPTION = /(?:^|\s)\(?([A-H])[).:]\s+(.+?)(?=\s+\(?[A-H][).:]\s|\s*$)/g;

/**
 * What the question asks and its true answer. Questions the simulation cannot check (a choice
 * without arithmetic, most yes/no questions) get a truth derived from a hash of the question, so
 * every simulated model agrees on it and per-model accuracy stays meaningful.
 */
export function parseQuestion(prompt: string): SimQuestion | null {
  const options = parseOptions(prompt);
  if (options.length >= 2) return { kind: 'choice', options, truth: choiceTruth(prompt, options) };
  const asked = firstQuestionSentence(prompt);
  if (asked && isYesNoQuestion(asked)) {
    return { kind: 'yesno', truth: yesNoTruth(asked) };
  }
  const arithmetic = findArithmetic(prompt);
  if (arithmetic)
    return { kind: 'number', expression: arithmetic.expression, truth: arithmetic.value };
  return null;
}

/** The true answer as a final line would state it: "391", "B", "yes". */
export function truthText(question: SimQuestion): string {
  switch (question.kind) {
    case 'number':
      return formatNumber(question.truth);
    case 'choice':
      return question.truth;
    case 'yesno':
      return question.truth ? 'yes' : 'no';
  }
}

/** An "Answer: …" value in the same form as truthText, so the two compare. */
export function normalizeAnswer(question: SimQuestion, answer: string): string {
  switch (question.kind) {
    case 'number':
      return answer.replace(/[^\d.-]/g, '');
    case 'choice':
      return answer.trim().charAt(0).toUpperCase();
    case 'yesno':
      return answer.trim().toLowerCase().startsWith('y') ? 'yes' : 'no';
  }
}

// The first sentence ending in "?": the question itself, wherever a prompt template puts
// instructions or quoted responses around it.
function firstQuestionSentence(prompt: string): string | null {
  const match = prompt.match(/[^.!?\n"]*\?/);
  return match ? match[0].trim() : null;
}

function parseOptions(prompt: string): ChoiceOption[] {
  const lines = [...prompt.matchAll(LINE_OPTION)];
  const matches = lines.length >= 2 ? lines : [...prompt.matchAll(INLINE_OPTION)];
  const options: ChoiceOption[] = [];
  for (const match of matches) {
    const letter = match[1] ?? '';
    const text = match[2] ?? '';
    // Letters must run A, B, C… so "I. " in prose does not start a list.
    if (letter.charCodeAt(0) - 65 !== options.length) break;
    options.push({ letter, text: text.trim() });
  }
  return options;
}

function choiceTruth(prompt: string, options: ChoiceOption[]): string {
  const firstOption = prompt.search(/(?:^|\s)\(?A[).:]\s/m);
  const stem = firstOption > 0 ? prompt.slice(0, firstOption) : prompt;
  const arithmetic = findArithmetic(stem);
  if (arithmetic) {
    const expected = formatNumber(arithmetic.value);
    const match = options.find((option) => option.text.replace(/[^\d.-]/g, '') === expected);
    if (match) return match.letter;
  }
  // Only the line just above the options: prompt templates wrap the question differently.
  const lines = stem.split('\n').map((line) => line.replace(/"""/g, '').trim());
  const asked = lines.filter(Boolean).pop() ?? '';
  const index = hashString(asked + options.map((option) => option.text).join('|'));
  return options[index % options.length]?.letter ?? 'A';
}

const COMPARISON =
  /^\w+\s+(.+?)\s+(greater|more|larger|bigger|less|smaller|fewer|equal)\b(?:\s+(?:than|to))?\s+(.+?)\??$/i;

function yesNoTruth(sentence: string): boolean {
  const number = sentence.match(/(-?\d+)\s+(?:an?\s+)?(prime|even|odd)\b/i);
  if (number?.[1] && number[2]) {
    const value = Number(number[1]);
    const property = number[2].toLowerCase();
    if (property === 'even') return value % 2 === 0;
    if (property === 'odd') return Math.abs(value % 2) === 1;
    return isPrime(value);
  }
  const comparison = sentence.replace(/\bequals?\b/i, 'equal to').match(COMPARISON);
  const left = comparison?.[1] ? evaluate(comparison[1]) : null;
  const right = comparison?.[3] ? evaluate(comparison[3]) : null;
  if (left !== null && right !== null && comparison?.[2]) {
    const relation = comparison[2].toLowerCase();
    if (relation === 'equal') return Math.abs(left - right) < 1e-9;
    return /greater|more|larger|bigger/.test(relation) ? left > right : left < right;
  }
  return hashString(sentence.trim().toLowerCase()) % 2 === 0;
}

function isPrime(value: number): boolean {
  if (value < 2 || !Number.isInteger(value)) return false;
  for (let divisor = 2; divisor * divisor <= value; divisor++) {
    if (value % divisor === 0) return false;
  }
  return true;
}
