// Every remote failure's message: it names the endpoint, says what happened and what to do, and keeps server text short.
import { describe, expect, it } from 'vitest';
import {
  corsAdvice,
  fetchFailure,
  httpFailure,
  idleFailure,
  malformedStream,
  retryAfterSeconds,
  serverMessage,
  streamCut,
  streamError,
  type EndpointContext,
} from '../../../../src/models/remote/remote-errors.js';

const ctx: EndpointContext = {
  name: 'Home box',
  baseUrl: 'http://192.168.1.20:11434/v1',
  model: 'llama3.2:3b',
  pageOrigin: 'https://quorum.example',
};

describe('remote errors', () => {
  it('gives each HTTP failure its own kind', () => {
    const kind = (status: number, body = '') => httpFailure(ctx, { status, body }).kind;
    expect(kind(401)).toBe('auth');
    expect(kind(403)).toBe('auth');
    expect(kind(404, '{"error":{"message":"model \'x\' not found"}}')).toBe('model-missing');
    expect(kind(404, 'Not Found')).toBe('bad-request');
    expect(kind(429)).toBe('rate-limited');
    expect(kind(500)).toBe('server-error');
    expect(kind(503)).toBe('server-error');
    expect(kind(422)).toBe('bad-request');
  });

  it('says how to allow the origin on each server when CORS refuses', () => {
    const error = fetchFailure(ctx, 'cors', 'TypeError: Failed to fetch');
    expect(error.kind).toBe('cors');
    for (const server of [
      'OLLAMA_ORIGINS=https://quorum.example',
      'LM Studio',
      '--cors-origins',
      '--allowed-origins',
    ])
      expect(error.message).toContain(server);
    expect(corsAdvice('http://x')).toContain('OLLAMA_ORIGINS=http://x');
  });

  it('names the endpoint and the way forward for failures without an answer', () => {
    expect(fetchFailure(ctx, 'unreachable', '').message).toContain(
      '“Home box” could not be reached at http://192.168.1.20:11434',
    );
    expect(fetchFailure(ctx, 'policy', '').message).toContain('Reload Quorum');
    expect(fetchFailure(ctx, 'offline', '').message).toMatch(/^You are offline/);
  });

  it('says why a 429 failed: waited once already, or asked for too long', () => {
    expect(httpFailure(ctx, { status: 429, body: '', waitedS: 1 }).message).toContain(
      'after Quorum waited 1 s',
    );
    expect(httpFailure(ctx, { status: 429, body: '', askedS: 600 }).message).toContain(
      'wait 600 s',
    );
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds('2', 0)).toBe(2);
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 4_000)).toBe(6);
    expect(retryAfterSeconds(null, 0)).toBeNull();
    expect(retryAfterSeconds('soon', 0)).toBeNull();
  });

  it('keeps what the server said, short, as part of the message', () => {
    expect(serverMessage('{"error":{"message":"boom"}}')).toBe('boom');
    expect(serverMessage('{"error":"flat"}')).toBe('flat');
    expect(serverMessage('{"detail":"fastapi"}')).toBe('fastapi');
    expect(serverMessage(`<html>${'x'.repeat(5000)}</html>`).length).toBeLessThan(250);
    expect(
      httpFailure(ctx, { status: 500, body: '{"error":{"message":"boom"}}' }).message,
    ).toContain('(500: boom)');
  });

  it('describes broken streams and silence', () => {
    expect(streamCut(ctx, 12).kind).toBe('stream-cut');
    expect(streamError(ctx, 'CUDA out of memory').message).toContain('CUDA out of memory');
    expect(malformedStream(ctx, 'an HTML page', 'Content-Type: text/html').message).toContain(
      'sent an HTML page',
    );
    const idle = idleFailure(ctx, 120_000);
    expect(idle.kind).toBe('timeout');
    expect(idle.message).toContain('sent nothing for 120 s');
  });

  it('clips a hostile endpoint name in messages', () => {
    const long = { ...ctx, name: '<img src=x onerror=alert(1)>'.repeat(20) };
    expect(fetchFailure(long, 'unreachable', '').message.length).toBeLessThan(400);
  });

  it('points at the control that fixes a refused key or unknown model where the message is read', () => {
    const message = (shownIn: EndpointContext['shownIn'], status: number, body = '') =>
      httpFailure({ ...ctx, ...(shownIn ? { shownIn } : {}) }, { status, body }).message;
    const missing = '{"error":{"message":"model not found"}}';
    for (const status of [401, 403]) {
      expect(message(undefined, status)).toContain('in Settings');
      expect(message('run', status)).toContain('in Settings');
      expect(message('settings', status)).toContain('Edit this server');
      expect(message('form', status)).toContain('the API key above');
    }
    expect(message('run', 404, missing)).toContain('model list in Settings');
    expect(message('settings', 404, missing)).toContain('Edit this server');
    // Read inside Settings, "in Settings" sends the visitor where they already are.
    for (const shownIn of ['settings', 'form'] as const)
      for (const [status, body] of [
        [401, ''],
        [403, ''],
        [404, missing],
      ] as const)
        expect(message(shownIn, status, body)).not.toContain('in Settings');
  });

  it('calls the visitor’s servers servers, as every other message and button does', () => {
    const messages = [
      ...(['cors', 'policy', 'offline', 'unreachable'] as const).map(
        (failure) => fetchFailure(ctx, failure, '').message,
      ),
      ...[401, 403, 404, 429, 500].map((status) => httpFailure(ctx, { status, body: '' }).message),
      streamCut(ctx, 1).message,
      idleFailure(ctx, 1000).message,
    ];
    for (const message of messages) expect(message).not.toMatch(/endpoint/i);
  });
});
