// Saves text as a file from the browser: an object URL and a temporary <a download>. Nothing is
// written by the engine, and the CSP needs no exception (the link is same-document, blob: is not fetched).

/** Chromium reads the blob after click() returns; revoking at once can cancel the download. */
const REVOKE_AFTER_MS = 30_000;

export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
