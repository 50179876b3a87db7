// Deterministic comparison pages in the seeds' shape and size, with tools reused across pages as the seeds reuse them.
import { seededRandom } from '../../src/shared/prng.js';
import { WORDS, CATEGORIES, ENTRIES, NAME_PARTS, NAME_SUFFIXES } from './page-words.js';

export interface GeneratedTool {
  name: string;
  category: string;
  tagline: string;
  panelShip: string;
  community: string;
  entry: string;
  description: string;
}

export interface GeneratedPage {
  /** `NNNNN_<title slug>.txt`: unique, sortable. */
  fileName: string;
  text: string;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Distinct tools; pages pick them with Zipf-like popularity (s = 1), like the seeds' shared tool. */
  toolCount?: number;
}

const FOOTER = [
  'Weekly AI Tool Verdicts',
  'Get the next comparison in your inbox',
  'New AI tools ship daily. We compare them before you waste an afternoon.',
];

/** Same options, same pages, byte for byte. */
export function generatePages(options: GenerateOptions): GeneratedPage[] {
  const random = seededRandom(options.seed ?? 20_260_501);
  const tools = makeTools(random, options.toolCount ?? 800);
  const pick = zipfPicker(random, tools.length);
  const titles = new Set<string>();
  const pages: GeneratedPage[] = [];
  while (pages.length < options.count) {
    const a = tools[pick()];
    const b = tools[pick()];
    if (a === undefined || b === undefined || a === b) continue;
    const title = `${a.name} vs ${b.name}`;
    // One title is one comparison id: a repeat would be deduplicated by the import, not added.
    if (titles.has(title)) continue;
    titles.add(title);
    const number = String(pages.length).padStart(5, '0');
    pages.push({ fileName: `${number}_${slug(title)}.txt`, text: pageText(random, title, a, b) });
  }
  return pages;
}

function pageText(random: () => number, title: string, a: GeneratedTool, b: GeneratedTool): string {
  const lines = [
    'AI tool comparison',
    title,
    `Which one should you ship with? ${sentence(random, 10, 16)}`,
    ...toolLines(a),
    ...toolLines(b),
    'Reviewer scorecard',
  ];
  for (let row = 0; row < 4; row++) {
    lines.push(quote(random, a.name), quote(random, b.name));
  }
  return [...lines, ...FOOTER].join('\n');
}

function toolLines(tool: GeneratedTool): string[] {
  return [
    tool.category,
    tool.name,
    tool.tagline,
    tool.panelShip,
    'Panel ship',
    tool.community,
    'Community',
    tool.entry,
    'Entry',
    tool.description,
  ];
}

function makeTools(random: () => number, count: number): GeneratedTool[] {
  const names = new Set<string>();
  const tools: GeneratedTool[] = [];
  while (tools.length < count) {
    const name = toolName(random);
    if (names.has(name)) continue;
    names.add(name);
    const description = paragraph(random, name, 1250, 1650);
    tools.push({
      name,
      category: choose(random, CATEGORIES),
      tagline: capitalize(sentence(random, 9, 15)).replace(/\.$/, ''),
      panelShip: percentOrDash(random, 0.9),
      community: percentOrDash(random, 0.3),
      entry: choose(random, ENTRIES),
      description,
    });
  }
  return tools;
}

function toolName(random: () => number): string {
  const base = `${capitalize(choose(random, NAME_PARTS))}${choose(random, NAME_PARTS)}`;
  const suffix = random() < 0.6 ? ` ${choose(random, NAME_SUFFIXES)}` : '';
  return `${base}${suffix}`;
}

function quote(random: () => number, toolName: string): string {
  const body = paragraph(random, toolName, 260, 360);
  return `“${body}”`;
}

/** Sentences of vocabulary words, mentioning the tool now and then, until `min`..`max` characters. */
function paragraph(random: () => number, toolName: string, min: number, max: number): string {
  const target = min + Math.floor(random() * (max - min));
  let text = '';
  while (text.length < target) {
    const next =
      random() < 0.3
        ? `${toolName} ${sentence(random, 6, 14)}`
        : capitalize(sentence(random, 8, 18));
    text = text ? `${text} ${next}` : next;
  }
  return text;
}

function sentence(random: () => number, minWords: number, maxWords: number): string {
  const count = minWords + Math.floor(random() * (maxWords - minWords + 1));
  const words = Array.from({ length: count }, () => choose(random, WORDS));
  return `${words.join(' ')}.`;
}

function percentOrDash(random: () => number, shownShare: number): string {
  return random() < shownShare ? `${Math.floor(random() * 101)}%` : '—';
}

/** Index 0 most popular: P(i) ∝ 1 / (i + 1). */
function zipfPicker(random: () => number, count: number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += 1 / (i + 1);
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? total) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

function choose<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('choose() needs a non-empty list');
  return item;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
