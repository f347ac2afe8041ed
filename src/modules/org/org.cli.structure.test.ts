import { expect, it } from 'vitest';
import type { Department, Office, Region } from './org.schema.js';
import { describeCli } from '../../cli/testing/in-process.js';

/*
 * `custos region|office|department ...` run in-process on both dialects: argument mapping, codes
 * resolved to records, exit codes and messages in the words of the command line, the audit trail.
 */
describeCli('region, office and department commands', ({ custos, ok, json, services, ctx }) => {
  it('adds, renames, re-codes and deletes a region, auditing each change as the CLI operator', async () => {
    await ok('region add --code EHOA --name', 'East and Horn of Africa');
    const renamed = await json<Region>('region update ehoa --code EHA --json --name', 'East & Horn');
    expect(renamed).toMatchObject({ code: 'EHA', name: 'East & Horn', version: 2 });
    expect(await ok('region list')).toMatch(/^CODE +NAME +VERSION\nEHA +East & Horn +2$/m);
    expect(await ok('region delete EHA')).toBe('Deleted region EHA\n');
    expect(await json<Region[]>('region list --json')).toEqual([]);

    const events = await services()
      .db.kysely.selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', renamed.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(events.every((e) => e.actor_label.startsWith('cli:'))).toBe(true);
  });

  it('refuses a stale --version with exit 6 naming the region by code, and changes nothing', async () => {
    await ok('region add --code WCA --name', 'West and Central Africa');
    const stale = await custos('region update WCA --name Lost --version 3');
    expect(stale.code).toBe(6);
    expect(stale.stderr).toContain('region WCA was changed by someone else (your version 3, current 1)');
    expect(await services().regions.findByCode(ctx, 'WCA')).toMatchObject({
      name: 'West and Central Africa',
      version: 1,
    });
    const staleDelete = await custos('region delete WCA --version 2');
    expect(staleDelete.code).toBe(6);
    expect(await services().regions.findByCode(ctx, 'WCA')).toBeDefined();
  });

  it('refuses an update without changes, a bad --version, a bad code and an unknown code', async () => {
    await ok('region add --code LAC --name', 'Latin America');
    const nothing = await custos('region update LAC');
    expect(nothing).toMatchObject({
      code: 2,
      stderr: 'custos: Nothing to change: give at least one of --name, --code\n',
    });
    const badVersion = await custos('region delete LAC --version two');
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toMatch(/^custos: --version: /);
    const lowerCase = await custos('region add --code asia --name Asia');
    expect(lowerCase.code).toBe(2);
    expect(lowerCase.stderr).toContain('--code: use 2–16 capital letters');
    const unknown = await custos('region delete NOPE');
    expect(unknown).toMatchObject({ code: 5, stderr: 'custos: region NOPE was not found\n' });
    expect(await services().regions.findByCode(ctx, 'LAC')).toMatchObject({ version: 1 });
  });

  it('adds offices, lists them by region, kind and search, and shows one', async () => {
    await ok('region add --code MENA --name', 'Middle East and North Africa');
    await ok(
      'office add --code jo-amm --kind country_office --region mena --country jo --city Amman --name',
      'Jordan Country Office',
    );
    const hq = await json<Office>('office add --code HQ-LEGAL --name Legal --kind hq_department --json');
    expect(hq).toMatchObject({ code: 'HQ-LEGAL', region_id: null, country_code: null, city: null });

    const codes = async (filters: string) =>
      (await json<Office[]>(`office list --json ${filters}`)).map((o) => o.code);
    expect(await codes('--region MENA')).toEqual(['JO-AMM']);
    expect(await codes('--kind hq_department')).toEqual(['HQ-LEGAL']);
    expect(await codes('--q amman')).toEqual(['JO-AMM']);
    expect(await codes('')).toEqual(['JO-AMM', 'HQ-LEGAL']); // by name: Jordan…, Legal
    expect(await ok('office list')).toMatch(
      /^JO-AMM +Jordan Country Office +country_office +MENA +JO +Amman$/m,
    );
    const shown = await ok('office show jo-amm');
    expect(shown).toMatch(/^Code: +JO-AMM$/m);
    expect(shown).toMatch(/^Region: +MENA$/m);
    expect(await json<Office>('office show JO-AMM --json')).toMatchObject({ code: 'JO-AMM', version: 1 });
  });

  it('updates only the office fields given, clearing with --no-<field>', async () => {
    await ok('region add --code APAC --name', 'Asia Pacific');
    await ok(
      'office add --code PH-MNL --name Philippines --kind country_office --region APAC --country PH --city Manila',
    );
    await ok('office add --code HQ-HR --name HR --kind hq_department');
    const updated = await json<Office>('office update PH-MNL --no-city --json --name', 'Philippines CO');
    expect(updated).toMatchObject({ name: 'Philippines CO', city: null, country_code: 'PH', version: 2 });
    const apac = await services().regions.findByCode(ctx, 'APAC');
    const placed = await json<Office>('office update HQ-HR --region APAC --country CH --json');
    expect(placed).toMatchObject({ region_id: apac?.id, country_code: 'CH', version: 2 });
    const unplaced = await json<Office>('office update HQ-HR --no-region --no-country --json');
    expect(unplaced).toMatchObject({ region_id: null, country_code: null, version: 3 });
    // A country office keeps its region: the service's rule, reported by flag.
    const orphan = await custos('office update PH-MNL --no-region');
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--region: a country office needs a region');
  });

  it('names the flag of a bad or missing office field and of an unknown region, and writes nothing', async () => {
    const badCountry = await custos('office add --code XX-1 --name N --kind hq_department --country XX');
    expect(badCountry.code).toBe(2);
    expect(badCountry.stderr).toContain('--country: use an ISO 3166-1 alpha-2 country code such as KE');
    const badKind = await custos('office add --code XX-2 --name N --kind embassy');
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/^custos: --kind: /);
    const noRegion = await custos('office add --code XX-3 --name N --kind country_office --country KE');
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain('--region: a country office needs a region');
    const unknownRegion = await custos(
      'office add --code XX-4 --name N --kind hq_department --region ATLANTIS',
    );
    expect(unknownRegion).toMatchObject({
      code: 5,
      stderr: 'custos: --region: region ATLANTIS was not found\n',
    });
    const unknownFilter = await custos('office list --region ATLANTIS');
    expect(unknownFilter.code).toBe(5);
    const missing = await custos('office show NOPE-1');
    expect(missing).toMatchObject({ code: 5, stderr: 'custos: office NOPE-1 was not found\n' });
    const duplicate = await custos('office add --code XX-5 --name N --kind hq_department');
    expect(duplicate.code).toBe(0);
    const again = await custos('office add --code xx-5 --name N --kind hq_department');
    expect(again).toMatchObject({ code: 6, stderr: 'custos: An office with code XX-5 already exists\n' });
    for (const code of ['XX-1', 'XX-2', 'XX-3', 'XX-4'])
      expect(await services().offices.findByCode(ctx, code)).toBeUndefined();
  });

  it('manages the departments of an office by code, refusing to delete an office that has some', async () => {
    await ok('office add --code HQ-IT --name IT --kind hq_department');
    expect(await ok('department add --office hq-it --code ops --name Operations')).toBe(
      'Added department OPS (Operations) to office HQ-IT\n',
    );
    expect(await ok('department list --office HQ-IT')).toMatch(/^OPS +Operations +1$/m);
    await ok('department update OPS --office HQ-IT --name', 'IT Operations');
    expect(await json<Department[]>('department list --office HQ-IT --json')).toMatchObject([
      { code: 'OPS', name: 'IT Operations', version: 2 },
    ]);
    const inUse = await custos('office delete HQ-IT');
    expect(inUse).toMatchObject({
      code: 6,
      stderr: 'custos: Office HQ-IT still has 1 department(s); move or delete them first\n',
    });
    const unknown = await custos('department delete SALES --office HQ-IT');
    expect(unknown).toMatchObject({
      code: 5,
      stderr: 'custos: department SALES of office HQ-IT was not found\n',
    });
    const unknownOffice = await custos('department list --office NOPE-2');
    expect(unknownOffice).toMatchObject({
      code: 5,
      stderr: 'custos: --office: office NOPE-2 was not found\n',
    });
    expect(await ok('department delete OPS --office HQ-IT')).toBe('Deleted department OPS of office HQ-IT\n');
    expect(await ok('department list --office HQ-IT')).toBe('Office HQ-IT has no departments.\n');
    expect(await ok('office delete HQ-IT')).toBe('Deleted office HQ-IT\n');
    expect(await services().offices.findByCode(ctx, 'HQ-IT')).toBeUndefined();
  });
});
