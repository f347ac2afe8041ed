import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { fixedClock } from '../../core/clock.js';
import { rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import { as } from './testing/ai-world.js';

const UNKNOWN = '0190f5d2-0000-7000-8000-000000000000';

describeEachDialect('the AI systems register', ({ db }) => {
  let services: Services;
  let world: InventoryWorld;
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const admin = as('admin', 'admin@example.org');

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    world = await seedInventoryWorld(services, 'AIS');
  });

  const minimal = (extra: object = {}) => ({
    name: 'Chat assistant',
    office_id: world.offices.kenya.id,
    ...extra,
  });
  const auditCount = async (id: string) =>
    (await db().kysely.selectFrom('audit_events').select('action').where('entity_id', '=', id).execute())
      .length;

  it('creates a system with every field, reads it back, changes and deletes it, auditing each change', async () => {
    const asset = await addAsset(services, {
      name: 'Case files',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
    });
    const created = await services.aiSystems.create(admin, {
      name: 'Eligibility helper',
      public_description: 'Helps staff check eligibility',
      purpose: 'Faster, consistent checks',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      business_owner_id: world.staff.kenyaOwner.id,
      technical_owner_id: world.staff.custodianA.id,
      provider: 'Acme AI',
      contract: 'C-2026-14',
      models: [{ name: 'GPT-4o', provider: 'OpenAI', general_purpose: true }],
      deployment: 'saas',
      lifecycle: 'pilot',
      users: 'Caseworkers',
      affected_people: ['staff', 'migrants_beneficiaries'],
      decisions_informed: 'Eligibility for assistance',
      human_oversight: 'A caseworker decides',
      personal_data: true,
      approval_status: 'approved_with_conditions',
      approval_conditions: 'No special categories',
      dpia_done: true,
      dpia_reference: 'DPIA-7',
      usage_app_ids: ['chatgpt'],
      data_asset_ids: [asset.id],
      languages: ['en', 'sw'],
      countries: ['KE'],
      alternatives_considered: 'Manual checks only',
      risks_and_mitigations: 'Wrong refusals; a caseworker reviews each',
      public: true,
    });
    expect(created).toMatchObject({
      name: 'Eligibility helper',
      languages: ['en', 'sw'],
      countries: ['KE'],
      alternatives_considered: 'Manual checks only',
      risks_and_mitigations: 'Wrong refusals; a caseworker reviews each',
      affected_people: ['migrants_beneficiaries', 'staff'],
      models: [{ name: 'GPT-4o', provider: 'OpenAI', general_purpose: true }],
      personal_data: true,
      dpia_done: true,
      public: true,
      tier: null,
      next_review_date: null,
      version: 1,
    });
    expect(await services.aiSystems.get(admin, created.id)).toEqual(created);
    const changed = await services.aiSystems.update(admin, created.id, {
      version: 1,
      lifecycle: 'production',
      contract: '',
    });
    expect(changed).toMatchObject({ lifecycle: 'production', contract: null, version: 2 });
    const unchanged = await services.aiSystems.update(admin, created.id, {
      version: 2,
      lifecycle: 'production',
    });
    expect(unchanged.version).toBe(2);
    await services.aiSystems.remove(admin, created.id, 2);
    expect((await rejected(services.aiSystems.get(admin, created.id))).code).toBe('not_found');
    expect(await auditCount(created.id)).toBe(3);
  });

  it('defaults languages and countries to none, publishes them but not alternatives or risks, audits their changes', async () => {
    const system = await services.aiSystems.create(admin, minimal());
    expect(system).toMatchObject({
      languages: [],
      countries: [],
      alternatives_considered: null,
      risks_and_mitigations: null,
    });
    expect(system.public_fields).toEqual(expect.arrayContaining(['languages', 'countries']));
    expect(system.public_fields).not.toContain('alternatives_considered');
    expect(system.public_fields).not.toContain('risks_and_mitigations');
    const changed = await services.aiSystems.update(admin, system.id, {
      version: 1,
      languages: ['fr', 'ar'],
      countries: ['SN', 'ML'],
      risks_and_mitigations: 'Mistranslation; a native speaker checks',
    });
    expect(changed).toMatchObject({ languages: ['fr', 'ar'], countries: ['SN', 'ML'], version: 2 });
    const same = await services.aiSystems.update(admin, system.id, { version: 2, countries: ['SN', 'ML'] });
    expect(same.version).toBe(2);
    const cleared = await services.aiSystems.update(admin, system.id, {
      version: 2,
      languages: [],
      risks_and_mitigations: '',
    });
    expect(cleared).toMatchObject({ languages: [], risks_and_mitigations: null, version: 3 });
    const stale = await rejected(services.aiSystems.update(admin, system.id, { version: 2, countries: [] }));
    expect(stale.code).toBe('version_conflict');
    expect((await services.aiSystems.get(admin, system.id)).countries).toEqual(['SN', 'ML']);
    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_id', '=', system.id)
      .execute();
    expect(events.map((e) => e.action).toSorted()).toEqual(['create', 'update', 'update']);
    expect(events.some((e) => e.after_json?.includes('"countries":["SN","ML"]'))).toBe(true);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const system = await services.aiSystems.create(admin, minimal());
    await services.aiSystems.update(admin, system.id, { version: 1, name: 'First' });
    const stale = await rejected(services.aiSystems.update(admin, system.id, { version: 1, name: 'Second' }));
    expect(stale.code).toBe('version_conflict');
    expect((await rejected(services.aiSystems.remove(admin, system.id, 1))).code).toBe('version_conflict');
    expect((await services.aiSystems.get(admin, system.id)).name).toBe('First');
  });

  it('keeps systems of other offices out of sight: lists leave them out, reads and writes answer 404', async () => {
    const senegal = await services.aiSystems.create(
      admin,
      minimal({ name: 'Senegal bot', office_id: world.offices.senegal.id }),
    );
    const kenyaFocal = as('office_focal_point', 'focal@example.org', [world.offices.kenya.id]);
    const listed = await services.aiSystems.list(kenyaFocal, { limit: 500 });
    expect(listed.items.map((s) => s.office_id).every((id) => id === world.offices.kenya.id)).toBe(true);
    expect((await rejected(services.aiSystems.get(kenyaFocal, senegal.id))).code).toBe('not_found');
    expect(
      (await rejected(services.aiSystems.update(kenyaFocal, senegal.id, { version: 1, name: 'x' }))).code,
    ).toBe('not_found');
    const placed = await rejected(
      services.aiSystems.create(kenyaFocal, minimal({ office_id: world.offices.senegal.id })),
    );
    expect(placed).toMatchObject({ code: 'not_found', details: { field: 'office_id' } });
    expect((await services.aiSystems.create(kenyaFocal, minimal())).office_id).toBe(world.offices.kenya.id);
  });

  it('refuses writes to roles without ai.write, and reads to none', async () => {
    for (const role of ['viewer', 'auditor', 'data_custodian'] as const) {
      const ctx = as(role, `${role}@example.org`);
      expect((await rejected(services.aiSystems.create(ctx, minimal()))).code).toBe('forbidden');
      expect((await services.aiSystems.list(ctx, {})).items.length).toBeGreaterThan(0);
    }
  });

  it('checks references: department of the office, active people, visible assets, catalogue apps', async () => {
    const bad = await rejected(
      services.aiSystems.create(
        admin,
        minimal({
          department_id: world.departments.senegal.id,
          business_owner_id: world.staff.departed.id,
          technical_owner_id: UNKNOWN,
          data_asset_ids: [UNKNOWN],
          usage_app_ids: ['no-such-app'],
          approval_status: 'approved_with_conditions',
        }),
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect((bad.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'department_id',
      'business_owner_id',
      'technical_owner_id',
      'data_asset_ids',
      'usage_app_ids',
      'approval_conditions',
    ]);
  });

  it('searches and filters, with keyset pages', async () => {
    const tag = 'Zebrafinch';
    for (const [i, lifecycle] of (['idea', 'pilot', 'production'] as const).entries())
      await services.aiSystems.create(admin, minimal({ name: `${tag} ${i}`, lifecycle, provider: 'Élan' }));
    const found = await services.aiSystems.list(admin, { q: 'zebrafinch elan', limit: 2 });
    expect(found.items.map((s) => s.name)).toEqual([`${tag} 0`, `${tag} 1`]);
    const next = await services.aiSystems.list(admin, {
      q: 'zebrafinch',
      limit: 2,
      cursor: found.next_cursor ?? '',
    });
    expect(next.items.map((s) => s.name)).toEqual([`${tag} 2`]);
    expect(next.next_cursor).toBeNull();
    const pilots = await services.aiSystems.list(admin, { q: tag, lifecycle: 'pilot' });
    expect(pilots.items.map((s) => s.name)).toEqual([`${tag} 1`]);
    const unclassified = await services.aiSystems.list(admin, { q: tag, tier: 'unclassified' });
    expect(unclassified.items).toHaveLength(3);
    expect((await services.aiSystems.list(admin, { q: tag, tier: 'high' })).items).toHaveLength(0);
  });
});
