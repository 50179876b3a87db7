// Writes the simulated engine's whole answer for a conversation; pure and deterministic for a given random source.
import type { ChatMessage } from '../../../src/models/model-client.js';
import { formatNumber } from './sim-arithmetic.js';
import { composeFiller } from './sim-filler.js';
import { composeSimJson } from './sim-json.js';
import { parseQuestion, type SimQuestion } from './sim-questions.js';
import { pick, type Random } from '../prng.js';

/**
 * What the simulated model answers from: the conversation, its accuracy (0..1: the chance a checkable answer
 * is right) and a seeded random source.
 */
export interface SimAnswerInput {
  messages: readonly ChatMessage[];
  /** GenerateParams.json was set (its schema, when given). */
  json?: { schema?: string };
  accuracy: number;
  random: Random;
  /** SimOptions.answerTokens: the length of a free-text answer, in tokens (default: a short paragraph). */
  answerTokens?: number;
}

/** What kind of answer a conversation gets: JSON, a checkable answer ending "Answer: X", or free text. */
export type SimAnswerKind = 'json' | 'checkable' | 'free';

/**
 * Which kind of answer a conversation gets: 'json' when JSON was asked for (by parameter or in the text),
 * 'checkable' when the last user turn is a question the simulation can check, else 'free'.
 */
export function simAnswerKind(
  messages: readonly ChatMessage[],
  json: SimAnswerInput['json'],
): SimAnswerKind {
  const allText = messages.map((message) => message.content).join('\n');
  if (json || /\bJSON\b/.test(allText)) return 'json';
  return parseQuestion(lastUserText(messages)) ? 'checkable' : 'free';
}

/** The full text the simulated model will stream (before any style: see sim-styles.ts). */
export function composeSimAnswer({
  messages,
  json,
  accuracy,
  random,
  answerTokens,
}: SimAnswerInput): string {
  const prompt = lastUserText(messages);
  const allText = messages.map((message) => message.content).join('\n');
  if (simAnswerKind(messages, json) === 'json') {
    return composeSimJson({ prompt: allText, schema: json?.schema, accuracy, random });
  }
  const question = parseQuestion(prompt);
  if (question) return answerQuestion(question, random() < accuracy, random);
  return composeFiller(visitorQuestion(prompt), random, answerTokens);
}

/**
 * The visitor's question inside a fusion prompt: the first block between triple quotes (every
 * template quotes the question first), else the prompt without a sampling prompt's final-line
 * instruction. Quoting the whole template would show its instructions as if they were the question.
 */
export function visitorQuestion(prompt: string): string {
  const quoted = /"""\n([\s\S]*?)\n"""/.exec(prompt)?.[1];
  if (quoted !== undefined) return quoted;
  // A sampling prompt: the question, a blank line, then the final-line instruction (prompts.ts).
  return prompt.replace(/\n\n[^\n]*final answer on the last line[^\n]*$/, '');
}

/** The content of the conversation's last user turn; '' when there is none. */
export function lastUserText(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'user') return message.content;
  }
  return '';
}

function answerQuestion(question: SimQuestion, right: boolean, random: Random): string {
  switch (question.kind) {
    case 'number': {
      const value = formatNumber(right ? question.truth : wrongNumber(question.truth, random));
      const opening = pick(random, ['Let me work this out.', 'Computing step by step:', 'Sure.']);
      return `${opening} ${question.expression} = ${value}.\nAnswer: ${value}`;
    }
    case 'choice': {
      const others = question.options.filter((option) => option.letter !== question.truth);
      const chosen = right
        ? question.options.find((option) => option.letter === question.truth)
        : pick(random, others);
      const letter = chosen?.letter ?? question.truth;
      const opening = pick(random, [
        'Looking at the options,',
        'Going through each choice,',
        'Comparing the options,',
      ]);
      return `${opening} ${letter}) ${chosen?.text ?? ''} fits best.\nAnswer: ${letter}`;
    }
    case 'yesno': {
      const yes = right === question.truth;
      const reason = yes
        ? pick(random, ['that holds.', 'that is the case.'])
        : pick(random, ['that does not hold.', 'that is not the case.']);
      return `${yes ? 'Yes' : 'No'}, ${reason}\nAnswer: ${yes ? 'Yes' : 'No'}`;
    }
  }
}

/** A plausible mistake: off by a little, by ten, or a slip in the last digit; never the truth. */
function wrongNumber(truth: number, random: Random): number {
  const offsets = Number.isInteger(truth) ? [1, -1, 2, -2, 10, -10, 9, 11] : [0.5, -0.5, 1, -1];
  const wrong = truth + pick(random, offsets);
  return wrong === truth ? truth + 1 : wrong;
}
