import type { Command } from 'commander';
import { print } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { errors } from '../../core/errors.js';
import { createProgress, type Progress } from '../../core/progress.js';
import { DEFAULT_SAMPLE_SIZE } from './column-classifier.js';
import { loadLabelPolicy } from './label-policy.js';
import { runScan } from './scan.js';
import type { ScanProgress, ScanReport, ScanSource } from './scan-report.js';
import { isDatabaseUrl } from './sources/database.js';

/** Exit status of `custos scan` when a source could not be read (the others are still reported). */
export const SCAN_FAILED_EXIT = 11;
const MAX_SAMPLE = 1_000_000;

export function scanSources(args: readonly string[]): ScanSource[] {
  return args.map((arg) =>
    isDatabaseUrl(arg) ? { kind: 'database', url: arg } : { kind: 'path', path: arg },
  );
}

export function describeScan(report: ScanReport): string {
  const lines: string[] = [];
  for (const dataset of report.datasets) {
    lines.push(
      `${dataset.source} (${dataset.format}, ${dataset.rows_scanned.toLocaleString('en')} rows): ${dataset.label.proposed}, proposed`,
      `  ${dataset.label.rule}`,
    );
    const rows = dataset.columns.flatMap((column) =>
      column.detections.map((d, i) => [
        i === 0 ? column.name : '',
        d.type,
        d.confidence,
        `${d.matched}/${d.sampled}`,
        d.examples.join(', '),
      ]),
    );
    if (rows.length > 0)
      lines.push(
        formatTable(['column', 'detection', 'confidence', 'matched', 'examples (masked)'], rows)
          .split('\n')
          .map((line) => `  ${line}`)
          .join('\n'),
      );
    else lines.push(`  nothing personal found in ${dataset.columns.length} column(s)`);
    lines.push('');
  }
  if (report.datasets.length === 0) lines.push('No dataset was read.', '');
  if (report.errors.length > 0) {
    lines.push(`${report.errors.length} source(s) could not be read:`);
    for (const error of report.errors) lines.push(`  ${error.source}: ${error.message}`);
  }
  return lines.join('\n').trimEnd();
}

/** Draw scan progress: one bar per source, restarted when the source or its size changes. */
function progressDrawer(progress: Progress): (p: ScanProgress) => void {
  let shown = '';
  let total = -1;
  return (p) => {
    if (p.total === undefined || p.done === undefined) return;
    const label = `[${p.sources_done + 1}/${p.sources_total}] ${p.source}`;
    if (label !== shown || p.total !== total) {
      if (label !== shown) progress.stop();
      progress.start(p.total, label);
      shown = label;
      total = p.total;
    }
    progress.update(p.done);
  };
}

interface ScanCliOptions {
  json?: boolean;
  full?: boolean;
  sample?: string;
  policy?: string;
  register?: boolean;
}

export function registerScanCommand(program: Command): void {
  program
    .command('scan <sources...>')
    .description(
      'Find personal and sensitive data in files, folders (recursive) and databases (postgres://…, mysql://…) ' +
        `and propose a label for each dataset; exit status ${SCAN_FAILED_EXIT} when a source could not be read`,
    )
    .option('--json', 'machine-readable output (the scan report)')
    .option('--full', 'check every value instead of a sample')
    .option('--sample <n>', `values sampled per column (default ${DEFAULT_SAMPLE_SIZE})`)
    .option('--policy <file>', 'label policy file (default: data/labels/policy.yaml)')
    .option(
      '--register',
      'record each dataset in the inventory with its proposed label, unconfirmed (done by the scan service; see docs/classification.md)',
    )
    .action(async (args: string[], options: ScanCliOptions) => {
      if (options.full && options.sample !== undefined)
        throw errors.validation('--full and --sample exclude each other', [
          { path: '--sample', message: 'leave it out with --full' },
        ]);
      const size = options.sample === undefined ? DEFAULT_SAMPLE_SIZE : Number(options.sample);
      if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE)
        throw errors.validation(`--sample: a whole number from 1 to ${MAX_SAMPLE}`, [
          { path: '--sample', message: `a whole number from 1 to ${MAX_SAMPLE}` },
        ]);
      if (options.register)
        throw errors.validation(
          '--register records datasets in the inventory through the scan service, which this build does not have yet; scan without it',
          [{ path: '--register', message: 'not available in this build' }],
        );
      const policy = loadLabelPolicy(options.policy);
      const progress = createProgress({ json: options.json ?? false });
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      let report: ScanReport;
      try {
        report = await runScan(
          scanSources(args),
          { sampling: options.full ? { kind: 'full' } : { kind: 'sample', size }, policy },
          { onProgress: progressDrawer(progress), signal: controller.signal },
        );
      } finally {
        progress.stop();
        process.off('SIGINT', onSignal);
      }
      print(options.json, report, describeScan);
      if (report.errors.length > 0) process.exitCode = SCAN_FAILED_EXIT;
    });
}
