import { describe, expect, it } from 'vitest';
import { matchHeaders, validateRows } from '../../core/tabular/validate-rows.js';
import { INVENTORY_COLUMNS, INVENTORY_TABLE } from './inventory-import.spec.js';

/** One cell of `key` parsed as the import parses it: the value, or the problem's message. */
async function parse(key: string, text: string): Promise<unknown> {
  const cells: Record<string, string> = { name: 'A', asset_type: 'dataset', office_code: 'KE', [key]: text };
  const result = await validateRows(
    { headers: Object.keys(cells), rows: [{ row: 2, cells }] },
    INVENTORY_TABLE,
  );
  const issue = result.issues[0];
  if (issue) return { problem: issue.message };
  return (result.valid[0] as Record<string, unknown>)[key];
}

describe('inventory spreadsheet columns', () => {
  it('has exactly the column keys of issue 3 as headers, in order', () => {
    expect(INVENTORY_TABLE.columns.map((c) => c.header)).toEqual([...INVENTORY_COLUMNS]);
    expect(INVENTORY_TABLE.columns.map((c) => c.key)).toEqual([...INVENTORY_COLUMNS]);
  });

  it.each([
    ['asset_id', 'asset_id'],
    [' ASSET_ID ', 'asset_id'],
    ['Asset ID', 'asset_id'],
    ['data owner email', 'data_owner_email'],
    ['Last-Access-Review', 'last_access_review'],
    ['\tSensitivity_Label', 'sensitivity_label'],
  ])('matches the header %j to %s', (header, key) => {
    const { columns, issues } = matchHeaders([header], INVENTORY_TABLE);
    expect(columns.map((c) => c.column.key)).toEqual([key]);
    expect(issues.filter((i) => i.column === header)).toEqual([]);
  });

  it('reports unknown headers and missing required columns', () => {
    const { issues } = matchHeaders(['name', 'owner', 'office_code'], INVENTORY_TABLE);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('Unknown column "owner"'),
      'Required column "asset_type" is missing',
    ]);
  });

  it.each([
    ['personal_data', 'yes', true],
    ['personal_data', 'Oui', true],
    ['personal_data', 'sí', true],
    ['personal_data', 'si', true],
    ['personal_data', 'NON', false],
    ['personal_data', 'no', false],
    ['personal_data', 'maybe', { problem: expect.stringContaining('"maybe" is not one of') }],
    ['special_categories', 'health; biometric', ['health', 'biometric']],
    ['special_categories', 'health,biometric', ['health', 'biometric']],
    ['special_categories', 'Health | Protection GBV', ['health', 'protection_gbv']],
    ['special_categories', 'health; gossip', { problem: expect.stringContaining('"gossip" is not one of') }],
    ['data_subjects', 'beneficiaries; staff', ['beneficiaries_migrants', 'staff']],
    ['tags', 'a; b, c | d', ['a', 'b', 'c', 'd']],
    ['sensitivity_label', 'strictly confidential', 'Strictly Confidential'],
    ['sensitivity_label', 'Confidentiel', 'Confidential'],
    ['sensitivity_label', 'Top secret', { problem: expect.stringContaining('is not one of') }],
    ['asset_type', 'SharePoint site', 'file_share'],
    ['asset_type', 'Paper records', 'paper_records'],
    ['office_code', ' ke-nbo ', 'KE-NBO'],
    ['last_reviewed', '2026-02-28', '2026-02-28'],
    ['last_reviewed', '2026-02-30', { problem: expect.stringContaining('not a date') }],
    ['asset_id', 'not-an-id', { problem: 'not a Custos asset id' }],
    ['data_owner_email', ' Amina@Example.ORG ', 'amina@example.org'],
    ['data_owner_email', 'amina', { problem: 'not a valid e-mail address' }],
  ])('reads %s %j as %j', async (key, text, expected) => {
    expect(await parse(key, text)).toEqual(expected);
  });
});
