// Whole response bodies read up to a size limit: refused past it, or cut for error answers, and never read further.
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, readBodyText } from '../../../../src/models/remote/read-body.js';

/** A response whose body arrives in `chunks` pieces of `size` bytes; `pulled` counts the pieces read. */
function chunked(chunks: number, size: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      seen.pulled += 1;
      controller.enqueue(new TextEncoder().encode('x'.repeat(size)));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body, { headers }), seen };
}

describe('readBodyText', () => {
  it('reads a body within the limit whole, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('{"id":"modèle-ü"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    expect(await readBodyText(new Response(body), 1024)).toBe('{"id":"modèle-ü"}');
  });

  it('stops reading a body past the limit and cancels it', async () => {
    const { response, seen } = chunked(1000, 1024);
    await expect(readBodyText(response, 10 * 1024)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(seen.pulled).toBeLessThan(20);
    expect(seen.cancelled).toBe(true);
  });

  it('refuses a declared Content-Length past the limit before reading', async () => {
    const { response, seen } = chunked(3, 10, { 'Content-Length': '999999' });
    await expect(readBodyText(response, 100)).rejects.toThrow(/larger than 100 bytes/);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it('gives the first bytes of an error answer when asked to cut it', async () => {
    const { response, seen } = chunked(1000, 1024);
    const text = await readBodyText(response, 1500, { truncate: true });
    expect(text).toBe('x'.repeat(1500));
    expect(seen.cancelled).toBe(true);
  });
});
