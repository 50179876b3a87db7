// Model text to safe HTML: Markdown rendered by marked, raw HTML shown as text, the result sanitised by DOMPurify.
import createDOMPurify from 'dompurify';
import { Marked, type Token, type TokensList } from 'marked';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Raw HTML written by a model is shown as the model wrote it, never made into elements: no live
 * inputs or buttons, no frames, no styles, and `List<String>` or `<vector>` keep their text.
 * Images are never loaded (a link to them is shown instead), task-list boxes are characters.
 */
const marked = new Marked({
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
 * The first render of a page pays for compiling marked's and DOMPurify's code; doing it once while
 * the browser is idle (as the studio opens) keeps that out of the frame that shows the first answer.
 */
export function warmMarkdown(): void {
  if (warmed) return;
  warmed = true;
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => {
    renderMarkdown(
      '# Warm-up\n\nSome *emphasis*, a [link](https://example.org) and `code`.\n\n- one\n- two\n\n```js\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
  });
}
