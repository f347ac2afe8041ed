import fs from 'node:fs';
import type { Command } from 'commander';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { isAppError } from '../../core/errors.js';
import { createProgress, progressReporter } from '../../core/progress.js';
import { formatBytes } from '../../core/tabular/limits.js';
import { readDirectoryFile } from './directory.js';
import { malformedLines } from './usage.cli.js';
import {
  FORMAT_CHOICES,
  ingestInputSchema,
  reportQuerySchema,
  USAGE_LANGS,
  type IngestResult,
  type UsageReport,
} from './usage.schema.js';
import { statusSourceText } from './app-status.js';

/*
 * `custos usage ingest` stores logs' roll-ups (one transaction per file; a failing file does not
 * stop the others, and the exit code says something failed); `custos usage report` prints the
 * report from what is stored, or writes it as XLSX.
 */

const INGEST_FLAGS = new FlagNames({
  files: 'FILE',
  format: '--format',
  map: '--map',
  directory: '--directory',
});
const REPORT_FLAGS = new FlagNames({ from: '--from', to: '--to', suppress: '--suppress', lang: '--lang' });

type IngestOutcome =
  | IngestResult
  | { file: string; status: 'failed'; error: { code: string; message: string; details?: unknown } };

const number = (n: number | string) => (typeof n === 'number' ? n.toLocaleString('en-GB') : n);

export function registerUsageStoreCommands(usage: Command): void {
  usage
    .command('ingest')
    .description(
      'Store the AI usage roll-ups of proxy or DNS logs (plain or gzip); a file seen before is skipped',
    )
    .argument('<files...>', 'log files')
    .option('--format <format>', `log format: ${FORMAT_CHOICES.join('|')}`, 'auto')
    .option(
      '--map <spec>',
      'columns for CSV/JSON Lines/W3C, e.g. "time=ts,user=uid,host=dest,department=dept"',
    )
    .option(
      '--directory <file>',
      'CSV or XLSX export with user, department and office columns, joined on the user',
    )
    .option('--json', 'machine-readable output')
    .action(
      (
        files: string[],
        options: { format: string; map?: string; directory?: string; json?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const input = INGEST_FLAGS.parse(ingestInputSchema, { files, ...options, json: undefined });
          const directory =
            input.directory === undefined ? undefined : await readDirectoryFile(input.directory);
          const progress = createProgress({ json: options.json });
          const outcomes: IngestOutcome[] = [];
          let exitCode = 0;
          try {
            for (const file of input.files) {
              try {
                outcomes.push(
                  await services.usageIngest.ingest(
                    ctx,
                    { path: file },
                    { ...input, directory, onProgress: progressReporter(progress, `Ingesting ${file}`) },
                  ),
                );
              } catch (error) {
                progress.stop();
                if (!isAppError(error)) throw error;
                // The first failure's exit code; the other files are still ingested.
                if (exitCode === 0) exitCode = error.exitCode;
                outcomes.push({
                  file,
                  status: 'failed',
                  error: { code: error.code, message: error.message, details: error.details },
                });
              }
            }
          } finally {
            progress.stop();
          }
          print(options.json, { files: outcomes }, () => describeIngestion(outcomes));
          if (exitCode !== 0) process.exitCode = exitCode;
        }),
    );

  usage
    .command('report')
    .description('The AI usage report over a period, from what is stored')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--xlsx <file>', 'write the report as an XLSX workbook to share (small cells suppressed)')
    .option(
      '--suppress <on|off>',
      'show fewer than 5 distinct users as "<5" (default: on for --xlsx, else off)',
    )
    .option('--lang <lang>', `language of the summary: ${USAGE_LANGS.join('|')}`, 'en')
    .option('--json', 'machine-readable output (exact counts)')
    .action(
      (
        options: { from: string; to: string; xlsx?: string; suppress?: string; lang: string; json?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const suppress = options.suppress ?? (options.xlsx ? 'on' : 'off');
          const query = REPORT_FLAGS.parse(reportQuerySchema, {
            from: options.from,
            to: options.to,
            lang: options.lang,
            suppress: suppress === 'on' ? 'true' : suppress === 'off' ? 'false' : suppress,
          });
          if (options.xlsx !== undefined) {
            const file = await services.usageReport.reportXlsx(ctx, query);
            fs.writeFileSync(options.xlsx, file.content);
            print(
              options.json,
              { written: options.xlsx, suppressed: query.suppress },
              () => `Wrote ${options.xlsx}`,
            );
            return;
          }
          const report = await services.usageReport.report(ctx, query);
          print(options.json, report, describeReport);
        }),
    );
}

function describeIngestion(outcomes: IngestOutcome[]): string {
  const lines = [
    formatTable(
      ['FILE', 'STATUS', 'FORMAT', 'LINES', 'EVENTS', 'AI EVENTS', 'MALFORMED', 'PERIOD'],
      outcomes.map((outcome) =>
        outcome.status === 'failed'
          ? [outcome.file, 'failed', '', '', '', '', '', '']
          : [
              outcome.file,
              outcome.status.replace('_', ' '),
              outcome.compressed ? `${outcome.format} (gzip)` : outcome.format,
              number(outcome.lines),
              number(outcome.events),
              number(outcome.ai_events),
              number(outcome.malformed),
              outcome.period.from ? `${outcome.period.from} to ${outcome.period.to}` : '',
            ],
      ),
    ),
  ];
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') {
      lines.push(`  ${outcome.file}: ${outcome.error.message}`);
      continue;
    }
    lines.push(...malformedLines(outcome));
    if (outcome.alerts)
      lines.push(
        `  ${outcome.file}: ${outcome.alerts.alerts} alert(s) now (custos usage alerts); actions opened ${outcome.alerts.actions.opened}, closed ${outcome.alerts.actions.closed}`,
      );
  }
  return lines.join('\n');
}

export function describeReport(report: UsageReport): string {
  const lines = [`AI usage ${report.period.from} to ${report.period.to}`, '', report.summary];
  if (report.apps.length > 0)
    lines.push(
      '',
      formatTable(
        ['APP', 'VENDOR', 'STATUS', 'STATUS FROM', 'RISK', 'EVENTS', 'USERS', 'UPLOADED', 'FIRST SEEN'],
        report.apps.map((app) => [
          app.name,
          app.vendor,
          app.status.replaceAll('_', ' '),
          statusSourceText(app),
          app.risk,
          number(app.events),
          number(app.users),
          formatBytes(app.bytes_up),
          app.first_seen,
        ]),
      ),
      '',
      formatTable(
        ['DEPARTMENT', 'OFFICE', 'AI EVENTS', 'UNAPPROVED', 'HIGH-RISK', 'USERS'],
        report.departments.map((unit) => [
          unit.department ?? '(unknown)',
          unit.office ?? '(unknown)',
          number(unit.ai_events),
          number(unit.unapproved_events),
          number(unit.high_risk_events),
          number(unit.users),
        ]),
      ),
      '',
      formatTable(
        ['WEEK OF', 'EVENTS', 'AI EVENTS', 'UNAPPROVED', 'HIGH-RISK', 'AI USERS'],
        report.weekly.map((week) => [
          week.week,
          number(week.events),
          number(week.ai_events),
          number(week.unapproved_events),
          number(week.high_risk_events),
          number(week.ai_users),
        ]),
      ),
    );
  return lines.join('\n');
}
