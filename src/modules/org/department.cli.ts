import type { Command } from 'commander';
import { FlagNames, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { OrgLookup } from './org.lookup.js';
import {
  deleteQuerySchema,
  departmentCreateSchema,
  departmentUpdateSchema,
  type Department,
} from './org.schema.js';

const FLAGS = new FlagNames({
  office_id: '--office',
  code: '--code',
  name: '--name',
  version: '--version',
});
const PAGE = 500;

interface DepartmentOptions {
  office: string;
  code?: string;
  name?: string;
  version?: string;
  json?: boolean;
}

export function registerDepartmentCommands(program: Command): void {
  const department = program.command('department').description('Departments and units inside an office');

  department
    .command('list')
    .description('List the departments of an office')
    .requiredOption('--office <code>', 'the office')
    .option('--json', 'machine-readable output')
    .action((options: DepartmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const office = await new OrgLookup(services, ctx).office(options.office, '--office');
        const departments = await readAllPages((cursor) =>
          services.departments.list(ctx, { office_id: office.id, limit: PAGE, cursor }),
        );
        print(options.json, departments, (list) => departmentTable(list, office.code));
      }),
    );

  department
    .command('add')
    .description('Add a department to an office')
    .requiredOption('--office <code>', 'the office')
    .requiredOption('--code <code>', 'department code: 2–24 letters, digits, - or _ (e.g. DATA)')
    .requiredOption('--name <name>', 'department name')
    .option('--json', 'print the new department as JSON')
    .action((options: DepartmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const office = await new OrgLookup(services, ctx).office(options.office, '--office');
        const input = FLAGS.parse(departmentCreateSchema, {
          office_id: office.id,
          code: options.code,
          name: options.name,
        });
        const created = await FLAGS.call(services.departments.create(ctx, input));
        print(
          options.json,
          created,
          (d) => `Added department ${d.code} (${d.name}) to office ${office.code}`,
        );
      }),
    );

  department
    .command('update <code>')
    .description('Change a department of an office: its name, or its code')
    .requiredOption('--office <code>', 'the office it belongs to')
    .option('--name <name>', 'new name')
    .option('--code <code>', 'new code')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the changed department as JSON')
    .action((code: string, options: DepartmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const changes = { code: options.code, name: options.name };
        requireChanges(changes, ['--name', '--code']);
        const lookup = new OrgLookup(services, ctx);
        const office = await lookup.office(options.office, '--office');
        const current = await lookup.department(office, code);
        const input = FLAGS.parse(departmentUpdateSchema, {
          ...changes,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.departments.update(ctx, current.id, input), {
          id: current.id,
          name: `${current.code} of office ${office.code}`,
        });
        print(options.json, updated, (d) => `Updated department ${d.code} (version ${d.version})`);
      }),
    );

  department
    .command('delete <code>')
    .description('Delete a department nobody belongs to')
    .requiredOption('--office <code>', 'the office it belongs to')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((code: string, options: DepartmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const office = await lookup.office(options.office, '--office');
        const current = await lookup.department(office, code);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(options.version, current.version),
        });
        await FLAGS.call(services.departments.remove(ctx, current.id, version), {
          id: current.id,
          name: `${current.code} of office ${office.code}`,
        });
        process.stdout.write(`Deleted department ${current.code} of office ${office.code}\n`);
      }),
    );
}

function departmentTable(departments: readonly Department[], officeCode: string): string {
  if (departments.length === 0) return `Office ${officeCode} has no departments.`;
  return formatTable(
    ['CODE', 'NAME', 'VERSION'],
    departments.map((d) => [d.code, d.name, d.version]),
  );
}
