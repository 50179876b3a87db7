// Files the installed app is opened with (the manifest's file_handlers), handed over by the browser's launchQueue.

/** The parts of the File Handling API (launchQueue) Quorum reads; absent outside an installed app. */
interface LaunchParams {
  files?: readonly { getFile(): Promise<File> }[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/**
 * Calls `open` with the files of every launch that brings some (a desktop "Open with Quorum").
 * With `launch_handler: focus-existing` a later launch reaches the window already open. Files that
 * cannot be read are left out; the import that follows says what it got.
 */
export function listenForLaunchedFiles(open: (files: File[]) => void): void {
  const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    const handles = params.files ?? [];
    if (handles.length === 0) return;
    void Promise.allSettled(handles.map((handle) => handle.getFile())).then((read) => {
      const files = read.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (files.length > 0) open(files);
    });
  });
}
