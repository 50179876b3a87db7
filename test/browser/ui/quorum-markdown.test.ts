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
    expect(links.map((a) => a.textContent)).toEqual(
      expect.arrayContaining(['harmless-looking link', 'second']),
    );
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

  it('adds one copy button per code block, even after re-rendering', async () => {
    const element = await mount('```\na\n```\n\ntext\n\n```\nb\n```');
    element.text = `${element.text}\n\nmore`;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('.code button')).toHaveLength(2);
  });
});
