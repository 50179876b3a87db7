// Reading the quorum-votes format strictly: each malformed vote named by index, wrong format or version refused.
import { describe, expect, it } from 'vitest';
import { parseVotesFile, toVotesFile } from '../../../../src/arena/votes/votes-file.js';

const good = {
  a: 'sim-tiny-360M',
  b: 'sim-swift-0.5B',
  winner: 'a',
  source: 'human',
  at: '2026-11-27T10:00:00.000Z',
};
const file = (votes: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'quorum-votes', version: 1, votes, ...extra });

describe('parseVotesFile', () => {
  it('reads every field of the format and round-trips through toVotesFile', () => {
    const full = {
      ...good,
      winner: 'both-bad',
      prompt: 'Hi <b>there</b>',
      lengthA: 12,
      lengthB: 0,
    };
    const parsed = parseVotesFile(file([good, full]));
    expect(parsed).toEqual({ ok: true, votes: [good, full] });
    const again = parseVotesFile(JSON.stringify(toVotesFile(parsed.ok ? parsed.votes : [])));
    expect(again).toEqual(parsed);
  });

  it('normalises the time so the same instant is the same vote', () => {
    const parsed = parseVotesFile(file([{ ...good, at: '2026-11-27T11:00+01:00' }]));
    expect(parsed.ok && parsed.votes[0]!.at).toBe('2026-11-27T10:00:00.000Z');
  });

  it('accepts a time up to five minutes ahead of this clock (another device may run fast), not later', () => {
    const now = Date.parse(good.at);
    const at = (ms: number) => new Date(now + ms).toISOString();
    expect(parseVotesFile(file([{ ...good, at: at(5 * 60_000) }]), now).ok).toBe(true);
    const late = parseVotesFile(file([{ ...good, at: at(5 * 60_000 + 1) }]), now);
    expect(!late.ok && late.message).toMatch(/^Vote 0: "at" is in the future/);
  });

  it('merges model ids that differ only in white space or width into one model, so " m1" is "m1"', () => {
    const spaced = { ...good, a: ' m1', b: 'm2\t' };
    const wide = { ...good, a: 'ｍ１', b: 'm2' };
    const inner = { ...good, a: 'my  model', b: 'm2' };
    const parsed = parseVotesFile(file([{ ...good, a: 'm1', b: 'm2' }, spaced, wide, inner]));
    expect(parsed.ok && parsed.votes.map((v) => [v.a, v.b])).toEqual([
      ['m1', 'm2'],
      ['m1', 'm2'],
      ['m1', 'm2'],
      ['my model', 'm2'],
    ]);
  });

  it.each([
    ['not JSON', '{"format": "quorum-votes", ', /not valid JSON/],
    ['another format', file([good], { format: 'quorum-lab-results' }), /not a Quorum votes file/],
    ['an array', '[]', /not a Quorum votes file/],
    ['version 2', file([good], { version: 2 }), /version 2; this Quorum reads version 1/],
    ['no version', JSON.stringify({ format: 'quorum-votes', votes: [] }), /version undefined/],
    ['votes not a list', file([], { votes: {} }), /"votes" must be a list/],
  ])('refuses %s', (_, text, message) => {
    const parsed = parseVotesFile(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it.each([
    [{ ...good, winner: 'c' }, /"winner"/],
    [{ ...good, b: good.a }, /two different models/],
    [{ ...good, a: '' }, /"a" must be a model id/],
    [{ ...good, b: 7 }, /"b" must be a model id/],
    [{ ...good, a: 'x'.repeat(201) }, /"a" must be a model id/],
    [{ ...good, source: 'robot' }, /"source"/],
    [{ ...good, at: 'yesterday' }, /"at" must be an ISO 8601 time/],
    [{ ...good, at: '2026-13-45T99:00:00Z' }, /"at"/],
    [
      { ...good, at: '9999-12-31T23:59:59.000Z' },
      /"at" is in the future \(9999-12-31T23:59:59.000Z\)/,
    ],
    [{ ...good, b: ' ' }, /"b" must be a model id/],
    [{ ...good, b: `${good.a} ` }, /two different models/],
    [{ ...good, a: 'm\u200b1' }, /"a" holds an invisible or control character \(U\+200B\)/],
    [{ ...good, b: '\u202em1' }, /"b" holds an invisible or control character \(U\+202E\)/],
    [{ ...good, a: 'm1\u0000' }, /U\+0000/],
    [{ ...good, prompt: 42 }, /"prompt"/],
    [{ ...good, lengthA: -1 }, /"lengthA"/],
    [{ ...good, lengthB: 2.5 }, /"lengthB"/],
    ['a string', /must be an object/],
  ])('names the malformed vote by its index: %j', (bad, message) => {
    const parsed = parseVotesFile(file([good, good, bad, good]));
    expect(parsed.ok).toBe(false);
    const text = parsed.ok ? '' : parsed.message;
    expect(text).toMatch(/^Vote 2: /);
    expect(text).toMatch(message);
    expect(text).toMatch(/Nothing was imported/);
  });
});
