// Streaming Markdown tidied while it arrives: open fences closed, half fences and code spans held back, at every prefix.
import { describe, expect, it } from 'vitest';
import { tidyStreamingMarkdown } from '../../../../src/ui/markdown/streaming-markdown.js';

const ANSWER = 'Here is the code:\n\n```js\nconst a = 1;\nconst b = 2;\n```\n';

describe('tidyStreamingMarkdown', () => {
  it('closes a fenced block that is still open', () => {
    expect(tidyStreamingMarkdown('Code:\n\n```js\nconst a = 1;\nconst')).toBe(
      'Code:\n\n```js\nconst a = 1;\nconst\n```',
    );
  });

  it('holds back a closing fence that has only partly arrived', () => {
    expect(tidyStreamingMarkdown('```js\nconst a = 1;\n`')).toBe('```js\nconst a = 1;\n```');
    expect(tidyStreamingMarkdown('```js\nconst a = 1;\n``')).toBe('```js\nconst a = 1;\n```');
  });

  it('holds back an opening fence until its line is complete', () => {
    expect(tidyStreamingMarkdown('Code:\n\n`')).toBe('Code:\n\n');
    expect(tidyStreamingMarkdown('Code:\n\n``')).toBe('Code:\n\n');
    expect(tidyStreamingMarkdown('Code:\n\n```j')).toBe('Code:\n\n');
    expect(tidyStreamingMarkdown('Code:\n\n```js\n')).toBe('Code:\n\n```js\n```');
  });

  it('matches the fence that opened the block (tildes, longer fences)', () => {
    expect(tidyStreamingMarkdown('~~~~\n```\nx')).toBe('~~~~\n```\nx\n~~~~');
    expect(tidyStreamingMarkdown('````\na\n```\nb')).toBe('````\na\n```\nb\n````');
  });

  it('holds back an inline code span until it closes', () => {
    expect(tidyStreamingMarkdown('Use `List<Str')).toBe('Use ');
    expect(tidyStreamingMarkdown('Use `x` and `y')).toBe('Use `x` and ');
    expect(tidyStreamingMarkdown('Use `x`')).toBe('Use `x`');
  });

  it('holds back a table delimiter row until it is complete', () => {
    expect(tidyStreamingMarkdown('| a | b |\n|--')).toBe('| a | b |\n');
    expect(tidyStreamingMarkdown('| a | b |\n|---|---|\n| 1')).toBe('| a | b |\n|---|---|\n| 1');
  });

  it('leaves finished text alone', () => {
    expect(tidyStreamingMarkdown(ANSWER)).toBe(ANSWER);
    expect(tidyStreamingMarkdown('a < b > c')).toBe('a < b > c');
  });

  it('never shows a backtick inside the code block of any prefix, three characters at a time', () => {
    for (let end = 3; end <= ANSWER.length; end += 3) {
      const tidy = tidyStreamingMarkdown(ANSWER.slice(0, end));
      const fences = tidy.match(/^```.*$/gm) ?? [];
      expect(fences.length % 2).toBe(0);
      const inside = tidy.split(/^```.*$/m)[1] ?? '';
      expect(inside).not.toContain('`');
      expect(tidy.replace(/^```.*$/gm, '')).not.toContain('`');
    }
  });
});
