import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { cliContext, print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import type { RequestContext } from '../../core/audit.js';
import { AppError, errors } from '../../core/errors.js';
import { createProgress, type Progress } from '../../core/progress.js';
import { OrgLookup } from '../org/org.lookup.js';
import { DEFAULT_SAMPLE_SIZE } from './column-classifier.js';
import { loadLabelPolicy } from './label-policy.js';
import { runScan } from './scan.js';
import type { ScanOptions, ScanProgress, ScanReport, ScanSource } from './scan-report.js';
import type { ImportedScan } from './scans.import.js';
import type { Sampling, ScanSourceDescription } from './sensitive-data.schema.js';
import { redactDatabaseUrl } from './source-description.js';
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
  office?: string;
  as?: string;
}

/** How the scanned sources are shown in a stored scan: paths as given, database URLs without password. */
function describedSources(args: readonly string[]): ScanSourceDescription[] {
  return scanSources(args).map((source) =>
    source.kind === 'database'
      ? { kind: 'database', name: redactDatabaseUrl(source.url) }
      : { kind: 'file', name: source.path },
  );
}

/**
 * `--as EMAIL`: act as that user, with their role and offices, and be recorded as them. The local
 * operator already holds the database, so this narrows their rights to the user's, never widens them.
 */
async function actingContext(services: Services, email: string | undefined): Promise<RequestContext> {
  if (email === undefined) return cliContext();
  const user = await services.accounts.findUserByEmail(email.trim().toLowerCase());
  if (!user) throw errors.unknownReference('user', email.trim(), '--as');
  if (user.disabled)
    throw new AppError('account_disabled', `--as: the account ${user.email} is disabled`, {
      email: user.email,
    });
  const actor = await services.accounts.actorFor(user);
  return {
    actor: { ...actor, label: `${user.email} (cli:${process.env.USER ?? 'operator'})` },
    requestId: null,
  };
}

export function describeRegistration(stored: ImportedScan): string {
  const lines = [`Stored as scan ${stored.scan_id}; no label is applied until a person confirms it.`];
  for (const a of stored.assets ?? [])
    lines.push(
      `  [${a.position}] ${a.source}: ` +
        (a.link === 'ambiguous'
          ? 'several assets of the office bear this name; choose one when confirming (--asset)'
          : `${a.link === 'registered' ? 'registered as new asset' : 'linked to asset'} ${a.asset_name} (${a.asset_id}), ${a.label ? `label ${a.label}` : 'no label yet'}`),
    );
  lines.push(
    `Confirm with: custos label confirm ${stored.scan_id} N --label LABEL [--justification TEXT], or in the web (Sensitive data → Scans)`,
  );
  return lines.join('\n');
}

/** Scan, with a progress bar unless --json and Ctrl-C stopping at the next batch of rows. */
async function scanWithProgress(
  args: readonly string[],
  options: ScanCliOptions,
  scanOptions: ScanOptions,
): Promise<ScanReport> {
  const progress = createProgress({ json: options.json ?? false });
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    return await runScan(scanSources(args), scanOptions, {
      onProgress: progressDrawer(progress),
      signal: controller.signal,
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
  }
}

export function registerScanCommand(program: Command): void {
  program
    .command('scan <sources...>')
    .description(
      'Find personal and sensitive data in files, folders (recursive) and databases (postgres://…, mysql://…) ' +
        `and propose a label for each dataset; exit status ${SCAN_FAILED_EXIT} when a source could not be read. ` +
        'With --register the scan is stored (as the web and API store theirs) and each dataset linked to its ' +
        'inventory asset of --office — the asset an earlier scan of the source was linked to, else the asset ' +
        'named as the source, else a new dataset asset registered without a label. The proposed label is never ' +
        'applied: a person confirms or overrides it (`custos label confirm`, or the web), which writes it into ' +
        'the asset. --register needs the permissions "classification.scan" and "inventory.write"',
    )
    .option('--json', 'machine-readable output (the scan report; with --register, plus "register")')
    .option('--full', 'check every value instead of a sample')
    .option('--sample <n>', `values sampled per column (default ${DEFAULT_SAMPLE_SIZE})`)
    .option('--policy <file>', 'label policy file (default: data/labels/policy.yaml)')
    .option(
      '--register',
      'store the scan for confirmation and link each dataset to its inventory asset, registering an unlabelled one when it has none (see docs/classification.md)',
    )
    .option('--office <code>', 'with --register: the office whose inventory holds the datasets (required)')
    .option(
      '--as <email>',
      'with --register: act and be recorded as this user, with their role and offices (default: the local operator)',
    )
    .action(async (args: string[], options: ScanCliOptions, command: Command) => {
      if (options.full && options.sample !== undefined)
        throw errors.validation('--full and --sample exclude each other', [
          { path: '--sample', message: 'leave it out with --full' },
        ]);
      const size = options.sample === undefined ? DEFAULT_SAMPLE_SIZE : Number(options.sample);
      if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE)
        throw errors.validation(`--sample: a whole number from 1 to ${MAX_SAMPLE}`, [
          { path: '--sample', message: `a whole number from 1 to ${MAX_SAMPLE}` },
        ]);
      for (const flag of ['office', 'as'] as const)
        if (options[flag] !== undefined && !options.register)
          throw errors.validation(`--${flag} goes with --register`, [
            { path: `--${flag}`, message: 'only with --register' },
          ]);
      if (options.register && options.office === undefined)
        throw errors.validation('--register needs --office: the office whose inventory holds the datasets', [
          { path: '--office', message: 'required with --register' },
        ]);
      const policy = loadLabelPolicy(options.policy);
      const sampling: Sampling = options.full ? { kind: 'full' } : { kind: 'sample', size };
      const scanOptions: ScanOptions = { sampling, policy };
      if (!options.register) {
        const report = await scanWithProgress(args, options, scanOptions);
        print(options.json, report, describeScan);
        if (report.errors.length > 0) process.exitCode = SCAN_FAILED_EXIT;
        return;
      }
      await withServices(command, async (services) => {
        const ctx = await actingContext(services, options.as);
        const office = await new OrgLookup(services, ctx).office(options.office!, '--office');
        const input = { sources: describedSources(args), office_id: office.id, sampling, register: true };
        // Refused before reading anything, not after a long scan.
        await services.scans.checkImport(ctx, input);
        const report = await scanWithProgress(args, options, scanOptions);
        const stored = await services.scans.importReport(ctx, input, report);
        print(options.json, { ...report, register: stored }, (r) =>
          [describeScan(r), '', describeRegistration(r.register)].join('\n'),
        );
        if (report.errors.length > 0) process.exitCode = SCAN_FAILED_EXIT;
      });
    });
}
