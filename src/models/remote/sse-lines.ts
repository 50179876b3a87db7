// Pure: server-sent events cut from a text stream as it arrives (the WHATWG event-stream format, data fields only).

/** The longest line kept waiting for its end; a server that sends more is not speaking SSE. */
export const MAX_SSE_LINE_CHARS = 1024 * 1024;

export class SseLineTooLong extends Error {
  constructor(readonly chars: number) {
    super(`A server-sent event line grew past ${MAX_SSE_LINE_CHARS} characters without ending.`);
    this.name = 'SseLineTooLong';
  }
}

/**
 * Feeds text as it arrives and returns the data of each complete event: the `data:` lines of an
 * event joined by "\n", dispatched at the blank line that ends it. Lines end with CRLF, LF or CR
 * (a CR at the end of a chunk waits for the next one); comments (":") and other fields (event,
 * id, retry) are ignored. Throws SseLineTooLong when a line exceeds `maxLineChars`.
 */
export class SseReader {
  private buffer = '';
  private data: string[] = [];
  private pendingCr = false;

  constructor(private readonly maxLineChars = MAX_SSE_LINE_CHARS) {}

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
    if (this.buffer.length > this.maxLineChars) throw new SseLineTooLong(this.buffer.length);
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
    return events;
  }

  private line(line: string): string | null {
    if (line === '') {
      if (this.data.length === 0) return null;
      const event = this.data.join('\n');
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return null;
    const value = colon < 0 ? '' : line.slice(colon + 1);
    this.data.push(value.startsWith(' ') ? value.slice(1) : value);
    return null;
  }
}
