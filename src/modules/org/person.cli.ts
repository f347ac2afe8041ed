import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { collect, FlagNames, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { OrgLookup } from './org.lookup.js';
import {
  deleteQuerySchema,
  GOVERNANCE_ROLES,
  personCreateSchema,
  personListQuerySchema,
  personUpdateSchema,
  type Person,
} from './org.schema.js';

const FLAGS = new FlagNames({
  full_name: '--name',
  email: '--email',
  office_id: '--office',
  department_id: '--department',
  job_title: '--title',
  governance_roles: '--role',
  governance_role: '--role',
  region_id: '--region',
  q: '--q',
  version: '--version',
});
const ROLES_HELP = GOVERNANCE_ROLES.join(', ');
const PAGE = 500;

interface PersonOptions {
  name?: string;
  email?: string;
  office?: string;
  region?: string;
  /** A code, or false for --no-department. */
  department?: string | false;
  title?: string | false;
  /** Every --role given, or false for --no-role. */
  role?: string[] | false;
  q?: string;
  version?: string;
  json?: boolean;
}

export function registerPersonCommands(program: Command): void {
  const person = program.command('person').description('People of the organisation');

  person
    .command('list')
    .description('List people, all pages')
    .option('--office <code>', 'only people of this office')
    .option('--region <code>', 'only people of offices in this region')
    .option('--role <role>', `only people with this governance role: ${ROLES_HELP}`)
    .option('--q <text>', 'search name, e-mail and job title')
    .option('--json', 'machine-readable output')
    .action((options: Omit<PersonOptions, 'role'> & { role?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const office =
          typeof options.office === 'string' ? await lookup.office(options.office, '--office') : undefined;
        const region =
          typeof options.region === 'string' ? await lookup.region(options.region, '--region') : undefined;
        const query = FLAGS.parse(personListQuerySchema, {
          office_id: office?.id,
          region_id: region?.id,
          governance_role: options.role,
          q: options.q,
        });
        const people = await readAllPages((cursor) =>
          services.people.list(ctx, { ...query, limit: PAGE, cursor }),
        );
        const table = options.json ? '' : await peopleTable(people, lookup);
        print(options.json, people, () => table);
      }),
    );

  person
    .command('add')
    .description('Add a person to an office')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--email <email>', 'e-mail address (unique)')
    .requiredOption('--office <code>', 'the office')
    .option('--department <code>', 'a department of that office')
    .option('--title <title>', 'job title')
    .option('--role <role>', `governance role, repeat for several: ${ROLES_HELP}`, collect)
    .option('--json', 'print the new person as JSON')
    .action((options: PersonOptions & { office: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const office = await lookup.office(options.office, '--office');
        const department =
          typeof options.department === 'string'
            ? await lookup.department(office, options.department, '--department')
            : undefined;
        const input = FLAGS.parse(personCreateSchema, {
          full_name: options.name,
          email: options.email,
          office_id: office.id,
          department_id: department?.id,
          job_title: options.title,
          governance_roles: options.role,
        });
        const created = await FLAGS.call(services.people.create(ctx, input));
        print(options.json, created, (p) => `Added ${p.full_name} <${p.email}> to office ${office.code}`);
      }),
    );

  person
    .command('show <email>')
    .description('Show one person')
    .option('--json', 'machine-readable output')
    .action((email: string, options: PersonOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const found = await lookup.person(email);
        const office = options.json ? '' : await lookup.officeCode(found.office_id);
        const department = options.json ? '' : await lookup.departmentCode(found.department_id);
        print(options.json, found, (p) =>
          formatFields([
            ['Name', p.full_name],
            ['E-mail', p.email],
            ['Office', office],
            ['Department', department],
            ['Title', p.job_title],
            ['Roles', p.governance_roles.join(', ')],
            ['Active', p.active ? 'yes' : 'no'],
            ['Version', p.version],
            ['Id', p.id],
            ['Created', p.created_at],
            ['Updated', p.updated_at],
          ]),
        );
      }),
    );

  person
    .command('update <email>')
    .description('Change a person; only the fields given change')
    .option('--name <name>', 'full name')
    .option('--email <email>', 'new e-mail address')
    .option('--office <code>', 'move to this office (give --department or --no-department with it)')
    .option('--department <code>', 'a department of the (new) office')
    .option('--no-department', 'in no department')
    .option('--title <title>', 'job title')
    .option('--no-title', 'clear the job title')
    .option('--role <role>', `governance roles, replacing the current ones; repeat for several`, collect)
    .option('--no-role', 'remove every governance role')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the changed person as JSON')
    .action((email: string, options: PersonOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        requireChanges(
          {
            name: options.name,
            email: options.email,
            office: options.office,
            department: options.department,
            title: options.title,
            role: options.role,
          },
          ['--name', '--email', '--office', '--[no-]department', '--[no-]title', '--role/--no-role'],
        );
        const lookup = new OrgLookup(services, ctx);
        const current = await lookup.person(email);
        const office =
          typeof options.office === 'string'
            ? await lookup.office(options.office, '--office')
            : { id: current.office_id, code: await lookup.officeCode(current.office_id) };
        if (
          office.id !== current.office_id &&
          current.department_id !== null &&
          options.department === undefined
        )
          throw errors.validation(
            `--department: moving to office ${office.code}, give --department CODE (one of its departments) or --no-department`,
            [{ path: '--department', message: `the person's department belongs to their current office` }],
          );
        const department =
          typeof options.department === 'string'
            ? await lookup.department(office, options.department, '--department')
            : undefined;
        const input = FLAGS.parse(personUpdateSchema, {
          full_name: options.name,
          email: options.email,
          office_id: options.office !== undefined ? office.id : undefined,
          department_id: options.department === false ? null : department?.id,
          job_title: options.title === false ? null : options.title,
          governance_roles: options.role === false ? [] : options.role,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.people.update(ctx, current.id, input), {
          id: current.id,
          name: current.email,
        });
        print(options.json, updated, (p) => `Updated ${p.email} (version ${p.version})`);
      }),
    );

  for (const [name, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const)
    person
      .command(`${name} <email>`)
      .description(
        active ? 'Mark a person active again' : 'Mark a person inactive (kept, e.g. for the audit trail)',
      )
      .option('--version <n>', 'the version you read: refuse if someone changed it since')
      .action((email: string, options: PersonOptions, command: Command) =>
        withServices(command, (services, ctx) => setActive(services, ctx, email, active, options.version)),
      );

  person
    .command('delete <email>')
    .description('Delete a person not linked to a user account (deactivate keeps them instead)')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((email: string, options: PersonOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await new OrgLookup(services, ctx).person(email);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(options.version, current.version),
        });
        await FLAGS.call(services.people.remove(ctx, current.id, version), {
          id: current.id,
          name: current.email,
        });
        process.stdout.write(`Deleted ${current.email}\n`);
      }),
    );
}

/** Already in the state asked for: nothing is written, so no empty change reaches the audit trail. */
async function setActive(
  services: Services,
  ctx: RequestContext,
  email: string,
  active: boolean,
  version: string | undefined,
): Promise<void> {
  const current = await new OrgLookup(services, ctx).person(email);
  const input = FLAGS.parse(personUpdateSchema, {
    active,
    version: versionArg(version, current.version),
  });
  const state = active ? 'active' : 'inactive';
  if (current.active === active && input.version === current.version) {
    process.stdout.write(`${current.email} is already ${state}\n`);
    return;
  }
  const updated = await FLAGS.call(services.people.update(ctx, current.id, input), {
    id: current.id,
    name: current.email,
  });
  process.stdout.write(`${updated.email} is now ${state} (version ${updated.version})\n`);
}

async function peopleTable(people: readonly Person[], lookup: OrgLookup): Promise<string> {
  if (people.length === 0) return 'No people.';
  const rows = [];
  for (const p of people)
    rows.push([
      p.full_name,
      p.email,
      await lookup.officeCode(p.office_id),
      await lookup.departmentCode(p.department_id),
      p.job_title,
      p.governance_roles.join(','),
      p.active ? 'yes' : 'no',
    ]);
  return formatTable(['NAME', 'EMAIL', 'OFFICE', 'DEPARTMENT', 'TITLE', 'ROLES', 'ACTIVE'], rows);
}
