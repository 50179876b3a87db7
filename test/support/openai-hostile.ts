// The test server's hostile answers: model lists and bodies no honest server sends, for the limits on what Quorum reads from an endpoint.
import type { ServerResponse } from 'node:http';

/** Routes with hostile model lists: the base URL is the server's URL plus this prefix and "/v1". */
export const HOSTILE_LIST_PREFIX = '/hostile';
export const HUGE_LIST_PREFIX = '/huge';

/** What GET /hostile/v1/models lists: two plain ids and four Quorum must not offer. */
export const HOSTILE_LIST = [
  'plain-model',
  // U+202E reverses what follows: "gpt-4o\u202Eexe.txt" reads "gpt-4otxt.exe".
  'gpt-4o\u202Eexe.txt',
  'isolate\u2067model',
  'two\nlines',
  'x'.repeat(201),
  `long-${'y'.repeat(195)}`,
];

const MB = 1024 * 1024;

/** The JSON a hostile /models route answers with, or null when `pathname` is not one. */
export function hostileModelList(pathname: string): unknown {
  if (pathname === `${HOSTILE_LIST_PREFIX}/v1/models`)
    return { object: 'list', data: HOSTILE_LIST.map((id) => ({ id, object: 'model' })) };
  if (pathname === `${HUGE_LIST_PREFIX}/v1/models`)
    // About 12 MB: 60,000 models with 200-character descriptions.
    return {
      object: 'list',
      data: Array.from({ length: 60_000 }, (_, i) => ({
        id: `model-${i}`,
        object: 'model',
        description: 'z'.repeat(200),
      })),
    };
  return null;
}

/** A completion sent whole as JSON (stream ignored), 10 MB of answer text. */
export function hugeJsonAnswer(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const content = 'w'.repeat(10 * MB);
  res.end(JSON.stringify({ object: 'chat.completion', choices: [{ message: { content } }] }));
}

/** Writes with the socket's back-pressure; false once the client has closed the connection. */
async function write(res: ServerResponse, data: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(data))
    await new Promise<void>((done) => {
      res.once('drain', done);
      res.once('close', done);
    });
  return !res.destroyed;
}

/**
 * Stream knobs, after the first chunk: `fail-endless` ignores max_tokens and streams 4 MB of
 * answer (then ends without [DONE]); `fail-endless-event` sends 4 MB of data lines that never meet
 * the blank line ending an event, then falls silent with the connection open. True when handled.
 */
export async function hostileStream(res: ServerResponse, model: string): Promise<boolean> {
  if (model === 'fail-endless') {
    const chunk = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'again '.repeat(170) } }] })}\n\n`;
    for (let sent = 0; sent < 4 * MB; sent += chunk.length)
      if (!(await write(res, chunk))) return true;
    res.end();
    return true;
  }
  if (model === 'fail-endless-event') {
    const line = `data: ${'v'.repeat(1000)}\n`;
    for (let sent = 0; sent < 4 * MB; sent += line.length)
      if (!(await write(res, line))) return true;
    return true; // silence, connection kept open: the client must give up on its own
  }
  return false;
}
