// Save a Blob or data URL as a file, entirely in the page (no network).
export function download(data: Blob | string, filename: string): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name without characters that file systems reject. */
export const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'churnlens';
