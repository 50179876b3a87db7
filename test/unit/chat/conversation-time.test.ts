import { describe, expect, it } from 'vitest';
import { conversationTime } from '../../../src/chat/conversation-time.js';

const at = (iso: string) => new Date(iso).getTime();

describe('conversationTime', () => {
  it('gives the time alone today, the day and time this year, the date before', () => {
    const now = at('2026-11-30T16:00:00');
    expect(conversationTime(at('2026-11-30T14:05:00'), now, 'en-GB')).toBe('Today 14:05');
    expect(conversationTime(at('2026-11-28T09:12:00'), now, 'en-GB')).toBe('28 Nov, 09:12');
    expect(conversationTime(at('2025-03-02T09:12:00'), now, 'en-GB')).toBe('2 Mar 2025');
  });
});
