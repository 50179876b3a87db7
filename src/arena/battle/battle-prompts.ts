// The built-in battle prompts: varied tasks (writing, reasoning, code, facts, advice), so a leaderboard is not about one skill.
import { excerpt } from '../../shared/excerpt.js';

/** One built-in battle prompt and the kind of task it is. */
export interface BattlePrompt {
  /** What kind of task it is, shown beside the prompt in the picker. */
  kind: string;
  text: string;
}

/**
 * The built-in battle prompts: varied tasks (writing, explaining, reasoning, code, facts, advice), so a
 * leaderboard is not about one skill.
 */
export const BATTLE_PROMPTS: readonly BattlePrompt[] = [
  {
    kind: 'Writing',
    text: 'Write a four-line poem about a lighthouse keeper who is afraid of the dark.',
  },
  {
    kind: 'Writing',
    text: 'Write a polite email declining a meeting invitation because of a schedule conflict.',
  },
  { kind: 'Explaining', text: 'Explain to a ten-year-old why the sky is blue.' },
  {
    kind: 'Explaining',
    text: 'What is the difference between a virus and a bacterium? Answer in three sentences.',
  },
  {
    kind: 'Reasoning',
    text: 'A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. How much does the ball cost? Explain.',
  },
  {
    kind: 'Reasoning',
    text: 'If all bloops are razzies and all razzies are lazzies, are all bloops definitely lazzies? Why?',
  },
  { kind: 'Math', text: 'What is 17 × 23? Show your working.' },
  {
    kind: 'Math',
    text: 'A train travels 180 km in 2 hours and 15 minutes. What is its average speed in km/h?',
  },
  {
    kind: 'Code',
    text: 'Write a JavaScript function that returns the n-th Fibonacci number without recursion.',
  },
  {
    kind: 'Code',
    text: 'What does this Python print, and why? print([i * i for i in range(5) if i % 2])',
  },
  { kind: 'Facts', text: 'Name three causes of the French Revolution.' },
  {
    kind: 'Facts',
    text: 'Which planet in our solar system has the most moons known today, and roughly how many?',
  },
  { kind: 'Advice', text: 'Give me five tips for sleeping better, each in one sentence.' },
  { kind: 'Advice', text: 'How should I prepare for a job interview for a junior developer role?' },
  { kind: 'Summarising', text: 'Summarise the plot of "Romeo and Juliet" in two sentences.' },
  {
    kind: 'Translation',
    text: 'Translate into French and Spanish: "The library opens at nine, but the café opens at eight."',
  },
];

/** Longest prompt text in the picker, in characters, before it is cut at a word. */
export const PROMPT_LABEL_CHARS = 60;

/**
 * A prompt as the picker lists it: "kind: text", the text cut at a word with "…" when longer than
 * PROMPT_LABEL_CHARS (never mid-word: "…who is afra" read as a typo).
 */
export function promptLabel(prompt: BattlePrompt): string {
  return `${prompt.kind}: ${excerpt(prompt.text, PROMPT_LABEL_CHARS)}`;
}
