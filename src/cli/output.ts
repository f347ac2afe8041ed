import type { Command } from 'commander';
import type { z } from 'zod';
import { type AppError, errors, isAppError } from '../core/errors.js';
import { loadConfig, type Config } from '../app/config.js';
import { openRuntime } from '../app/runtime.js';
import { systemClock } from '../core/clock.js';
import type { Services } from '../app/services.js';
import { systemActor } from '../core/permissions.js';
import type { RequestContext } from '../core/audit.js';

/** The global options every command sees (set on the root program). */
export function cliConfig(command: Command, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const root = command.optsWithGlobals<{ db?: string }>();
  return loadConfig({ db: root.db, ...overrides });
}

/** The local operator as actor: the shell user already holds the database. */
export function cliContext(): RequestContext {
  return { actor: systemActor(`cli:${process.env.USER ?? 'operator'}`), requestId: null };
}

/**
 * Open the database, run the work with the local operator as actor, always close. One command is one
 * client, so SQLite's read workers (there for a server's concurrent requests) would only cost their
 * start-up and hand every row across threads: its reads stay on the main connection.
 */
export async function withServices<T>(
  command: Command,
  work: (services: Services, ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const services = await openRuntime(cliConfig(command), systemClock, { sqliteReaders: 0 });
  try {
    return await work(services, cliContext());
  } finally {
    await services.db.close();
  }
}

/** Validate command-line options with the same zod schema the API uses; issues name the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const flag = field ? `--${field.replaceAll('_', '-')}` : '(options)';
    return {
      path: flag,
      message:
        issue.code === 'unrecognized_keys' ? `unknown option(s): ${issue.keys.join(', ')}` : issue.message,
    };
  });
  throw errors.validation(`Invalid option ${issues.map((i) => i.path).join(', ')}`, issues);
}

/** Print a result: JSON when asked, else the human rendering. */
export function print<T>(json: boolean | undefined, value: T, human: (value: T) => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human(value)}\n`);
}

/** Run the program; map catalogue errors to their exit codes and a one-line message. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`custos: ${error.message}\n`);
      const issues = (
        error.details as
          { issues?: { path?: string; row?: number; column?: string; message: string }[] } | undefined
      )?.issues;
      for (const issue of issues ?? []) {
        const where =
          issue.row !== undefined ? `row ${issue.row}${issue.column ? `, ${issue.column}` : ''}` : issue.path;
        process.stderr.write(`  ${where}: ${issue.message}\n`);
      }
      process.exitCode = (error as AppError).exitCode;
      return;
    }
    process.stderr.write(`custos: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
