// Pure bookkeeping of a download's bytes, files, rate and ETA; decides when a progress event is worth sending.
import type { DownloadProgress } from './download-protocol.js';

const EMIT_INTERVAL_MS = 100;

/** Counts a download's bytes and files as they arrive and says when a progress event is due. */
export interface ProgressTracker {
  addTotal(bytes: number, files?: number): void;
  startFile(name: string): void;
  /** Bytes that came over the network in this session (they count towards the rate). */
  fetched(bytes: number): void;
  /** A file that was already cached: it counts as done but not towards the rate. */
  skipped(bytes: number): void;
  /** Bytes of a failed attempt that will be fetched again: they no longer count as loaded. */
  discard(bytes: number): void;
  finishFile(): void;
  snapshot(): DownloadProgress;
  /** True at most every 100 ms, and always when a file starts or finishes. */
  shouldEmit(): boolean;
  /** Every file to fetch is now counted in the total, so the fraction means something. */
  listComplete(): void;
}

/** Whether the download's file list is known from the start. */
export interface TrackerOptions {
  /**
   * False when the file list is learned during the download (the config and index name the rest):
   * the fraction stays 0 until `listComplete`, so a bar never fills on the config alone and drops back.
   */
  listKnown?: boolean;
}

/**
 * A tracker on the clock `now` (ms): rate and ETA count fetched bytes only (cached files are done, not fast),
 * and the fraction (0..1) never goes back.
 */
export function createProgressTracker(
  now: () => number,
  { listKnown = true }: TrackerOptions = {},
): ProgressTracker {
  const startedAt = now();
  let counting = listKnown;
  // The fraction never goes back: a file of unannounced size grows the total as it arrives.
  let shownFraction = 0;
  let totalBytes = 0;
  let loadedBytes = 0;
  let fetchedBytes = 0;
  let filesTotal = 0;
  let filesDone = 0;
  let file = '';
  let lastEmit = -Infinity;
  let fileBoundary = false;

  return {
    addTotal(bytes, files = 1) {
      totalBytes += bytes;
      filesTotal += files;
    },
    startFile(name) {
      file = name;
      fileBoundary = true;
    },
    fetched(bytes) {
      loadedBytes += bytes;
      fetchedBytes += bytes;
      // A server that sends more than announced must not push the fraction past 1.
      totalBytes = Math.max(totalBytes, loadedBytes);
    },
    skipped(bytes) {
      loadedBytes += bytes;
      totalBytes = Math.max(totalBytes, loadedBytes);
    },
    discard(bytes) {
      loadedBytes -= bytes;
      fetchedBytes -= bytes;
    },
    finishFile() {
      filesDone += 1;
      fileBoundary = true;
    },
    snapshot() {
      const elapsedMs = now() - startedAt;
      const bytesPerSecond =
        fetchedBytes > 0 && elapsedMs > 0 ? (fetchedBytes * 1000) / elapsedMs : null;
      const remaining = totalBytes - loadedBytes;
      const etaMs =
        remaining <= 0
          ? 0
          : bytesPerSecond
            ? Math.round((remaining * 1000) / bytesPerSecond)
            : null;
      if (counting && totalBytes > 0)
        shownFraction = Math.max(shownFraction, loadedBytes / totalBytes);
      return {
        loadedBytes,
        totalBytes,
        fraction: shownFraction,
        file,
        filesDone,
        filesTotal,
        bytesPerSecond,
        etaMs,
      };
    },
    shouldEmit() {
      const t = now();
      if (fileBoundary || t - lastEmit >= EMIT_INTERVAL_MS) {
        fileBoundary = false;
        lastEmit = t;
        return true;
      }
      return false;
    },
    listComplete() {
      counting = true;
    },
  };
}
