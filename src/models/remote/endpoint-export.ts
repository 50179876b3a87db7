// Pure: endpoints as a file (format "quorum-endpoints", version 1), with API keys only when the visitor asked, and its strict import.
import {
  ENDPOINT_LIMITS,
  endpointProblems,
  normaliseBaseUrl,
  type EndpointRecord,
} from './endpoint-record.js';

/** The endpoints file's format name; a contract. */
export const ENDPOINTS_FORMAT = 'quorum-endpoints';
/** The endpoints file's shape version. */
export const ENDPOINTS_VERSION = 1;
/** A file larger than this is refused before it is read (a few hundred endpoints fit in 1 MB). */
export const MAX_ENDPOINTS_FILE_BYTES = 1024 * 1024;

/** One endpoint in the file. */
export interface ExportedEndpoint {
  name: string;
  baseUrl: string;
  models: string[];
  modelsFrom: 'listed' | 'typed';
  /** Present only when the export included keys. */
  apiKey?: string;
}

/** The endpoints file's content. */
export interface EndpointsFile {
  format: typeof ENDPOINTS_FORMAT;
  version: typeof ENDPOINTS_VERSION;
  exportedAt: string;
  /** Says plainly whether the file holds keys, for whoever opens it. */
  includesApiKeys: boolean;
  endpoints: ExportedEndpoint[];
}

/** The file's content. Keys are left out unless `includeKeys` (the visitor ticked the box). */
export function toEndpointsFile(
  records: readonly EndpointRecord[],
  includeKeys: boolean,
  now: number,
): EndpointsFile {
  return {
    format: ENDPOINTS_FORMAT,
    version: ENDPOINTS_VERSION,
    exportedAt: new Date(now).toISOString(),
    includesApiKeys: includeKeys && records.some((r) => r.apiKey),
    endpoints: records.map((record) => ({
      name: record.name,
      baseUrl: record.baseUrl,
      models: [...record.models],
      modelsFrom: record.modelsFrom,
      ...(includeKeys && record.apiKey ? { apiKey: record.apiKey } : {}),
    })),
  };
}

/** The endpoints a file holds, or why it was refused. */
export type EndpointsImport =
  { ok: true; records: EndpointRecord[] } | { ok: false; problem: string };

/**
 * Reads an endpoints file: every endpoint is checked as if typed (name, URL, key, models), and one
 * bad endpoint refuses the whole file, naming it, so nothing is half imported. Unknown fields are
 * ignored. New ids are made with `makeId`.
 */
export function parseEndpointsFile(
  text: string,
  now: number,
  makeId: () => string,
): EndpointsImport {
  if (text.length > MAX_ENDPOINTS_FILE_BYTES)
    return {
      ok: false,
      problem: 'The file is larger than 1 MB: it is not a Quorum servers export.',
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The file is not JSON.' };
  }
  const file = value as Partial<EndpointsFile> | null;
  if (!file || typeof file !== 'object' || file.format !== ENDPOINTS_FORMAT)
    return {
      ok: false,
      problem: `The file is not a Quorum servers export (format "${ENDPOINTS_FORMAT}").`,
    };
  if (file.version !== ENDPOINTS_VERSION)
    return {
      ok: false,
      problem: `Version ${String(file.version)} of the format is not one this Quorum reads (it reads ${ENDPOINTS_VERSION}).`,
    };
  if (!Array.isArray(file.endpoints)) return { ok: false, problem: 'The file lists no servers.' };
  const records: EndpointRecord[] = [];
  for (const [index, entry] of file.endpoints.entries()) {
    const read = readEntry(entry);
    if (typeof read === 'string') return { ok: false, problem: `Server ${index + 1}: ${read}` };
    records.push({ ...read, id: makeId(), createdAt: now + index, updatedAt: now });
  }
  return { ok: true, records };
}

function readEntry(
  entry: unknown,
): Omit<EndpointRecord, 'id' | 'createdAt' | 'updatedAt'> | string {
  if (!entry || typeof entry !== 'object') return 'not an object.';
  const { name, baseUrl, models, modelsFrom, apiKey } = entry as Record<string, unknown>;
  if (typeof name !== 'string') return 'its name is missing.';
  if (typeof baseUrl !== 'string') return 'its base URL is missing.';
  if (!Array.isArray(models) || !models.every((m): m is string => typeof m === 'string'))
    return 'its models are not a list of names.';
  if (apiKey !== undefined && typeof apiKey !== 'string') return 'its API key is not text.';
  const problems = endpointProblems({ name, baseUrl, apiKey: apiKey ?? '', models });
  const first = Object.values(problems)[0];
  if (first) return first;
  const base = normaliseBaseUrl(baseUrl);
  if ('problem' in base) return base.problem;
  return {
    name: name.trim().slice(0, ENDPOINT_LIMITS.name),
    baseUrl: base.url,
    apiKey: apiKey ? apiKey : null,
    models: [...new Set(models.map((m) => m.trim()))],
    modelsFrom: modelsFrom === 'typed' ? 'typed' : 'listed',
  };
}

/** What an import writes, and how many of its endpoints were new or already here. */
export interface EndpointMerge {
  /** The records to put: new ones as read, matched ones under the stored id. */
  records: EndpointRecord[];
  added: number;
  updated: number;
}

/** The same server under the same name: its base URL (already normalised) and its name, case aside. */
const identity = (record: Pick<EndpointRecord, 'baseUrl' | 'name'>): string =>
  `${record.baseUrl}\n${record.name.trim().toLowerCase()}`;

/**
 * Matches `imported` to `existing` by base URL and name. A match keeps the stored id (pools, runs
 * and votes refer to it) and creation time, takes the file's models, and keeps the stored API key
 * unless the file carries one (an export without keys must not erase them). Two entries of the
 * file naming the same server count once, the later winning.
 */
export function mergeImportedEndpoints(
  existing: readonly EndpointRecord[],
  imported: readonly EndpointRecord[],
): EndpointMerge {
  const stored = new Map(existing.map((record) => [identity(record), record]));
  const out = new Map<string, EndpointRecord>();
  let updated = 0;
  for (const record of imported) {
    const key = identity(record);
    const match = stored.get(key);
    if (!match) {
      out.set(key, record);
      continue;
    }
    if (!out.has(key)) updated++;
    out.set(key, {
      ...record,
      id: match.id,
      createdAt: match.createdAt,
      apiKey: record.apiKey ?? match.apiKey,
    });
  }
  const records = [...out.values()];
  return { records, added: records.length - updated, updated };
}
