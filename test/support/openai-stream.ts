// The test server's streamed answers: simulated text as chat-completion chunks, or the stream failure a knob model names.
import type { ServerResponse } from 'node:http';
import { composeSimAnswer } from '../../workers/engines/sim/sim-answer.js';
import { simTokens } from '../../workers/engines/sim/sim-tokens.js';
import { hashString, mulberry32 } from '../../workers/engines/prng.js';
import type { ChatMessage } from '../../src/models/model-client.js';
import { hostileStream } from './openai-hostile.js';

const HUGE_LINE_BYTES = 10 * 1024 * 1024;

export const isMarkup = (model: string): boolean => model.startsWith('markup-');

const MARKUP_ANSWER =
  '<img src=x onerror=alert(1)><a href=//ex.co style=position:fixed;inset:0;z-index:9;background:red>x</a><script>alert(2)</script>\nAnswer: 4';

/**
 * Streams `model`'s answer to the request `body` as chat-completion chunks (server-sent events),
 * or the failure its knob names; ends the response unless the knob keeps it open.
 */
export async function streamAnswer(
  res: ServerResponse,
  model: string,
  body: Record<string, unknown>,
  speed: { answerTokens: number; tokensPerSecond: number },
): Promise<void> {
  const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
  const seed = typeof body.seed === 'number' ? body.seed : 0;
  const random = mulberry32(hashString(`${model}\n${JSON.stringify(messages)}`, seed));
  const wantsJson = typeof body.response_format === 'object' && body.response_format !== null;
  const text = isMarkup(model)
    ? MARKUP_ANSWER
    : composeSimAnswer({
        messages,
        ...(wantsJson ? { json: {} } : {}),
        accuracy: model.includes('large') ? 0.95 : 0.75,
        random,
        answerTokens: speed.answerTokens,
      });
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : Infinity;
  const tokens = simTokens(text).slice(0, Math.min(maxTokens, Math.max(speed.answerTokens, 64)));
  const perSecond = model === 'slow' ? 4 : speed.tokensPerSecond;
  const id = `chatcmpl-${Math.floor(random() * 1e9)}`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const write = (data: string) => !res.destroyed && res.write(data);

  write(chunk({ role: 'assistant', content: '' }));
  if (model === 'fail-huge-line') {
    write(`data: {"choices":[{"delta":{"content":"${'x'.repeat(HUGE_LINE_BYTES)}`);
    return; // never ends the line nor the response: the client must give up on its own
  }
  if (await hostileStream(res, model)) return;
  if (model === 'fail-error-event') {
    write(
      `data: ${JSON.stringify({ error: { message: 'CUDA out of memory', type: 'server_error' } })}\n\n`,
    );
    res.end();
    return;
  }
  const started = Date.now();
  for (let i = 0; i < tokens.length; i++) {
    if (res.destroyed) return;
    if (model === 'fail-malformed' && i === 2) write('data: {"choices": [ this is not JSON\n\n');
    if (model === 'fail-stall' && i === 2) return; // silence, connection kept open
    if (model === 'fail-reset' && i === 2) {
      res.destroy(); // the connection drops mid-answer, without ending the chunked body
      return;
    }
    write(chunk({ content: tokens[i] }));
    // Several tokens per write at high speeds, as real servers' buffers do.
    const due = started + ((i + 1) * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 4) await new Promise((done) => setTimeout(done, wait));
  }
  write(chunk({}, tokens.length >= maxTokens ? 'length' : 'stop'));
  const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
  if (streamOptions?.include_usage === true && model !== 'no-usage') {
    const promptTokens = messages.reduce((sum, m) => sum + simTokens(String(m.content)).length, 0);
    write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: tokens.length, total_tokens: promptTokens + tokens.length } })}\n\n`,
    );
  }
  if (model !== 'fail-no-done') write('data: [DONE]\n\n');
  res.end();
}
