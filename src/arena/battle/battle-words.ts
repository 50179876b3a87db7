// What the arena says: the vote buttons with their keys, and the battle's status line.
import type { VoteWinner } from '../rating/vote.js';
import type { BattleSession } from './battle-session.js';

/** The four votes, in the order of their keys. */
export const VOTE_BUTTONS: { key: string; winner: VoteWinner; text: string }[] = [
  { key: '1', winner: 'a', text: 'A is better' },
  { key: '2', winner: 'b', text: 'B is better' },
  { key: '3', winner: 'tie', text: 'Tie' },
  { key: '4', winner: 'both-bad', text: 'Both are bad' },
];

const VOTE_TEXT: Record<VoteWinner, string> = {
  a: 'Model A is better',
  b: 'Model B is better',
  tie: 'a tie',
  'both-bad': 'both are bad',
};

/** The line under the prompt that says where the battle stands. */
export function battleStatus(session: BattleSession): string {
  switch (session.phase) {
    case 'answering':
      return session.sequential
        ? 'The two models do not fit in GPU memory together: Model A answers first, then Model B.'
        : 'Both models are answering.';
    case 'voting':
      return 'Both answered. Vote to see which model wrote which answer.';
    case 'voted':
      return `You voted: ${VOTE_TEXT[session.winner!]}. Your vote is saved.`;
    case 'void':
      return 'This battle ended without a vote (a model failed or it was stopped). Start the next one.';
    case 'idle':
      return '';
  }
}
