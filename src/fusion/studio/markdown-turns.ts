// Hands out turns to render a finished answer's Markdown, one per frame, and warms the parser up beforehand.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const waiting: (() => void)[] = [];
let pumping = false;

/**
 * Resolves when it is this caller's turn. Four columns finishing together would otherwise parse,
 * sanitise and lay out four long answers in one task; one per frame keeps each task short.
 */
export function markdownTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    pump();
  });
}

function pump(): void {
  if (pumping || waiting.length === 0) return;
  pumping = true;
  // After the next frame's rendering, in a task of its own.
  requestAnimationFrame(() =>
    setTimeout(() => {
      pumping = false;
      waiting.shift()?.();
      pump();
    }),
  );
}

let warmed = false;

/**
 * The first marked.parse and DOMPurify.sanitize of a page pay for compiling their code; doing that
 * once while the browser is idle (as a run starts) keeps it out of the frame that shows the answer.
 */
export function warmMarkdown(): void {
  if (warmed) return;
  warmed = true;
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => {
    const sample =
      '# Warm-up\n\nSome *emphasis*, a [link](https://example.org) and `code`.\n\n- one\n- two\n\n```js\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |';
    DOMPurify.sanitize(marked.parse(sample, { async: false, gfm: true, breaks: true }));
  });
}
