import { describe, expect, it } from 'vitest';
import { cell } from './cell-types.js';
import { column, defineTable, type RowOf } from './columns.js';
import { readSpreadsheet } from './read.js';
import { collect } from './testing/files.js';
import { validateRows } from './validate-rows.js';
import { writeCsv } from './write-csv.js';
import { writeXlsx } from './write-xlsx.js';

const spec = defineTable({
  name: 'Assets',
  columns: [
    column({ key: 'name', header: 'Name', required: true, ...cell.text({ max: 2000 }) }),
    column({ key: 'code', header: 'Code', ...cell.text() }),
    column({ key: 'owner', header: 'Owner e-mail', ...cell.email() }),
    column({ key: 'level', header: 'Level', ...cell.choice(['public', 'internal', 'confidential']) }),
    column({ key: 'roles', header: 'Roles', ...cell.choiceList(['data_owner', 'focal_point']) }),
    column({ key: 'tags', header: 'Tags', ...cell.textList() }),
    column({ key: 'reviewed', header: 'Reviewed on', ...cell.date() }),
    column({ key: 'records', header: 'Records', ...cell.integer() }),
    column({ key: 'score', header: 'Score', ...cell.number() }),
    column({ key: 'personal', header: 'Personal data', ...cell.boolean() }),
  ],
});
type Asset = RowOf<typeof spec.columns>;

const ROWS: Asset[] = [
  {
    name: 'Registre des bénéficiaires — Côte d’Ivoire',
    code: '007',
    owner: 'amina.diallo@custos-demo.org',
    level: 'confidential',
    roles: ['data_owner', 'focal_point'],
    tags: ['health, protection', 'Bogotá'],
    reviewed: '2024-02-29',
    records: 120_000,
    score: 0.1,
    personal: true,
  },
  {
    name: 'Says "hi", twice; then\nbreaks the line',
    level: 'public',
    records: -3,
    score: -2.5,
    personal: false,
  },
  { name: '=1+1', code: '+41 22 000 00 00' },
  { name: '@handle', code: "'quoted" },
  { name: '-minus', code: "''=x" },
  { name: '  spaces inside  '.trim() + ' ok', tags: ['خريطة', '地图', 'карта'] },
  { name: 'Large and small', records: 9_007_199_254_740_991, score: 1e-7 },
];

async function importBack(bytes: Buffer) {
  const table = await readSpreadsheet(bytes);
  return validateRows(table, spec);
}

describe('export then import gives back the same values', () => {
  const exporters: Array<[string, () => Promise<Buffer>]> = [
    ['XLSX', () => collect(writeXlsx(spec, ROWS))],
    ['CSV with commas and BOM', () => collect(writeCsv(spec, ROWS))],
    ['CSV with semicolons', () => collect(writeCsv(spec, ROWS, { delimiter: ';' }))],
    ['CSV with tabs, no BOM', () => collect(writeCsv(spec, ROWS, { delimiter: '\t', bom: false }))],
  ];
  it.each(exporters)('%s', async (_name, exportRows) => {
    const result = await importBack(await exportRows());
    expect(result.issues).toEqual([]);
    expect(result.valid).toEqual(ROWS);
    expect(result.rowNumbers).toEqual(ROWS.map((_, i) => i + 2));
  });

  it('round-trips 5,000 rows through the streaming XLSX writer and reader', async () => {
    const many: Asset[] = Array.from({ length: 5000 }, (_, i) => ({
      name: `Asset ${i}`,
      records: i,
      reviewed: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
      level: i % 2 ? 'internal' : 'public',
    }));
    const result = await importBack(await collect(writeXlsx(spec, many)));
    expect(result.issueCount).toBe(0);
    expect(result.valid).toEqual(many);
  });

  it('an exported template (no rows) imports as zero rows and no issues', async () => {
    const result = await importBack(await collect(writeXlsx(spec, [])));
    expect(result).toMatchObject({ valid: [], issues: [], rowsRead: 0 });
  });
});
