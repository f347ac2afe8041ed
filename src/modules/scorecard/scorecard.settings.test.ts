import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { defaultControls } from './default-controls.js';
import { parseScorecardSettings } from './scorecard.settings.js';
import { actorFor, seedScorecardWorld } from './testing/scorecard-world.js';

const ctxOf = (actor: ReturnType<typeof actorFor>) => ({ actor, requestId: null });
const admin = ctxOf(actorFor('admin'));

/** A custom control: the purpose must be set (fails on both bare assets). */
const purposeSet = {
  id: 'purpose_set',
  name: { en: 'Purpose set', fr: 'Finalité indiquée' },
  severity: 'low',
  passes_when: { field_set: 'purpose' },
};

describe('scorecard settings checks', () => {
  it.each([
    [{ custom_controls: [{ ...purposeSet, id: 'ownership' }] }, 'custom_controls.0.id', 'built-in control'],
    [{ custom_controls: [purposeSet, purposeSet] }, 'custom_controls.1.id', 'defined twice'],
    [
      { custom_controls: [{ ...purposeSet, passes_when: { feild_set: 'purpose' } }] },
      'custom_controls.0.passes_when',
      'unknown condition',
    ],
    [{ config: { controls: { nope: { weight: 2 } } } }, 'config.controls.nope', 'there is no control'],
    [{ config: { bands: { healthy: 50, fair: 60 } } }, 'config.bands.fair', 'below healthy'],
    [{ config: { weights: {} } }, 'config', 'unknown field(s): weights'],
  ])('refuses %j naming %s', (input, path, message) => {
    let thrown: unknown;
    try {
      parseScorecardSettings(input, defaultControls());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'validation_failed' });
    const issues = (thrown as { details: { issues: { path: string; message: string }[] } }).details.issues;
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toContain(message);
  });

  it('accepts a custom control reaching a custom control id in the weights', () => {
    const settings = parseScorecardSettings(
      { custom_controls: [purposeSet], config: { controls: { purpose_set: { weight: 2 } } } },
      defaultControls(),
    );
    expect(settings.config.controls.purpose_set).toMatchObject({ weight: 2, enabled: true });
  });
});

describeEachDialect('scorecard settings', ({ db }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(db());
    await seedScorecardWorld(t.services, 'ST');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const kenyaScore = async () =>
    (await t.services.scorecard.scorecard(admin, { by: 'office', office: 'KE-ST' })).overall.score;

  it('starts from the defaults at version 0, saves, and refuses a stale version with 409 and no change', async () => {
    const settings = t.services.scorecard;
    expect(await settings.getSettings(admin)).toMatchObject({
      version: 0,
      custom_controls: [],
      updated_at: null,
    });
    expect(await kenyaScore()).toBe(66.7);

    const saved = await settings.updateSettings(admin, {
      config: {},
      custom_controls: [purposeSet],
      version: 0,
    });
    expect(saved).toMatchObject({ version: 1, updated_at: '2026-11-30T09:00:00.000Z' });
    // Kenya now has a seventh control, passed by one of its two assets: (4 × ½ + 2 + ½) / 7 = 64.3
    expect(await kenyaScore()).toBe(64.3);
    const controls = await settings.controls(admin);
    expect(controls.controls.at(-1)).toMatchObject({
      id: 'purpose_set',
      title: { en: 'Purpose set', fr: 'Finalité indiquée', es: 'Purpose set' },
      builtin: false,
      due_days: 90,
    });

    await expect(
      settings.updateSettings(admin, { config: {}, custom_controls: [], version: 0 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await settings.getSettings(admin)).custom_controls).toHaveLength(1);

    await settings.updateSettings(admin, {
      config: { controls: { purpose_set: { enabled: false } } },
      custom_controls: [purposeSet],
      version: 1,
    });
    expect(await kenyaScore()).toBe(66.7);
    const audit = await db()
      .kysely.selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'scorecard_settings')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['update', 'update']);
  });

  it('leaves the settings to admins: others are refused, even to read them', async () => {
    for (const role of ['governance_officer', 'viewer'] as const) {
      const ctx = ctxOf(actorFor(role));
      await expect(t.services.scorecard.getSettings(ctx)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        t.services.scorecard.updateSettings(ctx, { config: {}, custom_controls: [], version: 2 }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
