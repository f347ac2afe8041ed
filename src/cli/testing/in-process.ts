import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, vi } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { openRuntime } from '../../app/runtime.js';
import type { Services } from '../../app/services.js';
import { runCli } from '../output.js';
import { buildProgram } from '../program.js';
import type { DialectName } from '../../db/database.js';
import { systemActor } from '../../core/permissions.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A database the command line opens by URL, as a user's would be: a SQLite file in a fresh
 * folder, or a fresh PostgreSQL schema (selected through the URL's `options`), dropped on close.
 */
export interface CliDatabase {
  url: string;
  /** Services over the same database, to check what the commands did. */
  services: Services;
  close(): Promise<void>;
}

export async function openCliDatabase(dialect: DialectName, pgUrl: string | null): Promise<CliDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-'));
    const url = `sqlite:${path.join(dir, 'custos.db')}`;
    const services = await openRuntime(loadConfig({ db: url }));
    return {
      url,
      services,
      close: async () => {
        await services.db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgUrl) throw new Error('PostgreSQL is not available for this test run');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(pgUrl, `create schema ${schema}`);
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const services = await openRuntime(loadConfig({ db: url.toString() }));
  return {
    url: url.toString(),
    services,
    close: async () => {
      await services.db.close();
      await adminQuery(pgUrl, `drop schema if exists ${schema} cascade`);
    },
  };
}

/**
 * Run `custos --db URL <args>` in this process, capturing what it writes and the exit code it sets.
 * Much faster than spawning; spawned runs are covered by the *.cli.test.ts files that spawn.
 */
export async function runCliInProcess(url: string, args: readonly string[]): Promise<CliResult> {
  const program = buildProgram().exitOverride();
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

async function adminQuery(pgUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** What a CLI test gets: the commands to run and services over the same database to check them. */
export interface CliTestContext {
  /** `custos('office add --code X --name', 'Two words')`: the words of the line, then each argument as is. */
  custos(line: string, ...args: string[]): Promise<CliResult>;
  /** As `custos`, expecting success: returns what it printed. */
  ok(line: string, ...args: string[]): Promise<string>;
  /** As `ok`, parsing the printed JSON. */
  json<T>(line: string, ...args: string[]): Promise<T>;
  services(): Services;
  ctx: { actor: ReturnType<typeof systemActor>; requestId: null };
}

/** A suite of command-line tests on a fresh database of each dialect (as describeEachDialect does for services). */
export function describeCli(name: string, body: (cli: CliTestContext) => void): void {
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
        runCliInProcess(open().url, [...line.split(' ').filter(Boolean), ...args]);
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
