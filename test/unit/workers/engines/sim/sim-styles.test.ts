// Realistic writing for the simulated engine: think blocks, Markdown, angle brackets, special tokens, judge JSON wrappers and cut answers, read back by the real parsers.
import { describe, expect, it } from 'vitest';
import { composeSimReply } from '../../../../../workers/engines/sim/sim-styles.js';
import { mulberry32 } from '../../../../../workers/engines/prng.js';
import type { SimStyle } from '../../../../../src/models/list/sim-styles.js';
import { splitModelText } from '../../../../../src/models/output/split-reasoning.js';
import { parseJudgeVerdict } from '../../../../../src/fusion/modes/judge-parse.js';
import { extractAnswer } from '../../../../../src/fusion/modes/extract-answer.js';
import {
  mergeAnalysisPrompt,
  pairwiseJudgePrompt,
  samplingPrompt,
} from '../../../../../src/fusion/modes/prompts.js';

const reply = (
  prompt: string,
  styles: SimStyle[],
  options: { json?: boolean; seed?: number } = {},
) =>
  composeSimReply({
    messages: [{ role: 'user', content: prompt }],
    ...(options.json ? { json: {} } : {}),
    accuracy: 1,
    random: mulberry32(options.seed ?? 7),
    styles,
  });

const SUM = samplingPrompt('What is 17 * 23?', 'number');
const FREE = 'Explain how to declare a list of names in Java.';
const JUDGE = pairwiseJudgePrompt('What is 17 * 23?', 'number', 'x\nAnswer: 391', 'y\nAnswer: 381');

describe('composeSimReply', () => {
  it('writes a closed think block whose draft answer differs from the final one', () => {
    const { text } = reply(SUM, ['think']);
    const split = splitModelText(text);
    expect(text.startsWith('<think>\n')).toBe(true);
    expect(split.reasoning).toMatch(/Answer: 390/);
    expect(extractAnswer(text, 'number').normalized).toBe('391');
  });

  it('writes an empty think block before the answer', () => {
    const { text } = reply(SUM, ['think-empty']);
    expect(text).toMatch(/^<think>\n\n<\/think>\n\n/);
    expect(splitModelText(text).reasoning).toBeNull();
  });

  it('leaves a think block open and says the answer was cut by the token limit', () => {
    const { text, truncated } = reply(SUM, ['think-open']);
    expect(truncated).toBe(true);
    expect(splitModelText(text)).toMatchObject({ answer: '', thinking: true });
  });

  it('writes Markdown with a fenced code block, a table and a list', () => {
    const { text } = reply(FREE, ['markdown']);
    expect(text).toMatch(/^```\w+\n[\s\S]+?\n```$/m);
    expect(text).toMatch(/^\| .+ \|\n\|[-| :]+\|$/m);
    expect(text).toMatch(/^- /m);
    expect(reply(SUM, ['markdown']).text.trim().split('\n').pop()).toBe('Answer: 391');
  });

  it('writes text with angle brackets and raw HTML', () => {
    const { text } = reply(FREE, ['angle']);
    for (const piece of ['List<String>', '<vector>', 'a < b > c', '<input', '<button>'])
      expect(text).toContain(piece);
  });

  it('ends with a special token', () => {
    expect(reply(SUM, ['tokens']).text).toMatch(
      /(<\|im_end\|>|<\|eot_id\|>|<\|endoftext\|>|<end_of_turn>)$/,
    );
  });

  it.each<[SimStyle, RegExp]>([
    ['judge-prose', /^[A-Z][^{]+\n\{"winner".+\}\n[A-Z]/],
    ['judge-fence', /```json\n\{"winner".+\}\n```/],
    ['judge-think', /^<think>\n[\s\S]*"winner"[\s\S]*<\/think>\n\n\{"winner"/],
  ])('wraps judge JSON (%s) and the verdict still reads the same', (style, shape) => {
    const plain = parseJudgeVerdict(reply(JUDGE, [], { json: true }).text);
    const { text } = reply(JUDGE, [style], { json: true });
    expect(text).toMatch(shape);
    expect(parseJudgeVerdict(text)).toEqual(plain);
  });

  it('puts a draft of the other verdict in the reasoning of a thinking judge', () => {
    const { text } = reply(JUDGE, ['judge-think'], { json: true });
    const final = parseJudgeVerdict(text)?.winner;
    const draft = /"winner": "(\w+)"/.exec(splitModelText(text).reasoning ?? '')?.[1];
    expect(draft).toBeDefined();
    expect(draft).not.toBe(final);
  });

  it('cuts an answer short and says so', () => {
    const full = reply(FREE, []).text;
    const { text, truncated } = reply(FREE, ['cut']);
    expect(truncated).toBe(true);
    expect(full.startsWith(text)).toBe(true);
    expect(text.length).toBeLessThan(full.length);
  });

  it('is deterministic for a seed', () => {
    const styles: SimStyle[] = ['think', 'markdown', 'angle', 'tokens'];
    expect(reply(FREE, styles, { seed: 3 })).toEqual(reply(FREE, styles, { seed: 3 }));
  });

  it('quotes only the visitor’s question, never the prompt template', () => {
    const analysis = mergeAnalysisPrompt('Why is the sky blue?', ['Rayleigh.', 'Dust.']);
    const { text } = composeSimReply({
      messages: [{ role: 'user', content: analysis.replace('Reply with JSON only', 'Reply') }],
      accuracy: 1,
      random: mulberry32(1),
      styles: [],
    });
    expect(text).toContain('Why is the sky blue?');
    expect(text).not.toMatch(/"""|Response 1|Several assistants/);
  });

  it('quotes a sampled question without the final-line instruction, cut at a word', () => {
    const { text } = reply(SUM, ['think']);
    const reasoning = splitModelText(text).reasoning ?? '';
    expect(reasoning).toContain('“What is 17 * 23?”');
    expect(reasoning).not.toMatch(/step by step|final answer|last line/);
    const long = samplingPrompt(
      'A baker sells 12 loaves every morning and 17 loaves every afternoon, six days a week, all year long. How many loaves does the baker sell each week?',
      'number',
    );
    const quoted = /“([^”]*)”/.exec(
      splitModelText(reply(long, ['think']).text).reasoning ?? '',
    )?.[1];
    // Cut at a word boundary and marked as cut, never mid-word.
    expect(quoted).toMatch(/^A baker sells 12 loaves .* \w+…$/);
    expect(long).toContain(quoted!.slice(0, -1));
  });
});
