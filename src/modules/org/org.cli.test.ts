import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { openRuntime } from '../../app/runtime.js';
import { systemActor } from '../../core/permissions.js';
import type { Office, Person, Region } from './org.schema.js';

/*
 * The real `custos` command, spawned as a user runs it, on a SQLite file named by CUSTOS_DB.
 * Each spawn costs about a second, so this file keeps to ten; the argument mapping of every
 * command is covered in-process, on both dialects, by org.cli.commands.test.ts.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SPAWN_TIMEOUT = 60_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('the custos command on the organisation', () => {
  let dir: string;
  let url: string;

  function custos(...args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args],
        { cwd: ROOT, env: { ...process.env, CUSTOS_DB: url }, timeout: SPAWN_TIMEOUT },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') reject(error);
          else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
  }

  async function succeeds(...args: string[]): Promise<string> {
    const run = await custos(...args);
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    return run.stdout;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-'));
    url = `sqlite:${path.join(dir, 'custos.db')}`;
    // One after the other: the first also creates and migrates the database file.
    await succeeds('region', 'add', '--code', 'EHOA', '--name', 'East and Horn of Africa');
    await succeeds(
      'office',
      'add',
      '--code',
      'KE-NBO',
      '--name',
      'Kenya Country Office',
      '--kind',
      'country_office',
      '--region',
      'EHOA',
      '--country',
      'KE',
      '--city',
      'Nairobi',
    );
    await succeeds(
      'person',
      'add',
      '--name',
      'Amina Odhiambo',
      '--email',
      'amina@example.org',
      '--office',
      'KE-NBO',
      '--role',
      'data_owner',
    );
  }, 240_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists what was added, as JSON and as an aligned table', { timeout: 120_000 }, async () => {
    const [offices, regions, people] = await Promise.all([
      succeeds('office', 'list', '--json'),
      succeeds('region', 'list', '--json'),
      succeeds('person', 'list'),
    ]);
    const region = (JSON.parse(regions) as Region[])[0];
    expect(region).toMatchObject({ code: 'EHOA', name: 'East and Horn of Africa', version: 1 });
    expect(JSON.parse(offices) as Office[]).toEqual([
      expect.objectContaining({
        code: 'KE-NBO',
        kind: 'country_office',
        region_id: region?.id,
        country_code: 'KE',
        city: 'Nairobi',
      }),
    ]);
    const [header, row, ...rest] = people.trimEnd().split('\n');
    expect(header).toMatch(/^NAME +EMAIL +OFFICE +DEPARTMENT +TITLE +ROLES +ACTIVE$/);
    expect(row).toMatch(/^Amina Odhiambo +amina@example\.org +KE-NBO +data_owner +yes$/);
    expect(rest).toEqual([]);
    // Aligned: every column starts where its header does.
    expect(row?.indexOf('amina@')).toBe(header?.indexOf('EMAIL'));
    expect(row?.indexOf('KE-NBO')).toBe(header?.indexOf('OFFICE'));
  });

  it(
    'updates a region named by its code and prints the new version as JSON',
    { timeout: 60_000 },
    async () => {
      const updated = JSON.parse(
        await succeeds('region', 'update', 'EHOA', '--name', 'East & Horn of Africa', '--json'),
      ) as Region;
      expect(updated).toMatchObject({ code: 'EHOA', name: 'East & Horn of Africa', version: 2 });
    },
  );

  it(
    'exits 5 naming an unknown office code, and 2 naming the flag of a bad country code',
    { timeout: 120_000 },
    async () => {
      const [unknownOffice, badCountry] = await Promise.all([
        custos('person', 'add', '--name', 'Nobody', '--email', 'nobody@example.org', '--office', 'NOPE-1'),
        custos(
          'office',
          'add',
          '--code',
          'XX-1',
          '--name',
          'Nowhere',
          '--kind',
          'hq_department',
          '--country',
          'XX',
        ),
      ]);
      expect(unknownOffice).toMatchObject({
        code: 5,
        stdout: '',
        stderr: 'custos: --office: office NOPE-1 was not found\n',
      });
      expect(badCountry.code).toBe(2);
      expect(badCountry.stdout).toBe('');
      expect(badCountry.stderr).toContain('--country: use an ISO 3166-1 alpha-2 country code such as KE');
    },
  );

  it('deletes a person named by e-mail', { timeout: 60_000 }, async () => {
    expect(await succeeds('person', 'delete', 'amina@example.org')).toBe('Deleted amina@example.org\n');
    const services = await openRuntime(loadConfig({ db: url }));
    try {
      const ctx = { actor: systemActor('test'), requestId: null };
      const gone: Person | undefined = await services.people.findByEmail(ctx, 'amina@example.org');
      expect(gone).toBeUndefined();
      const events = await services.db.kysely
        .selectFrom('audit_events')
        .select(['entity_type', 'action'])
        .orderBy('seq')
        .execute();
      const trail = (type: string) => events.filter((e) => e.entity_type === type).map((e) => e.action);
      expect(trail('person')).toEqual(['create', 'delete']);
      expect(trail('office')).toEqual(['create']); // the refused XX-1 wrote nothing
    } finally {
      await services.db.close();
    }
  });
});
