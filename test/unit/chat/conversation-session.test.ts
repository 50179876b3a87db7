// A chat conversation: streamed answers saved turn by turn, failures shown, conversations reopened.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open-database.js';
import {
  ConversationSession,
  DEFAULT_ANSWER_SETTINGS,
} from '../../../src/chat/conversation-session.js';
import { ConversationStore } from '../../../src/chat/conversation-store.js';
import { ModelRegistry } from '../../../src/models/model-registry.js';
import { FakeModelWorker, type FakeWorkerScript } from '../models/registry-fake-worker.js';
import { NO_GPU } from '../../support/gpu-fixtures.js';

async function session(script: FakeWorkerScript, workers: FakeModelWorker[] = []) {
  const db = await openDatabase({ name: `session-${crypto.randomUUID()}` });
  const registry = new ModelRegistry(db, {
    engineMode: 'sim',
    probe: () => Promise.resolve(NO_GPU),
    createWorker: () => {
      const worker = new FakeModelWorker(script);
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  const store = new ConversationStore(db);
  return { store, chat: new ConversationSession(store, (id) => registry.client(id), null) };
}

const MODEL = { id: 'sim-tiny-360M', engine: 'sim' as const };

describe('ConversationSession', () => {
  it('saves the question and the streamed answer with its usage', async () => {
    const { store, chat } = await session({ answer: 'Four.' });
    await chat.send('What is 2+2?\nThanks', MODEL, DEFAULT_ANSWER_SETTINGS);
    const saved = await store.get(chat.conversation?.id ?? '');
    expect(saved?.title).toBe('What is 2+2?');
    expect(saved?.turns.map((t) => [t.role, t.content])).toEqual([
      ['user', 'What is 2+2?\nThanks'],
      ['assistant', 'Four.'],
    ]);
    expect(saved?.turns[1]?.usage?.completionTokens).toBe(1);
    expect(chat.busy).toBe(false);
  });

  it('regenerates by replacing the last answer, not adding one', async () => {
    const { chat } = await session({ answer: 'Again.' });
    await chat.send('Hello', MODEL, DEFAULT_ANSWER_SETTINGS);
    await chat.regenerate(DEFAULT_ANSWER_SETTINGS);
    expect(chat.conversation?.turns.map((t) => t.role)).toEqual(['user', 'assistant']);
  });

  it('keeps a failed answer marked interrupted and shows the classified error', async () => {
    const { chat } = await session({ loseDeviceOnLoad: new Set([MODEL.id]) });
    await chat.send('Hello', MODEL, DEFAULT_ANSWER_SETTINGS);
    expect(chat.error?.kind).toBe('device-lost');
    expect(chat.error?.message).toMatch(/GPU/);
    expect(chat.conversation?.turns.at(-1)).toMatchObject({ role: 'assistant', interrupted: true });
  });

  it('saves why an answer failed with it, so a reopened chat says failed, not stopped', async () => {
    const { store, chat } = await session({ loseDeviceOnLoad: new Set([MODEL.id]) });
    await chat.send('Hello', MODEL, DEFAULT_ANSWER_SETTINGS);
    const saved = await store.get(chat.conversation?.id ?? '');
    expect(saved?.turns.at(-1)?.error).toMatchObject({ kind: 'device-lost' });
    expect(saved?.turns.at(-1)?.error?.message).toMatch(/GPU/);
  });

  it('takes back the last question and its failed answer', async () => {
    const { store, chat } = await session({ loseDeviceOnLoad: new Set([MODEL.id]) });
    await chat.send('Hello', MODEL, DEFAULT_ANSWER_SETTINGS);
    await expect(chat.deleteLastExchange()).resolves.toBe(0);
    expect(chat.error).toBeNull();
    expect((await store.get(chat.conversation?.id ?? ''))?.turns).toEqual([]);
  });

  it('saves the answer without its reasoning and sends only answers back as history', async () => {
    const workers: FakeModelWorker[] = [];
    const { store, chat } = await session(
      { answer: '<think>\nSum it.\n</think>\n\nFour.<|im_end|>' },
      workers,
    );
    await chat.send('What is 2+2?', MODEL, DEFAULT_ANSWER_SETTINGS);
    await chat.send('And 3+3?', MODEL, DEFAULT_ANSWER_SETTINGS);
    const saved = await store.get(chat.conversation?.id ?? '');
    expect(saved?.turns[1]).toMatchObject({ content: 'Four.', reasoning: 'Sum it.' });
    const history = workers.flatMap((w) => w.generated).at(-1)?.messages;
    expect(history?.map((m) => m.content)).toEqual(['What is 2+2?', 'Four.', 'And 3+3?']);
  });

  it('shows a failed save as the error instead of losing it unseen', async () => {
    const { store, chat } = await session({ answer: 'Four.' });
    store.save = () => Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
    await chat.send('What is 2+2?', MODEL, DEFAULT_ANSWER_SETTINGS);
    expect(chat.error?.kind).toBe('quota-exceeded');
    expect(chat.conversation?.turns.map((t) => t.content)).toEqual(['What is 2+2?', 'Four.']);
  });

  it('opens a saved conversation by id, and refuses one the store cannot read', async () => {
    const { store, chat } = await session({ answer: 'Four.' });
    await chat.send('Hello', MODEL, DEFAULT_ANSWER_SETTINGS);
    const id = chat.conversation?.id ?? '';
    const reopened = await ConversationSession.open(
      store,
      () => {
        throw new Error('no model needed');
      },
      id,
    );
    expect(reopened.conversation?.turns).toHaveLength(2);
    store.get = () => Promise.reject(new Error('read failed'));
    await expect(
      ConversationSession.open(
        store,
        () => {
          throw new Error('no model needed');
        },
        id,
      ),
    ).rejects.toThrow('read failed');
  });

  it('sends the thinking choice only to a model whose thinking can be switched, and keeps it', async () => {
    const workers: FakeModelWorker[] = [];
    const { chat } = await session({ answer: '<think>\n\n</think>\n\nFour.' }, workers);
    const steady = { id: 'sim-steady-1.5B', engine: 'sim' as const };
    await chat.send('What is 2+2?', steady, { ...DEFAULT_ANSWER_SETTINGS, thinking: false });
    expect(workers.flatMap((w) => w.generated).at(-1)?.thinking).toBe(false);
    expect(chat.conversation?.turns.at(-1)).toMatchObject({ content: 'Four.', thinking: false });
    const other = await session({ answer: 'Four.' }, workers);
    await other.chat.send('What is 2+2?', MODEL, { ...DEFAULT_ANSWER_SETTINGS, thinking: false });
    expect(workers.flatMap((w) => w.generated).at(-1)).not.toHaveProperty('thinking');
    expect(other.chat.conversation?.turns.at(-1)).not.toHaveProperty('thinking');
  });
});
