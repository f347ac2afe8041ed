import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import { csv, multipartBody } from '../org/testing/org-import.js';
import type { AiClassification, AiSystem } from './ai-system.schema.js';
import { HIGH_RISK_ANSWERS } from './testing/ai-world.js';

describeEachDialect('the AI systems register over HTTP', ({ db }) => {
  let t: TestApp;
  let officer: TestClient;
  let otherOfficer: TestClient;
  let kenyaFocal: TestClient;
  let viewer: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedOrgWorld(t.services, 'AIH');
    officer = await t.signIn('governance_officer');
    otherOfficer = await t.signIn('governance_officer');
    kenyaFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const create = (client: TestClient, payload: object) =>
    client.request({ method: 'POST', url: '/api/ai-systems', payload });
  const step = (client: TestClient, id: string, n: number, name: string, payload: object) =>
    client.request({ method: 'POST', url: `/api/ai-systems/${id}/classifications/${n}/${name}`, payload });

  it('registers, reads, lists, changes and deletes a system; refuses stale versions, bad input and other roles', async () => {
    const created = await create(kenyaFocal, {
      name: 'Translation bot',
      office_id: world.offices.kenya.id,
      lifecycle: 'pilot',
      affected_people: ['public'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const system: AiSystem = created.json();
    expect((await officer.request({ method: 'GET', url: `/api/ai-systems/${system.id}` })).json()).toEqual(
      system,
    );
    const list = await officer.request({
      method: 'GET',
      url: '/api/ai-systems?q=translation&lifecycle=pilot',
    });
    expect(list.json().items.map((s: AiSystem) => s.id)).toEqual([system.id]);
    const patched = await kenyaFocal.request({
      method: 'PATCH',
      url: `/api/ai-systems/${system.id}`,
      payload: { version: 1, lifecycle: 'production' },
    });
    expect(patched.json()).toMatchObject({ lifecycle: 'production', version: 2 });
    const stale = await kenyaFocal.request({
      method: 'PATCH',
      url: `/api/ai-systems/${system.id}`,
      payload: { version: 1, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const bad = await create(officer, { name: '', office_id: 'nope', lifecycle: 'someday', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect((await create(viewer, { name: 'x', office_id: world.offices.kenya.id })).statusCode).toBe(403);
    const hidden = await create(officer, { name: 'Senegal tool', office_id: world.offices.senegal.id });
    expect(
      (await kenyaFocal.request({ method: 'GET', url: `/api/ai-systems/${hidden.json().id}` })).statusCode,
    ).toBe(404);
    expect(
      (await officer.request({ method: 'GET', url: '/api/ai-systems?review_overdue=maybe' })).statusCode,
    ).toBe(400);
    const removed = await kenyaFocal.request({
      method: 'DELETE',
      url: `/api/ai-systems/${system.id}?version=2`,
    });
    expect(removed.statusCode).toBe(204);
  });

  it('runs the four-eyes classification workflow and publishes only public, verified systems with public fields', async () => {
    const system: AiSystem = (
      await create(officer, {
        name: 'Registration assistant',
        public_description: 'Suggests <b>answers</b> to caseworkers',
        purpose: 'Speed up registration',
        office_id: world.offices.kenya.id,
        provider: 'Acme',
        contract: 'SECRET-CONTRACT-42',
        dpia_reference: 'DPIA-INTERNAL-9',
        users: 'Caseworkers',
        public: true,
      })
    ).json();
    const unlisted: AiSystem = (
      await create(officer, { name: 'Internal only', office_id: world.offices.kenya.id, public: false })
    ).json();
    const base = `/api/ai-systems/${system.id}/classifications`;
    const bad = await officer.request({
      method: 'POST',
      url: base,
      payload: { role: 'deployer', answers: { 'no.such': true } },
    });
    expect(bad.statusCode).toBe(400);
    const draft = await officer.request({
      method: 'POST',
      url: base,
      payload: { role: 'deployer', answers: HIGH_RISK_ANSWERS },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ number: 1, tier: 'high', status: 'draft' });
    const submitted: AiClassification = (await step(officer, system.id, 1, 'submit', { version: 1 })).json();
    const own = await step(officer, system.id, 1, 'start-review', { version: submitted.version });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('four_eyes_required');
    expect(
      (await step(kenyaFocal, system.id, 1, 'start-review', { version: submitted.version })).statusCode,
    ).toBe(403);
    const reviewing: AiClassification = (
      await step(otherOfficer, system.id, 1, 'start-review', { version: submitted.version })
    ).json();
    expect(
      (await step(otherOfficer, system.id, 1, 'request-changes', { version: reviewing.version })).statusCode,
    ).toBe(400);
    const verified = await step(otherOfficer, system.id, 1, 'verify', { version: reviewing.version });
    expect(verified.json()).toMatchObject({ status: 'verified' });
    expect((await officer.request({ method: 'GET', url: `${base}/1` })).json().status).toBe('verified');
    expect((await officer.request({ method: 'GET', url: `${base}/7` })).statusCode).toBe(404);
    // The unlisted system is verified too, but not public.
    await officer.request({
      method: 'POST',
      url: `/api/ai-systems/${unlisted.id}/classifications`,
      payload: { role: 'deployer', answers: {} },
    });
    const u1 = (await step(officer, unlisted.id, 1, 'submit', { version: 1 })).json();
    const u2 = (await step(otherOfficer, unlisted.id, 1, 'start-review', { version: u1.version })).json();
    await step(otherOfficer, unlisted.id, 1, 'verify', { version: u2.version });

    const json = await viewer.request({ method: 'GET', url: '/api/ai-systems/public.json' });
    expect(json.statusCode).toBe(200);
    const register = json.json() as { systems: Record<string, unknown>[] };
    expect(register.systems.map((s) => s.name)).toEqual(['Registration assistant']);
    expect(register.systems[0]).toMatchObject({
      description: 'Suggests <b>answers</b> to caseworkers',
      organisation: world.offices.kenya.name,
      supplier_or_developer: 'Acme',
      eu_ai_act_tier: 'high',
    });
    for (const format of ['json', 'csv', 'html']) {
      const body = (await viewer.request({ method: 'GET', url: `/api/ai-systems/public.${format}` })).body;
      for (const secret of [
        'SECRET-CONTRACT-42',
        'DPIA-INTERNAL-9',
        'Caseworkers',
        'Internal only',
        system.id,
        world.offices.kenya.id,
      ])
        expect(body).not.toContain(secret);
    }
    const html = await viewer.request({ method: 'GET', url: '/api/ai-systems/public.html' });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Suggests &#60;b&#62;answers&#60;/b&#62;');
    expect(html.body).not.toMatch(/<script|<b>/i);

    const summary = await viewer.request({ method: 'GET', url: '/api/ai-systems/summary' });
    expect(summary.json()).toMatchObject({ high_risk_without_dpia: 1 });
    expect(summary.json().by_tier.high).toBe(1);
    const noDpia = await viewer.request({ method: 'GET', url: '/api/ai-systems?no_dpia=true' });
    expect(noDpia.json().items.map((s: AiSystem) => s.id)).toEqual([system.id]);
  });

  it('refuses bad language and country codes with 400 naming the field, and round-trips them through the spreadsheet', async () => {
    const bad = await create(officer, {
      name: 'Interpreter',
      office_id: world.offices.kenya.id,
      languages: ['en', 'english'],
      countries: ['KE', 'ZZ'],
    });
    expect(bad.statusCode).toBe(400);
    const issues: { path: string; message: string }[] = bad.json().error.details.issues;
    expect(issues.map((i) => i.path)).toEqual(['body.languages.1', 'body.countries.1']);
    expect(issues[0]!.message).toContain('"english" is not an ISO 639-1 language code');
    expect(issues[1]!.message).toContain('"ZZ" is not an ISO 3166-1 alpha-2 country code');
    const openapi = (await officer.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = openapi.paths['/api/ai-systems'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(documented.properties)).toEqual(
      expect.arrayContaining(['languages', 'countries', 'alternatives_considered', 'risks_and_mitigations']),
    );

    const created = await create(officer, {
      name: 'Interpreter',
      office_id: world.offices.kenya.id,
      languages: ['en', 'so'],
      countries: ['ke', 'SO'],
      alternatives_considered: 'Human interpreters only',
      risks_and_mitigations: 'Mistranslation, checked by a native speaker',
    });
    expect(created.statusCode, created.body).toBe(201);
    const system: AiSystem = created.json();
    expect(system).toMatchObject({ languages: ['en', 'so'], countries: ['KE', 'SO'] });

    const exported = await officer.request({ method: 'GET', url: '/api/ai-systems/export.csv' });
    const body = exported.body.replace(/^\uFEFF/, '');
    const header = body.split(/\r?\n/)[0]!;
    for (const column of ['Languages', 'Countries', 'Alternatives considered', 'Risks and mitigations'])
      expect(header).toContain(column);
    expect(body).toContain('en; so');
    expect(body).toContain('KE; SO');
    const upload = (content: Buffer | string, dryRun = false) =>
      officer.request({
        method: 'POST',
        url: `/api/ai-systems/import?dry_run=${dryRun}`,
        ...multipartBody({ filename: 'ai.csv', contentType: 'text/csv', content: Buffer.from(content) }),
      });
    const back = await upload(body);
    expect(back.json(), back.body).toMatchObject({ created: 0, updated: 0, issues: [] });
    const edited = csv([
      ['Id', 'Name', 'Office code', 'Languages', 'Countries', 'Risks and mitigations'],
      [system.id, 'Interpreter', world.offices.kenya.code, 'fr; AR', 'sn', ''],
    ]);
    expect((await upload(edited)).json()).toMatchObject({ updated: 1, issues: [] });
    expect(
      (await officer.request({ method: 'GET', url: `/api/ai-systems/${system.id}` })).json(),
    ).toMatchObject({
      languages: ['fr', 'ar'],
      countries: ['SN'],
      alternatives_considered: 'Human interpreters only',
      risks_and_mitigations: null,
    });
    const wrong = await upload(
      csv([
        ['Id', 'Name', 'Office code', 'Countries'],
        [system.id, 'Interpreter', world.offices.kenya.code, 'KE; Kenya'],
      ]),
      true,
    );
    expect(wrong.json().issues).toMatchObject([
      { row: 2, column: 'Countries', message: expect.stringContaining('"Kenya" is not an ISO 3166-1') },
    ]);
  });

  it('exports the register and imports it back: dry run lists problems by row and column, all or nothing', async () => {
    await create(officer, {
      name: 'Export me',
      office_id: world.offices.ethiopia.id,
      usage_app_ids: ['chatgpt'],
    });
    const exported = await officer.request({ method: 'GET', url: '/api/ai-systems/export.csv' });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('Export me');
    const xlsx = await officer.request({ method: 'GET', url: '/api/ai-systems/export.xlsx' });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);

    const headers = ['Name', 'Office code', 'Lifecycle', 'AI usage apps', 'Models'];
    const file = csv([
      headers,
      ['Imported one', world.offices.kenya.code, 'pilot', 'chatgpt', 'GPT-4o | OpenAI | gpai'],
      ['Imported two', 'NOPE', 'someday', 'no-such-app', ''],
    ]);
    const upload = (dryRun: boolean, content: Buffer) =>
      officer.request({
        method: 'POST',
        url: `/api/ai-systems/import?dry_run=${dryRun}`,
        ...multipartBody({ filename: 'ai.csv', contentType: 'text/csv', content }),
      });
    const before = (await officer.request({ method: 'GET', url: '/api/ai-systems?limit=500' })).json().items
      .length;
    const dry = await upload(true, file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)).toEqual([
      '3:Lifecycle',
    ]);
    const refused = await upload(false, file);
    expect(refused.statusCode).toBe(422);
    expect(
      (await officer.request({ method: 'GET', url: '/api/ai-systems?limit=500' })).json().items.length,
    ).toBe(before);
    const unknownOffice = await upload(
      true,
      csv([headers, ['Imported two', 'NOPE', 'pilot', 'no-such-app', '']]),
    );
    expect(unknownOffice.json().issues.map((i: { column: string }) => i.column)).toEqual(['Office code']);
    const badApp = await upload(
      true,
      csv([headers, ['Imported two', world.offices.kenya.code, 'pilot', 'no-such-app', '']]),
    );
    expect(badApp.json().issues.map((i: { column: string }) => i.column)).toEqual(['AI usage apps']);
    const good = await upload(
      false,
      csv([
        headers,
        ['Imported one', world.offices.kenya.code, 'pilot', 'chatgpt', 'GPT-4o | OpenAI | gpai'],
      ]),
    );
    expect(good.json()).toMatchObject({ created: 1, issues: [] });
    const imported = (await officer.request({ method: 'GET', url: '/api/ai-systems?q=imported' })).json()
      .items[0];
    expect(imported).toMatchObject({
      lifecycle: 'pilot',
      usage_app_ids: ['chatgpt'],
      models: [{ name: 'GPT-4o', provider: 'OpenAI', general_purpose: true }],
    });
    expect(
      (
        await viewer.request({
          method: 'POST',
          url: '/api/ai-systems/import',
          ...multipartBody({ filename: 'a.csv', contentType: 'text/csv', content: file }),
        })
      ).statusCode,
    ).toBe(403);
  });
});
