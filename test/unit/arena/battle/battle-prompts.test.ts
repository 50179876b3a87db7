// The arena's built-in prompts as the picker lists them: whole, or cut at a word with an ellipsis.
import { describe, expect, it } from 'vitest';
import {
  BATTLE_PROMPTS,
  PROMPT_LABEL_CHARS,
  promptLabel,
} from '../../../../src/arena/battle/battle-prompts.js';

describe('promptLabel', () => {
  it('cuts a long prompt at a word with "…", never mid-word ("…who is afra")', () => {
    expect(promptLabel(BATTLE_PROMPTS[0]!)).toBe(
      'Writing: Write a four-line poem about a lighthouse keeper who is…',
    );
  });

  it('lists every built-in prompt whole or as a word-cut prefix ending in "…"', () => {
    for (const prompt of BATTLE_PROMPTS) {
      const text = promptLabel(prompt).slice(`${prompt.kind}: `.length);
      if (prompt.text.length <= PROMPT_LABEL_CHARS) {
        expect(text).toBe(prompt.text);
        continue;
      }
      expect(text.endsWith('…')).toBe(true);
      const kept = text.slice(0, -1);
      expect(prompt.text.startsWith(kept)).toBe(true);
      // The next character of the prompt after the kept part is not a letter or digit: a word end.
      expect(prompt.text.charAt(kept.length)).toMatch(/[^\p{L}\p{N}]/u);
    }
  });

  it('keeps a short prompt whole', () => {
    expect(promptLabel({ kind: 'Math', text: 'What is 17 × 23? Show your working.' })).toBe(
      'Math: What is 17 × 23? Show your working.',
    );
  });
});
