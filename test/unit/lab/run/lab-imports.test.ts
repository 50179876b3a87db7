// The visitor's files: a good JSONL task set stored, bad lines named with nothing stored, huge and truncated files refused.
import { describe, expect, it } from 'vitest';
import { importRecordingFile, importTaskFile } from '../../../../src/lab/run/lab-imports.js';
import { LabStore } from '../../../../src/lab/run/lab-store.js';
import { freshDatabase } from '../../catalog/support.js';

const file = (name: string, text: string) => Object.assign(new Blob([text]), { name });

/** A blob that claims to be huge and fails if anything tries to read it. */
const huge = (name: string) =>
  ({
    name,
    size: 600 * 1024 * 1024,
    text: () => Promise.reject(new Error('a huge file must not be read')),
  }) as unknown as Blob & { name: string };

describe('importTaskFile', () => {
  it('stores a good file as a task set', async () => {
    const db = await freshDatabase();
    const outcome = await importTaskFile(
      new LabStore(db),
      file('mine.jsonl', '{"question":"Q?","answer":"3"}\n'),
    );
    expect(outcome).toMatchObject({ ok: true, summary: '1 questions from mine.jsonl' });
    expect(await db.getAll('labTaskSets')).toMatchObject([
      { name: 'mine.jsonl', tasks: [{ answer: '3' }] },
    ]);
  });

  it('names each bad line and stores nothing', async () => {
    const db = await freshDatabase();
    const outcome = await importTaskFile(
      new LabStore(db),
      file('bad.jsonl', '{"question":"Q?","answer":"3"}\n{oops\n{"question":"Q2"}\n'),
    );
    expect(outcome).toEqual({
      ok: false,
      problems: [
        'Line 2: not valid JSON (each line must be one complete JSON object).',
        'Line 3: "answer" is missing or is not text or a number.',
      ],
    });
    expect(await db.count('labTaskSets')).toBe(0);
  });

  it('refuses a huge file without reading it', async () => {
    const db = await freshDatabase();
    const outcome = await importTaskFile(new LabStore(db), huge('huge.jsonl'));
    expect(outcome).toEqual({
      ok: false,
      problems: ['huge.jsonl is 600.0 MB: task files up to 5.0 MB are accepted.'],
    });
  });
});

describe('importRecordingFile', () => {
  const recording = JSON.stringify({
    format: 'quorum-recording',
    version: 1,
    source: 'A test run',
    models: [{ id: 'm', label: 'M' }],
    questions: [{ question: 'Q?', answers: { m: 'Answer: 3' } }],
  });

  it('stores a valid recording', async () => {
    const db = await freshDatabase();
    const outcome = await importRecordingFile(new LabStore(db), file('run.json', recording));
    expect(outcome).toMatchObject({
      ok: true,
      summary: '1 recorded models, 1 questions, from run.json',
    });
    expect(await db.getAll('recordings')).toMatchObject([
      { source: 'A test run', models: [{ id: 'm' }] },
    ]);
  });

  it('stores nothing from a truncated or huge recording, and says why', async () => {
    const db = await freshDatabase();
    const cut = await importRecordingFile(
      new LabStore(db),
      file('cut.json', recording.slice(0, 60)),
    );
    expect(cut).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^cut\.json: The file is not complete JSON/)],
    });
    expect(await importRecordingFile(new LabStore(db), huge('big.json'))).toMatchObject({
      ok: false,
      problems: ['big.json is 600.0 MB: recordings up to 50.0 MB are accepted.'],
    });
    expect(await db.count('recordings')).toBe(0);
  });
});

describe('lab imports on a full disk', () => {
  const full = () => Promise.reject(new DOMException('', 'QuotaExceededError'));

  it('names a task set that could not be stored instead of failing silently', async () => {
    const store = new LabStore(await freshDatabase());
    store.saveTaskSet = full;
    const outcome = await importTaskFile(
      store,
      file('ok.jsonl', '{"question":"Q?","answer":"3"}\n'),
    );
    expect(outcome).toEqual({
      ok: false,
      problems: [
        'ok.jsonl could not be stored: the browser has no storage space left (free some, for example by deleting downloaded models, and try again). Nothing of it was kept.',
      ],
    });
  });

  it('names a recording that could not be stored instead of failing silently', async () => {
    const store = new LabStore(await freshDatabase());
    store.saveRecording = full;
    const recording = JSON.stringify({
      format: 'quorum-recording',
      version: 1,
      source: 'A test run',
      models: [{ id: 'm', label: 'M' }],
      questions: [{ question: 'Q?', answers: { m: 'Answer: 3' } }],
    });
    const outcome = await importRecordingFile(store, file('r.json', recording));
    expect(outcome).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(
          /^r\.json could not be stored: the browser has no storage space left/,
        ),
      ],
    });
  });
});
