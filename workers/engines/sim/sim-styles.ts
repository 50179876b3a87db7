// Makes a simulated answer read like real small models' output: reasoning blocks, Markdown, raw HTML, leaked tokens, cut-offs.
import type { SimStyle } from '../../../src/models/list/sim-styles.js';
import { pick, type Random } from '../prng.js';
import {
  composeSimAnswer,
  lastUserText,
  simAnswerKind,
  visitorQuestion,
  type SimAnswerInput,
  type SimAnswerKind,
} from './sim-answer.js';
import { simTokens } from './sim-tokens.js';
import { excerpt } from '../../../src/shared/excerpt.js';

/** A simulated answer to write, with the styles (real small models' habits) to write it in. */
export interface SimReplyInput extends SimAnswerInput {
  styles: readonly SimStyle[];
}

/** The styled reply, and whether it stops at the token limit. */
export interface SimReply {
  text: string;
  /** The reply stops at the token limit (finishReason 'length'), as `cut` and `think-open` do. */
  truncated: boolean;
}

const SPECIAL_TOKENS = ['<|im_end|>', '<|eot_id|>', '<|endoftext|>', '<end_of_turn>'] as const;

/** Share of its tokens a `cut` answer keeps. */
const CUT_SHARE = 0.6;

/** The simulated model's reply with its styles applied; deterministic for a given random source. */
export function composeSimReply(input: SimReplyInput): SimReply {
  const { styles, random } = input;
  const has = (style: SimStyle): boolean => styles.includes(style);
  const kind = simAnswerKind(input.messages, input.json);
  const question = visitorQuestion(lastUserText(input.messages)).trim();
  let text = composeSimAnswer(input);
  if (has('markdown')) text = withMarkdown(text, kind, question, random);
  if (has('angle') && kind !== 'json') text = withAngleBrackets(text, kind);
  if (kind === 'json' && has('judge-prose'))
    text = `After comparing the responses carefully, here is my verdict:\n${text}\nI hope this helps.`;
  else if (kind === 'json' && has('judge-fence'))
    text = `Here is the verdict:\n\`\`\`json\n${text}\n\`\`\``;

  const reasoning = reasoningFor(text, kind, question);
  if (has('think-open')) {
    // Still thinking when the token limit hit: the block never closes and no answer follows.
    const more = 'Let me reconsider each part once more before answering.';
    return { text: `<think>\n${reasoning}\n${more}\n${more}`, truncated: true };
  }
  if (has('think') || (kind === 'json' && has('judge-think')))
    text = `<think>\n${reasoning}\n</think>\n\n${text}`;
  else if (has('think-empty')) text = `<think>\n\n</think>\n\n${text}`;

  if (has('cut')) {
    const tokens = simTokens(text);
    return {
      text: tokens.slice(0, Math.ceil(tokens.length * CUT_SHARE)).join(''),
      truncated: true,
    };
  }
  if (has('tokens')) text += pick(random, SPECIAL_TOKENS);
  return { text, truncated: false };
}

/** Reasoning that drafts a different answer first, so a reader of the reasoning would get it wrong. */
function reasoningFor(answer: string, kind: SimAnswerKind, question: string): string {
  const asked = `The question: “${excerpt(question, 80)}”.`;
  if (kind === 'checkable') {
    const final = /Answer: (.+)$/.exec(answer.trim())?.[1] ?? '';
    return `${asked}\nA first attempt gives Answer: ${draftOf(final)}.\nThat does not hold up; checking again gives ${final}.`;
  }
  if (kind === 'json') {
    const winner = /"winner":\s*"(\w+)"/.exec(answer)?.[1];
    if (winner) {
      const draft = winner === 'A' ? 'B' : 'A';
      return `The reply must look like {"winner": "${draft}", "reason": "..."}. At first response ${draft} looks better, but the final answers decide.`;
    }
    return 'A first draft: {"consensus": ["draft only"], "contradictions": [], "unique": [], "blindSpots": []}. Now the real comparison.';
  }
  return `${asked}\nI should answer with some structure: a short opening, then the details.`;
}

function draftOf(final: string): string {
  if (/^-?\d+(\.\d+)?$/.test(final)) return String(Number(final) - 1);
  if (/^[A-H]$/.test(final)) return final === 'A' ? 'B' : 'A';
  if (/^yes$/i.test(final)) return 'No';
  if (/^no$/i.test(final)) return 'Yes';
  return `not ${final}`;
}

const SNIPPETS = [
  ['java', 'List<String> names = new ArrayList<>();\nnames.add("Ada");\nnames.add("Grace");'],
  [
    'cpp',
    '#include <vector>\n#include <string>\n\nstd::vector<std::string> names{"Ada", "Grace"};',
  ],
  ['python', 'names: list[str] = ["Ada", "Grace"]\nif len(names) < 3 > 0:\n    print(names)'],
] as const;

function withMarkdown(text: string, kind: SimAnswerKind, question: string, random: Random): string {
  if (kind === 'json') return text;
  const [language, code] = pick(random, SNIPPETS);
  const table =
    '| Option | When to use |\n| --- | --- |\n| A list | order matters |\n| A set | each name once |';
  if (kind === 'checkable') {
    const lines = text.trim().split('\n');
    const last = lines.pop() ?? '';
    const final = /Answer: (.+)$/.exec(last)?.[1] ?? '';
    return `${lines.join('\n')}\n\n| Check | Result |\n| --- | --- |\n| final answer | ${final} |\n\n${last}`;
  }
  const topic = question.replace(/\s+/g, ' ').slice(0, 60) || 'this';
  return [
    `### A short answer on “${topic}”`,
    text,
    '- keep the names in one place\n- check the result against a known case\n- measure before changing anything',
    table,
    `\`\`\`${language}\n${code}\n\`\`\``,
    'This is simulated text, not a real answer.',
  ].join('\n\n');
}

const ANGLE =
  'In Java, declare it as List<String> names and include <vector> first in C++; note that a < b > c here. A form would be <input type="text" name="u"> <button>Sign in</button>.';

function withAngleBrackets(text: string, kind: SimAnswerKind): string {
  if (kind === 'checkable') {
    const lines = text.trim().split('\n');
    const last = lines.pop() ?? '';
    return `${lines.join('\n')}\n${ANGLE}\n${last}`;
  }
  const cut = text.indexOf('\n\n');
  return cut < 0 ? `${text}\n\n${ANGLE}` : `${text.slice(0, cut)}\n\n${ANGLE}${text.slice(cut)}`;
}
