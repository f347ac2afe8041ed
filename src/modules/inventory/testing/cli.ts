import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, inject, vi } from 'vitest';
import type { Services } from '../../../app/services.js';
import { runCli } from '../../../cli/output.js';
import { systemActor } from '../../../core/permissions.js';
import { registerOrgCommands } from '../../org/org.cli.js';
import { openCliDatabase, type CliDatabase, type CliResult } from '../../org/testing/cli.js';
import { registerInventoryCommands } from '../inventory.cli.js';

/**
 * Run `custos --db URL <args>` in this process with the organisation and inventory commands,
 * capturing what it writes and the exit code it sets.
 */
async function runInventoryCli(url: string, args: readonly string[]): Promise<CliResult> {
  const program = new Command().name('custos').option('--db <url>').exitOverride();
  registerOrgCommands(program);
  registerInventoryCommands(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await runCli(program, ['node', 'custos', '--db', url, ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.exitCode = before;
    out.mockRestore();
    err.mockRestore();
  }
}

export interface InventoryCli {
  /** The words of the line, then each argument as is (for values with spaces). */
  custos(line: string, ...args: string[]): Promise<CliResult>;
  ok(line: string, ...args: string[]): Promise<string>;
  json<T>(line: string, ...args: string[]): Promise<T>;
  services(): Services;
  ctx: { actor: ReturnType<typeof systemActor>; requestId: null };
}

/** A suite of command-line tests on a fresh database of each dialect. */
export function describeInventoryCli(name: string, body: (cli: InventoryCli) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const pgUrl = inject('pgUrl');
    (dialect === 'sqlite' || pgUrl !== null ? describe : describe.skip)(`${name} [${dialect}]`, () => {
      let database: CliDatabase | undefined;
      beforeAll(async () => {
        database = await openCliDatabase(dialect, pgUrl);
      });
      afterAll(async () => {
        await database?.close();
      });
      const open = () => {
        if (!database) throw new Error('database not ready: run commands inside a test or hook');
        return database;
      };
      const custos = (line: string, ...args: string[]) =>
        runInventoryCli(open().url, [...line.split(' ').filter(Boolean), ...args]);
      const ok = async (line: string, ...args: string[]) => {
        const result = await custos(line, ...args);
        expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
        return result.stdout;
      };
      body({
        custos,
        ok,
        json: async <T>(line: string, ...args: string[]) => JSON.parse(await ok(line, ...args)) as T,
        services: () => open().services,
        ctx: { actor: systemActor('test'), requestId: null },
      });
    });
  }
}
