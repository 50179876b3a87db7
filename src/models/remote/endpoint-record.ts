// Pure: an OpenAI-compatible endpoint as the `endpoints` store keeps it, and the checks on what a visitor types.
import { policyOrigin } from '../../shared/content-policy.js';

/** An OpenAI-compatible endpoint as the `endpoints` store keeps it. */
export interface EndpointRecord {
  /** Random, stable: model ids in pools and runs refer to it. */
  id: string;
  /** The visitor's name for it; every answer from it is labelled with this name. */
  name: string;
  /** The OpenAI base URL without a trailing slash, e.g. "http://localhost:11434/v1". */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; kept only in this browser's IndexedDB. */
  apiKey: string | null;
  /** Model ids offered from this endpoint. */
  models: string[];
  /** Whether the models came from GET /models or were typed (servers without that route). */
  modelsFrom: 'listed' | 'typed';
  createdAt: number;
  updatedAt: number;
}

/**
 * Characters a name or model id may not hold: C0 and C1 controls and DEL (a line break, a NUL…),
 * the line and paragraph separators, and Unicode's bidirectional marks, embeddings, overrides and
 * isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069): an override such as U+202E
 * makes the text after it read backwards, so a name could pass for another in labels and exports.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** True when text holds a control or text-direction character: names and ids are one plain line. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

/** Limits that keep a hostile or mistaken entry from filling the page or the database. */
export const ENDPOINT_LIMITS = { name: 60, baseUrl: 500, apiKey: 4000, model: 200, models: 200 };

/**
 * The base URL as requests use it: trimmed, without a trailing slash, and with "/v1" added when
 * only a host was given (every server Quorum names serves the OpenAI API there). Null with a
 * reason when it is not an http(s) URL the security policy can name.
 */
export function normaliseBaseUrl(input: string): { url: string } | { problem: string } {
  const text = input.trim();
  if (text === '')
    return { problem: 'Enter the server’s base URL, e.g. http://localhost:11434/v1.' };
  if (text.length > ENDPOINT_LIMITS.baseUrl) return { problem: 'That URL is too long.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'That is not a URL: start it with http:// or https://.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: 'Only http:// and https:// servers can be used.' };
  if (url.username || url.password)
    return { problem: 'Put the key in the API key field, not in the URL.' };
  if (policyOrigin(url.origin) === null)
    return {
      problem:
        'Use a plain host name or an IPv4 address (letters, digits, dots and hyphens); IPv6 addresses and wildcards cannot be allowed by Quorum’s security policy.',
    };
  if (url.search || url.hash) return { problem: 'Leave out the ?query and #fragment.' };
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.origin}${path === '' ? '/v1' : path}` };
}

/** Model ids typed one per line or separated by commas; blanks and repeats dropped. */
export function parseTypedModels(text: string): string[] {
  const ids = text
    .split(/[\n,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** An endpoint as the visitor typed it. */
export interface EndpointInput {
  name: string;
  baseUrl: string;
  apiKey: string;
  models: readonly string[];
}

/** Everything wrong with an entry, field by field (an empty object when it can be saved; no models is fine). */
export function endpointProblems(
  input: EndpointInput,
): Partial<Record<keyof EndpointInput, string>> {
  const problems: Partial<Record<keyof EndpointInput, string>> = {};
  const name = input.name.trim();
  if (name === '') problems.name = 'Give the server a name: answers from it are labelled with it.';
  else if (hasUnsafeCharacter(name))
    problems.name =
      'The name holds a control or text-direction character (such as U+202E, which makes text read backwards): type it again as plain text.';
  else if (name.length > ENDPOINT_LIMITS.name)
    problems.name = `The name is ${name.length} characters long: keep it to ${ENDPOINT_LIMITS.name} or fewer.`;
  const base = normaliseBaseUrl(input.baseUrl);
  if ('problem' in base) problems.baseUrl = base.problem;
  if (input.apiKey.length > ENDPOINT_LIMITS.apiKey) problems.apiKey = 'That key is too long.';
  else if (/[\r\n]/.test(input.apiKey)) problems.apiKey = 'A key is one line.';
  // No models is allowed: a new host's list can only be loaded after the reload that allows it.
  const models = modelsProblem(input.models);
  if (models) problems.models = models;
  return problems;
}

/**
 * What a visitor is told when a server was saved with no models (its list could not be loaded, or
 * listed none, and none were typed): it joins no pool until it has some, and how to give it some,
 * worded for where it is read ('settings': beside its entry; 'studio': the pool picker).
 */
export function noModelsNote(name: string, where: 'settings' | 'studio'): string {
  const how =
    where === 'settings'
      ? 'Edit it to load them from the server (if that fails, its message says what to fix: the address, the key or the server’s CORS settings) or to type their names.'
      : 'Load them from the server or type their names in Settings (if loading fails, its message says what to fix: the address, the key or the server’s CORS settings).';
  return `“${name}” is saved without models, so it cannot join a pool yet. ${how}`;
}

/** What is wrong with a list of model names (one name's position is given, 1 for the first). */
function modelsProblem(models: readonly string[]): string | undefined {
  if (models.length > ENDPOINT_LIMITS.models)
    return `Pick at most ${ENDPOINT_LIMITS.models} models.`;
  const unsafe = models.findIndex(hasUnsafeCharacter);
  if (unsafe >= 0)
    return `Model name ${unsafe + 1} holds a control or text-direction character (such as U+202E): model names are plain text.`;
  const long = models.findIndex((id) => id.length > ENDPOINT_LIMITS.model);
  if (long >= 0)
    return `Model name ${long + 1} is ${models[long]!.length} characters long: model names are at most ${ENDPOINT_LIMITS.model}.`;
  return undefined;
}

/** A new endpoint id: 32 random hex digits (crypto.randomUUID needs a secure context; this does not). */
export function newEndpointId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A pool member's id for a model of an endpoint: "remote:<endpoint id>/<model id>". */
export function remoteModelId(endpointId: string, model: string): string {
  return `remote:${endpointId}/${model}`;
}

/** The endpoint and model of a remote member's id, or null for any other id. */
export function parseRemoteModelId(id: string): { endpointId: string; model: string } | null {
  if (!id.startsWith('remote:')) return null;
  const rest = id.slice('remote:'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return null;
  return { endpointId: rest.slice(0, slash), model: rest.slice(slash + 1) };
}

/** Parameters in billions read from a model's name ("llama3.1:70b", "Qwen2.5-7B-Instruct"), or null. */
export function paramsFromName(model: string): number | null {
  const match = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)\s*b(?![a-z])/i.exec(model);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) && value > 0 && value < 10_000 ? value : null;
}
