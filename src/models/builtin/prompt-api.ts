// The part of Chrome's Prompt API (the `LanguageModel` global) Quorum uses, typed, and where to find it.

/** What `LanguageModel.availability()` answers. */
export type BuiltinAvailability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

/** One turn of a Prompt API conversation. */
export interface LanguageModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** An input or output the session must handle (text, in these languages). */
export interface LanguageModelExpected {
  type: 'text';
  languages?: string[];
}

/** What `monitor` receives: download progress events, `loaded` in 0..1. */
export interface DownloadMonitor {
  addEventListener(
    type: 'downloadprogress',
    listener: (event: Event & { loaded: number }) => void,
  ): void;
}

/**
 * Options of `LanguageModel.create()`: the conversation so far, languages, a download monitor and a stop
 * signal.
 */
export interface LanguageModelCreateOptions {
  initialPrompts?: LanguageModelMessage[];
  expectedInputs?: LanguageModelExpected[];
  expectedOutputs?: LanguageModelExpected[];
  monitor?: (monitor: DownloadMonitor) => void;
  signal?: AbortSignal;
}

/** Options of one prompt. */
export interface LanguageModelPromptOptions {
  /** A JSON Schema (or RegExp) the answer must match. */
  responseConstraint?: object;
  signal?: AbortSignal;
}

/** One Prompt API session: prompts, streamed prompts, its context usage in tokens, and destroy. */
export interface LanguageModelSession {
  prompt(input: string, options?: LanguageModelPromptOptions): Promise<string>;
  promptStreaming(input: string, options?: LanguageModelPromptOptions): ReadableStream<string>;
  /** Tokens in the session's context so far (Chrome names it inputUsage, newer versions contextUsage). */
  readonly inputUsage?: number;
  readonly contextUsage?: number;
  measureInputUsage?(input: string): Promise<number>;
  destroy(): void;
}

/** The `LanguageModel` global: its availability and session creation. */
export interface LanguageModelStatic {
  availability(options?: {
    expectedInputs?: LanguageModelExpected[];
    expectedOutputs?: LanguageModelExpected[];
  }): Promise<BuiltinAvailability>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSession>;
}

/** English in and out: the options availability() and create() are both asked with. */
export const TEXT_IN_ENGLISH = {
  expectedInputs: [{ type: 'text' as const, languages: ['en'] }],
  expectedOutputs: [{ type: 'text' as const, languages: ['en'] }],
};

/** The Prompt API of this window, or null (other browsers, workers, Chromium without the model). */
export function findLanguageModel(): LanguageModelStatic | null {
  const api = (globalThis as { LanguageModel?: unknown }).LanguageModel;
  if (typeof api !== 'function' && (typeof api !== 'object' || api === null)) return null;
  const candidate = api as Partial<LanguageModelStatic>;
  if (typeof candidate.availability !== 'function' || typeof candidate.create !== 'function')
    return null;
  // A plain Chromium build has the API's native code but not Google's on-device model service,
  // so it can never be available there; and asking was not harmless: Debian's Chromium 150 crashed
  // the tab in about a third of reloads made after one availability() call. Such a browser is
  // treated as having no built-in model (the page says which browsers do).
  const native = /\[native code\]/.test(Function.prototype.toString.call(candidate.availability));
  if (native && isPlainChromium(brandsOfThisBrowser())) return null;
  return candidate as LanguageModelStatic;
}

/**
 * Whether the User-Agent Client Hints brands (`navigator.userAgentData.brands`, e.g.
 * ["Chromium", "Not=A?Brand"]) name Chromium and no product built on it (Google Chrome, Microsoft
 * Edge, Opera…). The GREASE brand (a made-up "Not…Brand" name) is ignored. Empty brands: false.
 */
export function isPlainChromium(brands: readonly string[]): boolean {
  const real = brands.filter((brand) => !/not.?a.?brand/i.test(brand));
  return real.length > 0 && real.every((brand) => brand === 'Chromium');
}

function brandsOfThisBrowser(): string[] {
  const data = (globalThis.navigator as { userAgentData?: { brands?: { brand: string }[] } })
    ?.userAgentData;
  return (data?.brands ?? []).map((entry) => entry.brand);
}

/** Where the built-in model exists, for visitors whose browser has none. */
export const BUILTIN_REQUIREMENTS =
  'Chrome’s built-in model (Gemini Nano, through the Prompt API) runs in Google Chrome 148 or later on desktop: Windows 10 or 11, macOS 13 or later, Linux, or ChromeOS on a Chromebook Plus, with more than 4 GB of GPU memory (or 16 GB of RAM and 4 CPU cores) and 22 GB of free disk for the first download. Chromium builds, other browsers, phones and tablets do not have it.';
