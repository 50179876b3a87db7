// The visitor's JSONL task set: every kind of answer read, every bad line named, nothing kept from a bad file.
import { describe, expect, it } from 'vitest';
import { parseOwnTasks } from '../../../../src/lab/tasks/parse-own-tasks.js';

const jsonl = (...rows: unknown[]) =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('parseOwnTasks', () => {
  it('reads numbers, yes/no, free text and lettered choices', () => {
    const result = parseOwnTasks(
      jsonl(
        { question: 'How many legs has a spider?', answer: '8' },
        { question: 'Sum?', answer: 1000 },
        { question: 'Price?', answer: '$1,250.50' },
        { question: 'Is 7 prime?', answer: 'Yes' },
        { question: 'Capital of France?', answer: 'Paris!' },
        { question: 'Which is 6 * 7?', answer: 'B', choices: ['36', '42', '48'] },
        { question: 'Which is a fruit?', answer: 'apple', choices: ['Stone', 'Apple'] },
        '',
      ),
    );
    expect(result).toEqual({
      ok: true,
      tasks: [
        { prompt: 'How many legs has a spider?', kind: 'number', answer: '8' },
        { prompt: 'Sum?', kind: 'number', answer: '1000' },
        { prompt: 'Price?', kind: 'number', answer: '1250.5' },
        { prompt: 'Is 7 prime?', kind: 'yesno', answer: 'yes' },
        { prompt: 'Capital of France?', kind: 'text', answer: 'paris' },
        { prompt: 'Which is 6 * 7?\nA) 36\nB) 42\nC) 48', kind: 'choice', answer: 'B' },
        { prompt: 'Which is a fruit?\nA) Stone\nB) Apple', kind: 'choice', answer: 'B' },
      ],
    });
  });

  it('names every bad line with what is wrong, and keeps nothing', () => {
    const result = parseOwnTasks(
      jsonl(
        { question: 'Fine?', answer: 'yes' },
        '{"question": "broken"',
        { answer: '4' },
        { question: 'No answer' },
        '[1, 2]',
        { question: 'Pick', answer: 'D', choices: ['a', 'b', 'c'] },
        { question: 'Pick', answer: 'A', choices: ['only one'] },
        { question: 'Pick', answer: 'A', choices: 'a,b' },
      ),
    );
    expect(result).toEqual({
      ok: false,
      more: 0,
      errors: [
        { line: 2, message: 'not valid JSON (each line must be one complete JSON object).' },
        { line: 3, message: '"question" is missing or is not text.' },
        { line: 4, message: '"answer" is missing or is not text or a number.' },
        { line: 5, message: 'expected a JSON object with "question" and "answer".' },
        {
          line: 6,
          message: 'the answer "D" is neither a letter A–C nor the text of one of the choices.',
        },
        { line: 7, message: '"choices" must be a list of 2 to 5 texts.' },
        { line: 8, message: '"choices" must be a list of 2 to 5 texts.' },
      ],
    });
  });

  it('counts the bad lines beyond the first twenty instead of listing them all', () => {
    const result = parseOwnTasks(Array.from({ length: 25 }, () => 'nope').join('\n'));
    expect(result).toMatchObject({ ok: false, more: 5 });
    expect(result.ok ? [] : result.errors).toHaveLength(20);
  });

  it('refuses an empty file, and counts lines across Windows line ends and a byte-order mark', () => {
    expect(parseOwnTasks('\n\n')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    const crlf = parseOwnTasks(
      `\uFEFF${JSON.stringify({ question: 'Q', answer: '1' })}\r\nnope\r\n`,
    );
    expect(crlf).toMatchObject({ ok: false, errors: [{ line: 2 }] });
  });

  it('keeps markup in a question as text (it is rendered as text, never as HTML)', () => {
    const result = parseOwnTasks(jsonl({ question: '<img src=x onerror=alert(1)>?', answer: '1' }));
    expect(result).toMatchObject({
      ok: true,
      tasks: [{ prompt: '<img src=x onerror=alert(1)>?' }],
    });
  });
});
