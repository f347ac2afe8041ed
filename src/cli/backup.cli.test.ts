import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { ERROR_CATALOGUE } from '../core/errors.js';
import { systemActor } from '../core/permissions.js';
import { openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { RegionService } from '../modules/org/region.service.js';
import { formatBytes, renderRestore } from './backup.cli.js';
import { runCli } from './testing/run-cli.js';

describe('custos backup and restore (spawned)', { timeout: 60_000 }, () => {
  let dir: string;
  let dbUrl: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-backup-'));
    dbUrl = `sqlite:${path.join(dir, 'custos.db')}`;
    const db = openDb(dbUrl);
    await migrateToLatest(db);
    await new RegionService({ db, clock: fixedClock('2026-11-30T09:00:00.000Z') }).create(
      { actor: systemActor('test'), requestId: null },
      { code: 'EHOA', name: 'East' },
    );
    await db.close();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up and restores with --json output', () => {
    const file = path.join(dir, 'backup.db');
    const backup = runCli(['backup', file, '--json'], dbUrl);
    expect(backup.status, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, bytes: fs.statSync(file).size });
    expect(backup.stderr).toBe('');

    const again = runCli(['backup', file], dbUrl);
    expect(again.status).toBe(ERROR_CATALOGUE.conflict.exit);
    expect(again.stderr).toContain('--force');

    const withoutYes = runCli(['restore', file], dbUrl);
    expect(withoutYes.status).toBe(ERROR_CATALOGUE.conflict.exit);
    expect(withoutYes.stderr).toContain('--yes');

    const restore = runCli(['restore', file, '--yes', '--json'], dbUrl);
    expect(restore.status, restore.stderr).toBe(0);
    const result = JSON.parse(restore.stdout) as { events_checked: number; previous: string };
    expect(result.events_checked).toBe(1);
    expect(fs.existsSync(result.previous)).toBe(true);
  });

  it('refuses a file that is not a Custos backup with exit 8', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'not a database');
    const run = runCli(['restore', file, '--yes'], dbUrl);
    expect(run.status).toBe(ERROR_CATALOGUE.import_invalid.exit);
    expect(run.stderr).toContain('is not a Custos backup');
  });

  it('points PostgreSQL users to pg_dump', () => {
    const run = runCli(['backup', path.join(dir, 'x.db')], 'postgres://nobody@127.0.0.1:1/none');
    expect(run.status).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(run.stderr).toContain('pg_dump');
  });
});

describe('backup CLI rendering', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
  ])('formats %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('says where the previous database is and which migrations are pending', () => {
    expect(
      renderRestore({
        database: '/d/custos.db',
        restored_from: '/b/backup.db',
        previous: '/d/custos.db.before-restore-x',
        instance: 'i',
        events_checked: 3,
        pending_migrations: ['20261130040000_instance_marker'],
      }).split('\n'),
    ).toEqual([
      'Restored /d/custos.db from /b/backup.db (3 audit event(s) verified).',
      'The previous database is kept as /d/custos.db.before-restore-x.',
      'At its next start Custos will migrate it (20261130040000_instance_marker).',
    ]);
  });
});
