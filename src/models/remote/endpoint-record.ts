// Pure: an OpenAI-compatible endpoint as the `endpoints` store keeps it, and the checks on what a visitor types.
import { policyOrigin } from '../../shared/content-policy.js';

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

/** True when text holds a control character (a line break, a NUL…): names and ids are one plain line. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  return false;
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
  if (name === '')
    problems.name = 'Give the endpoint a name: answers from it are labelled with it.';
  else if (name.length > ENDPOINT_LIMITS.name)
    problems.name = `Keep the name under ${ENDPOINT_LIMITS.name} characters.`;
  const base = normaliseBaseUrl(input.baseUrl);
  if ('problem' in base) problems.baseUrl = base.problem;
  if (input.apiKey.length > ENDPOINT_LIMITS.apiKey) problems.apiKey = 'That key is too long.';
  else if (/[\r\n]/.test(input.apiKey)) problems.apiKey = 'A key is one line.';
  // No models is allowed: a new host's list can only be loaded after the reload that allows it.
  if (input.models.length > ENDPOINT_LIMITS.models)
    problems.models = `Pick at most ${ENDPOINT_LIMITS.models} models.`;
  else if (input.models.some((id) => id.length > ENDPOINT_LIMITS.model || hasControlCharacter(id)))
    problems.models = `Model names are one line of at most ${ENDPOINT_LIMITS.model} characters.`;
  return problems;
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
