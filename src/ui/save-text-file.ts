// Saves text as a file through a temporary link (the export buttons of a run).
/** Saves `text` as a file named `fileName` with MIME `type`, through a temporary link. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may still be reading the blob right after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
