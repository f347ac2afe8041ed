import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import type { ProgressCallback } from '../../core/progress.js';
import type { Catalogue } from './catalogue.js';
import { readLogFile, type FormatChoice, type LogFileReport } from './log-reader.js';
import { parseColumnMap } from './parsers/column-map.js';
import { Pseudonymiser } from './pseudonymise.js';
import { readDirectoryFile } from './directory.js';
import { summariseUsage, type UsageSummary } from './usage-summary.js';
import { UsageRollup } from './usage-rollup.js';
import type { UsageRollupRows } from './usage-rows.js';

/*
 * Read log files into one roll-up and summarise it, storing nothing: the engine behind
 * `custos usage analyse`. Storing (`custos usage ingest`: one transaction per file, skipped when
 * its fingerprint was ingested before) builds on the same pieces once the tables exist.
 */

export interface AnalyseOptions {
  files: readonly string[];
  format: FormatChoice;
  /** `--map` as typed: `field=column,...`. */
  map?: string;
  /** A directory export (CSV or XLSX): user → department, office. */
  directory?: string;
  /** The pseudonymisation key; without one a random key is used for this run only. */
  key?: string;
  clock: Clock;
  /** Called per file with the bytes read so far and the file's size. */
  onProgress?: (file: string) => ProgressCallback;
}

export interface UsageAnalysis {
  files: LogFileReport[];
  rows: UsageRollupRows;
  summary: UsageSummary;
  /** `configured`: CUSTOS_USAGE_KEY; `one-off`: pseudonyms are only valid within this run. */
  key: 'configured' | 'one-off';
  memory: ReturnType<UsageRollup['stats']>;
}

export async function analyseUsageLogs(
  options: AnalyseOptions,
  catalogue: Catalogue,
): Promise<UsageAnalysis> {
  if (options.files.length === 0) throw errors.validation('Give at least one log file');
  const map = parseColumnMap(options.map);
  const directory = options.directory === undefined ? undefined : await readDirectoryFile(options.directory);
  const rollup = new UsageRollup({
    catalogue,
    pseudonymiser: new Pseudonymiser(options.key ?? randomBytes(32)),
    directory,
  });
  const reference = options.clock.now();
  const files: LogFileReport[] = [];
  for (const file of options.files) {
    files.push(
      await readLogFile(
        file,
        { format: options.format, map, reference, onProgress: options.onProgress?.(file) },
        rollup,
      ),
    );
  }
  const rows = rollup.rows();
  return {
    files,
    rows,
    summary: summariseUsage(rows, catalogue),
    key: options.key === undefined ? 'one-off' : 'configured',
    memory: rollup.stats(),
  };
}
