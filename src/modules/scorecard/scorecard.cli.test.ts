import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import type { Action } from '../actions/actions.schema.js';
import type { Asset } from '../inventory/asset.schema.js';
import type { SettingsResponse, SnapshotResult, TrendResponse } from './scorecard-api.schema.js';
import type { Scorecard } from './scorecard.schema.js';
import { seedScorecardWorld, type ScorecardWorld } from './testing/scorecard-world.js';

/* `custos scorecard …` and `custos actions list` run in-process on both dialects. */
describeCli('scorecard and actions commands', ({ custos, ok, json, services }) => {
  let world: ScorecardWorld;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-scorecard-cli-'));

  beforeAll(async () => {
    world = await seedScorecardWorld(services(), 'CL');
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the scorecard as JSON in the API’s shape, and as a table', async () => {
    const card = await json<Scorecard>('scorecard --by office --as-of 2026-12-01 --json');
    expect(Object.keys(card)).toEqual(['as_of', 'by', 'groups', 'overall']);
    expect(card.groups.map((g) => [g.key, g.score, g.band])).toEqual([
      ['ET-CL', 0, 'Critical'],
      ['HQ-CL', 75, 'Fair'],
      ['KE-CL', 66.7, 'Fair'],
    ]);
    const table = await ok('scorecard --by region --as-of 2026-12-01');
    expect(table).toContain('Scorecard by region on 2026-12-01');
    expect(table).toMatch(/ECL\s+East CL\s+3/);
    expect(table).toMatch(/overall/);
  });

  it('names the flag of a bad option', async () => {
    const result = await custos('scorecard --by planet');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--by');
    expect((await custos('scorecard --as-of 2026-13-01')).stderr).toContain('--as-of');
  });

  it('takes snapshots, lists the actions they open, and shows the trend', async () => {
    const taken = await json<SnapshotResult>('scorecard snapshot --as-of 2026-12-01 --json');
    expect(taken).toMatchObject({ as_of: '2026-12-01', actions: { opened: 9 } });
    const mine = await json<Action[]>(`actions list --assignee ${world.people.kenya.email} --json`);
    expect(mine.map((a) => a.code).sort()).toEqual([
      'classification',
      'documentation',
      'ownership',
      'review_freshness',
    ]);
    expect(await json<Action[]>('actions list --status closed --json')).toEqual([]);
    const text = await ok('actions list --office ET-CL');
    expect(text).toContain('Old spreadsheet CL');
    expect(text).toContain('(unassigned)');
    const failing = await json<Asset[]>('asset list --control-failing classification --json');
    expect(failing.map((a) => a.name)).toEqual(['Field notes CL', 'Old spreadsheet CL']);

    const trend = await json<TrendResponse>('scorecard trend --by office --key KE-CL --json');
    expect(trend.series).toEqual([
      {
        key: 'KE-CL',
        name: 'Kenya CL',
        points: [{ date: '2026-12-01', score: 66.7 }],
        latest: 66.7,
        change: null,
      },
    ]);
  });

  it('shows and sets the settings from a YAML file, refusing a bad one by field', async () => {
    const file = path.join(dir, 'settings.yaml');
    fs.writeFileSync(
      file,
      [
        'config:',
        '  controls:',
        '    access_review: { weight: 2 }',
        'custom_controls:',
        '  - id: purpose_set',
        '    name: { en: Purpose set }',
        '    passes_when: { field_set: purpose }',
      ].join('\n'),
    );
    const saved = await json<SettingsResponse>(`scorecard settings set ${file} --json`);
    expect(saved.version).toBe(1);
    const shown = await ok('scorecard settings show');
    expect(shown).toContain('purpose_set');
    expect(shown).toContain('weight: 2');
    const card = await json<Scorecard>('scorecard --by organisation --as-of 2026-12-01 --json');
    expect(Object.keys(card.overall.controls)).toContain('purpose_set');

    fs.writeFileSync(
      file,
      'custom_controls:\n  - id: ownership\n    name: { en: Mine }\n    passes_when: { field_set: purpose }\n',
    );
    const refused = await custos(`scorecard settings set ${file}`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('custom_controls.0.id');
  });
});
