// Chat conversations in the `conversations` store: titles, newest first, saved and deleted.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open-database.js';
import {
  ConversationStore,
  conversationTitle,
  newConversation,
} from '../../../src/chat/conversation-store.js';

describe('conversationTitle', () => {
  it('takes the first line of the question and shortens long ones', () => {
    expect(conversationTitle('  What is 2+2?\nthanks')).toBe('What is 2+2?');
    const long = conversationTitle('x'.repeat(200));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
    expect(conversationTitle('   ')).toBe('New conversation');
  });
});

describe('conversation store', () => {
  it('lists conversations newest first and forgets deleted ones', async () => {
    const db = await openDatabase({ name: `conversations-${crypto.randomUUID()}` });
    const store = new ConversationStore(db);
    const older = newConversation('sim-tiny-360M', 'sim', 1000, 'a');
    const newer = { ...newConversation('sim-swift-0.5B', 'sim', 2000, 'b'), title: 'B' };
    await store.save(newer);
    await store.save(older);
    expect((await store.list()).map((c) => c.id)).toEqual(['b', 'a']);
    await store.save({
      ...older,
      updatedAt: 3000,
      turns: [{ role: 'user', content: 'hi' }],
    });
    expect((await store.list()).map((c) => c.id)).toEqual(['a', 'b']);
    expect((await store.get('a'))?.turns).toEqual([{ role: 'user', content: 'hi' }]);
    await store.delete('a');
    expect((await store.list()).map((c) => c.id)).toEqual(['b']);
    db.close();
  });
});
