import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { computeScorecard } from '../scorecard/compute-scorecard.js';
import { defaultControls } from '../scorecard/default-controls.js';
import type { ScoredAsset } from '../scorecard/scored-asset.js';
import type { DemoLoadResult } from './demo.service.js';
import { demoHistoryDates } from './demo-scorecard-history.js';

describeEachDialect('demo organisation loader', ({ db }) => {
  let t: TestApp;
  let first: DemoLoadResult;
  const ctx = { actor: systemActor('test'), requestId: null };
  /** The focal point of one office: sees that office only. */
  const officeFocalPoint = (officeId: string) => ({
    actor: {
      ...ctx.actor,
      role: 'office_focal_point' as const,
      scope: { kind: 'offices' as const, officeIds: new Set([officeId]), regionIds: new Set<string>() },
    },
    requestId: null,
  });

  beforeAll(async () => {
    t = await createTestApp(db());
    first = await t.services.demo.load(ctx);
    // Thousands of audited assets: seconds on a quiet machine, much longer on a busy one.
  }, 600_000);
  afterAll(async () => {
    await t.app.close();
  });

  it('loads 9 regions, at least 150 offices, about 500 people and one sign-in per role', async () => {
    const count = async (table: 'regions' | 'offices' | 'people' | 'users') =>
      Number(
        (
          await db()
            .kysely.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(first.loaded_organisation).toBe(true);
    expect(await count('regions')).toBe(9);
    expect(await count('offices')).toBeGreaterThanOrEqual(150);
    expect(await count('people')).toBe(500);
    expect(first.logins.map((l) => l.role).sort()).toEqual([
      'admin',
      'auditor',
      'data_custodian',
      'governance_officer',
      'office_focal_point',
      'regional_focal_point',
      'viewer',
    ]);
    expect(first.password).toMatch(/^\S{20}$/);
  });

  it('audits every record it creates', async () => {
    const events = await db()
      .kysely.selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'person')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(500);
  });

  it('rolls the inventory out in some regions, with offices in every status and some overdue', async () => {
    const progress = await t.services.rollout.progress(ctx);
    const rolledOut = progress.regions.filter((r) => r.waves.length > 0).map((r) => r.region_code);
    expect(rolledOut.sort()).toEqual(['CWA', 'EHA', 'MENA', 'SA']);
    expect(progress.regions.filter((r) => r.region_id !== null && r.waves.length === 0)).toHaveLength(5);
    expect(Object.values(progress.overall.by_status).every((n) => n > 0)).toBe(true);
    expect(progress.overall.overdue.length).toBeGreaterThan(0);
  });

  it('assesses the EU AI Act for the organisation and the GDPR for Senegal, partly, and the office sees its own', async () => {
    // Newest first: the EU AI Act assessment is written first.
    const assessments = (await t.services.compliance.list(ctx)).items;
    expect(assessments.map((a) => [a.framework_id, a.office_code])).toEqual([
      ['gdpr', 'CO-SN'],
      ['eu-ai-act', null],
    ]);
    for (const a of assessments) {
      expect(a.owner_name).not.toBeNull();
      expect(a.progress.unassessed).toBeGreaterThan(0);
      expect(a.progress.unassessed).toBeLessThan(a.progress.total);
    }
    const senegal = (await t.services.offices.findByCode(ctx, 'CO-SN'))!;
    const focal = officeFocalPoint(senegal.id);
    expect((await t.services.compliance.list(focal)).items.map((a) => a.framework_id)).toEqual(['gdpr']);
  });

  it('links compliance requirements to risks of the register and attaches evidence files', async () => {
    const [gdpr, aiAct] = (await t.services.compliance.list(ctx)).items;
    const org = await t.services.compliance.get(ctx, aiAct!.id);
    const fria = org.requirements.find((r) => r.requirement_id === 'eu-ai-act.art-27')!;
    expect(fria.risk_ids.length).toBeGreaterThan(0);
    for (const riskId of fria.risk_ids)
      expect((await t.services.risks.get(ctx, riskId)).title).toBe(
        'Vendor model used to rank applicants for assistance',
      );
    expect(org.requirements.filter((r) => r.risk_ids.length > 0).length).toBeGreaterThanOrEqual(5);

    // The Senegal review links the risks it raised in its office: the office's focal point sees them.
    const senegal = (await t.services.offices.findByCode(ctx, 'CO-SN'))!;
    const focal = officeFocalPoint(senegal.id);
    const office = await t.services.compliance.get(focal, gdpr!.id);
    const linked = office.requirements.flatMap((r) => r.risk_ids);
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const riskId of linked) {
      const risk = await t.services.risks.get(focal, riskId);
      expect([risk.office_id, risk.source]).toEqual([senegal.id, `compliance:${gdpr!.id}`]);
    }

    const files = [...org.requirements, ...office.requirements].flatMap((r) =>
      r.evidence.flatMap((e) => (e.kind === 'file' ? [{ requirement: r.requirement_id, ...e }] : [])),
    );
    expect(files.map((f) => f.name).sort()).toEqual([
      'ai-literacy-completion-2026-q3.csv',
      'privacy-notice-registration-extract.md',
      'prohibited-practices-screening.md',
      'records-of-processing-CO-SN.csv',
    ]);
    const inventory = files.find((f) => f.name === 'records-of-processing-CO-SN.csv')!;
    const stored = await t.services.compliance.evidenceFile(
      focal,
      gdpr!.id,
      inventory.requirement,
      inventory.sha256,
    );
    expect(stored.type).toBe('text/csv');
    expect(stored.content.toString('utf8')).toMatch(/^activity,purpose,lawful_basis/);
  });

  it('loads a data inventory of thousands of assets in many offices, through the audited bulk path', async () => {
    const rows = await db()
      .kysely.selectFrom('assets')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('system_id').as('held'),
        eb.fn.count<number>('office_id').distinct().as('offices'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(first.counts.assets);
    expect(first.counts.assets).toBeGreaterThanOrEqual(3000);
    expect(Number(rows.held)).toBeGreaterThan(Number(rows.n) / 2);
    expect(Number(rows.offices)).toBeGreaterThanOrEqual(100);
    const audited = await db()
      .kysely.selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'asset')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(first.counts.assets);
  });

  it('scores regions unevenly: some healthy, some critical, some with few or no assets', async () => {
    const rows = await db()
      .kysely.selectFrom('assets')
      .innerJoin('offices', 'offices.id', 'assets.office_id')
      .leftJoin('regions', 'regions.id', 'offices.region_id')
      .select([
        'assets.id',
        'assets.description',
        'assets.purpose',
        'assets.system_id',
        'assets.data_owner_id',
        'assets.data_custodian_id',
        'assets.focal_point_id',
        'assets.sensitivity_label',
        'assets.personal_data',
        'assets.legal_basis',
        'assets.retention',
        'assets.last_reviewed',
        'assets.last_access_review',
        'offices.code as office_code',
        'offices.name as office_name',
        'regions.code as region_code',
        'regions.name as region_name',
      ])
      .execute();
    const scored: ScoredAsset[] = rows.map((row) => ({
      ...row,
      office_key: row.office_code,
      region_key: row.region_code,
      department_key: null,
      department_name: null,
      personal_data: row.personal_data === 1,
      fields: {},
    }));
    const asOf = t.services.clock.now().toISOString().slice(0, 10);
    const card = computeScorecard(scored, { by: 'region', asOf, controls: defaultControls() });
    const scores = card.groups.filter((g) => g.assets >= 100).map((g) => g.score ?? 0);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThanOrEqual(30);
    expect(card.groups.map((g) => g.band)).toEqual(expect.arrayContaining(['Healthy', 'Critical']));
    const regions = await db().kysely.selectFrom('regions').select('code').execute();
    const assetsIn = new Map(card.groups.map((g) => [g.key, g.assets]));
    const small = regions.filter((r) => (assetsIn.get(r.code) ?? 0) < rows.length * 0.03);
    expect(small.length).toBeGreaterThanOrEqual(2);
    expect(regions.some((r) => !assetsIn.has(r.code))).toBe(true);
  });

  it('makes the data custodian sign-in the custodian of assets of its office', async () => {
    const login = first.logins.find((l) => l.role === 'data_custodian')!;
    const user = await db()
      .kysely.selectFrom('users')
      .select('person_id')
      .where('email', '=', login.email)
      .executeTakeFirstOrThrow();
    const kept = await db()
      .kysely.selectFrom('assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('data_custodian_id', '=', user.person_id)
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBeGreaterThan(0);
  });

  it('scores twelve weeks of a made-up past and today, so trends rise to today and custodians have open actions', async () => {
    const today = t.services.clock.now().toISOString().slice(0, 10);
    const snapshots = await db()
      .kysely.selectFrom('scorecard_snapshots')
      .select(['date', 'assets', 'score'])
      .where('dimension', '=', 'organisation')
      .orderBy('date')
      .execute();
    expect(snapshots.map((s) => s.date)).toEqual([...demoHistoryDates(today), today]);
    const [oldest, latest] = [snapshots[0]!, snapshots.at(-1)!];
    expect(oldest.assets).toBeLessThan(latest.assets);
    expect(Number(oldest.score)).toBeLessThan(Number(latest.score));
    const open = await db()
      .kysely.selectFrom('actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .where('source', '=', 'scorecard')
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(first.counts.actions);
    expect(first.counts.actions).toBeGreaterThan(100);
  });

  it('shows a completed DPIA with evidence and findings, and an AI impact assessment in draft', async () => {
    const items = await t.services.assessments.list(ctx);
    expect(first.counts.assessments).toBe(2);
    expect(items.map((a) => [a.template_id, a.status]).sort()).toEqual([
      ['ai-impact', 'draft'],
      ['dpia', 'completed'],
    ]);
    const dpia = await t.services.assessments.get(ctx, items.find((a) => a.template_id === 'dpia')!.id);
    expect(dpia.evidence.map((e) => e.name).sort()).toEqual(['data-flow.md', 'retention-schedule.csv']);
    expect(dpia.findings.map((f) => f.severity).sort()).toEqual(['high', 'medium']);
    expect(dpia.versions.map((v) => v.revision)).toEqual([1]);
  });

  it('registers AI systems with overdue reviews turned into actions, a high-risk system without DPIA, and public fields', async () => {
    expect(first.counts.ai_systems).toBe(6);
    const summary = await t.services.aiSystems.summary(ctx);
    expect(summary.overdue_reviews.map((r) => r.name).toSorted()).toEqual([
      'Case intake chatbot',
      'Resettlement eligibility scoring',
    ]);
    expect(summary.high_risk_without_assessment.map((r) => r.name)).toEqual([
      'Resettlement eligibility scoring',
    ]);
    // The six systems of the register's demo, plus the usage demo's DeepL (approved, not classified).
    expect(summary.by_tier).toMatchObject({ high: 2, limited: 1, minimal: 1, unclassified: 3 });
    expect(summary.by_classification_status).toMatchObject({ verified: 4, submitted: 1, none: 2 });
    const reviews = await t.services.actions.list(ctx, { source: 'ai_review', status: 'open', limit: 10 });
    expect(reviews.items).toHaveLength(2);
    for (const action of reviews.items) expect(action.assignee_person_id).not.toBeNull();
    const register = JSON.parse((await t.services.aiSheets.publicRegister(ctx, 'json')).body as string) as {
      systems: Record<string, unknown>[];
    };
    const byName = new Map(register.systems.map((s) => [s.name, s]));
    expect([...byName.keys()].toSorted()).toEqual([
      'CV screening assistant',
      'Case intake chatbot',
      'Document translation helper',
    ]);
    expect(byName.get('CV screening assistant')).toHaveProperty('senior_responsible_owner');
    expect(byName.get('CV screening assistant')).not.toHaveProperty('contract');
    // Languages and countries are public by default; alternatives and risks stay private.
    expect(byName.get('Case intake chatbot')).toMatchObject({ languages: 'en; fr; es; ar' });
    expect(byName.get('Case intake chatbot')!.countries).toMatch(/^[A-Z]{2}$/);
    expect(byName.get('Case intake chatbot')).not.toHaveProperty('risks');
    expect(byName.get('Case intake chatbot')).not.toHaveProperty('alternatives_considered');
    expect(Object.keys(byName.get('Document translation helper')!).toSorted()).toEqual([
      'description',
      'eu_ai_act_tier',
      'name',
      'phase',
    ]);
  });

  it('approves DeepL in the AI registry and ingests eight weeks of proxy log with a one-off key', async () => {
    expect(first.usage).toMatchObject({ ai_system: 'DeepL Pro for document translation', key: 'one-off' });
    expect(first.usage!.lines).toBeGreaterThan(50_000);
    const report = await t.services.usageReport.report(ctx, {
      from: new Date(t.services.clock.now().getTime() - 28 * 86_400_000).toISOString().slice(0, 10),
      to: t.services.clock.now().toISOString().slice(0, 10),
      suppress: false,
      lang: 'en',
    });
    // ChatGPT is approved with conditions by the registry's case intake chatbot; Claude is not reviewed.
    const status = new Map(report.apps.map((a) => [a.app_id, a.status]));
    expect(status.get('chatgpt')).toBe('approved_with_conditions');
    expect(status.get('claude')).toBe('not_reviewed');
    expect(status.get('microsoft-365-copilot')).toBe('approved');
    expect(status.get('otter')).toBe('unapproved');
    expect(new Set(report.departments.map((d) => d.office)).size).toBeGreaterThanOrEqual(6);
    expect(first.usage!.alert_actions).toBeGreaterThanOrEqual(2);
  });

  it('records about forty risks across offices and categories, some overdue and a few accepted by a second person', async () => {
    expect(first.counts.risks).toBe(40);
    const officer = { actor: { ...ctx.actor }, requestId: null };
    const summary = await t.services.risks.summary(officer);
    expect(Object.keys(summary.by_category).length).toBeGreaterThanOrEqual(5);
    expect(summary.by_office.length).toBeGreaterThanOrEqual(10);
    expect(summary.overdue_treatments.length).toBeGreaterThan(0);
    expect(summary.overdue_reviews.length).toBeGreaterThan(0);
    const accepted = await t.services.risks.list(officer, { status: 'accepted' });
    expect(accepted.items.length).toBeGreaterThan(0);
    expect(accepted.items.every((risk) => risk.proposed_by !== 'demo-governance-officer')).toBe(true);
    const linked = await t.services.risks.list(officer, { limit: 100 });
    expect(linked.items.filter((risk) => risk.asset_ids.length > 0).length).toBeGreaterThan(20);
  });

  it('shows finished scans with proposed and confirmed labels, and access violations as actions', async () => {
    const scans = (await t.services.scans.list(ctx, {})).items;
    expect(scans.map((s) => [s.status, s.dataset_count, s.confirmed_count, s.error_count])).toEqual([
      ['succeeded', 1, 0, 1],
      ['succeeded', 3, 2, 0],
    ]);
    const labelled = (await t.services.scans.get(ctx, scans[1]!.id)).datasets[0]!;
    const asset = await t.services.assets.get(ctx, labelled.asset_id!);
    expect(asset.sensitivity_label).toBe('Confidential');
    const access = await t.services.actions.list(ctx, { source: 'access', subject: asset.id, limit: 50 });
    expect(access.items.length).toBeGreaterThanOrEqual(2);
    expect(access.items.every((a) => a.assignee_person_id === asset.data_custodian_id)).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const again = await t.services.demo.load(ctx);
    expect(again).toMatchObject({ loaded_organisation: false, usage: null, logins: [], password: null });
  });

  it('gives the regional focal point sign-in only the offices of its region', async () => {
    const login = first.logins.find((l) => l.role === 'regional_focal_point')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: login.email, password: first.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'custos_session')!.value;
    const offices = await t.app.inject({
      method: 'GET',
      url: '/api/offices?limit=500',
      headers: { cookie: `custos_session=${cookie}` },
    });
    const items = offices.json().items as { region_id: string | null }[];
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(60);
    expect(new Set(items.map((o) => o.region_id)).size).toBe(1);
  });

  it('is refused to anyone but an administrator', async () => {
    await expect(
      t.services.demo.load({ actor: { ...systemActor('x'), role: 'governance_officer' }, requestId: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
