import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { ERROR_CATALOGUE } from '../core/errors.js';
import { systemActor } from '../core/permissions.js';
import { openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { RegionService } from '../modules/org/region.service.js';
import { describeBreak, renderList, renderVerify } from './audit.cli.js';
import { runCli } from './testing/run-cli.js';

describe('custos audit (spawned)', { timeout: 60_000 }, () => {
  let dir: string;
  let dbUrl: string;
  let file: string;
  let regionId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-audit-'));
    file = path.join(dir, 'custos.db');
    dbUrl = `sqlite:${file}`;
    const db = openDb(dbUrl);
    await migrateToLatest(db);
    const regions = new RegionService({ db, clock: fixedClock('2026-11-30T09:00:00.000Z') });
    const ctx = { actor: systemActor('test'), requestId: null };
    regionId = (await regions.create(ctx, { code: 'EHOA', name: 'East' })).id;
    await regions.update(ctx, regionId, { name: 'East and Horn', version: 1 });
    await regions.create(ctx, { code: 'MENA', name: 'Middle East' });
    await db.close();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an intact chain and exits 0', () => {
    const run = runCli(['audit', 'verify'], dbUrl);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Audit chain intact: 3 event(s) checked');
  });

  it('lists the events of one entity as JSON', () => {
    const run = runCli(
      ['audit', 'list', '--entity-type', 'region', '--entity-id', regionId, '--json'],
      dbUrl,
    );
    expect(run.status, run.stderr).toBe(0);
    const page = JSON.parse(run.stdout) as { items: { action: string; after: { name: string } }[] };
    expect(page.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(page.items[0]?.after.name).toBe('East and Horn');
  });

  it('refuses a bad option with exit 2 naming the flag', () => {
    const run = runCli(['audit', 'list', '--from', 'yesterday'], dbUrl);
    expect(run.status).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(run.stderr).toContain('--from');
  });

  it('exits 9 and names the altered event when a row was changed', () => {
    const raw = new SqliteDatabase(file);
    const second = raw.prepare('select seq, id from audit_events order by seq limit 1 offset 1').get() as {
      seq: number;
      id: string;
    };
    raw.prepare(`update audit_events set after_json = '{"name":"Forged"}' where seq = ?`).run(second.seq);
    raw.close();

    const human = runCli(['audit', 'verify'], dbUrl);
    expect(human.status).toBe(ERROR_CATALOGUE.integrity_failed.exit);
    expect(human.stdout).toContain(`seq ${second.seq} (id ${second.id})`);
    expect(human.stderr).toContain(`seq ${second.seq}`);

    const json = runCli(['audit', 'verify', '--json'], dbUrl);
    expect(json.status).toBe(9);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      events_checked: 1,
      first_break: { seq: second.seq, id: second.id, reason: 'hash_mismatch' },
    });
    expect(json.stderr).not.toContain('Verifying');
  });
});

describe('audit CLI rendering', () => {
  it('explains each kind of break', () => {
    expect(
      describeBreak({
        ok: false,
        events_checked: 4,
        first_break: { seq: 5, id: 'e5', reason: 'broken_link' },
      }),
    ).toMatch(/^Audit chain broken at event seq 5 \(id e5\): broken_link: .*removed/);
    expect(
      renderVerify({
        ok: false,
        events_checked: 9,
        first_break: { seq: 9, id: 'e9', reason: 'head_mismatch' },
      }),
    ).toContain('events after this one were removed');
    expect(
      describeBreak({
        ok: false,
        events_checked: 0,
        first_break: { seq: null, id: null, reason: 'missing' },
      }),
    ).toMatch(/^The audit chain is empty: missing/);
  });

  it('prints one line per event and how to get the next page', () => {
    const text = renderList({
      items: [
        {
          id: 'e1',
          seq: 12,
          at: '2026-11-30T09:00:00.000Z',
          actor_id: null,
          actor_label: 'cli:ops',
          action: 'create',
          entity_type: 'region',
          entity_id: 'r1',
          office_id: null,
          before: null,
          after: {},
          request_id: null,
        },
      ],
      next_cursor: 'abc',
    });
    expect(text.split('\n')).toEqual([
      '    12  2026-11-30T09:00:00.000Z  cli:ops  create  region/r1',
      'More: --cursor abc',
    ]);
    expect(renderList({ items: [], next_cursor: null })).toBe('No audit events.');
  });
});
