import fs from 'node:fs';
import type { Command } from 'commander';
import { collect } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { errors } from '../../core/errors.js';
import { readAccessListing } from './access-listing.js';
import { checkAccess, type AccessViolation } from './access-policy.js';
import { disclosureReport, type DisclosureReport } from './disclosure-report.js';
import { loadLabelPolicy } from './label-policy.js';
import { registerScanCommand } from './scan.cli.js';

/** Exit status of `custos access check` when the listing breaks the policy: a check that failed. */
export const ACCESS_VIOLATIONS_EXIT = 10;

async function openFile(file: string): Promise<fs.ReadStream> {
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) throw errors.notFound('File', file);
  return fs.createReadStream(file);
}

function list(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function describeDisclosure(file: string, report: DisclosureReport): string {
  const lines: string[] = [];
  const qi = report.quasi_identifiers.join(', ');
  lines.push(
    `${file}: ${report.records} records; quasi-identifiers${report.suggested_quasi_identifiers ? ' (suggested from the headers; choose with --qi)' : ''}: ${qi}; ${report.weight ? `weights from ${report.weight}` : 'no sampling weights'}`,
    `Keys: ${report.keys} distinct; sample uniques: ${report.sample_uniques} (${percent(report.records ? report.sample_uniques / report.records : 0)})`,
    `k-anonymity: ${report.violating.k2} records violate k=2, ${report.violating.k3} violate k=3, ${report.violating.k5} violate k=5`,
    `Global risk: ${report.expected_reidentifications.toFixed(2)} expected re-identifications, ${percent(report.share)} of records: ${report.above_threshold ? 'ABOVE' : 'below'} HDX's ${percent(report.threshold)} threshold`,
    `Highest individual risk: ${report.max_individual_risk.toFixed(4)}`,
  );
  for (const l of report.l_diversity)
    lines.push(
      `l-diversity of ${l.column}: smallest l = ${l.min_l}; ${l.keys_with_l1} keys (${l.records_with_l1} records) reveal a single value`,
    );
  if (report.riskiest_keys.length > 0) {
    lines.push('', 'Riskiest keys:');
    lines.push(
      formatTable(
        [...report.quasi_identifiers, 'fk', ...(report.weight ? ['Fk'] : []), 'risk'],
        report.riskiest_keys.map((k) => [
          ...report.quasi_identifiers.map((c) => k.key[c] ?? '(missing)'),
          k.fk,
          ...(report.weight ? [k.Fk ?? ''] : []),
          k.risk.toFixed(4),
        ]),
      ),
    );
  }
  if (report.recodings.length > 0) {
    lines.push('', 'Suggested recodings, with the risk after each:');
    for (const r of report.recodings)
      lines.push(
        `- ${r.description}: ${r.after.expected_reidentifications.toFixed(2)} expected (${percent(r.after.share)}), ${r.after.sample_uniques} sample uniques, ${r.after.violating.k3} records below k=3`,
      );
  }
  return lines.join('\n');
}

export function describeViolations(
  label: string,
  rows: number,
  violations: readonly AccessViolation[],
): string {
  if (violations.length === 0) return `${rows} permission(s) checked against ${label}: no violation.`;
  return [
    `${rows} permission(s) checked against ${label}: ${violations.length} violation(s).`,
    formatTable(
      ['severity', 'resource', 'principal', 'problem'],
      violations.map((v) => [v.severity, v.resource, v.principal ?? '', v.message]),
    ),
  ].join('\n');
}

export function registerClassificationCommands(program: Command): void {
  registerScanCommand(program);
  program
    .command('disclosure <file>')
    .description('Measure how re-identifiable a microdata file (CSV or XLSX) is before sharing it')
    .option(
      '--qi <columns>',
      'quasi-identifier columns, comma-separated (default: suggested from the headers)',
      collect,
    )
    .option('--weight <column>', 'sampling weight column (sdcMicro individual risk)')
    .option('--sensitive <columns>', 'sensitive columns for l-diversity, comma-separated', collect)
    .option('--top <n>', 'how many of the riskiest keys to list', '10')
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string,
        options: { qi?: string[]; weight?: string; sensitive?: string[]; top: string; json?: boolean },
      ) => {
        const top = Number(options.top);
        if (!Number.isInteger(top) || top < 0 || top > 1000)
          throw errors.validation('--top: a whole number from 0 to 1000', [
            { path: '--top', message: 'a whole number from 0 to 1000' },
          ]);
        const report = await disclosureReport(await openFile(file), {
          quasiIdentifiers: list(options.qi),
          weight: options.weight ?? null,
          sensitive: list(options.sensitive) ?? [],
          topKeys: top,
        });
        print(options.json, report, (r) => describeDisclosure(file, r));
      },
    );

  const access = program.command('access').description('Who can access data, against the label policy');
  access
    .command('check <listing>')
    .description(
      `Check a permission listing (CSV or XLSX: resource, principal, principal_type, access_level); exit status ${ACCESS_VIOLATIONS_EXIT} when a rule is broken`,
    )
    .requiredOption('--label <label>', 'the sensitivity label of the data, e.g. "Strictly Confidential"')
    .option('--policy <file>', 'label policy file (default: data/labels/policy.yaml)')
    .option('--json', 'machine-readable output')
    .action(async (listing: string, options: { label: string; policy?: string; json?: boolean }) => {
      const policy = loadLabelPolicy(options.policy);
      const label = policy.taxonomy.find(
        (l) => l.name.toLowerCase() === options.label.trim().toLowerCase(),
      )?.name;
      if (!label)
        throw errors.validation(
          `--label: unknown label "${options.label}"; one of: ${policy.taxonomy.map((l) => l.name).join(', ')}`,
          [{ path: '--label', message: 'unknown label' }],
        );
      const rows = await readAccessListing(await openFile(listing));
      const violations = checkAccess(rows, label, policy);
      print(options.json, { label, rows: rows.length, violations }, (r) =>
        describeViolations(r.label, r.rows, r.violations),
      );
      if (violations.length > 0) process.exitCode = ACCESS_VIOLATIONS_EXIT;
    });

  access
    .command('grants <database-url>')
    .description(
      `Read who may access each table of a PostgreSQL or MySQL/MariaDB database (PUBLIC included); with --label, check it (exit status ${ACCESS_VIOLATIONS_EXIT} on a violation)`,
    )
    .option('--label <label>', 'the sensitivity label of the data, e.g. "Confidential"')
    .option('--json', 'machine-readable output')
    .action((url: string, options: { label?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const result = await services.accessChecks.grants(ctx, url, options.label);
        print(options.json, result, (r) =>
          [
            `${r.source}: ${r.rows.length} grant(s)`,
            formatTable(
              ['resource', 'principal', 'type', 'privileges'],
              r.rows.map((g) => [g.resource, g.principal, g.principal_type, g.access_level]),
            ),
            ...(r.label ? ['', describeViolations(r.label, r.rows.length, r.violations)] : []),
          ].join('\n'),
        );
        if (result.violations.length > 0) process.exitCode = ACCESS_VIOLATIONS_EXIT;
      }),
    );
}
