import type { Command } from 'commander';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { errors } from '../../core/errors.js';
import { formatBytes } from '../../core/tabular/limits.js';
import {
  alertSettingsUpdateSchema,
  type AlertRun,
  type AlertSettingsView,
  type UsageAlerts,
} from './usage.schema.js';

/*
 * `custos usage alerts` evaluates the alert rules now (opening and closing their actions) and lists
 * the alerts; `custos usage alert-settings` shows or changes the rules' settings.
 */

const SETTINGS_FLAGS = new FlagNames({
  version: '--version',
  min_users: '--min-users',
  upload_threshold_mib: '--upload-mib',
  window_days: '--window-days',
  due_days: '--due-days',
});

const RULE_LABELS = {
  unapproved_high_risk_users: 'unapproved high-risk app, many users',
  new_app_upload: 'new app, large uploads',
} as const;

/** A number typed on the command line ("abc" stays a string, for the schema to name). */
const numeric = (value: string | undefined): number | string | undefined =>
  value === undefined ? undefined : /^-?\d+$/.test(value) ? Number(value) : value;

export function registerUsageAlertCommands(usage: Command): void {
  usage
    .command('alerts')
    .description(
      'Evaluate the AI usage alert rules now (open an action per new alert, close those no longer true) and list the alerts',
    )
    .option('--no-evaluate', 'only list the alerts; change no action')
    .option('--suppress <on|off>', 'show fewer than 5 users as "<5"', 'off')
    .option('--json', 'machine-readable output')
    .action((options: { evaluate: boolean; suppress: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        if (options.suppress !== 'on' && options.suppress !== 'off')
          throw errors.validation('--suppress: use on or off', [
            { path: '--suppress', message: 'on or off' },
          ]);
        const run = options.evaluate ? await services.usageAlerts.run(ctx) : null;
        const alerts = await services.usageAlerts.list(ctx, { suppress: options.suppress === 'on' });
        print(options.json, { run, ...alerts }, () => describeAlerts(alerts, run));
      }),
    );

  usage
    .command('alert-settings')
    .description("Show or change the alert rules' settings (admins)")
    .option(
      '--min-users <n>',
      'alert when more than n distinct users in a department use an unapproved high-risk app',
    )
    .option('--upload-mib <n>', 'alert when a department uploads more than n MiB to a newly seen app')
    .option('--window-days <n>', 'look at the last n days of stored usage')
    .option('--due-days <n>', "an alert's action is due n days after it opens")
    .option('--version <n>', 'the version read (default: the current one)')
    .option('--json', 'machine-readable output')
    .action(
      (
        options: {
          minUsers?: string;
          uploadMib?: string;
          windowDays?: string;
          dueDays?: string;
          version?: string;
          json?: boolean;
        },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const changes = {
            min_users: numeric(options.minUsers),
            upload_threshold_mib: numeric(options.uploadMib),
            window_days: numeric(options.windowDays),
            due_days: numeric(options.dueDays),
          };
          let settings: AlertSettingsView;
          if (Object.values(changes).every((value) => value === undefined)) {
            settings = await services.usageAlerts.settings(ctx);
          } else {
            const version = numeric(options.version) ?? (await services.usageAlerts.settings(ctx)).version;
            const input = SETTINGS_FLAGS.parse(alertSettingsUpdateSchema, { version, ...changes });
            settings = await SETTINGS_FLAGS.call(services.usageAlerts.updateSettings(ctx, input));
          }
          print(options.json, settings, describeSettings);
        }),
    );
}

function describeSettings(s: AlertSettingsView): string {
  return [
    `Alert when more than ${s.min_users} distinct users in a department use an unapproved high-risk app,`,
    `or when a department uploads more than ${s.upload_threshold_mib} MiB to an app newly seen there;`,
    `over the last ${s.window_days} days of stored usage. Actions are due ${s.due_days} days after they open.`,
    s.version === 0
      ? '(defaults; version 0)'
      : `(version ${s.version}, by ${s.updated_by} at ${s.updated_at})`,
  ].join('\n');
}

function describeAlerts(alerts: UsageAlerts, run: AlertRun | null): string {
  const lines: string[] = [];
  if (!alerts.period) return 'No AI usage is stored yet: no alerts.';
  lines.push(`AI usage alerts, ${alerts.period.from} to ${alerts.period.to}: ${alerts.alerts.length}`);
  if (run)
    lines.push(
      `Actions: ${run.actions.opened} opened, ${run.actions.closed} closed, ${run.actions.updated} updated, ${run.actions.unchanged} unchanged.`,
    );
  if (alerts.alerts.length > 0)
    lines.push(
      '',
      formatTable(
        ['RULE', 'APP', 'STATUS', 'DEPARTMENT', 'OFFICE', 'USERS', 'UPLOADED', 'FIRST SEEN', 'ACTION'],
        alerts.alerts.map((alert) => [
          RULE_LABELS[alert.rule],
          alert.app_name,
          `${alert.status.replaceAll('_', ' ')} (${alert.status_source.replaceAll('_', ' ')})`,
          alert.department ?? '(unknown)',
          alert.office ?? '(unknown)',
          String(alert.users),
          formatBytes(alert.bytes_up),
          alert.first_seen,
          alert.action_id ?? '-',
        ]),
      ),
    );
  lines.push('', describeSettings(alerts.settings));
  return lines.join('\n');
}
