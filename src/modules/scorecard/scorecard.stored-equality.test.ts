import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prng } from '../../core/prng.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { OFFICE_KEYS } from '../org/testing/org-world.js';
import type { AssetCreateInput } from '../inventory/asset.bulk.js';
import { SENSITIVITY_LABELS, type Asset } from '../inventory/asset.schema.js';
import { seedCtx } from '../inventory/testing/inventory-world.js';
import { computeScorecard } from './compute-scorecard.js';
import { defaultControls } from './default-controls.js';
import type { ScoredAsset } from './scored-asset.js';
import { actorFor, seedScorecardWorld, type ScorecardWorld } from './testing/scorecard-world.js';

/*
 * The scorecard the service serves from the database must be exactly the pure scorer's over the same
 * assets. The reference reads every asset through the inventory's own API and maps it by hand, so it
 * shares nothing with the scorecard repository's reading (columns, office/region/department lookups,
 * office and region filters).
 */
const admin = { actor: actorFor('admin'), requestId: null };
const DATES = [null, '2026-11-30', '2026-06-01', '2025-12-01', '2025-11-30', '2024-02-29'];
// Scoring on an earlier date than some reviews covers the future-date failures (input refuses them).
const AS_OFS = ['2026-12-01', '2025-12-15'];
const TEXTS = [
  null,
  'Short',
  'Exactly twenty chars',
  'A description long enough to pass',
  'Études démographiques — São Tomé',
];

describeEachDialect('scorecard from the database equals the pure scorer', ({ db }) => {
  let t: TestApp;
  let world: ScorecardWorld;
  let reference: ScoredAsset[];

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedScorecardWorld(t.services, 'EQ');
    const rng = new Prng(42);
    const maybe = <T>(value: T, chance = 0.7) => (rng.next() < chance ? value : undefined);
    const staff = Object.values(world.staff).filter((person) => person.active);
    const inputs: AssetCreateInput[] = Array.from({ length: 240 }, (_, i) => {
      const office = OFFICE_KEYS[rng.int(0, OFFICE_KEYS.length - 1)]!;
      return {
        name: `Random asset ${i}`,
        asset_type: 'dataset',
        office_id: world.offices[office].id,
        department_id: maybe(world.departments[office].id, 0.4),
        description: rng.pick(TEXTS) ?? undefined,
        purpose: maybe('Case management'),
        system_id: maybe(world.assets.system.id, 0.5),
        data_owner_id: maybe(rng.pick(staff).id),
        data_custodian_id: maybe(rng.pick(staff).id),
        focal_point_id: maybe(world.people[office].id, 0.3),
        sensitivity_label: maybe(rng.pick(SENSITIVITY_LABELS)),
        personal_data: rng.next() < 0.5,
        legal_basis: maybe('Consent', 0.6),
        retention: maybe('5 years', 0.6),
        last_reviewed: rng.pick(DATES) ?? undefined,
        last_access_review: rng.pick(DATES) ?? undefined,
      };
    });
    await t.services.assets.createMany(seedCtx, inputs);

    const assets: Asset[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.services.assets.list(admin, { limit: 100, cursor });
      assets.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    const offices = new Map(Object.values(world.offices).map((office) => [office.id, office]));
    const regions = new Map(Object.values(world.regions).map((region) => [region.id, region]));
    const departments = new Map(Object.values(world.departments).map((unit) => [unit.id, unit]));
    reference = assets.map((asset) => {
      const office = offices.get(asset.office_id)!;
      const region = office.region_id ? regions.get(office.region_id)! : null;
      const unit = asset.department_id ? departments.get(asset.department_id)! : null;
      return {
        id: asset.id,
        office_key: office.code,
        office_name: office.name,
        region_key: region?.code ?? null,
        region_name: region?.name ?? null,
        department_key: unit ? `${office.code}/${unit.code}` : null,
        department_name: unit?.name ?? null,
        description: asset.description,
        purpose: asset.purpose,
        system_id: asset.system_id,
        data_owner_id: asset.data_owner_id,
        data_custodian_id: asset.data_custodian_id,
        focal_point_id: asset.focal_point_id,
        sensitivity_label: asset.sensitivity_label,
        personal_data: asset.personal_data,
        legal_basis: asset.legal_basis,
        retention: asset.retention,
        last_reviewed: asset.last_reviewed,
        last_access_review: asset.last_access_review,
        fields: {},
      };
    });
  }, 120_000);
  afterAll(async () => {
    await t.app.close();
  });

  const expected = (
    by: 'office' | 'region' | 'department' | 'organisation',
    assets = reference,
    asOf = '2026-12-01',
  ) => computeScorecard(assets, { by, asOf, controls: defaultControls() });

  it.each(['office', 'region', 'department', 'organisation'] as const)('by %s', async (by) => {
    expect(reference.length).toBeGreaterThanOrEqual(244);
    for (const asOf of AS_OFS) {
      const card = await t.services.scorecard.scorecard(admin, { by, as_of: asOf });
      expect(card).toEqual(expected(by, reference, asOf));
    }
  });

  it('narrowed to one region, one office, or the offices of a focal point', async () => {
    const east = world.regions.east.code;
    expect(
      await t.services.scorecard.scorecard(admin, { by: 'office', region: east, as_of: '2026-12-01' }),
    ).toEqual(
      expected(
        'office',
        reference.filter((asset) => asset.region_key === east),
      ),
    );
    const kenya = world.offices.kenya.code;
    expect(
      await t.services.scorecard.scorecard(admin, { by: 'department', office: kenya, as_of: '2026-12-01' }),
    ).toEqual(
      expected(
        'department',
        reference.filter((asset) => asset.office_key === kenya),
      ),
    );
    const focal = {
      actor: actorFor('office_focal_point', [world.offices.ethiopia.id, world.offices.hq.id]),
      requestId: null,
    };
    expect(await t.services.scorecard.scorecard(focal, { by: 'office', as_of: '2026-12-01' })).toEqual(
      expected(
        'office',
        reference.filter((asset) =>
          [world.offices.ethiopia.code, world.offices.hq.code].includes(asset.office_key!),
        ),
      ),
    );
  });
});
