import type { Command } from 'commander';
import { FlagNames, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import { OrgLookup } from './org.lookup.js';
import {
  deleteQuerySchema,
  officeCreateSchema,
  officeListQuerySchema,
  officeUpdateSchema,
  type Office,
} from './org.schema.js';

const FLAGS = new FlagNames({
  code: '--code',
  name: '--name',
  kind: '--kind',
  region_id: '--region',
  country_code: '--country',
  city: '--city',
  q: '--q',
  version: '--version',
});
const KINDS_HELP = 'country_office or hq_department';
const PAGE = 500;

interface OfficeOptions {
  code?: string;
  name?: string;
  kind?: string;
  /** A code, or false for --no-region. */
  region?: string | false;
  country?: string | false;
  city?: string | false;
  q?: string;
  version?: string;
  json?: boolean;
}

export function registerOfficeCommands(program: Command): void {
  const office = program.command('office').description('Offices: country offices and HQ departments');

  office
    .command('list')
    .description('List offices, all pages')
    .option('--region <code>', 'only offices of this region')
    .option('--kind <kind>', `only offices of this kind: ${KINDS_HELP}`)
    .option('--q <text>', 'search code, name, city and country')
    .option('--json', 'machine-readable output')
    .action((options: OfficeOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const region =
          typeof options.region === 'string' ? await lookup.region(options.region, '--region') : undefined;
        const query = FLAGS.parse(officeListQuerySchema, {
          region_id: region?.id,
          kind: options.kind,
          q: options.q,
        });
        const offices = await readAllPages((cursor) =>
          services.offices.list(ctx, { ...query, limit: PAGE, cursor }),
        );
        const table = options.json ? '' : await officeTable(offices, lookup);
        print(options.json, offices, () => table);
      }),
    );

  office
    .command('add')
    .description('Add an office (a country office needs --region and --country)')
    .requiredOption('--code <code>', 'office code: 2–24 letters, digits, - or _ (e.g. KE-NBO)')
    .requiredOption('--name <name>', 'office name')
    .requiredOption('--kind <kind>', KINDS_HELP)
    .option('--region <code>', 'the region it belongs to')
    .option('--country <code>', 'ISO 3166-1 alpha-2 country code, e.g. KE')
    .option('--city <city>', 'city')
    .option('--json', 'print the new office as JSON')
    .action((options: OfficeOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const region =
          typeof options.region === 'string'
            ? await new OrgLookup(services, ctx).region(options.region, '--region')
            : undefined;
        const input = FLAGS.parse(officeCreateSchema, {
          code: options.code,
          name: options.name,
          kind: options.kind,
          region_id: region?.id,
          country_code: options.country,
          city: options.city,
        });
        const created = await FLAGS.call(services.offices.create(ctx, input));
        print(options.json, created, (o) => `Added office ${o.code} (${o.name})`);
      }),
    );

  office
    .command('show <code>')
    .description('Show one office')
    .option('--json', 'machine-readable output')
    .action((code: string, options: OfficeOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const found = await lookup.office(code);
        const regionCode = await lookup.regionCode(found.region_id);
        print(options.json, found, (o) =>
          formatFields([
            ['Code', o.code],
            ['Name', o.name],
            ['Kind', o.kind],
            ['Region', regionCode],
            ['Country', o.country_code],
            ['City', o.city],
            ['Version', o.version],
            ['Id', o.id],
            ['Created', o.created_at],
            ['Updated', o.updated_at],
          ]),
        );
      }),
    );

  office
    .command('update <code>')
    .description('Change an office; only the fields given change')
    .option('--code <code>', 'new code')
    .option('--name <name>', 'new name')
    .option('--kind <kind>', KINDS_HELP)
    .option('--region <code>', 'move it to this region')
    .option('--no-region', 'take it out of its region (HQ departments only)')
    .option('--country <code>', 'ISO 3166-1 alpha-2 country code')
    .option('--no-country', 'clear the country (HQ departments only)')
    .option('--city <city>', 'city')
    .option('--no-city', 'clear the city')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the changed office as JSON')
    .action((code: string, options: OfficeOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        requireChanges(
          {
            code: options.code,
            name: options.name,
            kind: options.kind,
            region: options.region,
            country: options.country,
            city: options.city,
          },
          ['--code', '--name', '--kind', '--[no-]region', '--[no-]country', '--[no-]city'],
        );
        const lookup = new OrgLookup(services, ctx);
        const current = await lookup.office(code);
        const region =
          typeof options.region === 'string' ? await lookup.region(options.region, '--region') : undefined;
        const input = FLAGS.parse(officeUpdateSchema, {
          code: options.code,
          name: options.name,
          kind: options.kind,
          region_id: options.region === false ? null : region?.id,
          country_code: options.country === false ? null : options.country,
          city: options.city === false ? null : options.city,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.offices.update(ctx, current.id, input), {
          id: current.id,
          name: current.code,
        });
        print(options.json, updated, (o) => `Updated office ${o.code} (version ${o.version})`);
      }),
    );

  office
    .command('delete <code>')
    .description('Delete an office that has no departments and no people')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((code: string, options: OfficeOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await new OrgLookup(services, ctx).office(code);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(options.version, current.version),
        });
        await FLAGS.call(services.offices.remove(ctx, current.id, version), {
          id: current.id,
          name: current.code,
        });
        process.stdout.write(`Deleted office ${current.code}\n`);
      }),
    );
}

async function officeTable(offices: readonly Office[], lookup: OrgLookup): Promise<string> {
  if (offices.length === 0) return 'No offices.';
  const rows = [];
  for (const o of offices)
    rows.push([o.code, o.name, o.kind, await lookup.regionCode(o.region_id), o.country_code, o.city]);
  return formatTable(['CODE', 'NAME', 'KIND', 'REGION', 'COUNTRY', 'CITY'], rows);
}
