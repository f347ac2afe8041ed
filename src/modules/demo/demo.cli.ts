import type { Command } from 'commander';
import { print, withServices } from '../../cli/output.js';
import type { DemoLoadResult } from './demo.service.js';

export function describeDemoLoad(result: DemoLoadResult): string {
  const { counts } = result;
  const lines = [
    result.loaded_organisation
      ? `Loaded the demo organisation: ${counts.regions} regions, ${counts.offices} offices and HQ departments, ${counts.departments} units, ${counts.people} people, ${counts.assets} data assets (scored today: ${counts.actions} open actions), ${counts.ai_systems} AI systems, ${counts.assessments} assessments and ${counts.risks} risks.`
      : 'The demo organisation is already loaded.',
  ];
  if (result.usage)
    lines.push(
      `AI usage: "${result.usage.ai_system}" approves DeepL in the AI registry; ${result.usage.lines.toLocaleString('en-GB')} lines of proxy log ingested (${result.usage.alert_actions} alert action(s) opened)` +
        (result.usage.key === 'one-off'
          ? ', pseudonymised with a one-off key as CUSTOS_USAGE_KEY is not set (set it to ingest your own logs).'
          : '.'),
    );
  if (result.password) {
    lines.push('', 'Demo sign-ins (one per role), all with the password shown once here:');
    for (const login of result.logins) lines.push(`  ${login.role.padEnd(22)} ${login.email}`);
    lines.push(`  password: ${result.password}`);
  } else {
    lines.push('Demo sign-ins already exist; `custos user reset-password EMAIL` gives one a new password.');
  }
  return lines.join('\n');
}

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('Load the fictional demo organisation, its data inventory and one sign-in per role')
    .option('--seed <n>', 'generator seed (the same seed gives the same organisation)', '1')
    .option('--json', 'machine-readable output')
    .action(async (options: { seed: string; json?: boolean }, command: Command) => {
      const result = await withServices(command, (services, ctx) =>
        services.demo.load(ctx, Number.parseInt(options.seed, 10) || 1),
      );
      print(options.json, result, describeDemoLoad);
    });
}
