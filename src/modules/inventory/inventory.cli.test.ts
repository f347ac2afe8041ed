import { beforeAll, expect, it } from 'vitest';
import type { Asset } from './asset.schema.js';
import { describeCli } from '../../cli/testing/in-process.js';

/* `custos asset ...` run in-process on both dialects: offices by code, people by e-mail, assets by id. */
describeCli('asset commands', ({ custos, ok, json, services, ctx }) => {
  let system: Asset;

  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    await ok('office add --code UG-KLA --name Uganda --kind country_office --region ESA --country UG');
    await ok('office add --code HQ-DPO --name Privacy --kind hq_department');
    await ok('department add --office KE-NBO --code DATA --name', 'Data unit');
    await ok('person add --email amina@example.org --office KE-NBO --name', 'Amina Odhiambo');
    await ok('person add --email okello@example.org --office UG-KLA --name', 'Okello Peter');
    system = await json<Asset>(
      'asset add --type application --office KE-NBO --owner AMINA@example.org --custodian okello@example.org --json --name',
      'PRIMA case management',
    );
  });

  it('adds an asset with every option, inheriting owners from its system, and shows it', async () => {
    const added = await json<Asset>(
      `asset add --type dataset --office ke-nbo --department data --system ${system.id} --label confidential --personal-data yes --special health --special protection_gbv --subject beneficiaries_migrants --tag cash --tag CVA --last-reviewed 2026-01-15 --json --name`,
      'Beneficiary registry',
      '--description',
      'Households registered for cash',
      '--legal-basis',
      'Vital interest',
      '--hosting',
      'Azure West Europe',
    );
    const amina = await services().people.findByEmail(ctx, 'amina@example.org');
    expect(added).toMatchObject({
      name: 'Beneficiary registry',
      system_id: system.id,
      data_owner_id: amina!.id,
      sensitivity_label: 'Confidential',
      personal_data: true,
      special_categories: ['health', 'protection_gbv'],
      data_subjects: ['beneficiaries_migrants'],
      tags: ['cash', 'CVA'],
      legal_basis: 'Vital interest',
      hosting_location: 'Azure West Europe',
      last_reviewed: '2026-01-15',
    });
    const shown = await ok(`asset show ${added.id}`);
    expect(shown).toMatch(/^System: +PRIMA case management \(.+\)$/m);
    expect(shown).toMatch(/^Office: +KE-NBO$/m);
    expect(shown).toMatch(/^Department: +DATA$/m);
    expect(shown).toMatch(/^Owner: +amina@example\.org$/m);
    expect(shown).toMatch(/^Custodian: +okello@example\.org$/m);
    expect(shown).toMatch(/^Special categories: +health, protection_gbv$/m);
    expect(await json<Asset>(`asset show ${added.id} --json`)).toEqual(added);
  });

  it('lists with a search and filters, as JSON and as a table', async () => {
    await ok(
      'asset add --type paper_records --office UG-KLA --tag listing --name',
      'Paper archive of García',
    );
    await ok(
      `asset add --type dataset --office KE-NBO --system ${system.id} --tag listing --label Confidential --personal-data yes --name`,
      'Registry copy',
    );
    const names = async (filters: string, ...args: string[]) =>
      (await json<Asset[]>(`asset list --json ${filters}`, ...args)).map((a) => a.name);
    expect(await names('--q', 'listing prima')).toEqual(['Registry copy']);
    expect(await names('--q', 'GARCÍA listing')).toEqual(['Paper archive of García']);
    expect(await names('--q listing --office UG-KLA')).toEqual(['Paper archive of García']);
    expect(await names('--q listing --region esa --label unlabelled')).toEqual(['Paper archive of García']);
    expect(await names('--q listing --label', 'confidential')).toEqual(['Registry copy']);
    expect(await names('--q listing --personal-data no')).toEqual(['Paper archive of García']);
    expect(await names('--q listing --type dataset --owner amina@example.org')).toEqual(['Registry copy']);
    expect(await names(`--q listing --system ${system.id}`)).toEqual(['Registry copy']);
    expect(await names('--type application')).toEqual(['PRIMA case management']);
    expect(await ok('asset list --q listing --office UG-KLA')).toMatch(
      /^ID +NAME +TYPE +OFFICE +LABEL +PERSONAL +OWNER\n\S+ +Paper archive of García +paper_records +UG-KLA +no$/m,
    );
    expect(await ok('asset list --q nothing-matches-this')).toBe('No assets.\n');
  });

  it('updates only the options given, clears with --no-<flag>, and refuses a stale --version', async () => {
    const asset = await json<Asset>(
      'asset add --type dataset --office KE-NBO --tag old --purpose Reporting --json --name',
      'Survey',
    );
    const updated = await json<Asset>(
      `asset update ${asset.id} --no-tag --no-purpose --label public --owner okello@example.org --json`,
    );
    expect(updated).toMatchObject({
      name: 'Survey',
      tags: [],
      purpose: null,
      sensitivity_label: 'Public',
      version: 2,
    });
    const stale = await custos(`asset update ${asset.id} --name Late --version 1`);
    expect(stale.code).toBe(6);
    expect(stale.stderr).toContain('was changed by someone else');
    const nothing = await custos(`asset update ${asset.id}`);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^custos: Nothing to change/);
    const moved = await custos(`asset update ${asset.id} --office UG-KLA`);
    expect(moved.code).toBe(0);
  });

  it('names the flag of each bad option and changes nothing', async () => {
    const before = (await json<Asset[]>('asset list --json')).length;
    const cases: [string, number, RegExp][] = [
      ['asset add --name X --type table --office KE-NBO', 2, /^custos: --type: /],
      ['asset add --name X --type dataset --office NOPE', 5, /^custos: --office: office NOPE was not found/],
      [
        'asset add --name X --type dataset --office KE-NBO --owner ghost@example.org',
        5,
        /^custos: --owner: person ghost@example\.org/,
      ],
      ['asset add --name X --type dataset --office KE-NBO --label secret', 2, /^custos: --label: use one of/],
      [
        'asset add --name X --type dataset --office KE-NBO --personal-data maybe',
        2,
        /^custos: --personal-data: use yes or no/,
      ],
      ['asset add --name X --type dataset --office KE-NBO --special finance', 2, /^custos: --special: /],
      [
        'asset add --name X --type dataset --office KE-NBO --last-reviewed 2030-01-01',
        2,
        /^custos: --last-reviewed: .*future/,
      ],
      [
        'asset add --name X --type dataset --office KE-NBO --special health',
        2,
        /^custos: --special: special-category data/,
      ],
      ['asset add --name X --type dataset --office KE-NBO --department NOPE', 5, /^custos: --department: /],
      ['asset add --name X --type dataset --office KE-NBO --system not-a-uuid', 2, /^custos: --system: /],
      ['asset list --label nope', 2, /^custos: --label: /],
    ];
    for (const [line, code, stderr] of cases) {
      const result = await custos(line);
      expect(result.code, line).toBe(code);
      expect(result.stderr, line).toMatch(stderr);
    }
    expect((await json<Asset[]>('asset list --json')).length).toBe(before);
  });

  it('pushes ownership from a system and deletes assets, a system only once empty', async () => {
    const notOnAdd = await custos(`asset add --type dataset --office KE-NBO --no-owner --name Held`);
    expect(notOnAdd.code).toBe(1);
    expect(notOnAdd.stderr).toContain("unknown option '--no-owner'");
    const child = await json<Asset>(
      `asset add --type dataset --office KE-NBO --system ${system.id} --json --name`,
      'Child',
    );
    await ok(`asset update ${child.id} --no-owner`);
    const pushed = await json<{ changed: number }>(
      `asset push-ownership ${system.id} --field owner --mode only_empty --json`,
    );
    expect(pushed.changed).toBe(1);
    expect((await services().assets.get(ctx, child.id)).data_owner_id).toBe(system.data_owner_id);
    const badField = await custos(`asset push-ownership ${system.id} --field boss --mode overwrite`);
    expect(badField.code).toBe(2);
    expect(badField.stderr).toMatch(/^custos: --field: /);

    const refused = await custos(`asset delete ${system.id}`);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain('is the system of');
    expect(await ok(`asset delete ${child.id}`)).toBe(`Deleted asset ${child.id} (Child)\n`);
    const gone = await custos(`asset show ${child.id}`);
    expect(gone).toMatchObject({ code: 5, stderr: `custos: asset ${child.id} was not found\n` });
  });
});
