// Extracting the final answer (number, letter, yes/no) from a model's text, not from its working.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectQuestionKind, extractAnswer } from '../../../../src/fusion/modes/extract-answer.js';

describe('extractAnswer', () => {
  it.each([
    ['17 × 23: 17 × 20 = 340, 17 × 3 = 51.\nAnswer: 391', '391'],
    ['So the total is 17 × 23 = 391', '391'],
    ['Answer: 1,234,567 apples', '1234567'],
    ['The final answer is -42.', '-42'],
    ['Answer: 3.50', '3.5'],
    ['Answer: -0', '0'],
    ['The result is \\boxed{12}', '12'],
    // GSM8K's formats: reference solutions, recorded model solutions, calculator annotations.
    ['She makes 9 * 2 = $<<9*2=18>>18 a day.\n#### 18', '18'],
    ['So 3 + 4 = <<3+4=7>>7 eggs are used\nShe makes 2 * 9 = $<<2*9=18>>18 per day\nA: 18', '18'],
    ['The house cost $80,000, so he made a profit of $70,000.\nA: $70,000', '70000'],
    ['A: 18.00', '18'],
    ['A: 1,000', '1000'],
    ['It took 450/70=<<450/70=6.428571428571429>>6 hours', '6'],
    ['The answer is 18.', '18'],
    ['Answer: $18', '18'],
  ])('reads the number in %j', (text, expected) => {
    const answer = extractAnswer(text, 'number');
    expect(answer.kind).toBe('number');
    expect(answer.normalized).toBe(expected);
  });

  it('reads the final "A:" line, not the last number of the working above it', () => {
    // The recorded solutions were graded on this line, even where it disagrees with the working.
    const text = 'This redwood weighs 8000-2400=<<8000-2400=5600>>5600 pounds.\nA: 5';
    expect(extractAnswer(text, 'number').normalized).toBe('5');
  });

  it.each([
    ['<think>\nMaybe 12? Answer: 12\n</think>\nAnswer: 40', 'number', '40'],
    ['Hmm, (A) or (B).\n</think>\n\nAnswer: (C)', 'choice', 'C'],
    ['<think>Answer: no</think>Answer: yes<|im_end|>', 'yesno', 'yes'],
  ] as const)('reads the answer after the reasoning in %j', (text, kind, expected) => {
    expect(extractAnswer(text, kind).normalized).toBe(expected);
  });

  it('finds no answer in a text cut off while thinking', () => {
    expect(extractAnswer('<think>\nAnswer: 12, or', 'number').normalized).toBe('');
  });

  it('reads no number from a quoted excerpt of the question (issue 10: simulated filler "agreed" on 10)', () => {
    const question =
      "Andy's car fuel efficiency is 10 MPG. If the current price for regular gas is $3.00, how many miles can he drive?";
    const filler = `Some general thoughts on “${question.slice(0, 80)}”. The details depend on context. This is simulated filler text, not a real answer.`;
    const answer = extractAnswer(filler, 'number', question);
    expect(answer.kind).toBe('text');
    expect(answer.normalized).not.toMatch(/^10$|^3$/);
    // A real model restating the question, then working it out, still counts its own result.
    const restated = `You asked: "${question.slice(0, 40)}..." With $30 he buys 10 gallons, so 100 miles.`;
    expect(extractAnswer(restated, 'number', question).normalized).toBe('100');
    // A short quote may be the answer itself; without the question nothing is dropped.
    expect(extractAnswer('The answer is "10"', 'number', question).normalized).toBe('10');
    expect(extractAnswer(filler, 'number').kind).toBe('number');
  });

  it('takes the last number of unmarked working when a number is expected', () => {
    expect(extractAnswer('First 12, then 30, finally 42', 'number').normalized).toBe('42');
  });

  it.each([
    ['Reasoning...\nAnswer: (B)', 'B'],
    ['I think the answer is C because of X.', 'C'],
    ['Answer: D) Paris', 'D'],
    ['(E)', 'E'],
  ])('reads the option letter in %j', (text, expected) => {
    const answer = extractAnswer(text, 'choice');
    expect(answer).toMatchObject({ kind: 'choice', normalized: expected });
  });

  it('does not read a sentence starting with "A" as option A', () => {
    expect(extractAnswer('A farmer would pick the second one.', 'choice').kind).toBe('text');
  });

  it.each([
    ['Answer: Yes', 'yes'],
    ['No, because the set is empty.', 'no'],
  ])('reads yes/no in %j', (text, expected) => {
    expect(extractAnswer(text, 'yesno')).toMatchObject({ kind: 'yesno', normalized: expected });
  });

  it('detects the kind without a hint', () => {
    expect(extractAnswer('Answer: 391').kind).toBe('number');
    expect(extractAnswer('Answer: (B)').kind).toBe('choice');
    expect(extractAnswer('Answer: yes').kind).toBe('yesno');
  });

  it('falls back to short normalised text', () => {
    const answer = extractAnswer('  The Capital is PARIS!  ', 'text');
    expect(answer).toEqual({
      kind: 'text',
      value: 'The Capital is PARIS!',
      normalized: 'the capital is paris',
    });
  });
});

describe('detectQuestionKind', () => {
  it('expects a number for arithmetic', () => {
    expect(detectQuestionKind('What is 17 * 23?')).toBe('number');
    expect(detectQuestionKind('What is 100 - 58?')).toBe('number');
    expect(detectQuestionKind('How many legs do 3 spiders have?')).toBe('number');
  });
  it('expects a letter when options are listed', () => {
    expect(detectQuestionKind('Which is a prime?\nA) 4\nB) 6\nC) 7\nD) 9')).toBe('choice');
  });
  it('expects yes or no for a closed question', () => {
    expect(detectQuestionKind('Is the Pacific larger than the Atlantic?')).toBe('yesno');
  });
  it('expects free text otherwise', () => {
    expect(detectQuestionKind('Write a haiku about autumn.')).toBe('text');
    expect(detectQuestionKind('Summarise the 2024-11-23 notes in 2-3 sentences.')).toBe('text');
    expect(detectQuestionKind('Is it better to use tabs or spaces?')).toBe('text');
  });
  it('expects a number for a percentage asked of a word problem', () => {
    expect(
      detectQuestionKind(
        'A custodian has to clean a school with 80 classrooms. They have 5 days to get it done. It takes them 15 minutes per classroom. If they work an 8 hour day, what percentage of their day, on average, is spent cleaning classrooms?',
      ),
    ).toBe('number');
    expect(detectQuestionKind('How many percent of 80 is 20?')).toBe('number');
  });
  it('expects free text for a lone question that names a quantity but gives no numbers', () => {
    for (const prompt of [
      'What is the difference between HTTP/1.1 and HTTP/2?',
      'Why is the sky blue?',
      'What is the capital of France?',
      'Explain percentages to a ten-year-old.',
    ])
      expect(detectQuestionKind(prompt), prompt).toBe('text');
  });
  it('reads no option list into letters that end a sentence ("Juice Box A. Juice Box C…")', () => {
    expect(
      detectQuestionKind(
        'Juice Box A is 4 dollars. Juice Box B is 5 dollars more than Juice Box A. Juice Box C is 7 dollars more than Juice Box A. How much more is Juice box C than Juice Box B?',
      ),
    ).toBe('number');
    expect(detectQuestionKind('Which is prime? A) 4 B) 6 C) 7')).toBe('choice');
  });
  it('expects free text for a request phrased as a question, not yes or no', () => {
    for (const request of [
      'Can you help me plan a trip to Lisbon for three days with kids?',
      'Could you please explain how vaccines work?',
      'Would you write a short poem about rain?',
      'Can you tell me three uses of copper?',
    ])
      expect(detectQuestionKind(request), request).toBe('text');
    // A closed question about ability stays yes/no.
    expect(detectQuestionKind('Can penguins fly?')).toBe('yesno');
    expect(detectQuestionKind('Would a 2 kg brick float in water?')).toBe('yesno');
  });
});

const lines = (path: string): Record<string, unknown>[] =>
  readFileSync(new URL(`../../../../public/eval/${path}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const MODELS = ['6b_finetuning', '6b_verification', '175b_finetuning', '175b_verification'];

describe('answer extraction on the recorded GSM8K solutions (Cobbe et al. 2021)', () => {
  const problems = lines('gsm8k-test.jsonl') as { question: string; answer: string }[];
  const recorded = lines('gsm8k-recorded-solutions.jsonl') as (Record<
    string,
    { solution: string; is_correct: boolean }
  > & { question: string; ground_truth: string })[];

  it('reads the reference answer after "####" for all 1,319 problems, as the recording does after "A:"', () => {
    expect(problems).toHaveLength(1319);
    const disagreements = problems.filter(
      (problem, i) =>
        extractAnswer(problem.answer, 'number').normalized !==
        extractAnswer(recorded[i]!.ground_truth, 'number').normalized,
    );
    expect(disagreements).toEqual([]);
  });

  it('classes every one of the 1,319 questions as a number question, percentages included', () => {
    const misread = problems
      .map((problem) => [detectQuestionKind(problem.question), problem.question] as const)
      .filter(([kind]) => kind !== 'number');
    expect(misread).toEqual([]);
  });

  it("agrees with the authors' is_correct on all 5,276 recorded solutions", () => {
    const disagreements: string[] = [];
    let graded = 0;
    recorded.forEach((row, i) => {
      expect(row.question).toBe(problems[i]!.question);
      const truth = extractAnswer(problems[i]!.answer, 'number').normalized;
      for (const model of MODELS) {
        const { solution, is_correct } = row[model]!;
        // With the question: none of the recorded solutions quotes it, so no grade may change.
        const extracted = extractAnswer(solution, 'number', problems[i]!.question).normalized;
        graded++;
        if ((extracted === truth) !== is_correct)
          disagreements.push(
            `#${i} ${model}: extracted ${extracted}, truth ${truth}, authors ${is_correct}`,
          );
      }
    });
    expect(graded).toBe(5276);
    expect(disagreements).toEqual([]);
  });
});
