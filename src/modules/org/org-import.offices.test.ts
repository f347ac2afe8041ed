import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { systemActor } from '../../core/permissions.js';
import { collect, rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { counts, csv } from './testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

describeEachDialect('organisation import (offices) and export round trips', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const admin: RequestContext = { actor: systemActor('test'), requestId: null };
  const OFFICE_HEADERS = ['Code', 'Name', 'Kind', 'Region code', 'Country code', 'City'];

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-11-30T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedOrgWorld(services, 'OF');
    await services.people.create(admin, {
      full_name: 'Zoë "Zee" O’Brien, Jr.',
      email: 'zoe@example.org',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      job_title: '=HYPERLINK("x"); officer',
      governance_roles: ['focal_point', 'data_steward'],
      active: false,
    });
    await services.offices.update(admin, world.offices.kenya.id, {
      city: 'Nairobi',
      version: world.offices.kenya.version,
    });
  });

  it('creates and updates offices by code, resolving region codes, one audit event per change', async () => {
    const before = await counts(db());
    const report = await services.orgImport.import(
      admin,
      'offices',
      csv([
        OFFICE_HEADERS,
        ['ug-of', 'Uganda OF', 'Country office', world.regions.east.code.toLowerCase(), 'ug', 'Kampala'],
        ['HQ-LEGAL', 'Legal office', 'hq_department', '', '', ''],
        [world.offices.senegal.code, 'Sénégal OF', 'country_office', world.regions.west.code, 'SN', 'Dakar'],
        [world.offices.hq.code, world.offices.hq.name, 'hq_department', '', '', ''],
      ]),
    );
    expect(report).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 1, issues: [] });
    expect(await services.offices.findByCode(admin, 'UG-OF')).toMatchObject({
      name: 'Uganda OF',
      kind: 'country_office',
      region_id: world.regions.east.id,
      country_code: 'UG',
      city: 'Kampala',
    });
    expect(await services.offices.get(admin, world.offices.senegal.id)).toMatchObject({
      name: 'Sénégal OF',
      city: 'Dakar',
      version: world.offices.senegal.version + 1,
    });
    expect(await counts(db())).toMatchObject({ offices: before.offices + 2, audit: before.audit + 3 });
  });

  it('reports unknown regions, country offices without country, and new offices without kind; writes nothing', async () => {
    const file = csv([
      OFFICE_HEADERS,
      ['NEW-1', 'No region here', 'country_office', 'NOWHERE', 'KE', ''],
      ['NEW-2', 'No country', 'country_office', world.regions.east.code, '', ''],
      ['NEW-3', 'No kind', '', '', '', ''],
      ['NEW-4', 'Bad country', 'hq_department', '', 'XX', ''],
      [world.offices.ethiopia.code, 'Ethiopia out of region', '', '', 'ET', ''],
    ]);
    const before = await counts(db());
    const dry = await services.orgImport.import(admin, 'offices', file, { dryRun: true });
    expect(dry.issues.map(({ row, column, message }) => [row, column, message])).toEqual([
      [2, 'Region code', 'region NOWHERE was not found'],
      [3, 'Country code', 'a country office needs its ISO 3166-1 alpha-2 country code'],
      [4, 'Kind', 'Kind is required for a new office'],
      [5, 'Country code', 'use an ISO 3166-1 alpha-2 country code such as KE'],
      [6, 'Region code', 'a country office needs a region'],
    ]);
    expect(dry).toMatchObject({ rows: 5, created: 0, updated: 0, unchanged: 0 });
    expect(await rejected(services.orgImport.import(admin, 'offices', file))).toMatchObject({
      code: 'import_invalid',
    });
    expect(await counts(db())).toEqual(before);
  });

  for (const kind of ['people', 'offices'] as const)
    for (const format of ['xlsx', 'csv'] as const)
      it(`exports ${kind} as ${format}; importing the export changes nothing`, async () => {
        const exported = await services.orgImport.export(admin, kind, format);
        expect(exported.filename).toBe(`custos-${kind}-2026-11-30.${format}`);
        const bytes = await collect(exported.stream);
        const total = (await counts(db()))[kind];
        expect(exported.rowCount()).toBe(total);
        const before = await counts(db());
        const report = await services.orgImport.import(admin, kind, bytes);
        expect(report).toEqual({
          kind,
          dry_run: false,
          rows: total,
          created: 0,
          updated: 0,
          unchanged: total,
          issues: [],
        });
        expect(await counts(db())).toEqual(before);
      });

  it('exports people with their codes, roles and state in the import layout', async () => {
    const text = (await collect((await services.orgImport.export(admin, 'people', 'csv')).stream)).toString(
      'utf8',
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFE-mail,Full name,Office code,Department code,Job title,Governance roles,Active',
    );
    expect(lines).toContain(
      `zoe@example.org,"Zoë ""Zee"" O’Brien, Jr.",${world.offices.kenya.code},DATA,"'=HYPERLINK(""x""); officer",data_steward; focal_point,no`,
    );
  });
});
