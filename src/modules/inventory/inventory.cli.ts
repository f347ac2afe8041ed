import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { collect, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { OrgLookup } from '../org/org.lookup.js';
import {
  addAssetOptions,
  assetFields,
  FLAGS,
  labelArg,
  PEOPLE_FLAGS,
  PeopleNames,
  personId,
  TYPES_HELP,
  yesNo,
  type AssetOptions,
} from './asset.cli-input.js';
import {
  assetCreateSchema,
  assetListQuerySchema,
  assetUpdateSchema,
  deleteQuerySchema,
  PUSH_MODES,
  pushOwnershipSchema,
  type Asset,
} from './asset.schema.js';

const PAGE = 500;

interface ListOptions {
  office?: string;
  region?: string;
  q?: string;
  label?: string;
  type?: string;
  owner?: string;
  system?: string;
  personalData?: string;
  controlFailing?: string;
  json?: boolean;
}

/**
 * The data inventory on the command line: `custos asset list|show|add|update|delete|push-ownership`.
 * Assets are named by id (names need not be unique); offices and departments by code, people by e-mail.
 */
export function registerInventoryCommands(program: Command): void {
  const asset = program.command('asset').description('Data assets of the inventory');

  asset
    .command('list')
    .description('List data assets, all pages (search with --q: name, description, tags and system name)')
    .option('--office <code>', 'only assets of this office')
    .option('--region <code>', 'only assets of offices in this region')
    .option('--q <text>', 'full-text search: every word must start a word of the asset')
    .option('--label <label>', 'only this sensitivity label, or unlabelled')
    .option('--type <type>', `only this type: ${TYPES_HELP}`)
    .option('--owner <email>', 'only assets this person owns')
    .option('--system <id>', 'only assets held by this system')
    .option('--personal-data <yes|no>', 'only assets with (or without) personal data')
    .option('--control-failing <id>', 'only assets failing this health control at the last scoring')
    .option('--json', 'machine-readable output')
    .action((options: ListOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const query = FLAGS.parse(assetListQuerySchema, {
          office_id:
            options.office === undefined ? undefined : (await lookup.office(options.office, '--office')).id,
          region_id:
            options.region === undefined ? undefined : (await lookup.region(options.region, '--region')).id,
          q: options.q,
          sensitivity_label:
            options.label === undefined ? undefined : labelArg(options.label, '--label', true),
          asset_type: options.type,
          owner_id:
            options.owner === undefined ? undefined : await personId(services, ctx, options.owner, '--owner'),
          system_id: options.system,
          personal_data:
            options.personalData === undefined
              ? undefined
              : String(yesNo(options.personalData, '--personal-data')),
          control_failing: options.controlFailing,
        });
        const assets = await readAllPages((cursor) =>
          services.assets.list(ctx, { ...query, limit: PAGE, cursor }),
        );
        const table = options.json ? '' : await assetTable(services, ctx, assets);
        print(options.json, assets, () => table);
      }),
    );

  asset
    .command('show <id>')
    .description('Show one data asset')
    .option('--json', 'machine-readable output')
    .action((id: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const found = await services.assets.get(ctx, id);
        const text = options.json ? '' : await assetDetails(services, ctx, found);
        print(options.json, found, () => text);
      }),
    );

  addAssetOptions(
    asset
      .command('add')
      .description("Add a data asset (under --system, owner fields not given are the system's)")
      .requiredOption('--name <name>', 'asset name')
      .requiredOption('--type <type>', TYPES_HELP)
      .requiredOption('--office <code>', 'the office it belongs to'),
    false,
  )
    .option('--json', 'print the new asset as JSON')
    .action((options: AssetOptions & { office: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const office = await new OrgLookup(services, ctx).office(options.office, '--office');
        const input = FLAGS.parse(assetCreateSchema, {
          ...(await assetFields(services, ctx, options, office)),
          office_id: office.id,
        });
        const created = await FLAGS.call(services.assets.create(ctx, input));
        print(options.json, created, (a) => `Added asset ${a.id} (${a.name}) to office ${office.code}`);
      }),
    );

  addAssetOptions(
    asset
      .command('update <id>')
      .description('Change a data asset; only the fields given change')
      .option('--name <name>', 'new name')
      .option('--type <type>', TYPES_HELP)
      .option('--office <code>', 'move it to this office (give --department or --no-department with it)'),
    true,
  )
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the changed asset as JSON')
    .action((id: string, options: AssetOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { json: _json, version: _version, ...given } = options;
        requireChanges(given, ['--name', '--type', '--office', '--label', '--owner', '…']);
        const current = await services.assets.get(ctx, id);
        const lookup = new OrgLookup(services, ctx);
        const office =
          options.office === undefined
            ? { id: current.office_id, code: await lookup.officeCode(current.office_id) }
            : await lookup.office(options.office, '--office');
        if (
          office.id !== current.office_id &&
          current.department_id !== null &&
          options.department === undefined
        )
          throw errors.validation(
            `--department: moving to office ${office.code}, give --department CODE (one of its departments) or --no-department`,
            [{ path: '--department', message: "the asset's department belongs to its current office" }],
          );
        const input = FLAGS.parse(assetUpdateSchema, {
          ...(await assetFields(services, ctx, options, office)),
          office_id: options.office === undefined ? undefined : office.id,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.assets.update(ctx, current.id, input));
        print(options.json, updated, (a) => `Updated asset ${a.id} (version ${a.version})`);
      }),
    );

  asset
    .command('delete <id>')
    .description('Delete a data asset (a system only once it holds no assets)')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((id: string, options: { version?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await services.assets.get(ctx, id);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(options.version, current.version),
        });
        await FLAGS.call(services.assets.remove(ctx, current.id, version));
        process.stdout.write(`Deleted asset ${current.id} (${current.name})\n`);
      }),
    );

  asset
    .command('push-ownership <id>')
    .description("Push a system's owner fields to the assets it holds")
    .requiredOption(
      '--field <field>',
      `a field to push, repeat: ${PEOPLE_FLAGS.map((p) => p.word).join(', ')}`,
      collect,
    )
    .requiredOption('--mode <mode>', `${PUSH_MODES.join(' (fill empty fields) or ')} (replace values)`)
    .option('--version <n>', 'the version of the system you read: refuse if someone changed it since')
    .option('--json', 'print the counts as JSON')
    .action(
      (
        id: string,
        options: { field: string[]; mode: string; version?: string; json?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const current = await services.assets.get(ctx, id);
          const input = FLAGS.parse(pushOwnershipSchema, {
            fields: options.field.map((word) => PEOPLE_FLAGS.find((p) => p.word === word)?.field ?? word),
            mode: options.mode,
            version: versionArg(options.version, current.version),
          });
          const result = await FLAGS.call(services.assets.pushOwnership(ctx, current.id, input));
          print(
            options.json,
            result,
            (r) =>
              `${current.name}: ${r.changed} asset(s) changed, ${r.unchanged} unchanged, ${r.skipped} skipped`,
          );
        }),
    );
}

async function assetTable(
  services: Services,
  ctx: RequestContext,
  assets: readonly Asset[],
): Promise<string> {
  if (assets.length === 0) return 'No assets.';
  const lookup = new OrgLookup(services, ctx);
  const people = new PeopleNames(services, ctx);
  const rows = [];
  for (const a of assets)
    rows.push([
      a.id,
      a.name,
      a.asset_type,
      await lookup.officeCode(a.office_id),
      a.sensitivity_label ?? '',
      a.personal_data ? 'yes' : 'no',
      await people.email(a.data_owner_id),
    ]);
  return formatTable(['ID', 'NAME', 'TYPE', 'OFFICE', 'LABEL', 'PERSONAL', 'OWNER'], rows);
}

async function assetDetails(services: Services, ctx: RequestContext, a: Asset): Promise<string> {
  const lookup = new OrgLookup(services, ctx);
  const [owner, custodian, steward, focalPoint] = await new PeopleNames(services, ctx).owners(a);
  const system =
    a.system_id === null
      ? ''
      : await services.assets.get(ctx, a.system_id).then(
          (s) => `${s.name} (${s.id})`,
          () => a.system_id,
        );
  return formatFields([
    ['Name', a.name],
    ['Type', a.asset_type],
    ['Description', a.description],
    ['System', system],
    ['Office', await lookup.officeCode(a.office_id)],
    ['Department', await lookup.departmentCode(a.department_id)],
    ['Owner', owner],
    ['Custodian', custodian],
    ['Steward', steward],
    ['Focal point', focalPoint],
    ['Label', a.sensitivity_label],
    ['Personal data', a.personal_data ? 'yes' : 'no'],
    ['Special categories', a.special_categories.join(', ')],
    ['Data subjects', a.data_subjects.join(', ')],
    ['Legal basis', a.legal_basis],
    ['Purpose', a.purpose],
    ['Retention', a.retention],
    ['Hosting', a.hosting_location],
    ['Sharing', a.sharing_agreements],
    ['Tags', a.tags.join(', ')],
    ['Last reviewed', a.last_reviewed],
    ['Last access review', a.last_access_review],
    ['Version', a.version],
    ['Id', a.id],
    ['Created', a.created_at],
    ['Updated', a.updated_at],
  ]);
}
