// Renders a described trace as Markdown (the run export), with model text shown literally.
import type { Name } from '../../ui/format.js';
import type { FusionTrace } from '../modes/trace.js';
import { fencedBlock, foldedReasoning, literalMarkdown } from './markdown-text.js';
import type { Inline, Rich, TraceBlock } from './trace-blocks.js';
import { describeTrace } from './trace-description.js';

/** The trace as Markdown sections: what the page shows, with its folded details written out. */
export function traceToMarkdown(trace: FusionTrace, name: Name): string {
  return describeTrace(trace, name).map(blockToMarkdown).join('\n\n');
}

function inline(piece: Inline): string {
  if (typeof piece === 'string') return literalMarkdown(piece);
  if ('lineBreak' in piece) return ' — ';
  if ('excerpt' in piece) return literalMarkdown(piece.excerpt);
  const text = literalMarkdown(piece.text);
  switch (piece.style) {
    case 'strong':
      return `**${text}**`;
    case 'muted':
    case 'bad':
      return `_${text}_`;
    case 'pill':
      return `(${text})`;
  }
}

const rich = (text: Rich): string => text.map(inline).join('');
/** A table cell stays on one line, and a pipe inside it is not a column break. */
const cell = (text: Rich): string => rich(text).replace(/\n+/g, ' ').replace(/\|/g, '\\|');
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

function blockToMarkdown(block: TraceBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return rich(block.text);
    case 'note':
      return `> ${rich(block.text)}`;
    case 'bullets':
      return block.items.map((item) => `- ${literalMarkdown(item)}`).join('\n');
    case 'table':
      return [
        `### ${block.caption}`,
        [
          row(block.head),
          row(block.head.map(() => '---')),
          ...block.rows.map((r) => row(r.cells.map(cell))),
        ].join('\n'),
      ].join('\n\n');
    case 'lists':
      return [
        `### ${block.caption}`,
        ...block.lists.map(
          ({ title, items }) =>
            `**${title}**\n\n${items.map((item) => `- ${literalMarkdown(item)}`).join('\n') || '- (none)'}`,
        ),
      ].join('\n\n');
    case 'versus':
      return block.sides
        .map(({ title, value, full }) => `### ${title}\n\n${literalMarkdown(full ?? value)}`)
        .join('\n\n');
    case 'raw':
      return [
        `### ${block.caption}`,
        ...block.parts.map(({ title, text, reasoning }) =>
          [
            title ? `**${literalMarkdown(title)}**:` : '',
            reasoning ? foldedReasoning(reasoning) : '',
            fencedBlock(text),
          ]
            .filter(Boolean)
            .join('\n\n'),
        ),
      ].join('\n\n');
  }
}
