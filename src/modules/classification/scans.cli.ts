import type { Command } from 'commander';
import { readAllPages } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { errors } from '../../core/errors.js';
import { OrgLookup } from '../org/org.lookup.js';
import type { ScanDetail, ScanSummary } from './sensitive-data.schema.js';

function describeScans(scans: readonly ScanSummary[]): string {
  if (scans.length === 0) return 'No scans';
  return formatTable(
    ['created', 'status', 'sources', 'datasets', 'confirmed', 'highest proposed', 'errors', 'id'],
    scans.map((s) => [
      s.created_at,
      s.status,
      s.sources.map((x) => x.name).join(', '),
      s.dataset_count,
      s.confirmed_count,
      s.highest_proposed ?? '',
      s.error_count,
      s.id,
    ]),
  );
}

export function describeScan(scan: ScanDetail): string {
  const lines = [
    `Scan ${scan.id}: ${scan.status}, by ${scan.created_by_label} at ${scan.created_at}`,
    `Sources: ${scan.sources.map((s) => s.name).join(', ')}; ${scan.sampling.kind === 'full' ? 'every value checked' : `up to ${scan.sampling.size} values per column`}`,
  ];
  for (const d of scan.datasets) {
    lines.push(
      '',
      `[${d.position}] ${d.source} (${d.format}, ${d.rows_scanned} rows): proposed ${d.proposal.label}` +
        (d.decision
          ? `; confirmed ${d.decision.label} (${d.decision.change}) by ${d.decision.decided_by_label}`
          : '; not confirmed yet') +
        (d.asset_name ? `; asset ${d.asset_name}` : ''),
      `    ${d.proposal.rule}`,
      ...d.proposal.reasons.map((r) => `    - ${r}`),
    );
  }
  for (const e of scan.errors) lines.push(`! ${e.source}: ${e.message}`);
  return lines.join('\n');
}

/** `custos scans list|show` and `custos label confirm`: stored scans and their label decisions. */
export function registerScanCommands(program: Command): void {
  const scans = program
    .command('scans')
    .description('Stored sensitive-data scans (run from the web, the API or `custos scan --register`)');
  scans
    .command('list')
    .description('List scans, newest first, all pages')
    .option('--office <code>', 'only scans of this office')
    .option('--json', 'machine-readable output')
    .action((options: { office?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const office =
          options.office === undefined
            ? undefined
            : await new OrgLookup(services, ctx).office(options.office, '--office');
        const scans = await readAllPages((cursor) =>
          services.scans.list(ctx, { office_id: office?.id, limit: 500, cursor }),
        );
        print(options.json, scans, describeScans);
      }),
    );
  scans
    .command('show <scan>')
    .description('Show a scan: each dataset, its proposed label and reasons, its decision')
    .option('--json', 'machine-readable output')
    .action((id: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.scans.get(ctx, id), describeScan);
      }),
    );

  const label = program.command('label').description('Sensitivity labels of scanned datasets');
  label
    .command('confirm <scan> <dataset>')
    .description(
      'Confirm or override the label of dataset number DATASET of SCAN (see `custos scans show`); overriding or lowering needs --justification. ' +
        'The label is written into the asset the dataset is linked to (by `custos scan --register` or an earlier confirmation) unless --asset, --register or --scan-only says otherwise',
    )
    .requiredOption('--label <label>', 'the label, e.g. "Confidential"')
    .option('--justification <text>', 'why the label differs from the proposal (or lowers the current one)')
    .option('--asset <id>', 'write the label into this inventory asset (default: the linked one)')
    .option('--register <office code>', 'create an inventory asset for the dataset in this office')
    .option('--name <name>', 'name of the registered asset (default: the dataset’s source)')
    .option('--scan-only', 'keep the decision with the scan: write no asset, even a linked one')
    .option('--json', 'machine-readable output')
    .action(
      (
        scanId: string,
        position: string,
        options: {
          label: string;
          justification?: string;
          asset?: string;
          register?: string;
          name?: string;
          scanOnly?: boolean;
          json?: boolean;
        },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const n = Number(position);
          if (!Number.isInteger(n) || n < 1)
            throw errors.validation('DATASET: the dataset’s number, from 1', [
              { path: 'DATASET', message: 'a whole number from 1' },
            ]);
          if ([options.asset, options.register, options.scanOnly].filter(Boolean).length > 1)
            throw errors.validation('give one of --asset, --register and --scan-only', [
              { path: options.scanOnly ? '--scan-only' : '--register', message: 'one target only' },
            ]);
          const scan = await services.scans.get(ctx, scanId);
          const dataset = scan.datasets.find((d) => d.position === n);
          if (!dataset) throw errors.notFound('dataset', `${scanId}/${n}`);
          const assetId =
            options.asset ?? (options.register || options.scanOnly ? undefined : dataset.asset_id);
          const asset = assetId ? await services.assets.get(ctx, assetId) : null;
          const office = options.register
            ? await new OrgLookup(services, ctx).office(options.register, '--register')
            : undefined;
          const result = await services.scans.confirm(ctx, scanId, n, {
            label: options.label,
            justification: options.justification,
            version: dataset.version,
            ...(asset ? { asset_id: asset.id, asset_version: asset.version } : {}),
            ...(office
              ? { register: { office_id: office.id, ...(options.name ? { name: options.name } : {}) } }
              : {}),
          });
          print(
            options.json,
            result,
            (d) =>
              `${d.source}: ${d.decision!.label} (${d.decision!.change})${d.asset_id ? `, written to asset ${d.asset_name ?? d.asset_id}` : ''}`,
          );
        }),
    );
}
