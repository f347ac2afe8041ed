import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createServices } from '../app/services.js';
import { loadConfig } from '../app/config.js';
import { systemClock } from '../core/clock.js';
import { systemActor } from '../core/permissions.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Run the real `custos` command line in a child process against the temporary database. */
async function custos(
  dbUrl: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        CUSTOS_DB: dbUrl,
        CUSTOS_CONFIG: '/nonexistent/custos.config.yaml',
        USER: 'tester',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('custos user and token commands', { timeout: 60_000 }, () => {
  let dir: string;
  let dbUrl: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'custos-cli-'));
    dbUrl = `sqlite:${dir}/custos.db`;
    // A region to scope users to, as the organisation commands would have made it.
    const db = openDb(dbUrl);
    await migrateToLatest(db);
    const services = createServices(db, systemClock, loadConfig({ db: dbUrl }, {}));
    await services.regions.create(
      { actor: systemActor('test'), requestId: null },
      { code: 'EHOA', name: 'East' },
    );
    await db.close();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds a user with a one-time password, lists, resets and disables it', async () => {
    const added = await custos(
      dbUrl,
      'user',
      'add',
      '--email',
      'Ops@Example.org',
      '--name',
      'Ops Person',
      '--role',
      'regional_focal_point',
      '--region',
      'ehoa',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    const created = JSON.parse(added.stdout);
    expect(created.user).toMatchObject({
      email: 'ops@example.org',
      role: 'regional_focal_point',
      must_change_password: true,
    });
    expect(created.user.scope_region_ids).toHaveLength(1);
    expect(created.generated_password).toMatch(/^[A-Za-z0-9]{20}$/);

    const human = await custos(dbUrl, 'user', 'reset-password', 'ops@example.org');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/New one-time password for ops@example.org: [A-Za-z0-9]{20}\n/);

    expect((await custos(dbUrl, 'user', 'disable', 'ops@example.org')).stdout).toBe(
      'Disabled ops@example.org\n',
    );
    const list = await custos(dbUrl, 'user', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ email: 'ops@example.org', disabled: true }),
    ]);
    expect(list.stdout).not.toContain('argon2');
  });

  it('refuses bad arguments with the validation exit code and names the option', async () => {
    const badRole = await custos(
      dbUrl,
      'user',
      'add',
      '--email',
      'x@example.org',
      '--name',
      'X',
      '--role',
      'boss',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role');
    const badRegion = await custos(
      dbUrl,
      'user',
      'add',
      '--email',
      'x@example.org',
      '--name',
      'X',
      '--role',
      'viewer',
      '--region',
      'NOPE',
    );
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toContain('no region NOPE');
    const missing = await custos(dbUrl, 'user', 'disable', 'nobody@example.org');
    expect(missing.code).toBe(5);
  });

  it('creates a read-only token shown once, lists it without the secret, and revokes it', async () => {
    await custos(dbUrl, 'user', 'add', '--email', 'ci@example.org', '--name', 'CI', '--role', 'viewer');
    const created = await custos(
      dbUrl,
      'token',
      'create',
      '--user',
      'ci@example.org',
      '--name',
      'nightly',
      '--read-only',
      '--expires-days',
      '30',
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    const token = JSON.parse(created.stdout);
    expect(token).toMatchObject({
      name: 'nightly',
      read_only: true,
      status: 'active',
      user_email: 'ci@example.org',
    });
    expect(token.token).toMatch(/^cus_[0-9a-f]{8}_[0-9a-f]{64}$/);

    const listed = await custos(dbUrl, 'token', 'list', '--user', 'ci@example.org', '--json');
    expect(JSON.parse(listed.stdout).map((t: { id: string }) => t.id)).toEqual([token.id]);
    expect(listed.stdout).not.toContain(token.token);

    const revoked = await custos(dbUrl, 'token', 'revoke', token.id);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('revoked');
    const db = openDb(dbUrl);
    const row = await db.kysely
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', token.id)
      .executeTakeFirst();
    await db.close();
    expect(row?.revoked_at).not.toBeNull();
  });
});
