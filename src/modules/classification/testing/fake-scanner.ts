import path from 'node:path';
import fs from 'node:fs';
import type { ScanRunner, ScanSource } from '../scan-report.js';
import { syntheticReport } from '../synthetic-reports.js';

/**
 * A stand-in for the real scanner in tests of the scan service, routes and web: it checks each file
 * exists (as the scanner would), reports progress per source, stops when aborted, and answers the
 * synthetic report of src/modules/classification/synthetic-reports.ts for the sources' names.
 */
export function fakeScanner(seen: ScanSource[][] = []): ScanRunner {
  return async (sources, options, hooks) => {
    seen.push([...sources]);
    const names: string[] = [];
    for (const [i, source] of sources.entries()) {
      if (hooks?.signal?.aborted) break;
      const name =
        source.kind === 'path' ? (source.name ?? path.basename(source.path)) : 'postgres://db/public.people';
      if (source.kind === 'path' && !fs.existsSync(source.path))
        throw new Error(`missing upload ${source.path}`);
      hooks?.onProgress?.({ source: name, sources_done: i, sources_total: sources.length });
      names.push(name);
    }
    return syntheticReport(names, options.policy);
  };
}
