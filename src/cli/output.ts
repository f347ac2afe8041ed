import type { Command } from 'commander';
import { type AppError, isAppError } from '../core/errors.js';
import { loadConfig, type Config } from '../app/config.js';
import { openRuntime } from '../app/runtime.js';
import type { Services } from '../app/services.js';
import { systemActor } from '../core/permissions.js';
import type { RequestContext } from '../core/audit.js';

/** The global options every command sees (set on the root program). */
export function cliConfig(command: Command, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const root = command.optsWithGlobals<{ db?: string }>();
  return loadConfig({ db: root.db, ...overrides });
}

/** Open the database, run the work with the local operator as actor, always close. */
export async function withServices<T>(
  command: Command,
  work: (services: Services, ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const services = await openRuntime(cliConfig(command));
  try {
    return await work(services, {
      actor: systemActor(`cli:${process.env.USER ?? 'operator'}`),
      requestId: null,
    });
  } finally {
    await services.db.close();
  }
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
