// Model text inside an exported Markdown file: angle brackets escaped outside code, fences long enough.
import { describe, expect, it } from 'vitest';
import {
  fencedBlock,
  foldedReasoning,
  literalMarkdown,
} from '../../../../src/fusion/history/markdown-text.js';

describe('literalMarkdown', () => {
  it.each([
    [
      'Declare it as List<String> names and include <vector> first.',
      'Declare it as List\\<String> names and include \\<vector> first.',
    ],
    [
      'Form: <input type="text" name="u"> <button>Sign in</button>',
      'Form: \\<input type="text" name="u"> \\<button>Sign in\\</button>',
    ],
    ['a < b > c', 'a \\< b > c'],
  ])('escapes raw HTML in %j so a Markdown reader shows it as written', (text, expected) => {
    expect(literalMarkdown(text)).toBe(expected);
  });

  it('leaves code spans and fenced blocks as they are', () => {
    const text =
      'Use `List<String>` here:\n\n```java\nList<String> names;\n```\n\n~~~\n<b>\n~~~\nthen <i>';
    expect(literalMarkdown(text)).toBe(
      'Use `List<String>` here:\n\n```java\nList<String> names;\n```\n\n~~~\n<b>\n~~~\nthen \\<i>',
    );
  });

  it('escapes after a code span with longer backtick runs', () => {
    expect(literalMarkdown('``a ` <b>`` and <c>')).toBe('``a ` <b>`` and \\<c>');
  });
});

describe('literalMarkdown line breaks (issue 10 item 19)', () => {
  it('keeps a single newline as a hard break, so two lines do not render as one', () => {
    expect(literalMarkdown('first line\nsecond line')).toBe('first line  \nsecond line');
  });

  it('leaves paragraph breaks, code blocks and lines already broken as they are', () => {
    expect(literalMarkdown('one\n\ntwo')).toBe('one\n\ntwo');
    expect(literalMarkdown('```\na\nb\n```')).toBe('```\na\nb\n```');
    expect(literalMarkdown('a  \nb\\\nc')).toBe('a  \nb\\\nc');
  });
});

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(fencedBlock('x\n```\ny')).toBe('````\nx\n```\ny\n````');
    expect(fencedBlock('plain')).toBe('```\nplain\n```');
  });
});

describe('foldedReasoning', () => {
  it('folds the reasoning under a Reasoning summary, shown as written', () => {
    expect(foldedReasoning('I weigh <b> and `x`')).toBe(
      '<details><summary>Reasoning</summary>\n\n```\nI weigh <b> and `x`\n```\n\n</details>',
    );
  });
});
