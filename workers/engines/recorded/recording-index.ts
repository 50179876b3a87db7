// Finds a recorded answer by its question: pure, shared by the GSM8K recording and imported ones.
import type { RecordedAnswer } from '../../../src/models/worker/model-protocol.js';

/** Whitespace differs between copies of a question (GSM8K has double spaces): compare without it. */
export function normalizeQuestion(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How many leading characters key the index; questions shorter than this are keyed whole. */
const KEY_CHARS = 48;

/** Recorded answers looked up by the question a prompt starts with. */
export interface RecordingIndex {
  readonly size: number;
  /**
   * The recorded answer to a prompt that starts with a recorded question (word for word, whatever
   * the whitespace). Instructions may follow the question ("Work it out step by step…"), nothing
   * may precede it: a judge's or a debater's prompt quotes the question later, and a recorded model
   * has no answer to those. The longest matching question wins. Null when none matches.
   */
  find(prompt: string): string | null;
}

/**
 * Indexes recorded answers by their normalised question (bucketed by its first 48 characters); answers with
 * an empty question are skipped.
 */
export function indexRecording(answers: Iterable<RecordedAnswer>): RecordingIndex {
  const byKey = new Map<string, { question: string; text: string }[]>();
  let size = 0;
  for (const answer of answers) {
    const question = normalizeQuestion(answer.question);
    if (!question) continue;
    const key = question.slice(0, KEY_CHARS);
    const bucket = byKey.get(key) ?? [];
    bucket.push({ question, text: answer.text });
    byKey.set(key, bucket);
    size++;
  }
  // Keys are prefixes of the questions; a question shorter than KEY_CHARS is its own, shorter key.
  const keyLengths = [
    KEY_CHARS,
    ...new Set([...byKey.keys()].filter((k) => k.length < KEY_CHARS).map((k) => k.length)),
  ];
  return {
    size,
    find(prompt) {
      const asked = normalizeQuestion(prompt);
      let best: { question: string; text: string } | null = null;
      for (const length of keyLengths) {
        for (const entry of byKey.get(asked.slice(0, length)) ?? []) {
          const follows = asked.charAt(entry.question.length);
          const whole = asked.startsWith(entry.question) && (follows === '' || follows === ' ');
          if (whole && entry.question.length > (best?.question.length ?? -1)) best = entry;
        }
      }
      return best?.text ?? null;
    },
  };
}
