import type { Command } from 'commander';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { systemClock } from '../../core/clock.js';
import { createProgress, progressReporter } from '../../core/progress.js';
import { formatBytes } from '../../core/tabular/limits.js';
import { loadShippedCatalogue } from './catalogue.js';
import { CATEGORY_LABELS } from './catalogue.schema.js';
import { USAGE_KEY_ENV, usageKeyFromEnv } from './pseudonymise.js';
import type { LogFileReport } from './log-reader.js';
import { deriveRisk } from './risk-rule.js';
import { analyseUsageLogs, type UsageAnalysis } from './usage-analysis.js';
import { registerUsageAlertCommands } from './usage-alerts.cli.js';
import { registerUsageStoreCommands } from './usage-store.cli.js';
import { analyseInputSchema, FORMAT_CHOICES } from './usage.schema.js';
import { statusSourceText } from './app-status.js';

/*
 * `custos usage apps` lists the organisation's AI app catalogue; `custos usage analyse` reads logs
 * and prints the roll-up without storing anything (and without opening the database); storing and
 * reporting are in usage-store.cli.ts.
 */

const FLAGS = new FlagNames({ files: 'FILE', format: '--format', map: '--map', directory: '--directory' });

export function registerUsageCommands(program: Command): void {
  const usage = program
    .command('usage')
    .description('AI usage monitoring: the AI app catalogue and proxy/DNS log analysis');

  usage
    .command('apps')
    .description("List the AI apps Custos recognises, with their domains, risk and the organisation's status")
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const apps = (await services.usageApps.list(ctx)).map((app) => {
          const assessment = deriveRisk(app.attributes);
          return { ...app, risk_score: assessment.score, risk_reasons: assessment.reasons };
        });
        const reviewed = loadShippedCatalogue().reviewed;
        print(options.json, { reviewed, apps }, ({ apps: rows }) =>
          [
            formatTable(
              ['ID', 'NAME', 'VENDOR', 'CATEGORY', 'RISK', 'STATUS', 'STATUS FROM', 'DOMAINS'],
              rows.map((app) => [
                app.id,
                app.name,
                app.vendor,
                CATEGORY_LABELS[app.category],
                app.risk,
                app.status.replaceAll('_', ' '),
                statusSourceText(app),
                app.domains.length > 2
                  ? `${app.domains.slice(0, 2).join(', ')} +${app.domains.length - 2}`
                  : app.domains.join(', '),
              ]),
            ),
            '',
            `${rows.length} apps; attributes reviewed ${reviewed}. Risk rule: docs/ai-usage.md.`,
          ].join('\n'),
        );
      }),
    );

  usage
    .command('analyse')
    .description(
      'Preview: read proxy or DNS logs (plain or gzip) and print the AI usage roll-up; stores nothing',
    )
    .argument('<files...>', 'log files')
    .option('--format <format>', `log format: ${FORMAT_CHOICES.join('|')}`, 'auto')
    .option(
      '--map <spec>',
      'columns for CSV/JSON Lines/W3C, e.g. "time=ts,user=uid,host=dest,bytes_up=sent,bytes_down=recv,department=dept"',
    )
    .option(
      '--directory <file>',
      'CSV or XLSX export with user, department and office columns, joined on the user',
    )
    .option('--json', 'machine-readable output')
    .action(
      async (
        files: string[],
        options: { format: string; map?: string; directory?: string; json?: boolean },
      ) => {
        const input = FLAGS.parse(analyseInputSchema, {
          files,
          format: options.format,
          map: options.map,
          directory: options.directory,
        });
        const progress = createProgress({ json: options.json });
        try {
          const analysis = await analyseUsageLogs(
            {
              ...input,
              key: usageKeyFromEnv(),
              clock: systemClock,
              onProgress: (file) => progressReporter(progress, `Reading ${file}`),
            },
            loadShippedCatalogue(),
          );
          progress.stop();
          const { pseudonyms: _pseudonyms, user_days, app_days, ...rows } = analysis.rows;
          print(
            options.json,
            {
              stored: false,
              key: analysis.key,
              files: analysis.files,
              summary: analysis.summary,
              rows: {
                ...rows,
                app_days: app_days.map(({ user_numbers: _users, ...row }) => row),
                app_user_days: user_days,
              },
            },
            () => describeAnalysis(analysis),
          );
        } finally {
          progress.stop();
        }
      },
    );

  registerUsageStoreCommands(usage);
  registerUsageAlertCommands(usage);
}

const number = (n: number) => n.toLocaleString('en-GB');

/** The first malformed lines of a file by number and reason, and how many more there were. */
export function malformedLines(
  file: Pick<LogFileReport, 'file' | 'malformed' | 'malformed_examples'>,
): string[] {
  const lines = file.malformed_examples.map((example) => `  ${file.file}:${example.line}: ${example.reason}`);
  const more = file.malformed - file.malformed_examples.length;
  if (more > 0) lines.push(`  ${file.file}: ${number(more)} more malformed lines`);
  return lines;
}

export function describeAnalysis(analysis: UsageAnalysis): string {
  const { summary, files } = analysis;
  const { totals, period } = summary;
  const lines: string[] = ['AI usage preview: nothing was stored.', ''];
  lines.push(
    formatTable(
      ['FILE', 'FORMAT', 'LINES', 'EVENTS', 'MALFORMED', 'SHA-256'],
      files.map((file) => [
        file.file,
        file.compressed ? `${file.format} (gzip)` : file.format,
        number(file.lines),
        number(file.events),
        number(file.malformed),
        `${file.sha256.slice(0, 16)}…`,
      ]),
    ),
  );
  for (const file of files) lines.push(...malformedLines(file));
  lines.push('');
  const share = totals.events > 0 ? ` (${((100 * totals.ai_events) / totals.events).toFixed(1)}%)` : '';
  lines.push(
    period.from
      ? `${period.from} to ${period.to}: ${number(totals.events)} events, ${number(totals.ai_events)} to AI apps${share}, ${number(totals.ai_users)} distinct users of AI apps.`
      : 'No events.',
  );
  if (summary.apps.length > 0) {
    lines.push(
      '',
      formatTable(
        ['APP', 'VENDOR', 'CATEGORY', 'RISK', 'EVENTS', 'USERS', 'UPLOADED', 'FIRST SEEN'],
        summary.apps.map((app) => [
          app.name,
          app.vendor,
          app.category,
          app.risk,
          number(app.events),
          number(app.users),
          formatBytes(app.bytes_up),
          app.first_seen,
        ]),
      ),
      '',
      formatTable(
        ['DEPARTMENT', 'OFFICE', 'AI EVENTS', 'HIGH-RISK EVENTS', 'USERS'],
        summary.departments.map((unit) => [
          unit.department ?? '(unknown)',
          unit.office ?? '(unknown)',
          number(unit.ai_events),
          number(unit.high_risk_events),
          number(unit.users),
        ]),
      ),
    );
  }
  if (analysis.key === 'one-off')
    lines.push('', `${USAGE_KEY_ENV} is not set: users were pseudonymised with a one-off key for this run.`);
  return lines.join('\n');
}
