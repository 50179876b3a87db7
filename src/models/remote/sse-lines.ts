// Pure: server-sent events cut from a text stream as it arrives (the WHATWG event-stream format, data fields only).

/** The longest line kept waiting for its end; a server that sends more is not speaking SSE. */
export const MAX_SSE_LINE_CHARS = 1024 * 1024;
/**
 * The most data one event may gather (its `data:` lines joined): a chat-completion chunk is well
 * under 1 KB, so a server whose event grows past 1 Mi characters never sends the blank line.
 */
export const MAX_SSE_EVENT_CHARS = 1024 * 1024;

/** A line, or one event's data, grew past its limit: the stream is not SSE a client can keep. */
export class SseTooLong extends Error {
  constructor(
    readonly part: 'line' | 'event',
    readonly chars: number,
    readonly limit: number,
  ) {
    super(
      part === 'line'
        ? `A server-sent event line grew past ${limit} characters without ending.`
        : `A server-sent event gathered more than ${limit} characters of data without the blank line that ends it.`,
    );
    this.name = 'SseTooLong';
  }
}

/** Caps that keep a server's stream from filling memory. */
export interface SseLimits {
  /** Longest line, ended or not, in characters. */
  lineChars: number;
  /** Most data of one event (its data lines, joined), in characters. */
  eventChars: number;
}

/**
 * Feeds text as it arrives and returns the data of each complete event: the `data:` lines of an
 * event joined by "\n", dispatched at the blank line that ends it. Lines end with CRLF, LF or CR
 * (a CR at the end of a chunk waits for the next one); comments (":") and other fields (event,
 * id, retry) are ignored. Throws SseTooLong when a line exceeds `limits.lineChars`, or when one
 * event's data exceeds `limits.eventChars` (memory stays bounded whatever a server sends).
 */
export class SseReader {
  private buffer = '';
  private data: string[] = [];
  private dataChars = 0;
  private pendingCr = false;
  private readonly limits: SseLimits;

  constructor(limits: Partial<SseLimits> = {}) {
    this.limits = { lineChars: MAX_SSE_LINE_CHARS, eventChars: MAX_SSE_EVENT_CHARS, ...limits };
  }

  feed(text: string): string[] {
    let chunk = text;
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = false;
    this.buffer += chunk;
    const events: string[] = [];
    let start = 0;
    for (;;) {
      const lf = this.buffer.indexOf('\n', start);
      const cr = this.buffer.indexOf('\r', start);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      const line = this.buffer.slice(start, end);
      if (this.buffer[end] === '\r') {
        if (end + 1 === this.buffer.length) this.pendingCr = true;
        start = this.buffer[end + 1] === '\n' ? end + 2 : end + 1;
      } else start = end + 1;
      const event = this.line(line);
      if (event !== null) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.limits.lineChars)
      throw new SseTooLong('line', this.buffer.length, this.limits.lineChars);
    return events;
  }

  /** The event left unterminated when the stream ended (servers often omit the last blank line). */
  end(): string[] {
    const events: string[] = [];
    if (this.buffer !== '') {
      const event = this.line(this.buffer);
      if (event !== null) events.push(event);
      this.buffer = '';
    }
    if (this.data.length > 0) events.push(this.data.join('\n'));
    this.data = [];
    this.dataChars = 0;
    return events;
  }

  private line(line: string): string | null {
    // An ended line counts too: a chunk can hold a whole 10 MB line and its line break.
    if (line.length > this.limits.lineChars)
      throw new SseTooLong('line', line.length, this.limits.lineChars);
    if (line === '') {
      if (this.data.length === 0) return null;
      const event = this.data.join('\n');
      this.data = [];
      this.dataChars = 0;
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return null;
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    // Counted with the "\n" that will join it to the previous line.
    this.dataChars += value.length + (this.data.length > 0 ? 1 : 0);
    if (this.dataChars > this.limits.eventChars)
      throw new SseTooLong('event', this.dataChars, this.limits.eventChars);
    this.data.push(value);
    return null;
  }
}
