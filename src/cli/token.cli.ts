import type { Command } from 'commander';
import { z } from 'zod';
import { apiTokenCreateSchema, type ApiToken } from '../modules/accounts/token.schema.js';
import { parseArgs } from './args.js';
import { print, withServices } from './output.js';

const FLAGS = { name: '--name', read_only: '--read-only', expires_in_days: '--expires-days' };

function describeToken(token: ApiToken): string {
  const access = token.read_only ? 'read-only' : 'read-write';
  const expiry = token.expires_at ? `expires ${token.expires_at}` : 'no expiry';
  return `${token.id}  cus_${token.prefix}_…  ${token.user_email}  ${token.name}  ${access}  ${token.status}  ${expiry}`;
}

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('Manage API tokens');

  token
    .command('create')
    .description('Create an API token for a user; prints the token once')
    .requiredOption('--user <email>', 'whose token it is (it acts with their role and scope)')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--read-only', 'the token may only read')
    .option('--expires-days <days>', 'expire after this many days (default: never)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        options: { user: string; name: string; readOnly?: boolean; expiresDays?: string; json?: boolean },
        command: Command,
      ) => {
        const input = parseArgs(
          apiTokenCreateSchema
            .omit({ user_id: true })
            .extend({ expires_in_days: z.coerce.number().int().min(1).max(3650).optional() }),
          { name: options.name, read_only: options.readOnly ?? false, expires_in_days: options.expiresDays },
          FLAGS,
        );
        await withServices(command, async (services, ctx) => {
          const user = await services.users.getByEmail(ctx, options.user);
          const created = await services.tokens.create(ctx, { ...input, user_id: user.id });
          print(
            options.json,
            created,
            (c) => `Created ${describeToken(c)}\n  token: ${c.token}\n(shown once; store it now)`,
          );
        });
      },
    );

  token
    .command('list')
    .description("List API tokens (everyone's, or one user's with --user)")
    .option('--user <email>', "only this user's tokens")
    .option('--json', 'machine-readable output')
    .action(async (options: { user?: string; json?: boolean }, command: Command) => {
      await withServices(command, async (services, ctx) => {
        const userId = options.user ? (await services.users.getByEmail(ctx, options.user)).id : undefined;
        const tokens = await services.tokens.list(ctx, userId ? { user_id: userId } : { all: 'true' });
        print(options.json, tokens, (list) =>
          list.length ? list.map(describeToken).join('\n') : 'No API tokens',
        );
      });
    });

  token
    .command('revoke <id>')
    .description('Revoke an API token: it stops working at once')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withServices(command, async (services, ctx) => {
        print(options.json, await services.tokens.revoke(ctx, id), (t) => `Revoked ${describeToken(t)}`);
      });
    });
}
