import { beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import type { AiReviewCheck, AiReviewSettings } from './ai-review.schema.js';
import type { AiSystem, AiSystemSummary } from './ai-system.schema.js';

/* `custos ai reviews check|settings|set`, `custos ai dashboard` and public fields, in-process on both dialects. */
describeCli('AI review and dashboard commands', ({ custos, ok, json }) => {
  let system: AiSystem;

  beforeAll(async () => {
    await ok('region add --code WCA --name', 'West and Central Africa');
    await ok('office add --code SN-DKR --name Senegal --kind country_office --region WCA --country SN');
    system = await json<AiSystem>(
      'ai system add --office SN-DKR --public yes --public-fields purpose,lifecycle --json --name',
      'Intake helper',
    );
  });

  it('sets the public fields from a list, and names the flag when one is unknown', async () => {
    expect(system.public_fields).toEqual(['purpose', 'lifecycle']);
    const cleared = await json<AiSystem>(`ai system update ${system.id} --json --public-fields`, '');
    expect(cleared.public_fields).toEqual([]);
    expect(await ok(`ai system show ${system.id}`)).toMatch(/^Public fields: +\(name only\)$/m);
    const bad = await custos(`ai system update ${system.id} --public-fields purpose,salary`);
    expect(bad.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(bad.stderr).toContain('--public-fields');
  });

  it('shows and changes the review months, refusing bad values and stale versions', async () => {
    const shown = await json<AiReviewSettings>('ai reviews settings --json');
    expect(shown).toMatchObject({ version: 0, review_months: { high: 6, limited: 12, minimal: 24 } });
    expect(await ok('ai reviews settings')).toMatch(/^high +6$/m);
    const set = await json<AiReviewSettings>('ai reviews set --high 4 --out-of-scope 36 --json');
    expect(set).toMatchObject({ version: 1, review_months: { high: 4, out_of_scope: 36, minimal: 24 } });
    const none = await custos('ai reviews set');
    expect(none.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    const negative = await custos('ai reviews set --minimal -2');
    expect(negative.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(negative.stderr).toContain('--minimal');
    expect((await custos('ai reviews set --high 5 --version 0')).code).toBe(
      ERROR_CATALOGUE.version_conflict.exit,
    );
  });

  it('checks reviews and prints the dashboard', async () => {
    const check = await json<AiReviewCheck>('ai reviews check --json');
    expect(check).toMatchObject({ overdue: 0, actions: { opened: 0, closed: 0 } });
    expect(await ok('ai reviews check')).toMatch(/0 review\(s\) overdue/);
    const dashboard = await json<AiSystemSummary>('ai dashboard --json');
    expect(dashboard).toMatchObject({ total: 1, by_tier: { unclassified: 1 }, overdue_reviews: [] });
    expect(await ok('ai dashboard')).toMatch(/^By office: +Senegal 1$/m);
  });
});
