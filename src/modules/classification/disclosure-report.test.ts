import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.js';
import { simpleXlsx } from '../../core/tabular/testing/files.js';
import { disclosureReport } from './disclosure-report.js';

const csv = (lines: readonly string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

const SURVEY = csv([
  'id,age,sex,district,status,weight',
  '1,21,F,North,refugee,10',
  '2,24,F,North,refugee,10',
  '3,27,F,North,idp,10',
  '4,33,M,South,host,5',
  '5,38,M,South,host,5',
  '6,45,F,East,idp,1',
]);

async function refusal(work: Promise<unknown>): Promise<AppError> {
  return (await work.then(
    () => {
      throw new Error('accepted');
    },
    (error: unknown) => error,
  )) as AppError;
}

describe('disclosure report of a file', () => {
  it('measures the chosen quasi-identifiers with weights and sensitive columns', async () => {
    const report = await disclosureReport(SURVEY, {
      quasiIdentifiers: ['age', 'sex'],
      weight: 'weight',
      sensitive: ['status'],
    });
    expect(report).toMatchObject({
      records: 6,
      quasi_identifiers: ['age', 'sex'],
      suggested_quasi_identifiers: false,
      weight: 'weight',
      keys: 6,
      sample_uniques: 6,
      l_diversity: [{ column: 'status', min_l: 1 }],
    });
    expect(report.recodings.map((r) => r.id)).toEqual(['age_bands_5', 'age_bands_10']);
  });

  it('suggests quasi-identifiers from the headers when none are given', async () => {
    const report = await disclosureReport(SURVEY);
    expect(report).toMatchObject({
      quasi_identifiers: ['age', 'sex', 'district'],
      suggested_quasi_identifiers: true,
    });
  });

  it('skips an HXL hashtag row and uses its hashtags', async () => {
    const file = csv([
      'Years,Zone,Woman',
      '#respondee+age,#adm2+name,#respondee+f',
      '30,A,1',
      '31,A,0',
      '52,B,1',
    ]);
    const report = await disclosureReport(file);
    expect(report).toMatchObject({ records: 3, quasi_identifiers: ['Years', 'Zone'] });
  });

  it('reads XLSX files with the same reader', async () => {
    const file = await simpleXlsx([
      ['age', 'sex'],
      [30, 'F'],
      [30, 'F'],
    ]);
    expect(await disclosureReport(file, { quasiIdentifiers: ['age', 'sex'] })).toMatchObject({
      records: 2,
      keys: 1,
      expected_reidentifications: 1,
    });
  });

  it.each([
    [
      { quasiIdentifiers: ['age', 'height'] },
      /--qi: no column "height"; the columns are: id, age, sex, district, status, weight/,
    ],
    [{ quasiIdentifiers: ['age'], weight: 'wt' }, /--weight: no column "wt"/],
    [
      { quasiIdentifiers: ['age', 'status'], sensitive: ['status'] },
      /--sensitive: status is also a quasi-identifier/,
    ],
  ])('refuses %j with a message naming the flag', async (options, message) => {
    const error = await refusal(disclosureReport(SURVEY, options));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(message);
  });

  it('asks for --qi when no header looks like a quasi-identifier', async () => {
    const error = await refusal(disclosureReport(csv(['a,b', '1,2'])));
    expect(error.message).toMatch(/--qi: no column looks like a quasi-identifier/);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const error = await refusal(disclosureReport(Buffer.from([0, 1, 2, 3, 0, 0, 0, 0])));
    expect(error.code).toBe('unsupported_media_type');
  });
});
