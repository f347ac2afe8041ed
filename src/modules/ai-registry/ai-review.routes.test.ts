import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import type { AiReviewSettings } from './ai-review.schema.js';
import type { AiClassification, AiSystem, AiSystemSummary } from './ai-system.schema.js';
import { HIGH_RISK_ANSWERS } from './testing/ai-world.js';

describeEachDialect('AI system reviews, public fields and the dashboard over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let officer: TestClient;
  let otherOfficer: TestClient;
  let kenyaFocal: TestClient;
  let senegalViewer: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedOrgWorld(t.services, 'AIV');
    admin = await t.signIn('admin');
    officer = await t.signIn('governance_officer');
    otherOfficer = await t.signIn('governance_officer');
    kenyaFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    senegalViewer = await t.signIn('viewer', { offices: [world.offices.senegal.id] });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const create = async (payload: object): Promise<AiSystem> => {
    const response = await kenyaFocal.request({ method: 'POST', url: '/api/ai-systems', payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  async function verify(system: AiSystem): Promise<void> {
    const base = `/api/ai-systems/${system.id}/classifications`;
    const draft: AiClassification = (
      await officer.request({
        method: 'POST',
        url: base,
        payload: { role: 'deployer', answers: HIGH_RISK_ANSWERS },
      })
    ).json();
    let version = draft.version;
    for (const [client, step] of [
      [officer, 'submit'],
      [otherOfficer, 'start-review'],
      [otherOfficer, 'verify'],
    ] as const) {
      const response = await client.request({
        method: 'POST',
        url: `${base}/${draft.number}/${step}`,
        payload: { version },
      });
      expect(response.statusCode, response.body).toBe(200);
      version = (response.json() as AiClassification).version;
    }
  }

  it('reads review settings for everyone, changes them for admins only, refusing bad months and stale versions', async () => {
    const read = await senegalViewer.request({ method: 'GET', url: '/api/ai-systems/review-settings' });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ version: 0, review_months: { high: 6, limited: 12, minimal: 24 } });
    const put = (client: TestClient, payload: object) =>
      client.request({ method: 'PUT', url: '/api/ai-systems/review-settings', payload });
    expect((await put(officer, { version: 0, review_months: { high: 3 } })).statusCode).toBe(403);
    for (const bad of [
      { version: 0, review_months: { high: -1 } },
      { version: 0, review_months: { high: 2.5 } },
      { version: 0, review_months: { critical: 3 } },
      { review_months: { high: 3 } },
    ])
      expect((await put(admin, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    const saved = await put(admin, { version: 0, review_months: { limited: 9 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<AiReviewSettings>()).toMatchObject({
      version: 1,
      review_months: { high: 6, limited: 9 },
    });
    const stale = await put(admin, { version: 0, review_months: { limited: 10 } });
    expect(stale.statusCode).toBe(409);
    expect((await put(admin, { version: 1, review_months: { limited: 12 } })).json().version).toBe(2);
  });

  it('checks reviews on demand for verifiers only and shows overdue reviews on the scoped dashboard', async () => {
    const check = (client: TestClient) =>
      client.request({ method: 'POST', url: '/api/ai-systems/reviews/check' });
    expect((await check(kenyaFocal)).statusCode).toBe(403);
    expect((await check(senegalViewer)).statusCode).toBe(403);

    const system = await create({
      name: 'Benefit triage',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      business_owner_id: world.people.kenya.id,
      lifecycle: 'production',
    });
    await verify(system);
    t.clock.set('2027-06-15T09:00:00.000Z');
    try {
      // Sessions of six months ago have expired: sign in again, on the later day.
      const officer = await t.signIn('governance_officer');
      const kenyaFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
      const senegalViewer = await t.signIn('viewer', { offices: [world.offices.senegal.id] });
      const run = await check(officer);
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json()).toMatchObject({ as_of: '2027-06-15', overdue: 1, actions: { opened: 1 } });
      const actions = await kenyaFocal.request({ method: 'GET', url: '/api/actions?source=ai_review' });
      expect(actions.json().items).toEqual([
        expect.objectContaining({
          subject_id: system.id,
          subject_name: 'Benefit triage',
          due_date: '2027-05-30',
        }),
      ]);

      const summary: AiSystemSummary = (
        await kenyaFocal.request({ method: 'GET', url: '/api/ai-systems/summary' })
      ).json();
      expect(summary.overdue_reviews).toEqual([
        {
          id: system.id,
          name: 'Benefit triage',
          office_id: world.offices.kenya.id,
          tier: 'high',
          next_review_date: '2027-05-30',
          owner_name: world.people.kenya.full_name,
        },
      ]);
      expect(summary.high_risk_without_assessment.map((s) => s.id)).toEqual([system.id]);
      expect(summary.by_office).toEqual([
        { office_id: world.offices.kenya.id, name: world.offices.kenya.name, count: summary.total },
      ]);
      expect(summary.by_department).toContainEqual({
        office_id: world.offices.kenya.id,
        department_id: world.departments.kenya.id,
        name: world.departments.kenya.name,
        count: 1,
      });
      // Another office's reader sees none of it.
      const other: AiSystemSummary = (
        await senegalViewer.request({ method: 'GET', url: '/api/ai-systems/summary' })
      ).json();
      expect(other).toMatchObject({ total: 0, overdue_reviews: [], high_risk_without_assessment: [] });

      // A DPIA with its reference takes it off the list.
      const documented = await kenyaFocal.request({
        method: 'PATCH',
        url: `/api/ai-systems/${system.id}`,
        payload: {
          version: (await kenyaFocal.request({ method: 'GET', url: `/api/ai-systems/${system.id}` })).json()
            .version,
          dpia_done: true,
          dpia_reference: 'DPIA-2027-04',
        },
      });
      expect(documented.statusCode, documented.body).toBe(200);
      const after: AiSystemSummary = (
        await kenyaFocal.request({ method: 'GET', url: '/api/ai-systems/summary' })
      ).json();
      expect(after.high_risk_without_assessment).toEqual([]);
    } finally {
      t.clock.set('2026-11-30T09:00:00.000Z');
    }
  });

  it('offers the AI usage catalogue’s apps to anyone who reads the register', async () => {
    const apps = await senegalViewer.request({ method: 'GET', url: '/api/ai-systems/usage-apps' });
    expect(apps.statusCode).toBe(200);
    expect(apps.json().items).toContainEqual({ id: 'chatgpt', name: expect.stringContaining('ChatGPT') });
  });

  it('publishes only the fields a system marks public, and refuses unknown field names', async () => {
    const system = await create({
      name: 'Public chatbot',
      public_description: 'Answers questions about services',
      purpose: 'PURPOSE-KEPT-PRIVATE',
      office_id: world.offices.kenya.id,
      business_owner_id: world.people.kenya.id,
      contract: 'CONTRACT-77',
      public: true,
    });
    expect(system.public_fields).toContain('public_description');
    expect(system.public_fields).not.toContain('business_owner_id');
    expect(system.public_fields).not.toContain('contract');
    await verify(system);
    const current: AiSystem = (
      await kenyaFocal.request({ method: 'GET', url: `/api/ai-systems/${system.id}` })
    ).json();
    const patch = (payload: object) =>
      kenyaFocal.request({ method: 'PATCH', url: `/api/ai-systems/${system.id}`, payload });
    expect((await patch({ version: current.version, public_fields: ['purpose', 'nope'] })).statusCode).toBe(
      400,
    );
    expect((await patch({ version: current.version, public_fields: ['tier', 'tier'] })).statusCode).toBe(400);
    const changed = await patch({
      version: current.version,
      public_fields: ['business_owner_id', 'public_description', 'tier'],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().public_fields).toEqual(['public_description', 'business_owner_id', 'tier']);

    const register = (
      await senegalViewer.request({ method: 'GET', url: '/api/ai-systems/public.json' })
    ).json() as { systems: Record<string, unknown>[] };
    expect(register.systems).toEqual([]); // the public register keeps to the reader's scope
    const json = (await officer.request({ method: 'GET', url: '/api/ai-systems/public.json' })).json() as {
      systems: Record<string, unknown>[];
    };
    expect(json.systems.find((s) => s.name === 'Public chatbot')).toEqual({
      name: 'Public chatbot',
      description: 'Answers questions about services',
      senior_responsible_owner: world.people.kenya.full_name,
      eu_ai_act_tier: 'high',
    });
    for (const format of ['json', 'csv', 'html']) {
      const body = (await officer.request({ method: 'GET', url: `/api/ai-systems/public.${format}` })).body;
      expect(body).toContain('Public chatbot');
      for (const hidden of ['PURPOSE-KEPT-PRIVATE', 'CONTRACT-77', world.offices.kenya.name])
        expect(body, format).not.toContain(hidden);
    }
  });
});
