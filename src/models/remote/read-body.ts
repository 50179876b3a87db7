// Reads a whole (not streamed) response body as text up to a size limit, so a server cannot fill the page's memory.

/** The largest model list or whole JSON answer read (a hosted router's list of hundreds of models is a few MB). */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;
/** How much of an error answer is read: only its message is shown, clipped to 200 characters. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The body was larger than the limit; reading stopped and the connection was released. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The response body is larger than ${limitBytes} bytes.`);
    this.name = 'BodyTooLarge';
  }
}

/** Whether an over-long body is cut instead of refused. */
export interface ReadBodyOptions {
  /** Return the first `maxBytes` instead of throwing (for error bodies, of which only the start is shown). */
  truncate?: boolean;
}

/**
 * The body decoded as UTF-8, read chunk by chunk and never past `maxBytes` (a Content-Length
 * above it fails before reading). Throws BodyTooLarge when the body is larger (unless
 * `truncate`), after cancelling it; a failed read rejects as the stream does.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  options: ReadBodyOptions = {},
): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const declared = Number(response.headers.get('Content-Length'));
  if (!options.truncate && Number.isFinite(declared) && declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    throw new BodyTooLarge(maxBytes);
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const step = await reader.read();
    if (step.done) break;
    const chunk = step.value;
    if (bytes + chunk.byteLength > maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (!options.truncate) throw new BodyTooLarge(maxBytes);
      text += decoder.decode(chunk.subarray(0, maxBytes - bytes));
      return text;
    }
    bytes += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
