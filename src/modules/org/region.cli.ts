import type { Command } from 'commander';
import { FlagNames, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { OrgLookup } from './org.lookup.js';
import { deleteQuerySchema, regionCreateSchema, regionUpdateSchema, type Region } from './org.schema.js';

const FLAGS = new FlagNames({ code: '--code', name: '--name', version: '--version' });

interface RegionOptions {
  code?: string;
  name?: string;
  version?: string;
  json?: boolean;
}

export function registerRegionCommands(program: Command): void {
  const region = program.command('region').description('Regions: groups of country offices');

  region
    .command('list')
    .description('List the regions')
    .option('--json', 'machine-readable output')
    .action((options: RegionOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const regions = await services.regions.list(ctx);
        print(options.json, regions, regionTable);
      }),
    );

  region
    .command('add')
    .description('Add a region')
    .requiredOption('--code <code>', 'region code: 2–16 capital letters, digits, - or _ (e.g. EHOA)')
    .requiredOption('--name <name>', 'region name')
    .option('--json', 'print the new region as JSON')
    .action((options: RegionOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = FLAGS.parse(regionCreateSchema, { code: options.code, name: options.name });
        const created = await FLAGS.call(services.regions.create(ctx, input));
        print(options.json, created, (r) => `Added region ${r.code} (${r.name})`);
      }),
    );

  region
    .command('update <code>')
    .description('Change a region: its name, or its code')
    .option('--name <name>', 'new name')
    .option('--code <code>', 'new code')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the changed region as JSON')
    .action((code: string, options: RegionOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const changes = { code: options.code, name: options.name };
        requireChanges(changes, ['--name', '--code']);
        const current = await new OrgLookup(services, ctx).region(code);
        const input = FLAGS.parse(regionUpdateSchema, {
          ...changes,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.regions.update(ctx, current.id, input), {
          id: current.id,
          name: current.code,
        });
        print(options.json, updated, (r) => `Updated region ${r.code} (version ${r.version})`);
      }),
    );

  region
    .command('delete <code>')
    .description('Delete a region that has no offices')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((code: string, options: RegionOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await new OrgLookup(services, ctx).region(code);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(options.version, current.version),
        });
        await FLAGS.call(services.regions.remove(ctx, current.id, version), {
          id: current.id,
          name: current.code,
        });
        process.stdout.write(`Deleted region ${current.code}\n`);
      }),
    );
}

function regionTable(regions: Region[]): string {
  if (regions.length === 0) return 'No regions.';
  return formatTable(
    ['CODE', 'NAME', 'VERSION'],
    regions.map((r) => [r.code, r.name, r.version]),
  );
}
