import { beforeAll, expect, it } from 'vitest';
import { systemActor, type Role } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { bytesOf, HAND_LOG, usageServices } from './testing/usage-log.js';

/* The report over the hand-worked log of testing/usage-log.ts; every number below is counted by hand. */

const admin = { actor: systemActor('test'), requestId: null };
const as = (role: Role) => ({ actor: { ...systemActor('test'), role }, requestId: null });
const WHOLE = { from: '2026-11-23', to: '2026-12-01', suppress: false, lang: 'en' as const };

describeEachDialect('AI usage report', ({ db }) => {
  let services: ReturnType<typeof usageServices>;

  beforeAll(async () => {
    services = usageServices(db());
    await services.usageIngest.ingest(
      admin,
      { name: 'proxy.csv', chunks: bytesOf(HAND_LOG) },
      { format: 'auto' },
    );
  });

  it('counts events, distinct users and bytes per app, department and week, exactly', async () => {
    const report = await services.usageReport.report(as('auditor'), WHOLE);
    expect(report.period).toEqual({ from: '2026-11-23', to: '2026-12-01' });
    // 8 readable lines, 7 to AI apps, by u1..u4.
    expect(report.totals).toEqual({ events: 8, ai_events: 7, ai_users: 4 });
    expect(
      report.apps.map((a) => [a.app_id, a.status, a.risk, a.events, a.users, a.bytes_up, a.bytes_down]),
    ).toEqual([
      ['chatgpt', 'not_reviewed', 'high', 5, 3, 1800, 5210],
      ['deepl', 'not_reviewed', 'medium', 1, 1, 300, 50],
      ['openai-api', 'not_reviewed', 'low', 1, 1, 4000, 100],
    ]);
    expect(report.apps[0]).toMatchObject({ name: 'ChatGPT', vendor: 'OpenAI', category: 'chat assistant' });
    expect(report.departments).toEqual([
      {
        department: 'Finance',
        office: 'Nairobi',
        ai_events: 5,
        unapproved_events: 5,
        high_risk_events: 4,
        users: 2,
      },
      {
        department: 'HR',
        office: 'Geneva',
        ai_events: 2,
        unapproved_events: 2,
        high_risk_events: 1,
        users: 2,
      },
    ]);
    // Nothing is approved yet: all 7 AI events are unapproved use; 5 went to ChatGPT (high risk).
    expect(report.risk).toEqual({
      unapproved_events: 7,
      high_risk_events: 5,
      unapproved_share: 1,
      high_risk_share: 0.7143,
      unapproved_users: 4,
      high_risk_users: 3,
    });
    expect(report.unapproved_generative_upload).toEqual({ bytes_up: 6100, apps: 3 });
    expect(report.weekly).toEqual([
      { week: '2026-11-23', events: 5, ai_events: 4, unapproved_events: 4, high_risk_events: 3, ai_users: 3 },
      { week: '2026-11-30', events: 3, ai_events: 3, unapproved_events: 3, high_risk_events: 2, ai_users: 3 },
    ]);
    expect(report.new_apps.map((a) => [a.app_id, a.first_seen])).toEqual([
      ['chatgpt', '2026-11-23'],
      ['deepl', '2026-11-24'],
      ['openai-api', '2026-11-30'],
    ]);
    expect(report.summary).toContain('7 of 8 requests (87.5%) went to 3 AI apps, used by 4 distinct users');
    expect(report.summary).toContain('ChatGPT (5 requests, 3 users)');
    expect(report.summary).toContain('The most unapproved use came from Finance, Nairobi, with 5 requests');
  });

  it('reports only the period asked: apps first seen before it are not new', async () => {
    const report = await services.usageReport.report(admin, { ...WHOLE, from: '2026-11-30' });
    expect(report.totals).toEqual({ events: 3, ai_events: 3, ai_users: 3 });
    expect(report.new_apps.map((a) => a.app_id)).toEqual(['openai-api']);
    expect(report.weekly.map((w) => w.week)).toEqual(['2026-11-30']);
  });

  it('shows fewer than 5 distinct users as "<5" when suppression is on, in the numbers and the summary', async () => {
    const report = await services.usageReport.report(admin, { ...WHOLE, suppress: true });
    expect(report.suppressed).toBe(true);
    expect(report.totals.ai_users).toBe('<5');
    expect(
      new Set(
        [...report.apps, ...report.departments, ...report.weekly.map((w) => ({ users: w.ai_users }))].map(
          (r) => r.users,
        ),
      ),
    ).toEqual(new Set(['<5']));
    expect(report.totals.events).toBe(8);
    expect(report.summary).toContain('used by <5 distinct users');
    expect(report.summary).not.toMatch(/\b[1-4] users\b/);
  });

  it('writes the summary in French and Spanish', async () => {
    const fr = await services.usageReport.report(admin, { ...WHOLE, lang: 'fr' });
    expect(fr.summary).toMatch(/^Du 23 novembre 2026 au 1 décembre 2026, 7 requêtes sur 8/);
    const es = await services.usageReport.report(admin, { ...WHOLE, lang: 'es' });
    expect(es.summary).toMatch(/^Del 23 de noviembre de 2026 al 1 de diciembre de 2026, 7 de 8 solicitudes/);
  });

  it('applies the organisation’s status and risk overrides, with optimistic versions', async () => {
    const approved = await services.usageApps.update(admin, 'openai-api', { version: 0, status: 'approved' });
    expect(approved).toMatchObject({ status: 'approved', version: 1 });
    await expect(
      services.usageApps.update(admin, 'openai-api', { version: 0, status: 'unapproved' }),
    ).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await expect(
      services.usageApps.update(admin, 'deepl', { version: 3, status: 'approved' }),
    ).rejects.toMatchObject({
      code: 'version_conflict',
    });
    // DeepL kept until deleted: the rule gives 5 points, high.
    const deepl = await services.usageApps.update(admin, 'deepl', {
      version: 0,
      attributes: { retention: 'until_deleted' },
    });
    expect(deepl).toMatchObject({
      risk: 'high',
      risk_source: 'attributes',
      overridden_attributes: ['retention'],
    });
    const report = await services.usageReport.report(admin, WHOLE);
    expect(report.risk).toMatchObject({
      unapproved_events: 6,
      high_risk_events: 6,
      unapproved_users: 4,
      high_risk_users: 4,
    });
    expect(report.unapproved_generative_upload).toEqual({ bytes_up: 2100, apps: 2 });
    expect(report.departments[0]).toMatchObject({
      department: 'Finance',
      unapproved_events: 4,
      high_risk_events: 4,
    });
    const stored = await services.usageApps.get(admin, 'openai-api');
    expect(stored.version).toBe(1);
  });

  it('adds custom apps that later logs are matched against; refuses taken ids and domains', async () => {
    const input = {
      id: 'acme-gpt',
      name: 'Acme GPT',
      vendor: 'Acme',
      category: 'chat_assistant' as const,
      domains: ['gpt.acme.example'],
      attributes: {
        trains_on_inputs_by_default: 'no' as const,
        enterprise_no_training_tier: 'yes' as const,
        data_location: 'eu' as const,
        account_required: 'yes' as const,
        retention: 'none' as const,
      },
      status: 'approved' as const,
      risk: null,
      note: null,
    };
    const created = await services.usageApps.create(admin, input);
    expect(created).toMatchObject({
      id: 'acme-gpt',
      custom: true,
      risk: 'low',
      status: 'approved',
      version: 1,
    });
    await expect(services.usageApps.create(admin, input)).rejects.toMatchObject({ code: 'conflict' });
    await expect(services.usageApps.create(admin, { ...input, id: 'chatgpt' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      services.usageApps.create(admin, { ...input, id: 'copycat', domains: ['chatgpt.com'] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const log = 'time,user,host\n2026-12-02T08:00:00Z,u1,eu.gpt.acme.example\n';
    await services.usageIngest.ingest(admin, { name: 'acme.csv', chunks: bytesOf(log) }, { format: 'auto' });
    const report = await services.usageReport.report(admin, {
      ...WHOLE,
      from: '2026-12-02',
      to: '2026-12-02',
    });
    expect(report.apps).toEqual([
      expect.objectContaining({ app_id: 'acme-gpt', events: 1, status: 'approved' }),
    ]);
    expect(report.new_apps.map((a) => a.app_id)).toEqual(['acme-gpt']);
  });

  it('refuses the report to viewers and focal points, and app changes to governance officers', async () => {
    for (const role of ['viewer', 'regional_focal_point', 'office_focal_point', 'data_custodian'] as const)
      await expect(services.usageReport.report(as(role), WHOLE)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(services.usageApps.list(as('viewer'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      services.usageApps.update(as('governance_officer'), 'chatgpt', { version: 0, status: 'approved' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await services.usageApps.get(admin, 'chatgpt')).status).toBe('not_reviewed');
  });
});

describeEachDialect('AI usage report over files that share days', ({ db }) => {
  it('counts each user once per app, unit, week and period when a second file adds to stored days', async () => {
    const services = usageServices(db());
    await services.usageIngest.ingest(
      admin,
      { name: 'proxy.csv', chunks: bytesOf(HAND_LOG) },
      { format: 'auto' },
    );
    // u1 again on a day and bucket already stored, u2 on a new day, u9 new; HR gets u1 for deepl.
    const more = [
      'time,user,host,bytes_out,bytes_in,department,office',
      '2026-11-23T15:00:00Z,u1,chatgpt.com,1,1,Finance,Nairobi',
      '2026-11-25T15:00:00Z,u2,chatgpt.com,1,1,Finance,Nairobi',
      '2026-11-26T15:00:00Z,u9,chatgpt.com,1,1,HR,Geneva',
      '2026-11-26T16:00:00Z,u1,www.deepl.com,1,1,HR,Geneva',
    ].join('\n');
    await services.usageIngest.ingest(admin, { name: 'more.csv', chunks: bytesOf(more) }, { format: 'auto' });
    const report = await services.usageReport.report(admin, WHOLE);
    // u1..u4 and u9.
    expect(report.totals).toEqual({ events: 12, ai_events: 11, ai_users: 5 });
    // chatgpt: u1, u2, u4, u9; deepl: u3, u1; openai-api: u2.
    expect(report.apps.map((a) => [a.app_id, a.events, a.users])).toEqual([
      ['chatgpt', 8, 4],
      ['deepl', 2, 2],
      ['openai-api', 1, 1],
    ]);
    // Finance/Nairobi: u1, u2; HR/Geneva: u3, u4, u9 and u1.
    expect(report.departments.map((d) => [d.department, d.office, d.ai_events, d.users])).toEqual([
      ['Finance', 'Nairobi', 7, 2],
      ['HR', 'Geneva', 4, 4],
    ]);
    // Week of 23 November: u1, u2, u3, u9; week of 30 November: u1, u2, u4.
    expect(report.weekly.map((w) => [w.week, w.ai_users])).toEqual([
      ['2026-11-23', 4],
      ['2026-11-30', 3],
    ]);
    expect(report.risk).toMatchObject({ unapproved_users: 5, high_risk_users: 4 });
  });
});
