import { send, type QueryValue } from './client';

/**
 * The file name a server suggests in Content-Disposition (RFC 6266): the UTF-8 `filename*` form
 * first, then the plain `filename`; path parts are dropped so a name can never point elsewhere.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1];
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/**
 * Fetch a file from the API and hand it to the browser's download, so a refused request shows
 * its translated error in the page instead of downloading the error as a file.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  saveBlob(blob, filenameFromDisposition(response.headers.get('content-disposition'), fallbackName));
}

/** Hand a file made in the page to the browser's download, under the given name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: the click has handed the file to the browser by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
