import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { usageServices } from '../ai-usage/testing/usage-log.js';
import { seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import { DEMO_AI_SYSTEM, demoUsageLog, loadDemoUsage, type DemoUsagePlace } from './demo-usage.js';

/* The demo's AI usage on its own (the whole demo organisation is loaded in demo.service.test.ts). */

const ctx = { actor: systemActor('demo'), requestId: null };
const TODAY = new Date('2026-12-02T09:00:00.000Z');

it('generates the same log for the same seed, and working days only', () => {
  const places: DemoUsagePlace[] = [{ office: 'Kenya', departments: ['Programmes', 'Applications'] }];
  const log = demoUsageLog(TODAY, places, 7);
  expect(demoUsageLog(TODAY, places, 7)).toBe(log);
  expect(demoUsageLog(TODAY, places, 8)).not.toBe(log);
  const days = new Set(
    log
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => new Date(line.slice(0, 20)).getUTCDay()),
  );
  expect([...days].toSorted()).toEqual([1, 2, 3, 4, 5]);
});

describeEachDialect('demo AI usage', ({ db }) => {
  let world: InventoryWorld;
  let places: DemoUsagePlace[];

  beforeAll(async () => {
    world = await seedInventoryWorld(usageServices(db()), 'DU');
    places = [
      {
        office: world.offices.kenya.name,
        departments: ['Programmes', 'Applications', 'Digital Communications'],
      },
      { office: world.offices.senegal.name, departments: ['Programmes', 'Finance'] },
    ];
  });

  it('approves DeepL in the registry and ingests eight weeks of use: everyday tools, new tools and alerts', async () => {
    const services = usageServices(db());
    const result = await loadDemoUsage(services, ctx, world.offices.kenya, places, TODAY);
    expect(result).toMatchObject({ ai_system: DEMO_AI_SYSTEM, key: 'configured' });
    expect(result.lines).toBeGreaterThan(10_000);
    expect(await services.usageApps.get(ctx, 'deepl')).toMatchObject({
      status: 'approved',
      status_source: 'registry',
      status_system: { name: DEMO_AI_SYSTEM },
    });
    // Claude in the applications team (unapproved, high risk, more than ten users), DeepSeek newly seen
    // with large uploads in programmes.
    const actions = await services.actions.list(ctx, { source: 'ai_usage', limit: 50 });
    expect(result.alert_actions).toBe(actions.items.length);
    const alerts = actions.items.map((a) => `${a.code} ${a.subject_name}`);
    expect(alerts).toContain('unapproved_high_risk_users Claude');
    expect(alerts).toContain('new_app_upload DeepSeek Chat');
    const report = await services.usageReport.report(ctx, {
      from: '2026-11-04',
      to: '2026-12-01',
      suppress: false,
      lang: 'en',
    });
    expect(report.apps.length).toBeGreaterThanOrEqual(15);
    expect(report.apps[0]!.app_id).toBe('chatgpt');
    expect(report.new_apps.map((a) => a.app_id)).toEqual(expect.arrayContaining(['deepseek', 'manus']));
    expect(report.departments.length).toBe(5);
    expect(report.totals.ai_events).toBeLessThan(report.totals.events);
  });

  it('pseudonymises with a one-off key when none is configured, and still refuses other logs', async () => {
    const services = usageServices(db(), null);
    const result = await loadDemoUsage(services, ctx, world.offices.senegal, places.slice(1), TODAY, 2);
    expect(result).toMatchObject({ ai_system: DEMO_AI_SYSTEM, key: 'one-off' });
    expect(result.lines).toBeGreaterThan(1000);
    expect(services.usageIngest.configured).toBe(false);
  });
});
