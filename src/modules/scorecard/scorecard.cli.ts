import fs from 'node:fs';
import type { Command } from 'commander';
import YAML from 'yaml';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { errors } from '../../core/errors.js';
import { scorecardRequestSchema, snapshotRequestSchema, trendQuerySchema } from './scorecard-api.schema.js';
import { SCORECARD_DIMENSIONS, type Scorecard } from './scorecard.schema.js';

const FLAGS = new FlagNames({
  by: '--by',
  as_of: '--as-of',
  region: '--region',
  office: '--office',
  key: '--key',
  from: '--from',
  to: '--to',
});
const BY_HELP = SCORECARD_DIMENSIONS.join('|');

/**
 * `custos scorecard` (the scorecard of the whole organisation), `scorecard snapshot`, `scorecard trend`
 * and `scorecard settings show|set FILE`.
 */
export function registerScorecardCommands(program: Command): void {
  const scorecard = program
    .command('scorecard')
    .description('Data Health Scorecard: scores by office, region, department or organisation')
    .option('--by <dimension>', `${BY_HELP} (default: office)`)
    .option('--as-of <date>', 'scoring date YYYY-MM-DD (default: today)')
    .option('--region <code>', 'only offices of this region')
    .option('--office <code>', 'only this office')
    .option('--json', 'machine-readable output')
    .action(
      (
        options: { by?: string; asOf?: string; region?: string; office?: string; json?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const query = FLAGS.parse(scorecardRequestSchema, {
            by: options.by ?? 'office',
            as_of: options.asOf,
            region: options.region,
            office: options.office,
          });
          print(options.json, await services.scorecard.scorecard(ctx, query), scorecardTable);
        }),
    );

  scorecard
    .command('snapshot')
    .description(
      "Take today's (or --as-of) snapshots of every scope and open or close the scorecard's actions",
    )
    .option('--as-of <date>', 'scoring date YYYY-MM-DD (default: today)')
    .option('--json', 'machine-readable output')
    .action((_: unknown, command: Command) =>
      withServices(command, async (services, ctx) => {
        const options = subcommandOptions<{ asOf?: string; json?: boolean }>(command);
        const input = FLAGS.parse(snapshotRequestSchema, { as_of: options.asOf });
        const result = await services.scorecardSnapshots.take(ctx, input);
        print(
          options.json,
          result,
          (r) =>
            `Snapshots of ${r.as_of}: ${r.snapshots} scopes; actions opened ${r.actions.opened}, closed ${r.actions.closed}, updated ${r.actions.updated}, unchanged ${r.actions.unchanged}`,
        );
      }),
    );

  scorecard
    .command('trend')
    .description("Each scope's score over the snapshots")
    .option('--by <dimension>', `${BY_HELP} (default: organisation)`)
    .option('--key <key>', 'only this scope (office code, region code, OFFICE/DEPARTMENT)')
    .option('--from <date>', 'first date YYYY-MM-DD')
    .option('--to <date>', 'last date YYYY-MM-DD')
    .option('--json', 'machine-readable output')
    .action((_: unknown, command: Command) =>
      withServices(command, async (services, ctx) => {
        const options = subcommandOptions<{
          by?: string;
          key?: string;
          from?: string;
          to?: string;
          json?: boolean;
        }>(command);
        const query = FLAGS.parse(trendQuerySchema, {
          by: options.by ?? 'organisation',
          key: options.key,
          from: options.from,
          to: options.to,
        });
        const trend = await services.scorecard.trend(ctx, query);
        print(options.json, trend, (t) =>
          t.series.length === 0
            ? 'No snapshots yet (take one with `custos scorecard snapshot`)'
            : formatTable(
                ['key', 'name', 'points', 'latest', 'change'],
                t.series.map((s) => [s.key ?? '(none)', s.name, s.points.length, s.latest, s.change]),
              ),
        );
      }),
    );

  const settings = scorecard
    .command('settings')
    .description('Scorecard settings (weights, bands, custom controls)');
  settings
    .command('show')
    .description('Print the settings as YAML (or --json)')
    .option('--json', 'machine-readable output')
    .action((_: unknown, command: Command) =>
      withServices(command, async (services, ctx) => {
        const options = subcommandOptions<{ json?: boolean }>(command);
        const current = await services.scorecard.getSettings(ctx);
        print(options.json, current, (s) =>
          YAML.stringify({ config: s.config, custom_controls: s.custom_controls }).trimEnd(),
        );
      }),
    );
  settings
    .command('set <file>')
    .description('Replace the settings with a YAML or JSON file of { config, custom_controls }')
    .option('--json', 'print the saved settings as JSON')
    .action((file: string, _: unknown, command: Command) =>
      withServices(command, async (services, ctx) => {
        const options = subcommandOptions<{ json?: boolean }>(command);
        const input = readSettingsFile(file);
        const { version } = await services.scorecard.getSettings(ctx);
        const saved = await services.scorecard.updateSettings(ctx, { ...input, version });
        print(options.json, saved, (s) => `Saved the scorecard settings (version ${s.version})`);
      }),
    );
}

/**
 * A subcommand's options: `custos scorecard` has options of its own (--by, --as-of, --json), and
 * commander hands those flags to it even when typed after a subcommand, so both are read.
 */
function subcommandOptions<T>(command: Command): T {
  const merged: Record<string, unknown> = {};
  const chain: Command[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) chain.unshift(at);
  for (const each of chain)
    for (const [name, value] of Object.entries(each.opts())) if (value !== undefined) merged[name] = value;
  return merged as T;
}

function readSettingsFile(file: string): { config: Record<string, unknown>; custom_controls: unknown[] } {
  let document: unknown;
  try {
    document = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw errors.validation(`${file}: ${(error as Error).message}`, [
      { path: file, message: (error as Error).message },
    ]);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw errors.validation(`${file}: expected a mapping with config and custom_controls`, [
      { path: '(root)', message: 'expected a mapping with config and custom_controls' },
    ]);
  const { config = {}, custom_controls = [], ...rest } = document as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0)
    throw errors.validation(`${file}: unknown field(s): ${unknown.join(', ')}`, [
      { path: '(root)', message: `unknown field(s): ${unknown.join(', ')}` },
    ]);
  if (!Array.isArray(custom_controls))
    throw errors.validation(`${file}: custom_controls: expected a list`, [
      { path: 'custom_controls', message: 'expected a list' },
    ]);
  return { config: config as Record<string, unknown>, custom_controls };
}

/** One row per group then the overall row: key, name, assets, score, band, and passed/applicable per control. */
function scorecardTable(card: Scorecard): string {
  const controls = Object.keys(card.overall.controls);
  const cells = (scope: Scorecard['overall']) =>
    controls.map((id) => {
      const counts = scope.controls[id]!;
      return counts.applicable === 0 ? '-' : `${counts.passed}/${counts.applicable}`;
    });
  const rows = card.groups.map((group) => [
    group.key ?? '(none)',
    group.name,
    group.assets,
    group.score,
    group.band,
    ...cells(group),
  ]);
  rows.push([
    'overall',
    card.overall.name,
    card.overall.assets,
    card.overall.score,
    card.overall.band,
    ...cells(card.overall),
  ]);
  return `Scorecard by ${card.by} on ${card.as_of}\n${formatTable(['key', 'name', 'assets', 'score', 'band', ...controls], rows)}`;
}
