// Renders a described trace as Lit templates for the page: tables with captions, details folded away.
import { html, nothing, type TemplateResult } from 'lit';
import type { Inline, Rich, TableRow, TraceBlock } from './trace-blocks.js';
import './quorum-scroll-box.js';

/** Every block in order; `detail` tables and raw outputs sit in a closed <details>. */
export function traceToHtml(blocks: readonly TraceBlock[]): TemplateResult {
  return html`${blocks.map(blockToHtml)}`;
}

function inline(piece: Inline): TemplateResult | string {
  if (typeof piece === 'string') return piece;
  if ('lineBreak' in piece) return html`<br />`;
  if ('excerpt' in piece)
    return html`<details class="excerpt">
      <summary>${piece.excerpt}</summary>
      <div class="full">${piece.full}</div>
    </details>`;
  switch (piece.style) {
    case 'strong':
      return html`<strong>${piece.text}</strong>`;
    case 'muted':
      return html`<span class="muted">${piece.text}</span>`;
    case 'bad':
      return html`<span class="bad">${piece.text}</span>`;
    case 'pill':
      return html`<span class="pill">${piece.text}</span>`;
  }
}

const rich = (text: Rich) => text.map(inline);

function folded(detail: boolean | undefined, summary: string, body: TemplateResult) {
  return detail
    ? html`<details>
        <summary>${summary}</summary>
        ${body}
      </details>`
    : body;
}

function tableRow(row: TableRow) {
  const [first = [], ...rest] = row.cells;
  return html`<tr class=${row.winner ? 'winner' : ''}>
    <th scope="row">${rich(first)}</th>
    ${rest.map((cell) => html`<td>${rich(cell)}</td>`)}
  </tr>`;
}

function blockToHtml(block: TraceBlock): TemplateResult {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${rich(block.text)}</p>`;
    case 'note':
      return html`<p class="note" role="note">${rich(block.text)}</p>`;
    case 'bullets':
      return html`<ul class="notes">
        ${block.items.map((item) => html`<li>${item}</li>`)}
      </ul>`;
    case 'table':
      return folded(
        block.detail,
        block.caption,
        html`<quorum-scroll-box .label=${block.caption}>
          <table>
            <caption>
              ${block.caption}
            </caption>
            <thead>
              <tr>
                ${block.head.map((heading) => html`<th scope="col">${heading}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${block.rows.map(tableRow)}
            </tbody>
          </table>
        </quorum-scroll-box>`,
      );
    case 'lists':
      return html`<div class="analysis" role="group" aria-label=${block.caption}>
        ${block.lists.map(
          ({ title, items }) =>
            html`<div>
              <h3>${title}</h3>
              ${
                items.length
                  ? html`<ul>
                      ${items.map((item) => html`<li>${item}</li>`)}
                    </ul>`
                  : html`<p class="muted">None named.</p>`
              }
            </div>`,
        )}
      </div>`;
    case 'versus':
      return html`<div class="versus">
        ${block.sides.map(
          ({ title, value, full }) =>
            html`<div>
              <h3>${title}</h3>
              ${
                full && full !== value
                  ? html`<details class="excerpt">
                      <summary>${value}</summary>
                      <div class="full">${full}</div>
                    </details>`
                  : html`<p>${value}</p>`
              }
            </div>`,
        )}
      </div>`;
    case 'raw':
      return folded(
        block.detail,
        block.caption,
        html`${block.detail ? nothing : html`<p>${block.caption}:</p>`}
        ${block.parts.map(
          ({ title, text, reasoning }) =>
            html`${title ? html`<h3>${title}</h3>` : nothing}
              ${
                reasoning
                  ? html`<details>
                      <summary>Reasoning</summary>
                      <pre>${reasoning}</pre>
                    </details>`
                  : nothing
              }
              <pre>${text}</pre>`,
        )}`,
      );
  }
}
