// Every prompt the fusion modes send: sampling, pairwise judging, merge analysis, synthesis, debate.
import type { AnswerKind } from './extract-answer.js';

const FINAL_LINE: Record<AnswerKind, string> = {
  number:
    'Work it out step by step, then give the final answer on the last line as "Answer: <number>".',
  choice: 'Reason briefly, then give the final answer on the last line as "Answer: <letter>".',
  yesno:
    'Reason briefly, then give the final answer on the last line as "Answer: yes" or "Answer: no".',
  text: '',
};

/** The question as each member is asked it, with the final-line format votes rely on. */
export function samplingPrompt(question: string, kind: AnswerKind): string {
  const instruction = FINAL_LINE[kind];
  return instruction ? `${question}\n\n${instruction}` : question;
}

/** The JSON schema of a pairwise verdict; for math a "solution" field comes first. */
export function verdictSchema(kind: AnswerKind): string {
  // Under constrained JSON output the judge can only solve first inside the object.
  const solveFirst = kind === 'number';
  return JSON.stringify({
    type: 'object',
    properties: {
      ...(solveFirst ? { solution: { type: 'string' } } : {}),
      winner: { type: 'string', enum: ['A', 'B', 'tie'] },
      reason: { type: 'string' },
    },
    required: [...(solveFirst ? ['solution'] : []), 'winner', 'reason'],
  });
}

/** Asks which of two anonymous responses is better, as JSON; for math the judge solves first. */
export function pairwiseJudgePrompt(
  question: string,
  kind: AnswerKind,
  responseA: string,
  responseB: string,
): string {
  const solveFirst =
    kind === 'number'
      ? 'First solve the problem yourself. Then grade each response against your own answer: a response whose final answer differs from yours is worse, however well written.'
      : '';
  const format =
    kind === 'number'
      ? '{"solution": "<your own short working and final answer>", "winner": "A"|"B"|"tie", "reason": "<one sentence>"}'
      : '{"winner": "A"|"B"|"tie", "reason": "<one sentence>"}';
  return [
    'You are judging two anonymous responses to the same question. Their order is random: do not favour a response for its position, its length or its style. Judge correctness first, then helpfulness.',
    solveFirst,
    `Question:\n"""\n${question}\n"""`,
    `Response A:\n"""\n${responseA}\n"""`,
    `Response B:\n"""\n${responseB}\n"""`,
    `Reply with JSON only: ${format}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The JSON schema (as a string, for the engines' structured output) of merge's analysis: four
 * arrays of strings, consensus, contradictions, unique and blindSpots.
 */
export const ANALYSIS_SCHEMA = JSON.stringify({
  type: 'object',
  properties: Object.fromEntries(
    ['consensus', 'contradictions', 'unique', 'blindSpots'].map((key) => [
      key,
      { type: 'array', items: { type: 'string' } },
    ]),
  ),
  required: ['consensus', 'contradictions', 'unique', 'blindSpots'],
});

function numbered(responses: readonly string[]): string {
  return responses.map((text, i) => `Response ${i + 1}:\n"""\n${text}\n"""`).join('\n\n');
}

/** The aggregator's first step: a structured comparison of the candidates, as JSON. */
export function mergeAnalysisPrompt(question: string, responses: readonly string[]): string {
  return [
    `Several assistants answered this question:\n"""\n${question}\n"""`,
    numbered(responses),
    'Compare the responses. List the points they agree on (consensus), where they contradict each other (contradictions), points only one of them makes (unique) and what all of them missed (blindSpots). Keep each item to one sentence.',
    'Reply with JSON only: {"consensus": [...], "contradictions": [...], "unique": [...], "blindSpots": [...]}',
  ].join('\n\n');
}

/** The aggregator's second step: one answer written from the candidates and the analysis. */
export function synthesisPrompt(
  question: string,
  kind: AnswerKind,
  responses: readonly string[],
  analysis: string,
): string {
  return [
    `Question:\n"""\n${question}\n"""`,
    numbered(responses),
    `An analysis of these responses:\n${analysis}`,
    'Write the single best answer to the question. Weigh the candidates critically: some may be wrong, and agreement is not proof. Do not copy any one of them; resolve the contradictions, keep the correct unique points and cover the blind spots.',
    FINAL_LINE[kind],
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A debate round: the agent sees its own previous answer and the other agents'. */
export function debateRevisionPrompt(
  question: string,
  kind: AnswerKind,
  ownPrevious: string,
  others: readonly string[],
): string {
  const otherBlocks = others.map((text, i) => `Agent ${i + 1}:\n"""\n${text}\n"""`).join('\n\n');
  return [
    `Question:\n"""\n${question}\n"""`,
    `Your previous answer:\n"""\n${ownPrevious}\n"""`,
    `Other agents answered:\n\n${otherBlocks}`,
    "Check your reasoning and theirs step by step. Change your answer only if you can point to a specific error in your previous reasoning or in another agent's; name that error. Otherwise keep your answer. Agreeing with the others is not a reason to change.",
    FINAL_LINE[kind],
  ]
    .filter(Boolean)
    .join('\n\n');
}
