import { beforeAll, expect, it } from 'vitest';
import { systemActor, type Role } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import { bytesOf, usageServices } from './testing/usage-log.js';

/*
 * Alerts into actions over a small log: six people of Kenya's data unit use ChatGPT (unapproved
 * high risk: more than 5 users), and the same unit uploads 2 MiB to the OpenAI API, first seen there
 * in the period (more than 1 MiB); Geneva's two ChatGPT users stay below the users threshold.
 */

const admin = { actor: systemActor('test'), requestId: null };
const as = (role: Role) => ({ actor: { ...systemActor(`test-${role}`), role }, requestId: null });
const MIB = 1024 * 1024;

function log(tag: string, extra: string[] = []): string {
  const office = `KE-${tag}`;
  const lines = ['time,user,host,bytes_out,bytes_in,department,office'];
  for (let i = 1; i <= 6; i += 1)
    lines.push(`2026-11-2${i % 3}T09:00:00Z,k${i},chatgpt.com,100,100,Data unit kenya,${office}`);
  lines.push(`2026-11-25T10:00:00Z,k1,api.openai.com,${2 * MIB},100,Data unit kenya,${office}`);
  lines.push(
    '2026-11-25T10:00:00Z,g1,chatgpt.com,1,1,HR,Geneva',
    '2026-11-26T10:00:00Z,g2,chatgpt.com,1,1,HR,Geneva',
  );
  return [...lines, ...extra].join('\n');
}

describeEachDialect('AI usage alerts into actions', ({ db }) => {
  let services: ReturnType<typeof usageServices>;
  let world: InventoryWorld;
  let focalId: string;

  beforeAll(async () => {
    services = usageServices(db());
    world = await seedInventoryWorld(services, 'UA');
    const focal = await services.people.create(admin, {
      full_name: 'Focal Kenya',
      email: 'focal.kenya.ua@example.org',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      governance_roles: ['focal_point'],
    });
    focalId = focal.id;
  });

  const openActions = async () =>
    (await services.actions.list(admin, { source: 'ai_usage', status: 'open', limit: 50 })).items;

  it('keeps the settings versioned: defaults at version 0, a stale version is a 409, admins only', async () => {
    expect(await services.usageAlerts.settings(as('auditor'))).toMatchObject({
      min_users: 10,
      upload_threshold_mib: 50,
      version: 0,
    });
    await expect(
      services.usageAlerts.updateSettings(as('governance_officer'), { version: 0, min_users: 5 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const saved = await services.usageAlerts.updateSettings(admin, {
      version: 0,
      min_users: 5,
      upload_threshold_mib: 1,
    });
    expect(saved).toMatchObject({ min_users: 5, upload_threshold_mib: 1, window_days: 30, version: 1 });
    await expect(
      services.usageAlerts.updateSettings(admin, { version: 0, min_users: 6 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await services.usageAlerts.settings(admin)).min_users).toBe(5);
  });

  it('opens one action per alert when a log is ingested, assigned to the focal point of the matched office', async () => {
    const result = await services.usageIngest.ingest(
      admin,
      { name: 'proxy.csv', chunks: bytesOf(log('UA')) },
      { format: 'auto' },
    );
    expect(result.alerts).toEqual({
      period: { from: '2026-10-28', to: '2026-11-26' },
      alerts: 2,
      actions: { opened: 2, closed: 0, updated: 0, unchanged: 0 },
    });
    const actions = await openActions();
    expect(
      actions.map((a) => [a.code, a.subject_id, a.assignee_person_id, a.office_id, a.due_date]).sort(),
    ).toEqual([
      ['new_app_upload', 'openai-api', focalId, world.offices.kenya.id, '2026-12-16'],
      ['unapproved_high_risk_users', 'chatgpt', focalId, world.offices.kenya.id, '2026-12-16'],
    ]);
    const users = actions.find((a) => a.code === 'unapproved_high_risk_users')!;
    expect(users.reason_codes).toEqual([
      'more_than_users:5',
      'app:chatgpt',
      'department:Data unit kenya',
      'office:KE-UA',
      'status:not_reviewed',
    ]);
    expect(users.code_title?.en).toMatch(/Unapproved high-risk/);
    expect(users).toMatchObject({ subject_type: 'ai_app', subject_name: 'ChatGPT' });
    // The office's focal point sees the action; other offices do not.
    const focalView = await services.actions.list(
      {
        actor: {
          ...systemActor('fp'),
          role: 'office_focal_point',
          scope: { kind: 'offices', officeIds: new Set([world.offices.kenya.id]), regionIds: new Set() },
        },
        requestId: null,
      },
      { source: 'ai_usage', limit: 50 },
    );
    expect(focalView.items).toHaveLength(2);
  });

  it('lists the alerts with their actions, exact or suppressed, and a second run changes nothing', async () => {
    const listed = await services.usageAlerts.list(as('auditor'), { suppress: false });
    expect(listed.alerts.map((a) => [a.rule, a.app_id, a.users, a.bytes_up])).toEqual([
      ['unapproved_high_risk_users', 'chatgpt', 6, 600],
      ['new_app_upload', 'openai-api', 1, 2 * MIB],
    ]);
    const ids = new Set((await openActions()).map((a) => a.id));
    expect(listed.alerts.every((a) => a.action_id !== null && ids.has(a.action_id))).toBe(true);
    const suppressed = await services.usageAlerts.list(as('auditor'), { suppress: true });
    expect(suppressed.alerts.map((a) => a.users)).toEqual([6, '<5']);

    const again = await services.usageAlerts.run(as('governance_officer'));
    expect(again.actions).toEqual({ opened: 0, closed: 0, updated: 0, unchanged: 2 });
    expect(await openActions()).toHaveLength(2);
    await expect(services.usageAlerts.run(as('auditor'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reads the status from the AI registry: an approval closes the alert, a more restrictive system reopens it', async () => {
    const approved = await services.aiSystems.create(admin, {
      name: 'Drafting assistant',
      office_id: world.offices.kenya.id,
      approval_status: 'approved',
      usage_app_ids: ['chatgpt'],
    });
    const app = await services.usageApps.get(as('auditor'), 'chatgpt');
    expect(app).toMatchObject({
      status: 'approved',
      status_source: 'registry',
      status_system: { id: approved.id, name: 'Drafting assistant' },
      catalogue_status: 'not_reviewed',
    });
    const report = await services.usageReport.report(as('auditor'), {
      from: '2026-11-01',
      to: '2026-11-30',
      suppress: false,
      lang: 'en',
    });
    expect(report.apps.find((a) => a.app_id === 'chatgpt')).toMatchObject({
      status: 'approved',
      status_source: 'registry',
      status_system: { name: 'Drafting assistant' },
    });
    expect(report.apps.find((a) => a.app_id === 'openai-api')).toMatchObject({
      status_source: 'not_reviewed',
      status_system: null,
    });
    expect((await services.usageAlerts.run(admin)).actions).toMatchObject({ closed: 1, unchanged: 1 });
    expect((await openActions()).map((a) => a.code)).toEqual(['new_app_upload']);

    // The catalogue page's status no longer decides for an app the registry links.
    const page = await services.usageApps.update(admin, 'chatgpt', { version: 0, status: 'unapproved' });
    expect(page).toMatchObject({
      status: 'approved',
      status_source: 'registry',
      catalogue_status: 'unapproved',
    });

    await services.aiSystems.create(admin, {
      name: 'Translation trial',
      office_id: world.offices.kenya.id,
      approval_status: 'under_review',
      usage_app_ids: ['chatgpt', 'deepl'],
    });
    const strictest = await services.usageApps.get(admin, 'chatgpt');
    expect(strictest).toMatchObject({ status: 'under_review', status_system: { name: 'Translation trial' } });
    expect(strictest.registry_systems.map((s) => [s.name, s.approval_status])).toEqual([
      ['Drafting assistant', 'approved'],
      ['Translation trial', 'under_review'],
    ]);
    expect((await services.usageAlerts.run(admin)).actions).toMatchObject({ opened: 1, unchanged: 1 });
    const reopened = (await openActions()).find((a) => a.code === 'unapproved_high_risk_users')!;
    expect(reopened.reason_codes).toContain('status:under_review');
  });

  it('closes an alert when the settings no longer make it true', async () => {
    const { version } = await services.usageAlerts.settings(admin);
    await services.usageAlerts.updateSettings(admin, { version, upload_threshold_mib: 3 });
    expect((await services.usageAlerts.run(admin)).actions).toMatchObject({ closed: 1, unchanged: 1 });
    expect((await openActions()).map((a) => a.code)).toEqual(['unapproved_high_risk_users']);
    const audit = await db()
      .kysely.selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'usage_alerts')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('counts a user seen on several days and in several files once over the window', async () => {
    // k1..k4 again, on a stored day (21 November) and a new one; Geneva gains g3 and sees g1 again.
    const office = 'KE-UA';
    const more = ['time,user,host,bytes_out,bytes_in,department,office'];
    for (const user of ['k1', 'k2', 'k3', 'k4'])
      more.push(
        `2026-11-21T11:00:00Z,${user},chatgpt.com,10,10,Data unit kenya,${office}`,
        `2026-11-26T11:00:00Z,${user},chatgpt.com,10,10,Data unit kenya,${office}`,
      );
    more.push(
      '2026-11-26T12:00:00Z,g1,chatgpt.com,1,1,HR,Geneva',
      '2026-11-26T12:00:00Z,g3,chatgpt.com,1,1,HR,Geneva',
    );
    await services.usageIngest.ingest(
      admin,
      { name: 'more.csv', chunks: bytesOf(more.join('\n')) },
      { format: 'auto' },
    );
    const listed = await services.usageAlerts.list(admin, { suppress: false });
    // Still six people in Kenya (not 14 user-days), and three in Geneva, below the threshold.
    expect(listed.alerts.map((a) => [a.rule, a.app_id, a.users, a.bytes_up])).toEqual([
      ['unapproved_high_risk_users', 'chatgpt', 6, 680],
    ]);
  });
});
