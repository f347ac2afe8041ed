import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { fixedClock } from '../../core/clock.js';
import { rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import type { RiskCreate } from './risk.schema.js';
import { caller } from './testing/risk-world.js';

const UNKNOWN = '0190f5d2-0000-7000-8000-000000000000';

describeEachDialect('the risk register', ({ db }) => {
  let services: Services;
  let world: InventoryWorld;
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const officer = caller('governance_officer', 'officer@example.org');

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    world = await seedInventoryWorld(services, 'RSK');
  });

  const minimal = (extra: Partial<RiskCreate> = {}): RiskCreate => ({
    title: 'Beneficiary list shared by e-mail',
    category: 'data_protection',
    office_id: world.offices.kenya.id,
    inherent_likelihood: 4,
    inherent_impact: 5,
    ...extra,
  });
  const audited = async (id: string) =>
    (
      await db()
        .kysely.selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);

  it('records a risk with links, scores it, changes it, refuses stale versions and deletes it, auditing each step', async () => {
    const asset = await addAsset(services, {
      name: 'Case files',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
    });
    const system = await services.aiSystems.create(officer, {
      name: 'Triage bot',
      office_id: world.offices.kenya.id,
    });
    const risk = await services.risks.create(
      officer,
      minimal({
        owner_person_id: world.staff.kenyaOwner.id,
        residual_likelihood: 2,
        residual_impact: 3,
        asset_ids: [asset.id],
        ai_system_ids: [system.id],
        usage_app_ids: ['chatgpt'],
        office_ids: [world.offices.hq.id],
        next_review_date: '2027-03-01',
      }),
    );
    expect(risk).toMatchObject({
      inherent_score: 20,
      inherent_level: 'critical',
      residual_score: 6,
      residual_level: 'medium',
      level: 'medium',
      status: 'open',
      proposed_by: 'officer@example.org',
      asset_ids: [asset.id],
      ai_system_ids: [system.id],
      usage_app_ids: ['chatgpt'],
      office_ids: [world.offices.hq.id],
      needs_review: false,
      version: 1,
    });
    const same = await services.risks.update(officer, risk.id, { version: 1, title: risk.title });
    expect(same.version).toBe(1);
    const changed = await services.risks.update(officer, risk.id, {
      version: 1,
      residual_likelihood: null,
      residual_impact: null,
      asset_ids: [],
    });
    expect(changed).toMatchObject({ version: 2, level: 'critical', residual_level: null, asset_ids: [] });
    expect((await rejected(services.risks.update(officer, risk.id, { version: 1, title: 'x' }))).code).toBe(
      'version_conflict',
    );
    expect((await services.risks.get(officer, risk.id)).title).toBe(risk.title);
    await services.risks.remove(officer, risk.id, 2);
    expect((await rejected(services.risks.get(officer, risk.id))).code).toBe('not_found');
    expect(await audited(risk.id)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad references and half-rated residuals, writing nothing', async () => {
    const before = await db().kysely.selectFrom('risks').select('id').execute();
    for (const [input, code] of [
      [minimal({ residual_likelihood: 2 }), 'validation_failed'],
      [minimal({ owner_person_id: world.staff.departed.id }), 'validation_failed'],
      [minimal({ asset_ids: [UNKNOWN] }), 'validation_failed'],
      [minimal({ ai_system_ids: [UNKNOWN] }), 'validation_failed'],
      [minimal({ usage_app_ids: ['no-such-app'] }), 'validation_failed'],
      [minimal({ office_ids: [UNKNOWN] }), 'validation_failed'],
      [
        minimal({ department_id: world.departments.kenya.id, office_id: world.offices.senegal.id }),
        'validation_failed',
      ],
      [minimal({ office_id: UNKNOWN }), 'not_found'],
    ] as const)
      expect((await rejected(services.risks.create(officer, input))).code).toBe(code);
    expect(await db().kysely.selectFrom('risks').select('id').execute()).toHaveLength(before.length);
  });

  it('keeps each caller to the offices in scope and refuses roles without the permission', async () => {
    const kenyaFocal = caller('office_focal_point', 'kenya@example.org', {
      offices: [world.offices.kenya.id],
    });
    const hidden = await services.risks.create(
      officer,
      minimal({ office_id: world.offices.senegal.id, title: 'Senegal only' }),
    );
    expect((await rejected(services.risks.get(kenyaFocal, hidden.id))).code).toBe('not_found');
    const listed = await services.risks.list(kenyaFocal, {});
    expect(listed.items.map((r) => r.id)).not.toContain(hidden.id);
    expect(
      (await rejected(services.risks.create(kenyaFocal, minimal({ office_id: world.offices.senegal.id }))))
        .code,
    ).toBe('not_found');
    const viewer = caller('viewer', 'viewer@example.org');
    expect((await rejected(services.risks.create(viewer, minimal()))).code).toBe('forbidden');
    expect((await services.risks.list(viewer, { category: 'data_protection' })).items.length).toBeGreaterThan(
      0,
    );
  });

  it('lets only the owner or a governance officer who did not propose it accept a risk, with a future expiry', async () => {
    const focal = caller('office_focal_point', 'focal@example.org', {
      offices: [world.offices.kenya.id],
      personId: world.staff.custodianA.id,
    });
    const risk = await services.risks.create(focal, minimal({ owner_person_id: world.staff.kenyaOwner.id }));
    expect(risk.proposer_person_id).toBe(world.staff.custodianA.id);
    const accept = {
      version: 1,
      justification: 'Cost of control exceeds the harm',
      expires_on: '2027-06-30',
    };
    // The proposer cannot sign, even as a governance officer under another label.
    const proposerAsOfficer = caller('governance_officer', 'other@example.org', {
      personId: world.staff.custodianA.id,
    });
    expect((await rejected(services.risks.accept(proposerAsOfficer, risk.id, accept))).code).toBe(
      'four_eyes_required',
    );
    expect(
      (
        await rejected(
          services.risks.accept(caller('governance_officer', 'focal@example.org'), risk.id, accept),
        )
      ).code,
    ).toBe('four_eyes_required');
    // A focal point who is not the owner lacks the permission.
    const otherFocal = caller('office_focal_point', 'o@example.org', { offices: [world.offices.kenya.id] });
    expect((await rejected(services.risks.accept(otherFocal, risk.id, accept))).code).toBe('forbidden');
    expect(
      (await rejected(services.risks.accept(officer, risk.id, { ...accept, expires_on: '2026-11-30' }))).code,
    ).toBe('validation_failed');
    expect((await rejected(services.risks.accept(officer, risk.id, { ...accept, version: 9 }))).code).toBe(
      'version_conflict',
    );
    expect((await services.risks.get(officer, risk.id)).acceptances).toEqual([]);
    // The owner (a focal point with risk.write) signs.
    const owner = caller('office_focal_point', 'owner@example.org', {
      offices: [world.offices.kenya.id],
      personId: world.staff.kenyaOwner.id,
    });
    const accepted = await services.risks.accept(owner, risk.id, accept);
    expect(accepted).toMatchObject({
      status: 'accepted',
      treatment: 'accept',
      acceptance_expires_on: '2027-06-30',
      needs_review: false,
      version: 2,
      acceptances: [
        {
          signed_by: 'owner@example.org',
          signer_person_id: world.staff.kenyaOwner.id,
          expires_on: '2027-06-30',
        },
      ],
    });
    expect(await audited(risk.id)).toEqual(['create', 'accept']);
    // Once the acceptance expires the risk needs review and counts as overdue.
    clock.set('2027-07-01T09:00:00.000Z');
    try {
      expect((await services.risks.get(officer, risk.id)).needs_review).toBe(true);
      const overdue = await services.risks.list(officer, { overdue: true });
      expect(overdue.items.map((r) => r.id)).toContain(risk.id);
      expect((await services.risks.summary(officer)).overdue_reviews.map((r) => r.id)).toContain(risk.id);
    } finally {
      clock.set('2026-11-30T09:00:00.000Z');
    }
  });

  it('opens an action for each treatment in its owner’s actions and closes it when done', async () => {
    const risk = await services.risks.create(officer, minimal({ title: 'Unpatched server' }));
    const treatment = await services.riskTreatments.add(officer, risk.id, {
      description: 'Patch the file server',
      owner_person_id: world.staff.custodianB.id,
      due_date: '2026-11-01',
    });
    expect(treatment).toMatchObject({ status: 'planned', overdue: true });
    const open = await services.actions.list(officer, {
      source: 'risk',
      assignee: world.staff.custodianB.id,
      limit: 50,
    });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({
      subject_type: 'risk',
      subject_id: risk.id,
      subject_name: 'Unpatched server',
      due_date: '2026-11-01',
      overdue: true,
      code_title: { en: 'Patch the file server' },
    });
    expect((await services.risks.list(officer, { overdue: true })).items.map((r) => r.id)).toContain(risk.id);
    const summary = await services.risks.summary(officer);
    expect(summary.overdue_treatments.map((t) => t.id)).toContain(treatment.id);
    const moved = await services.riskTreatments.update(officer, risk.id, treatment.id, {
      version: 1,
      due_date: '2027-01-15',
    });
    expect(moved.overdue).toBe(false);
    expect(
      (await services.actions.list(officer, { source: 'risk', subject: risk.id, limit: 50 })).items[0]
        ?.due_date,
    ).toBe('2027-01-15');
    expect(
      (
        await rejected(
          services.riskTreatments.update(officer, risk.id, treatment.id, { version: 1, status: 'done' }),
        )
      ).code,
    ).toBe('version_conflict');
    await services.riskTreatments.update(officer, risk.id, treatment.id, { version: 2, status: 'done' });
    const closed = await services.actions.list(officer, { source: 'risk', subject: risk.id, limit: 50 });
    expect(closed.items.map((a) => [a.status, a.close_reason])).toEqual([['closed', 'resolved']]);
  });

  it('counts open risks into inherent and residual heat maps, by category and office', async () => {
    const hq = caller('governance_officer', 'hq@example.org', { offices: [world.offices.hq.id] });
    await services.risks.create(
      officer,
      minimal({
        office_id: world.offices.hq.id,
        category: 'ai',
        inherent_likelihood: 1,
        inherent_impact: 2,
        residual_likelihood: 1,
        residual_impact: 1,
      }),
    );
    await services.risks.create(
      officer,
      minimal({ office_id: world.offices.hq.id, category: 'ai', inherent_likelihood: 1, inherent_impact: 2 }),
    );
    const closed = await services.risks.create(
      officer,
      minimal({ office_id: world.offices.hq.id, status: 'closed' }),
    );
    const summary = await services.risks.summary(hq);
    expect(summary.total).toBe(2);
    expect(summary.heat_map.inherent[0]?.[1]).toBe(2);
    expect(summary.heat_map.residual[0]?.[0]).toBe(1);
    expect(summary.heat_map.residual.flat().reduce((a, b) => a + b, 0)).toBe(1);
    expect(summary.by_category).toEqual({ ai: 2 });
    expect(summary.by_status).toEqual({ open: 2, closed: 1 });
    expect(summary.by_office).toEqual([{ office_id: world.offices.hq.id, count: 2 }]);
    expect(closed.status).toBe('closed');
  });

  it('raises a risk from another module’s finding, proposed by the caller', async () => {
    const risk = await services.risks.createFromFinding(officer, {
      title: 'No DPIA for the triage bot',
      category: 'ai',
      office_id: world.offices.ethiopia.id,
      source: 'assessment:42',
    });
    expect(risk).toMatchObject({
      source: 'assessment:42',
      status: 'open',
      inherent_score: 9,
      proposed_by: 'officer@example.org',
    });
  });
});
