import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.js';
import { gzip, squidLine } from './testing/fixtures.js';

/* The real `custos usage` commands, spawned as a user runs them (`analyse` never opens the database). */

describe('custos usage on the command line', () => {
  let dir: string;
  const db = () => `sqlite:${path.join(dir, 'unused.db')}`;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-usage-cli-'));
    const lines = [
      squidLine({ url: 'chatgpt.com:443', user: 'jdoe', requestSize: 2048 }),
      squidLine({ url: 'https://www.deepl.com/translator?text=secret', method: 'GET', user: 'ana' }),
      squidLine({ url: 'www.example.org:443', user: 'jdoe' }),
      'a damaged line',
    ];
    fs.writeFileSync(path.join(dir, 'access.log.gz'), gzip(lines.join('\n')));
    fs.writeFileSync(path.join(dir, 'users.csv'), 'user,department,office\njdoe,Supply Chain,Nairobi\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello\nworld\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the catalogue as JSON with each app’s risk and its reasons', () => {
    const run = runCli(['usage', 'apps', '--json'], db());
    expect(run.status, run.stderr).toBe(0);
    const { apps, reviewed } = JSON.parse(run.stdout) as {
      reviewed: string;
      apps: { id: string; risk: string; risk_reasons: string[] }[];
    };
    expect(reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(apps.length).toBeGreaterThanOrEqual(150);
    expect(apps.find((app) => app.id === 'chatgpt')).toMatchObject({
      risk: 'high',
      risk_reasons: expect.arrayContaining(['trains on user inputs by default']),
    });
  });

  it('analyses a gzip log with a directory, says nothing was stored, and never prints users or paths', () => {
    const run = runCli(
      ['usage', 'analyse', path.join(dir, 'access.log.gz'), '--directory', path.join(dir, 'users.csv')],
      db(),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^AI usage preview: nothing was stored\./);
    expect(run.stdout).toMatch(/squid \(gzip\)\s+4\s+3\s+1/);
    expect(run.stdout).toMatch(/access\.log\.gz:4: the first field is not a Unix timestamp/);
    expect(run.stdout).toMatch(/ChatGPT\s+OpenAI\s+chat assistant\s+high\s+1\s+1\s+2 KiB/);
    expect(run.stdout).toMatch(/Supply Chain\s+Nairobi\s+1\s+1\s+1/);
    expect(run.stdout).toMatch(/CUSTOS_USAGE_KEY is not set/);
    expect(run.stdout).not.toMatch(/jdoe|ana|translator|secret/);
  });

  it('prints the roll-up rows as JSON, counting rather than listing the pseudonymous rows', () => {
    const run = runCli(['usage', 'analyse', path.join(dir, 'access.log.gz'), '--json'], db());
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      stored: boolean;
      rows: { app_user_days: number; totals: unknown };
      files: { malformed: number }[];
    };
    expect(result.stored).toBe(false);
    expect(result.rows.totals).toEqual({ events: 3, ai_events: 2, ai_users: 2 });
    expect(result.rows.app_user_days).toBe(2);
    expect(result.files[0]!.malformed).toBe(1);
  });

  it('refuses an unrecognised format and a bad --format with their exit codes', () => {
    const unknown = runCli(['usage', 'analyse', path.join(dir, 'notes.txt')], db());
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/the log format was not recognised from its first lines; give --format/);
    const bad = runCli(['usage', 'analyse', path.join(dir, 'notes.txt'), '--format', 'syslog'], db());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format/);
    // Two real processes: each starts the CLI from the sources, which takes seconds on a busy machine.
  }, 60_000);
});
