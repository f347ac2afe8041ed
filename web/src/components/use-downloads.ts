import { useState } from 'react';

/**
 * One download at a time from a group of download buttons: which one is running (to show it
 * loading and hold the others back) and why the last one failed (to show in the page).
 */
export function useDownloads<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = async (which: K, download: () => Promise<void>) => {
    setBusy(which);
    setError(null);
    try {
      await download();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, start };
}
