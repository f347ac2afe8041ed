import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.js';
import { ACCESS_VIOLATIONS_EXIT } from './classification.cli.js';

/* The real `custos` command, spawned as a user runs it; each spawn costs about a second. */
describe('custos disclosure and custos access check', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const custos = (...args: string[]) => runCli(args, 'sqlite::memory:');

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-classification-'));
    fs.writeFileSync(
      file('survey.csv'),
      [
        'age,sex,district,status,weight',
        '21,F,North,refugee,10',
        '24,F,North,refugee,10',
        '27,F,North,idp,10',
        '33,M,South,host,5',
        '38,M,South,host,5',
        '45,F,East,idp,1',
      ].join('\n'),
    );
    fs.writeFileSync(
      file('listing.csv'),
      [
        'resource,principal,principal_type,access_level',
        '/sites/protection/cases.xlsx,amina@example.org,user,Edit',
        '/sites/protection/cases.xlsx,Everyone except external users,Everyone except external users,Read',
        '/sites/protection/cases.xlsx,https://tenant/share/x,Anyone with the link,View',
      ].join('\n'),
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the disclosure risk, riskiest keys and recodings', () => {
    const run = custos('disclosure', file('survey.csv'), '--qi', 'age,sex', '--sensitive', 'status');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('6 records; quasi-identifiers: age, sex; no sampling weights');
    expect(run.stdout).toContain('Global risk: 6.00 expected re-identifications, 100.0% of records: ABOVE');
    expect(run.stdout).toContain('l-diversity of status: smallest l = 1');
    expect(run.stdout).toContain(
      'Group `age` into 10-year bands, with 80 and over as "80+": 3.00 expected (50.0%)',
    );
  });

  it('prints JSON with weights', () => {
    const run = custos(
      'disclosure',
      file('survey.csv'),
      '--qi',
      'age',
      '--qi',
      'sex',
      '--weight',
      'weight',
      '--json',
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { weight: string; records: number; riskiest_keys: unknown[] };
    expect(report).toMatchObject({ weight: 'weight', records: 6 });
    expect(report.riskiest_keys).toHaveLength(6);
  });

  it('lists access violations and exits with the check status', () => {
    const run = custos('access', 'check', file('listing.csv'), '--label', 'strictly confidential', '--json');
    expect(run.status).toBe(ACCESS_VIOLATIONS_EXIT);
    const result = JSON.parse(run.stdout) as {
      label: string;
      violations: { severity: string; principal_type: string }[];
    };
    expect(result.label).toBe('Strictly Confidential');
    expect(result.violations.map((v) => `${v.severity}:${v.principal_type}`)).toEqual([
      'critical:everyone',
      'critical:anonymous_link',
    ]);
  });

  it('refuses an unknown label and a missing file with their exit codes', () => {
    const label = custos('access', 'check', file('listing.csv'), '--label', 'Top Secret');
    expect(label.status).toBe(2);
    expect(label.stderr).toMatch(
      /unknown label "Top Secret"; one of: Public, Internal, Confidential, Strictly Confidential/,
    );
    const missing = custos('disclosure', file('nope.csv'), '--qi', 'age');
    expect(missing.status).toBe(5);
    expect(missing.stderr).toMatch(/nope\.csv was not found/);
  });
});
