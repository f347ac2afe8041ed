import { beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import type { OfficeRollout, RolloutProgress, Wave } from './rollout.schema.js';

/* `custos rollout ...` run in-process on both dialects: regions and offices by code, waves by number. */
describeCli('rollout commands', ({ custos, ok, json }) => {
  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('region add --code WCA --name', 'West and Central Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    await ok('office add --code UG-KLA --name Uganda --kind country_office --region ESA --country UG');
    await ok('office add --code SN-DKR --name Senegal --kind country_office --region WCA --country SN');
    await ok('person add --email amina@example.org --office KE-NBO --name', 'Amina Odhiambo');
  });

  it('adds, lists, changes and deletes waves by region and number', async () => {
    const added = await json<Wave>(
      'rollout wave add --region esa --number 1 --start 2026-09-01 --json --name',
      'Pilot',
    );
    expect(added).toMatchObject({ name: 'Pilot', number: 1, planned_start: '2026-09-01' });
    await ok('rollout wave add --region ESA --number 2 --name', 'Scale-up');
    expect(await ok('rollout waves --region ESA')).toMatch(/^ESA +2 +Scale-up/m);
    expect(await ok('rollout wave update ESA 2 --name', 'Second wave')).toMatch(
      /Updated wave 2 \(Second wave\)/,
    );
    const waves = await json<Wave[]>('rollout waves --json');
    expect(waves.map((w) => [w.number, w.name])).toEqual([
      [1, 'Pilot'],
      [2, 'Second wave'],
    ]);
    await ok('rollout wave delete ESA 2');
    const missing = await custos('rollout wave delete ESA 2');
    expect(missing.code).toBe(5);
  });

  it('sets offices, lists them with filters and shows the progress', async () => {
    const set = await json<OfficeRollout>(
      'rollout set KE-NBO --status onboarding --wave 1 --target 2020-01-31 --focal-point AMINA@example.org --json',
    );
    expect(set).toMatchObject({
      status: 'onboarding',
      wave_number: 1,
      focal_point_name: 'Amina Odhiambo',
      overdue: true,
    });
    await ok('rollout set UG-KLA --status complete --actual 2026-10-01 --wave 1');
    expect(
      (await json<OfficeRollout[]>('rollout offices --overdue --json')).map((o) => o.office_code),
    ).toEqual(['KE-NBO']);
    expect(
      (await json<OfficeRollout[]>('rollout offices --status complete --json')).map((o) => o.office_code),
    ).toEqual(['UG-KLA']);
    expect(await ok('rollout offices --region WCA')).toMatch(/^SN-DKR +Senegal +WCA +not_started/m);

    const progress = await json<RolloutProgress>('rollout progress --json');
    const esa = progress.regions.find((r) => r.region_code === 'ESA')!;
    expect(esa).toMatchObject({ offices: 2, percent_complete: 50 });
    expect(progress.regions.find((r) => r.region_code === 'WCA')!.waves).toEqual([]);
    const text = await ok('rollout progress --region ESA');
    expect(text).toMatch(/^ {2}wave 1: Pilot +2 +0 +1 +0 +1 +50% +1$/m);
    expect(text).toMatch(/KE-NBO Kenya: \d+ days \(target 2020-01-31, Amina Odhiambo\)/);
  });

  it('names the flag of a bad value, and refuses a wave still in use', async () => {
    const noActual = await custos('rollout set SN-DKR --status complete');
    expect(noActual.code).toBe(2);
    expect(noActual.stderr).toContain('--actual');
    const badWave = await custos('rollout set SN-DKR --wave 3');
    expect(badWave.code).toBe(5);
    expect(badWave.stderr).toContain('--wave');
    const inUse = await custos('rollout wave delete ESA 1');
    expect(inUse.code).toBe(6);
    expect(await custos('rollout set KE-NBO')).toMatchObject({ code: 2 });
  });
});
