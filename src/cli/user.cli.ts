import type { Command } from 'commander';
import type { RequestContext } from '../core/audit.js';
import { ROLES } from '../core/permissions.js';
import type { Services } from '../app/services.js';
import { userCreateSchema, type User } from '../modules/accounts/accounts.schema.js';
import { parseArgs } from './args.js';
import { print, withServices } from './output.js';

const FLAGS = { email: '--email', display_name: '--name', role: '--role' };

function describeUser(user: User): string {
  const status = user.disabled
    ? 'disabled'
    : user.locked_until
      ? `locked until ${user.locked_until}`
      : 'active';
  return `${user.email}  ${user.role}  ${status}  ${user.display_name}`;
}

async function setDisabled(
  services: Services,
  ctx: RequestContext,
  email: string,
  disabled: boolean,
): Promise<User> {
  const user = await services.users.getByEmail(ctx, email);
  return services.users.update(ctx, user.id, { disabled, version: user.version });
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('add')
    .description('Create a user; prints a generated one-time password once')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--region <code...>', 'region codes the user works in')
    .option('--office <code...>', 'office codes the user works in')
    .option('--json', 'machine-readable output')
    .action(
      async (
        options: {
          email: string;
          name: string;
          role: string;
          region?: string[];
          office?: string[];
          json?: boolean;
        },
        command: Command,
      ) => {
        const input = parseArgs(
          userCreateSchema.pick({ email: true, display_name: true, role: true }),
          { email: options.email, display_name: options.name, role: options.role },
          FLAGS,
        );
        await withServices(command, async (services, ctx) => {
          const scope = await services.users.scopeFromCodes(ctx, {
            regions: options.region,
            offices: options.office,
          });
          const result = await services.users.create(ctx, { ...input, ...scope });
          print(
            options.json,
            result,
            (r) =>
              `Created ${describeUser(r.user)}\n  one-time password: ${r.generated_password}\n` +
              '(shown once; the user must change it at the first sign-in)',
          );
        });
      },
    );

  user
    .command('list')
    .description('List user accounts')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withServices(command, async (services, ctx) => {
        const users: User[] = [];
        let cursor: string | undefined;
        do {
          const page = await services.users.list(ctx, { limit: 500, cursor });
          users.push(...page.items);
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
        print(options.json, users, (list) => (list.length ? list.map(describeUser).join('\n') : 'No users'));
      });
    });

  user
    .command('disable <email>')
    .description('Disable a user: their sessions end and their API tokens stop working')
    .option('--json', 'machine-readable output')
    .action(async (email: string, options: { json?: boolean }, command: Command) => {
      await withServices(command, async (services, ctx) => {
        print(options.json, await setDisabled(services, ctx, email, true), (u) => `Disabled ${u.email}`);
      });
    });

  user
    .command('enable <email>')
    .description('Enable a disabled user again')
    .option('--json', 'machine-readable output')
    .action(async (email: string, options: { json?: boolean }, command: Command) => {
      await withServices(command, async (services, ctx) => {
        print(options.json, await setDisabled(services, ctx, email, false), (u) => `Enabled ${u.email}`);
      });
    });

  user
    .command('reset-password <email>')
    .description('Give a user a new one-time password (printed once) and end their sessions')
    .option('--json', 'machine-readable output')
    .action(async (email: string, options: { json?: boolean }, command: Command) => {
      await withServices(command, async (services, ctx) => {
        const target = await services.users.getByEmail(ctx, email);
        const result = await services.users.resetPassword(ctx, target.id);
        print(
          options.json,
          result,
          (r) =>
            `New one-time password for ${r.user.email}: ${r.password}\n` +
            '(shown once; the user must change it at the next sign-in)',
        );
      });
    });
}
