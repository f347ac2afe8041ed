import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { FlagNames, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { OrgLookup } from '../org/org.lookup.js';
import type { Region } from '../org/org.schema.js';
import {
  deleteQuerySchema,
  ONBOARDING_STATUSES,
  officeRolloutListQuerySchema,
  officeRolloutUpdateSchema,
  waveCreateSchema,
  waveUpdateSchema,
  type OfficeRollout,
  type ProgressGroup,
  type RolloutProgress,
  type Wave,
} from './rollout.schema.js';

const FLAGS = new FlagNames({
  region_id: '--region',
  name: '--name',
  number: '--number',
  planned_start: '--start',
  planned_end: '--end',
  notes: '--notes',
  status: '--status',
  wave_id: '--wave',
  focal_point_id: '--focal-point',
  target_date: '--target',
  actual_date: '--actual',
  overdue: '--overdue',
  version: '--version',
});
const PAGE = 500;
const STATUSES_HELP = ONBOARDING_STATUSES.join(', ');
/** The word that clears an optional value on the command line. */
const NONE = 'none';

interface WaveOptions {
  region?: string;
  name?: string;
  number?: string;
  start?: string;
  end?: string;
  notes?: string;
  version?: string;
  json?: boolean;
}

interface SetOptions {
  status?: string;
  wave?: string;
  target?: string;
  actual?: string;
  focalPoint?: string;
  notes?: string;
  version?: string;
  json?: boolean;
}

/**
 * The regional roll-out on the command line: `custos rollout waves|wave|offices|set|progress`.
 * Regions and offices are named by code, waves by their region and number, people by e-mail.
 */
export function registerRolloutCommands(program: Command): void {
  const rollout = program
    .command('rollout')
    .description('Regional roll-out: waves, office onboarding, progress');

  rollout
    .command('waves')
    .description('List the roll-out waves, by region and number')
    .option('--region <code>', 'only this region')
    .option('--json', 'machine-readable output')
    .action((options: { region?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const region =
          options.region === undefined ? undefined : await lookup.region(options.region, '--region');
        const waves = await services.rollout.listWaves(ctx, { region_id: region?.id });
        const rows: (string | number | null)[][] = [];
        for (const w of waves)
          rows.push([await lookup.regionCode(w.region_id), w.number, w.name, w.planned_start, w.planned_end]);
        print(options.json, waves, () =>
          waves.length === 0 ? 'No waves.' : formatTable(['REGION', 'WAVE', 'NAME', 'START', 'END'], rows),
        );
      }),
    );

  const wave = rollout.command('wave').description('Add, change or delete a roll-out wave');
  wave
    .command('add')
    .description('Add a wave to a region')
    .requiredOption('--region <code>', 'the region')
    .requiredOption('--number <n>', 'its place in the region’s order, from 1')
    .requiredOption('--name <name>', 'wave name')
    .option('--start <date>', 'planned start, YYYY-MM-DD')
    .option('--end <date>', 'planned end, YYYY-MM-DD')
    .option('--notes <text>', 'notes')
    .option('--json', 'print the new wave as JSON')
    .action((options: WaveOptions & { region: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const region = await new OrgLookup(services, ctx).region(options.region, '--region');
        const input = FLAGS.parse(waveCreateSchema, {
          region_id: region.id,
          ...waveFields(options),
        });
        const created = await FLAGS.call(services.rollout.createWave(ctx, input));
        print(options.json, created, (w) => `Added wave ${w.number} (${w.name}) to region ${region.code}`);
      }),
    );
  wave
    .command('update <region> <number>')
    .description('Change a wave, named by its region code and number')
    .option('--number <n>', 'new number')
    .option('--name <name>', 'new name')
    .option('--start <date>', `planned start, YYYY-MM-DD, or ${NONE}`)
    .option('--end <date>', `planned end, YYYY-MM-DD, or ${NONE}`)
    .option('--notes <text>', 'notes')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the changed wave as JSON')
    .action((code: string, number: string, options: WaveOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const changes = waveFields(options);
        requireChanges(changes, ['--number', '--name', '--start', '--end', '--notes']);
        const { current } = await findWave(services, ctx, code, number);
        const input = FLAGS.parse(waveUpdateSchema, {
          ...changes,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.rollout.updateWave(ctx, current.id, input), {
          id: current.id,
          name: current.name,
        });
        print(options.json, updated, (w) => `Updated wave ${w.number} (${w.name}), version ${w.version}`);
      }),
    );
  wave
    .command('delete <region> <number>')
    .description('Delete a wave no office belongs to')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((code: string, number: string, options: { version?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { current, region } = await findWave(services, ctx, code, number);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(options.version, current.version),
        });
        await FLAGS.call(services.rollout.removeWave(ctx, current.id, version), {
          id: current.id,
          name: current.name,
        });
        process.stdout.write(`Deleted wave ${current.number} (${current.name}) of region ${region.code}\n`);
      }),
    );

  rollout
    .command('offices')
    .description('List offices with their roll-out status, wave, focal point and dates')
    .option('--region <code>', 'only offices of this region')
    .option('--status <status>', `only this status: ${STATUSES_HELP}`)
    .option('--overdue', 'only offices past their target date and not complete')
    .option('--json', 'machine-readable output')
    .action(
      (options: { region?: string; status?: string; overdue?: boolean; json?: boolean }, command: Command) =>
        withServices(command, async (services, ctx) => {
          const region =
            options.region === undefined
              ? undefined
              : await new OrgLookup(services, ctx).region(options.region, '--region');
          const query = FLAGS.parse(officeRolloutListQuerySchema, {
            region_id: region?.id,
            status: options.status,
            overdue: options.overdue ? 'true' : undefined,
          });
          const offices = await readAllPages((cursor) =>
            services.rollout.listOffices(ctx, { ...query, limit: PAGE, cursor }),
          );
          print(options.json, offices, officeTable);
        }),
    );

  rollout
    .command('set <office>')
    .description("Change an office's roll-out: status, wave, dates, focal point")
    .option('--status <status>', STATUSES_HELP)
    .option('--wave <n>', `the wave's number in the office's region, or ${NONE}`)
    .option('--target <date>', `target date, YYYY-MM-DD, or ${NONE}`)
    .option('--actual <date>', `date completed, YYYY-MM-DD (required with --status complete), or ${NONE}`)
    .option('--focal-point <email>', `the office's roll-out focal point, or ${NONE}`)
    .option('--notes <text>', 'notes')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the office’s roll-out as JSON')
    .action((code: string, options: SetOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { json: _json, version: _version, ...given } = options;
        requireChanges(given, ['--status', '--wave', '--target', '--actual', '--focal-point', '--notes']);
        const lookup = new OrgLookup(services, ctx);
        const office = await lookup.office(code);
        const current = await services.rollout.getOffice(ctx, office.id);
        const input = FLAGS.parse(officeRolloutUpdateSchema, {
          status: options.status,
          wave_id: await waveArg(services, ctx, office.region_id, options.wave),
          focal_point_id: await cleared(options.focalPoint, async (email) => (await lookup.person(email)).id),
          target_date: await cleared(options.target, async (date) => date),
          actual_date: await cleared(options.actual, async (date) => date),
          notes: options.notes,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.rollout.setOffice(ctx, office.id, input));
        print(
          options.json,
          updated,
          (o) => `${o.office_code}: ${o.status}${o.wave_number ? `, wave ${o.wave_number}` : ''}`,
        );
      }),
    );

  rollout
    .command('progress')
    .description('Roll-out progress per region and wave, with overdue offices')
    .option('--region <code>', 'only this region')
    .option('--json', 'machine-readable output')
    .action((options: { region?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const region =
          options.region === undefined
            ? undefined
            : await new OrgLookup(services, ctx).region(options.region, '--region');
        const progress = await services.rollout.progress(ctx, { region_id: region?.id });
        print(options.json, progress, progressText);
      }),
    );
}

function waveFields(options: WaveOptions): Record<string, unknown> {
  return {
    name: options.name,
    number: options.number === undefined ? undefined : Number(options.number),
    planned_start: options.start === NONE ? null : options.start,
    planned_end: options.end === NONE ? null : options.end,
    notes: options.notes,
  };
}

async function findWave(
  services: Services,
  ctx: RequestContext,
  code: string,
  number: string,
): Promise<{ current: Wave; region: Region }> {
  const region = await new OrgLookup(services, ctx).region(code);
  const waves = await services.rollout.listWaves(ctx, { region_id: region.id });
  const current = waves.find((w) => String(w.number) === number.trim());
  if (!current) throw errors.notFound('wave', `${number.trim()} of region ${region.code}`);
  return { current, region };
}

/** `--wave N` (a number in the office's region) to a wave id; `none` to null. */
async function waveArg(
  services: Services,
  ctx: RequestContext,
  regionId: string | null,
  value: string | undefined,
): Promise<string | null | undefined> {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === NONE) return null;
  const waves = regionId === null ? [] : await services.rollout.listWaves(ctx, { region_id: regionId });
  const found = waves.find((w) => String(w.number) === value.trim());
  if (!found) throw errors.unknownReference('wave', `${value.trim()} of the office's region`, '--wave');
  return found.id;
}

/** An optional value as typed: undefined keeps it, `none` clears it, anything else is resolved. */
async function cleared<T>(
  value: string | undefined,
  resolve: (typed: string) => Promise<T>,
): Promise<T | null | undefined> {
  if (value === undefined) return undefined;
  return value.trim().toLowerCase() === NONE ? null : resolve(value.trim());
}

function officeTable(offices: readonly OfficeRollout[]): string {
  if (offices.length === 0) return 'No offices.';
  return formatTable(
    ['OFFICE', 'NAME', 'REGION', 'WAVE', 'STATUS', 'FOCAL POINT', 'TARGET', 'ACTUAL', 'OVERDUE'],
    offices.map((o) => [
      o.office_code,
      o.office_name,
      o.region_code,
      o.wave_number,
      o.status,
      o.focal_point_email,
      o.target_date,
      o.actual_date,
      o.days_overdue === null ? '' : `${o.days_overdue} days`,
    ]),
  );
}

function progressText(progress: RolloutProgress): string {
  const line = (label: string, group: ProgressGroup) => [
    label,
    group.offices,
    ...ONBOARDING_STATUSES.map((status) => group.by_status[status]),
    `${group.percent_complete}%`,
    group.overdue.length,
  ];
  const rows = [];
  for (const region of progress.regions) {
    const name = region.region_code ?? '(no region)';
    rows.push(
      line(region.waves.length === 0 && region.region_id !== null ? `${name} (no waves)` : name, region),
    );
    for (const w of region.waves) rows.push(line(`  wave ${w.number}: ${w.name}`, w));
    if (region.no_wave && region.waves.length > 0) rows.push(line('  no wave', region.no_wave));
  }
  rows.push(line('All', progress.overall));
  const table = formatTable(
    ['SCOPE', 'OFFICES', 'NOT STARTED', 'ONBOARDING', 'INVENTORY', 'COMPLETE', 'DONE', 'OVERDUE'],
    rows,
  );
  const overdue = progress.overall.overdue.map(
    (o) =>
      `  ${o.office_code} ${o.office_name}: ${o.days_overdue} days (target ${o.target_date}${o.focal_point_name ? `, ${o.focal_point_name}` : ''})`,
  );
  return [
    `Roll-out as of ${progress.as_of}`,
    table,
    ...(overdue.length ? ['Overdue:', ...overdue] : []),
  ].join('\n');
}
