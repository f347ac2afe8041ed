import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { actorFor, seedScorecardWorld, type ScorecardWorld } from './testing/scorecard-world.js';

const ctxOf = (actor: ReturnType<typeof actorFor>) => ({ actor, requestId: null });
const admin = ctxOf(actorFor('admin'));

describeEachDialect('scorecard service', ({ db }) => {
  let t: TestApp;
  let world: ScorecardWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedScorecardWorld(t.services, 'SC');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const scorecard = () => t.services.scorecard;

  it('scores every office of the organisation from the stored assets, on the clock’s date', async () => {
    const card = await scorecard().scorecard(admin, { by: 'office' });
    expect(card.as_of).toBe('2026-11-30');
    const byKey = new Map(card.groups.map((group) => [group.key, group]));
    expect(byKey.get('KE-SC')).toEqual({
      key: 'KE-SC',
      name: 'Kenya SC',
      assets: 2,
      score: 66.7,
      band: 'Fair',
      controls: {
        ownership: { passed: 1, applicable: 2 },
        documentation: { passed: 1, applicable: 2 },
        classification: { passed: 1, applicable: 2 },
        personal_data_safeguards: { passed: 1, applicable: 1 },
        review_freshness: { passed: 1, applicable: 2 },
        access_review: { passed: 1, applicable: 1 },
      },
    });
    expect(byKey.get('ET-SC')).toMatchObject({ assets: 1, score: 0, band: 'Critical' });
    expect(byKey.get('HQ-SC')).toMatchObject({ assets: 1, score: 75, band: 'Fair' });
    expect(card.overall.assets).toBe(4);
  });

  it('groups by region and by department with codes as keys (departments under their office)', async () => {
    const regions = await scorecard().scorecard(admin, { by: 'region' });
    expect(regions.groups.map((g) => [g.key, g.assets])).toEqual([
      ['ESC', 3],
      [null, 1], // HQ belongs to no region
    ]);
    const departments = await scorecard().scorecard(admin, { by: 'department' });
    expect(departments.groups.map((g) => [g.key, g.name, g.assets])).toEqual([
      ['KE-SC/DATA', 'Data unit kenya', 1],
      [null, null, 3],
    ]);
  });

  it('keeps to the caller’s offices, and narrows to one office or region by code', async () => {
    const kenyaOnly = ctxOf(actorFor('office_focal_point', [world.offices.kenya.id]));
    const card = await scorecard().scorecard(kenyaOnly, { by: 'office' });
    expect(card.groups.map((g) => g.key)).toEqual(['KE-SC']);
    expect(card.overall).toMatchObject({ assets: 2, score: 66.7 });
    expect((await scorecard().scorecard(admin, { by: 'office', office: 'ET-SC' })).overall.assets).toBe(1);
    const east = await scorecard().scorecard(admin, { by: 'office', region: 'ESC' });
    expect(east.groups.map((g) => g.key)).toEqual(['ET-SC', 'KE-SC']);
    const nobody = ctxOf(actorFor('viewer', []));
    expect((await scorecard().scorecard(nobody, { by: 'office' })).overall.assets).toBe(0);
  });

  it('scores on another date: a review 366 days old no longer counts', async () => {
    const card = await scorecard().scorecard(admin, { by: 'office', as_of: '2027-06-02', office: 'KE-SC' });
    expect(card.groups[0]!.controls.review_freshness).toEqual({ passed: 0, applicable: 2 });
  });

  it('explains one asset’s health per control, in the language asked for', async () => {
    const health = await scorecard().assetHealth(admin, world.assets.kenyaBare.id, { lang: 'fr' });
    expect(health).toMatchObject({ asset_id: world.assets.kenyaBare.id, as_of: '2026-11-30', score: 0 });
    const statuses = Object.fromEntries(health.controls.map((c) => [c.control, c.status]));
    expect(statuses).toEqual({
      ownership: 'FAIL',
      documentation: 'FAIL',
      classification: 'FAIL',
      personal_data_safeguards: 'NOT_APPLICABLE',
      review_freshness: 'FAIL',
      access_review: 'NOT_APPLICABLE',
    });
    const ownership = health.controls.find((c) => c.control === 'ownership')!;
    expect(ownership.title).toBe('Propriété');
    expect(ownership.reasons.map((r) => [r.code, r.message])).toEqual([
      ['ownership.missing_owner', "Aucun propriétaire des données n'est indiqué"],
      ['ownership.missing_custodian', "Aucun dépositaire des données n'est indiqué"],
    ]);
    const healthy = await scorecard().assetHealth(admin, world.assets.healthy.id, { lang: 'en' });
    expect(healthy.controls.every((c) => c.status === 'PASS' && c.reasons.length === 0)).toBe(true);
    expect(healthy).toMatchObject({ score: 100, band: 'Healthy' });
  });

  it('answers 404 for an asset outside the caller’s offices, as for one that does not exist', async () => {
    const kenyaOnly = ctxOf(actorFor('viewer', [world.offices.kenya.id]));
    await expect(
      scorecard().assetHealth(kenyaOnly, world.assets.ethiopiaBare.id, { lang: 'en' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      scorecard().assetHealth(admin, '0190f5d2-0000-7000-8000-000000000000', { lang: 'en' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists the controls with titles in three languages, their weight and due days, and the bands', async () => {
    const { controls, bands } = await scorecard().controls(ctxOf(actorFor('viewer')));
    expect(bands).toEqual({ healthy: 80, fair: 60, not_healthy: 40 });
    expect(controls.map((c) => c.id)).toEqual([
      'ownership',
      'documentation',
      'classification',
      'personal_data_safeguards',
      'review_freshness',
      'access_review',
    ]);
    expect(controls[0]).toMatchObject({
      title: { en: 'Ownership', fr: 'Propriété', es: 'Propiedad' },
      severity: 'high',
      weight: 1,
      enabled: true,
      due_days: 30,
      builtin: true,
    });
  });
});
