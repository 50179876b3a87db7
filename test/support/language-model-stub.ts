// A stand-in for Chrome's Prompt API (`LanguageModel`), installed before the app loads (page.addInitScript), shaped like the documented API.
// It keeps what it was asked in window.__languageModelStub: every create() and prompt, with its responseConstraint.

export type StubAvailability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

export interface StubRecord {
  availability: StubAvailability;
  creates: { initialPrompts?: unknown; withMonitor: boolean }[];
  prompts: { input: string; responseConstraint: unknown }[];
  destroyed: number;
}

/**
 * The init script: `LanguageModel` with the given starting availability. Plain JavaScript text, so
 * nothing the test runner's TypeScript transform adds reaches the page.
 */
export function languageModelStub(availability: StubAvailability): string {
  return STUB_SOURCE.replace('__START__', JSON.stringify(availability));
}

const STUB_SOURCE = `(() => {
  const record = { availability: __START__, creates: [], prompts: [], destroyed: 0 };
  window.__languageModelStub = record;
  const wait = (ms) => new Promise((done) => setTimeout(done, ms));
  // A JSON value that fits the schema well enough for Quorum's judges: enums take their first value.
  const fill = (schema) => {
    if (Array.isArray(schema.enum)) return schema.enum[0];
    if (schema.type === 'object') {
      const properties = schema.properties || {};
      return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fill(v)]));
    }
    if (schema.type === 'array') return [];
    if (schema.type === 'number' || schema.type === 'integer') return 1;
    if (schema.type === 'boolean') return true;
    return 'Response 1 is clearer.';
  };
  const answerFor = (input, constraint) => {
    if (constraint && typeof constraint === 'object') return JSON.stringify(fill(constraint));
    const sum = /(\\d+)\\s*([+*])\\s*(\\d+)/.exec(input);
    if (sum) {
      const a = Number(sum[1]);
      const b = Number(sum[3]);
      const value = sum[2] === '+' ? a + b : a * b;
      return "Chrome's model works it out: " + a + ' ' + sum[2] + ' ' + b + ' = ' + value + '.\\nAnswer: ' + value;
    }
    return 'A short answer from the built-in model.';
  };
  const session = () => ({
    inputUsage: 10,
    destroy() { record.destroyed += 1; },
    async measureInputUsage(input) { return Math.ceil(input.length / 4); },
    async prompt(input, options = {}) {
      record.prompts.push({ input, responseConstraint: options.responseConstraint || null });
      return answerFor(input, options.responseConstraint);
    },
    promptStreaming(input, options = {}) {
      record.prompts.push({ input, responseConstraint: options.responseConstraint || null });
      const pieces = answerFor(input, options.responseConstraint).match(/\\s*\\S+/g) || [];
      return new ReadableStream({
        async pull(controller) {
          await wait(15);
          if (options.signal && options.signal.aborted) {
            controller.error(new DOMException('The operation was aborted.', 'AbortError'));
            return;
          }
          const piece = pieces.shift();
          if (piece === undefined) controller.close();
          else controller.enqueue(piece);
        },
      });
    },
  });
  const api = {
    async availability() { return record.availability; },
    async create(options = {}) {
      record.creates.push({ initialPrompts: options.initialPrompts, withMonitor: Boolean(options.monitor) });
      if (record.availability === 'unavailable')
        throw new DOMException('The model is not available on this device.', 'NotSupportedError');
      const monitor = new EventTarget();
      if (options.monitor) options.monitor(monitor);
      if (record.availability === 'downloadable' || record.availability === 'downloading') {
        record.availability = 'downloading';
        for (const loaded of [0, 0.25, 0.5, 0.75, 1]) {
          await wait(150);
          const event = new Event('downloadprogress');
          Object.defineProperty(event, 'loaded', { value: loaded });
          monitor.dispatchEvent(event);
        }
        record.availability = 'available';
      }
      return session();
    },
  };
  Object.defineProperty(window, 'LanguageModel', { value: api, configurable: true });
})();`;
