// Splits a model's text into its reasoning (`<think>…</think>`) and its answer, the part everything downstream uses.
import { partialTokenLength, stripSpecialTokens } from './special-tokens.js';

/** A model's text, read. */
export interface ModelText {
  /** What the model reasoned before answering; null when it wrote none (or an empty block). */
  reasoning: string | null;
  /** The answer: the text outside the reasoning, special tokens removed, trimmed. */
  answer: string;
  /** A reasoning block is still open: the model is thinking (or was cut off while thinking). */
  thinking: boolean;
}

const OPEN = /<think>/i;
const CLOSE = '</think>';
const TAGS = /<\/?think>/gi;

/**
 * Reads reasoning models' output (Qwen3, DeepSeek-R1 distills). Handles a complete block, an empty
 * block (Qwen3 writes one with thinking off), a block still open (streaming, or cut by the token
 * limit), a lone closing tag (templates that open the block in the prompt put everything before it
 * in the reasoning) and no block at all. With several blocks the answer is what follows the last.
 * `streaming`: hide a tag or special token that has only partly arrived. Pure; splitting an answer
 * again returns it unchanged.
 */
export function splitModelText(raw: string, options: { streaming?: boolean } = {}): ModelText {
  let text = stripSpecialTokens(raw);
  if (options.streaming) text = text.slice(0, text.length - partialTokenLength(text));
  const closeAt = text.toLowerCase().lastIndexOf(CLOSE);
  let reasoning = '';
  let rest = text;
  let before = '';
  if (closeAt >= 0) {
    const head = text.slice(0, closeAt);
    const openAt = head.search(OPEN);
    // Text before an opening tag belongs to the answer; with no opening tag, all of it is reasoning.
    before = openAt >= 0 ? head.slice(0, openAt) : '';
    reasoning = (openAt >= 0 ? head.slice(openAt) : head).replace(TAGS, '\n');
    rest = text.slice(closeAt + CLOSE.length);
  }
  const openAt = rest.search(OPEN);
  const thinking = openAt >= 0;
  if (thinking) {
    reasoning += `\n${rest.slice(openAt).replace(TAGS, '\n')}`;
    rest = rest.slice(0, openAt);
  }
  const answer = `${before}${rest}`.trim();
  const cleaned = reasoning.trim();
  return { reasoning: cleaned === '' ? null : cleaned, answer, thinking };
}

/** The answer part of a model's text (see splitModelText). */
export function answerPart(raw: string): string {
  return splitModelText(raw).answer;
}
