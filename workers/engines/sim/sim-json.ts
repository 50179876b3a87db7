// The simulated engine's JSON answers: pairwise verdicts, merge analyses, or an object shaped by a schema.
import { normalizeAnswer, parseQuestion, truthText } from './sim-questions.js';
import type { Random } from '../prng.js';

/**
 * What a simulated JSON answer is written from: the prompt, the requested schema, the model's accuracy (0..1)
 * and a random source.
 */
export interface SimJsonInput {
  prompt: string;
  schema?: string;
  accuracy: number;
  random: Random;
}

/** Valid JSON of the shape the prompt asks for; `{}` when no shape is recognised. */
export function composeSimJson({ prompt, schema, accuracy, random }: SimJsonInput): string {
  if (/\bwinner\b/i.test(prompt)) return JSON.stringify(judgeVerdict(prompt, accuracy, random));
  if (/\bconsensus\b/i.test(prompt)) return JSON.stringify(analysis(prompt));
  if (schema) {
    const parsed = parseSchema(schema);
    if (parsed) return JSON.stringify(fromSchema(parsed));
  }
  return '{}';
}

/** The "Answer: X" lines quoted in a prompt, in order (the candidates a judge compares). */
export function quotedAnswers(prompt: string): string[] {
  return [...prompt.matchAll(/\banswer\s*[:=]\s*([^\n]+)/gi)].map((match) =>
    (match[1] ?? '').trim().replace(/[.\s]+$/, ''),
  );
}

function judgeVerdict(prompt: string, accuracy: number, random: Random) {
  const question = parseQuestion(prompt);
  const [first, second] = quotedAnswers(prompt);
  if (question && first !== undefined && second !== undefined) {
    const truth = truthText(question);
    const firstRight = normalizeAnswer(question, first) === truth;
    const secondRight = normalizeAnswer(question, second) === truth;
    if (firstRight !== secondRight) {
      const right = firstRight ? 'A' : 'B';
      const wrong = firstRight ? 'B' : 'A';
      const winner = random() < accuracy ? right : wrong;
      return {
        winner,
        reason: `Simulated judge: response ${winner} has the correct final answer.`,
      };
    }
  }
  const roll = random();
  const winner = roll < 0.45 ? 'A' : roll < 0.9 ? 'B' : 'tie';
  const reason =
    winner === 'tie'
      ? 'Simulated judge: both responses look equally good.'
      : `Simulated judge: response ${winner} seems clearer and more complete.`;
  return { winner, reason };
}

function analysis(prompt: string) {
  const answers = quotedAnswers(prompt);
  const distinct = [...new Set(answers)];
  const agreed = distinct.length === 1 && answers.length > 1;
  return {
    consensus: agreed ? [`All responses answer ${distinct[0]}.`] : [],
    contradictions:
      distinct.length > 1 ? [`The responses disagree: ${distinct.join(' vs ')}.`] : [],
    unique: [],
    blindSpots: ['Simulated analysis: no response checked its own work.'],
  };
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  required?: string[];
}

function parseSchema(text: string): Schema | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Schema) : null;
  } catch {
    return null;
  }
}

function fromSchema(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        result[key] = fromSchema(property);
      }
      return result;
    }
    case 'array':
      return [];
    case 'string':
      return 'simulated';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return schema.properties ? fromSchema({ ...schema, type: 'object' }) : null;
  }
}
