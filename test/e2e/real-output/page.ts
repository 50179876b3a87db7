// Helpers for the real-output end-to-end tests: a studio run, and what model text became on screen, deep in shadow roots.
import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { FAST, openStudio, prepareRun, waitForResult, type StudioMode } from '../studio-page.js';

/** A link that would cover the whole app if its style were kept (issue 13, item 1). */
export const OVERLAY =
  '<a href=//ex.co style=position:fixed;inset:0;z-index:9;background:red>x</a>';
/** Leftovers that must never reach the visitor. */
export const LEAKS = /<\/?think>|<\|[a-z_]+\|>|<end_of_turn>/;
export const fused = (p: Page) => p.locator('[data-testid="fused-answer"]');
export const run = (p: Page) => p.getByRole('button', { name: 'Run', exact: true });

/** Runs `mode` over the three small simulated models with `prompt`, with extra URL options. */
export async function runStudio(
  p: Page,
  mode: StudioMode,
  prompt: string,
  sim = '',
): Promise<void> {
  await openStudio(p, inject('baseUrl'), `${FAST}${sim ? `&${sim}` : ''}`);
  await prepareRun(p, mode, prompt);
  await run(p).click();
  await waitForResult(p);
}

/** Elements made from model text inside `root`: every element in a quorum-markdown's shadow root. */
export interface RenderedModelText {
  /** Tag names of elements that model HTML must never create (forms, frames, images, scripts). */
  forbidden: string[];
  /** Elements carrying a `style` attribute (none may come from outside data). */
  styled: number;
  /** Text of every rendered block, in order, whitespace collapsed. */
  text: string;
  /** Text of every <pre> block. */
  code: string[];
}

/** Reads what the Markdown renderer made of model text below `root`. */
export function renderedModelText(root: Locator): Promise<RenderedModelText> {
  return root.evaluate((start) => {
    const markdowns: Element[] = [];
    const walk = (node: Element | ShadowRoot): void => {
      for (const el of node.querySelectorAll('*')) {
        if (el.tagName === 'QUORUM-MARKDOWN') markdowns.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (start.tagName === 'QUORUM-MARKDOWN') markdowns.push(start);
    walk(start.shadowRoot ?? start);
    const inside = markdowns.flatMap((md) => [...(md.shadowRoot?.querySelectorAll('*') ?? [])]);
    const bad = ['INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'FORM', 'IFRAME', 'IMG', 'SCRIPT'];
    return {
      forbidden: inside
        .filter((el) => bad.includes(el.tagName) && !el.classList.contains('copy'))
        .map((el) => el.tagName),
      styled: inside.filter((el) => el.hasAttribute('style')).length,
      text: markdowns
        .map((md) => md.shadowRoot?.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' '),
      code: inside.filter((el) => el.tagName === 'PRE').map((el) => el.textContent ?? ''),
    };
  });
}

/** The element actually hit at the centre of `target` (through shadow roots), as a short description. */
export function hitAtCentreOf(
  page: Page,
  target: Locator,
): Promise<{ hit: string; same: boolean }> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return {
      hit: hit
        ? `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''} ${hit.textContent?.trim().slice(0, 40) ?? ''}`
        : 'nothing',
      same: hit === el || (hit !== null && el.contains(hit)),
    };
  });
}
