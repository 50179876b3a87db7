// Model text to safe HTML: Markdown rendered by marked, raw HTML shown as text, the result sanitised by DOMPurify.
import createDOMPurify from 'dompurify';
import { Lexer, Marked, type Token, type TokensList } from 'marked';
import { DIGIT_PRODUCTS } from './digit-products.js';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Raw HTML written by a model is shown as the model wrote it, never made into elements: no live
 * inputs or buttons, no frames, no styles, and `List<String>` or `<vector>` keep their text.
 * Images are never loaded (a link to them is shown instead), task-list boxes are characters.
 */
const marked = new Marked({
  ...DIGIT_PRODUCTS,
  // These two pick the rule set warmMarkdown compiles (Lexer.rules.block.gfm, .inline.breaks).
  gfm: true,
  breaks: true,
  renderer: {
    html({ text, block }) {
      const escaped = escapeHtml(text);
      return block ? `<p>${escaped.trimEnd().replace(/\n/g, '<br>')}</p>\n` : escaped;
    },
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">Image: ${escapeHtml(text || href)}</a>`;
    },
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

/** Only what marked's renderer above can produce; no `style`, no event handlers, no forms. */
const PURIFY = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'class', 'align', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

let purifier: ReturnType<typeof createDOMPurify> | null = null;

/** An instance of our own, so its link hook touches nothing else that uses DOMPurify. */
function purify(): ReturnType<typeof createDOMPurify> {
  if (purifier) return purifier;
  purifier = createDOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    // Links open beside the app, never in its place, and tell the target nothing.
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
  return purifier;
}

/** One top-level Markdown block: its source and its sanitised HTML. */
export interface RenderedBlock {
  raw: string;
  html: string;
}

/**
 * The text's top-level blocks (paragraphs, lists, tables, code blocks…), each rendered to sanitised
 * HTML. Rendering block by block lets a view keep the blocks that did not change while text streams
 * in; `previous` (the last call's result) is reused for blocks whose source is unchanged.
 * Needs a DOM (DOMPurify).
 */
export function renderMarkdownBlocks(
  text: string,
  previous: readonly RenderedBlock[] = [],
): RenderedBlock[] {
  const tokens = marked.lexer(text);
  const known = new Map(previous.map((block) => [block.raw, block.html]));
  return tokens
    .filter((token) => token.type !== 'space')
    .map((token) => ({
      raw: token.raw,
      html: known.get(token.raw) ?? renderToken(token, tokens.links),
    }));
}

function renderToken(token: Token, links: TokensList['links']): string {
  const list = Object.assign([token], { links }) as TokensList;
  return purify().sanitize(marked.parser(list), PURIFY);
}

/** The whole text as sanitised HTML. */
export function renderMarkdown(text: string): string {
  return renderMarkdownBlocks(text)
    .map((block) => block.html)
    .join('');
}

let warmed = false;

/**
 * Compiling one rule for one kind of string takes up to ~15 ms here and a first render ~35 ms: an
 * idle period goes on to the next compilation only while it has used less than this much.
 */
const BATCH_MS = 15;
/**
 * Over 1,000 characters: V8 then compiles a regular expression to machine code on its first use
 * instead of interpreting it once first (regexp tier-up). V8 compiles a rule apart for one-byte
 * (Latin-1) and two-byte strings, and model text is often two-byte (curly quotes, dashes, emoji).
 */
const LINE = 'Some *words*, a [link](https://example.org), `code` and __more__ words.\n';
const SUBJECTS = [LINE.repeat(16), `“${LINE}”`.repeat(16)];
const SAMPLE =
  '# Warm-up\n\nSome *emphasis*, a [link](https://example.org) and `code`.\nA second line\n\n- one\n- two\n\n```js\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |';

/**
 * The first render of a page pays for compiling marked's regular expressions (its paragraph,
 * setext-heading, blockquote and HTML rules are large) and marked's and DOMPurify's code; this does
 * that while the browser is idle (as the studio opens), in steps short enough for no long task.
 * Rendering one one-byte sample was not enough: V8 interprets a regular expression on its first use,
 * compiles it on the next, and compiles again for two-byte strings, so the compilation landed in the
 * frame of the first streamed tokens (CPU profile of the studio: 38 ms in marked's rules 150 ms
 * after Run, one 60 ms long task with four columns). Each rule of the set the renderer uses is run
 * on a long one-byte and a long two-byte subject, a few steps per idle period, then two samples are
 * rendered, one per idle period.
 */
export function warmMarkdown(): void {
  if (warmed) return;
  warmed = true;
  const { block, inline } = Lexer.rules;
  const rules = [...Object.values(block.gfm), ...Object.values(inline.breaks)].filter(
    (rule): rule is RegExp => rule instanceof RegExp,
  );
  // One render per idle period: marked's parser and DOMPurify compile their own code on the first.
  const steps = [
    ...rules.flatMap((rule) => SUBJECTS.map((subject) => () => compileRule(rule, subject))),
    ...[SAMPLE, `“${SAMPLE}”`].map((sample) =>
      Object.assign(() => void renderMarkdown(sample), { alone: true }),
    ),
  ];
  const idle =
    window.requestIdleCallback ??
    ((callback: IdleRequestCallback) =>
      setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 50));
  const work: IdleRequestCallback = (deadline) => {
    const start = performance.now();
    do steps.shift()?.();
    while (
      steps.length > 0 &&
      !('alone' in steps[0]!) &&
      performance.now() - start < BATCH_MS &&
      deadline.timeRemaining() > BATCH_MS
    );
    if (steps.length > 0) idle(work);
  };
  idle(work);
}

/** Runs `rule` on `subject` twice (compiled by the second run), leaving its lastIndex as it was. */
function compileRule(rule: RegExp, subject: string): void {
  const { lastIndex } = rule;
  rule.exec(subject);
  rule.lastIndex = 0;
  rule.exec(subject);
  rule.lastIndex = lastIndex;
}
