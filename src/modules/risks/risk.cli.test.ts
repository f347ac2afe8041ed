import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import type { Risk, RiskDetail } from './risk.schema.js';
import { caller } from './testing/risk-world.js';

/* `custos risk list|show|accept|import|export` run in-process on both dialects. */
describeCli('risk commands', ({ custos, ok, json, services }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-risk-cli-'));
  const file = (name: string) => path.join(dir, name);
  let proposed: Risk;

  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    const office = await services().offices.findByCode(caller('admin', 'seed'), 'KE-NBO');
    proposed = await services().risks.create(caller('governance_officer', 'amina@example.org'), {
      title: 'Beneficiary data on personal phones',
      category: 'data_protection',
      office_id: office!.id,
      inherent_likelihood: 4,
      inherent_impact: 4,
      next_review_date: '2020-01-01',
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists with filters, shows and accepts a risk proposed by someone else', async () => {
    expect(await ok('risk list --office KE-NBO')).toContain('Beneficiary data on personal phones');
    expect((await json<Risk[]>('risk list --overdue --level high --json')).map((r) => r.id)).toEqual([
      proposed.id,
    ]);
    expect(await json<Risk[]>('risk list --category ai --json')).toEqual([]);
    const bad = await custos('risk list --level extreme');
    expect(bad.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(bad.stderr).toContain('--level');
    expect(await ok(`risk show ${proposed.id}`)).toMatch(/^Inherent: +4 Likely × 4 Major = 16 \(high\)$/m);
    const past = await custos(`risk accept ${proposed.id} --justification Budget --expires 2020-01-01`);
    expect(past.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    const accepted = await json<RiskDetail>(
      `risk accept ${proposed.id} --expires 2099-01-01 --json --justification`,
      'Phones are encrypted and wiped remotely',
    );
    expect(accepted).toMatchObject({ status: 'accepted', acceptance_expires_on: '2099-01-01' });
  });

  it('refuses to let the command line accept a risk it proposed', async () => {
    const imported = file('new.csv');
    fs.writeFileSync(
      imported,
      'Title,Category,Office code,Inherent likelihood,Inherent impact\nGenerator fuel theft,operational,KE-NBO,3,2\n',
    );
    expect(await ok(`risk import ${imported} --dry-run`)).toContain('Dry run');
    const report = await json<{ created: number }>(`risk import ${imported} --json`);
    expect(report.created).toBe(1);
    const [own] = await json<Risk[]>('risk list --q generator --json');
    const refused = await custos(`risk accept ${own!.id} --justification Minor --expires 2099-01-01`);
    expect(refused.code).toBe(ERROR_CATALOGUE.four_eyes_required.exit);
  });

  it('exports risks that import back unchanged, and reports a bad file by row', async () => {
    const out = file('risks.xlsx');
    expect(await ok(`risk export ${out}`)).toContain('Exported 2 risk(s)');
    const again = await json<{ unchanged: number; created: number; updated: number }>(
      `risk import ${out} --json`,
    );
    expect(again).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
    const broken = file('broken.csv');
    fs.writeFileSync(
      broken,
      'Title,Category,Office code,Inherent likelihood,Inherent impact\nX,weather,KE-NBO,9,1\n',
    );
    const result = await custos(`risk import ${broken}`);
    expect(result.code).toBe(ERROR_CATALOGUE.import_invalid.exit);
    expect(result.stderr).toContain('row 2, Category');
    expect((await custos(`risk export ${file('risks.txt')}`)).code).toBe(
      ERROR_CATALOGUE.validation_failed.exit,
    );
  });
});
