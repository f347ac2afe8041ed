import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { bytesOf, usageServices } from '../ai-usage/testing/usage-log.js';
import { seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import { DEMO_AI_SYSTEM, loadDemoUsage } from './demo-usage.js';

/* The demo's AI usage on its own (the whole demo organisation is loaded in demo.service.test.ts). */

const ctx = { actor: systemActor('demo'), requestId: null };

describeEachDialect('demo AI usage', ({ db }) => {
  let world: InventoryWorld;

  beforeAll(async () => {
    world = await seedInventoryWorld(usageServices(db()), 'DU');
  });

  it('approves DeepL in the registry and ingests a log whose ChatGPT use opens an alert action', async () => {
    const services = usageServices(db());
    const office = { id: world.offices.kenya.id, name: `Kenya DU` };
    const result = await loadDemoUsage(services, ctx, office, 'Data unit kenya', services.clock.now());
    expect(result).toEqual({ ai_system: DEMO_AI_SYSTEM, ingested: true, alert_actions: 1 });
    expect(await services.usageApps.get(ctx, 'deepl')).toMatchObject({
      status: 'approved',
      status_source: 'registry',
      status_system: { name: DEMO_AI_SYSTEM },
    });
    const actions = await services.actions.list(ctx, { source: 'ai_usage', limit: 10 });
    expect(actions.items.map((a) => [a.code, a.subject_name, a.office_id])).toEqual([
      ['unapproved_high_risk_users', 'ChatGPT', world.offices.kenya.id],
    ]);
    const report = await services.usageReport.report(ctx, {
      from: '2026-11-18',
      to: '2026-12-01',
      suppress: false,
      lang: 'en',
    });
    expect(report.apps.map((a) => [a.app_id, a.users])).toEqual([
      ['chatgpt', 12],
      ['deepl', 6],
    ]);
  });

  it('only creates the registry system when no pseudonymisation key is configured', async () => {
    const services = usageServices(db(), null);
    const result = await loadDemoUsage(
      services,
      ctx,
      { id: world.offices.senegal.id, name: 'Senegal DU' },
      'Data unit senegal',
      services.clock.now(),
    );
    expect(result).toEqual({ ai_system: DEMO_AI_SYSTEM, ingested: false, alert_actions: 0 });
    await expect(
      services.usageIngest.ingest(ctx, { name: 'x.csv', chunks: bytesOf('a,b\n1,2\n') }, { format: 'csv' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
