// <quorum-markdown> in real Chromium: hostile model output cannot run script, and code blocks copy.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/quorum-markdown.js';
import type { QuorumMarkdown } from '../../../src/ui/quorum-markdown.js';

declare global {
  interface Window {
    __x?: number;
  }
}

const HOSTILE = [
  'Here is an image: <img src=x onerror="window.__x=1">',
  '',
  '<script>window.__x=2</script>',
  '',
  'A [harmless-looking link](javascript:window.__x=3) and a raw <a href="javascript:window.__x=4">second</a>.',
  '',
  '```js',
  'const answer = 42;',
  'console.log(answer);',
  '```',
].join('\n');

async function mount(text: string): Promise<QuorumMarkdown> {
  const element = document.createElement('quorum-markdown');
  element.text = text;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** The rendered text, with <br> as a line break and the whitespace between blocks left out. */
function textWithBreaks(root: ShadowRoot): string {
  const blocks = [...root.querySelectorAll('p')];
  return blocks
    .map((p) =>
      [...p.childNodes].map((n) => (n.nodeName === 'BR' ? '\n' : (n.textContent ?? ''))).join(''),
    )
    .join('\n');
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  document.body.replaceChildren();
  delete window.__x;
  vi.restoreAllMocks();
});

describe('quorum-markdown', () => {
  it('renders hostile HTML without running any of it', async () => {
    const element = await mount(HOSTILE);
    const root = element.shadowRoot!;
    // A broken image fires onerror asynchronously: give it time to (not) run.
    await settle(300);
    expect(window.__x).toBeUndefined();
    expect(root.querySelector('script')).toBeNull();
    for (const img of root.querySelectorAll('img')) expect(img.hasAttribute('onerror')).toBe(false);
    expect(root.querySelectorAll('[onerror], [onclick], [onload]')).toHaveLength(0);
    // Text around the hostile parts is still shown.
    expect(root.textContent).toContain('Here is an image:');
    expect(root.textContent).toContain('harmless-looking link');
  });

  it('neutralises javascript: links', async () => {
    const element = await mount(HOSTILE);
    const root = element.shadowRoot!;
    const links = [...root.querySelectorAll('a')];
    // The raw <a> is model HTML: shown as text, not made a link.
    expect(links.map((a) => a.textContent)).toEqual(['harmless-looking link']);
    expect(root.textContent).toContain('<a href="javascript:window.__x=4">second</a>');
    for (const link of links) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
      link.click();
    }
    await settle(50);
    expect(window.__x).toBeUndefined();
  });

  it('gives a code block a copy button that puts the code in the clipboard', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const element = await mount(HOSTILE);
    const root = element.shadowRoot!;
    const blocks = root.querySelectorAll('pre');
    expect(blocks).toHaveLength(1);
    const button = root.querySelector<HTMLButtonElement>('.code button');
    expect(button?.getAttribute('aria-label')).toBe('Copy code');
    button!.click();
    await vi.waitFor(() => expect(button!.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith('const answer = 42;\nconsole.log(answer);\n');
  });

  it.each([
    [
      'Declare it as List<String> names and include <vector> first.',
      'Declare it as List<String> names and include <vector> first.',
    ],
    [
      'Form: <input type="text" name="u"> <button>Sign in</button>',
      'Form: <input type="text" name="u"> <button>Sign in</button>',
    ],
    ['<think>plan</think> Final: 42 <|im_end|>', '<think>plan</think> Final: 42 <|im_end|>'],
    ['a < b > c', 'a < b > c'],
    [
      '<a href=//ex.co style=position:fixed;inset:0;z-index:9;background:red>x</a>',
      '<a href=//ex.co style=position:fixed;inset:0;z-index:9;background:red>x</a>',
    ],
    ['<iframe src="https://ex.co"></iframe>', '<iframe src="https://ex.co"></iframe>'],
    ['<div>\n<b>bold</b>\n</div>', '<div>\n<b>bold</b>\n</div>'],
  ])('shows the model HTML of %j as text, creating no element from it', async (text, shown) => {
    const element = await mount(text);
    const root = element.shadowRoot!;
    const created = [...root.querySelectorAll('*')].filter(
      (node) => !['P', 'BR', 'STYLE'].includes(node.tagName),
    );
    expect(created.map((node) => node.tagName)).toEqual([]);
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
    expect(textWithBreaks(root)).toBe(shown);
  });

  it('keeps Markdown working: headings, emphasis, lists, tables, links and code', async () => {
    const element = await mount(
      '## Plan\n\n**Bold** and *em* and `List<String>`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | <2> |\n\n[docs](https://example.org/x)\n\n```java\nList<String> names;\n```',
    );
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).toBe('Plan');
    expect(root.querySelector('strong')?.textContent).toBe('Bold');
    expect(root.querySelector('em')?.textContent).toBe('em');
    expect(root.querySelector('p code')?.textContent).toBe('List<String>');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect([...root.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '<2>']);
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/x');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('pre code')?.textContent).toBe('List<String> names;\n');
  });

  it('never loads an image: a Markdown image becomes a link to it', async () => {
    const element = await mount('![a chart](https://ex.co/chart.png)');
    const root = element.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    const link = root.querySelector('a');
    expect(link?.textContent).toBe('Image: a chart');
    expect(link?.getAttribute('href')).toBe('https://ex.co/chart.png');
  });

  it('streams a fenced block three characters at a time without stray backticks or flicker', async () => {
    const answer = 'Here is the code:\n\n```js\nconst a = 1;\nconst b = 2;\n```\n';
    const element = await mount('');
    element.streaming = true;
    let paragraph: Element | null = null;
    for (let end = 3; end <= answer.length; end += 3) {
      element.text = answer.slice(0, end);
      await element.updateComplete;
      const root = element.shadowRoot!;
      for (const code of root.querySelectorAll('pre')) expect(code.textContent).not.toContain('`');
      expect(root.textContent).not.toContain('`');
      const first = root.querySelector('p');
      if (paragraph && first?.textContent === 'Here is the code:') expect(first).toBe(paragraph);
      if (first?.textContent === 'Here is the code:') paragraph ??= first;
    }
    element.text = answer;
    element.streaming = false;
    await element.updateComplete;
    const root = element.shadowRoot!;
    const blocks = [...root.querySelectorAll('p, pre')];
    expect(blocks.map((block) => block.tagName)).toEqual(['P', 'PRE']);
    expect(root.querySelector('pre')?.textContent).toBe('const a = 1;\nconst b = 2;\n');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    root.querySelector<HTMLButtonElement>('.code button')!.click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('const a = 1;\nconst b = 2;\n'));
  });

  it('adds one copy button per code block, even after re-rendering', async () => {
    const element = await mount('```\na\n```\n\ntext\n\n```\nb\n```');
    element.text = `${element.text}\n\nmore`;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('.code button')).toHaveLength(2);
  });

  it('shows a product of numbers as written: a * between digits is no emphasis', async () => {
    const element = await mount('There are 25*5 + 10*2 = 145 cents, *so* 2 * 3*4 = 24.');
    const root = element.shadowRoot!;
    expect(textWithBreaks(root)).toBe('There are 25*5 + 10*2 = 145 cents, so 2 * 3*4 = 24.');
    expect([...root.querySelectorAll('em')].map((em) => em.textContent)).toEqual(['so']);
  });

  it("drops GSM8K's calculator annotations, keeping the result, and holds one back while it arrives", async () => {
    const element = await mount('She makes 9 * 2 = $<<9*2=18>>18 every day.\nA: 18');
    expect(textWithBreaks(element.shadowRoot!)).toBe('She makes 9 * 2 = $18 every day.\nA: 18');
    element.streaming = true;
    element.text = 'So 48/2 = <<48/2=2';
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).not.toContain('<<');
    // Code that only looks like one is left as written.
    element.streaming = false;
    element.text = '`(x<<24>>24)` and x << 2 >> 1';
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).toContain('(x<<24>>24)');
    expect(element.shadowRoot!.textContent).toContain('x << 2 >> 1');
  });
});
