import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cell } from './cell-types.js';
import { column, defineTable } from './columns.js';
import { collect } from './testing/files.js';
import { safeSheetName, writeXlsx } from './write-xlsx.js';

const ROLES = ['data_owner', 'data_custodian', 'data_steward', 'focal_point'] as const;
const spec = defineTable({
  name: 'People',
  columns: [
    column({
      key: 'full_name',
      header: 'Full name',
      required: true,
      description: 'As on the contract',
      example: 'Amina Diallo',
      ...cell.text(),
    }),
    column({ key: 'kind', header: 'Kind', ...cell.choice(['staff', 'consultant']) }),
    column({ key: 'roles', header: 'Governance roles', aliases: ['Rôles'], ...cell.choiceList(ROLES) }),
    column({ key: 'since', header: 'Since', ...cell.date() }),
  ],
  instructions: ['Ask your focal point before adding a data owner.'],
});

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('writeXlsx', () => {
  it('writes the data sheet first with a bold frozen header, autofilter, widths and date cells', async () => {
    const workbook = await load(
      await collect(
        writeXlsx(spec, [
          {
            full_name: 'Amina Diallo',
            kind: 'staff',
            roles: ['focal_point', 'data_owner'],
            since: '2024-02-29',
          },
        ]),
      ),
    );
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['People', 'visible'],
      ['Instructions', 'visible'],
      ['Lists', 'hidden'],
    ]);
    const sheet = workbook.getWorksheet('People');
    if (!sheet) throw new Error('no People sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Full name', 'Kind', 'Governance roles', 'Since']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D1');
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual('Governance roles'.length);
    expect(sheet.getRow(2).getCell(3).value).toBe('focal_point; data_owner');
    const since = sheet.getRow(2).getCell(4);
    expect(since.value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(since.numFmt).toBe('yyyy-mm-dd');
  });

  it('offers drop-down lists fed by the hidden Lists sheet, strict only for single choices', async () => {
    const workbook = await load(await collect(writeXlsx(spec, [])));
    const sheet = workbook.getWorksheet('People');
    const lists = workbook.getWorksheet('Lists');
    if (!sheet || !lists) throw new Error('missing sheets');
    const kind = sheet.getCell('B2').dataValidation;
    expect(kind).toMatchObject({ type: 'list', formulae: ['Lists!$A$1:$A$2'], showErrorMessage: true });
    expect(sheet.getCell('B10001').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getCell('B10002').dataValidation).toBeUndefined();
    const roles = sheet.getCell('C2').dataValidation;
    expect(roles).toMatchObject({ type: 'list', formulae: ['Lists!$B$1:$B$4'] });
    expect(roles.showErrorMessage).toBeFalsy();
    expect(sheet.getCell('A2').dataValidation).toBeUndefined();
    expect(lists.getColumn(1).values.slice(1)).toEqual(['staff', 'consultant']);
    expect(lists.getColumn(2).values.slice(1)).toEqual([...ROLES]);
  });

  it('explains every column on the Instructions sheet', async () => {
    const workbook = await load(await collect(writeXlsx(spec, [], { title: 'People import' })));
    const sheet = workbook.getWorksheet('Instructions');
    if (!sheet) throw new Error('no Instructions sheet');
    const lines: string[] = [];
    sheet.eachRow((row) =>
      lines.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => (v === undefined ? '' : String(v)))
          .join(' | '),
      ),
    );
    expect(lines[0]).toBe('People import');
    expect(lines).toContain('Ask your focal point before adding a data owner.');
    expect(lines).toContain(
      'Column | Required | Format or allowed values | Description | Example | Also accepted as header',
    );
    expect(lines).toContain('Full name | yes | Text | As on the contract | Amina Diallo');
    expect(lines).toContain('Kind | no | One of: staff, consultant');
    expect(lines).toContain(
      'Governance roles | no | One or more of: data_owner, data_custodian, data_steward, focal_point (separated by ;) |  |  | Rôles',
    );
    expect(lines).toContain('Since | no | date as YYYY-MM-DD');
  });

  it('fails the stream when a value cannot be exported', async () => {
    const bad = defineTable({ name: 'Bad', columns: [column({ key: 'x', header: 'X', ...cell.text() })] });
    await expect(collect(writeXlsx(bad, [{ x: { nested: true } as unknown as string }]))).rejects.toThrow(
      'give it a format()',
    );
  });
});

describe('safeSheetName', () => {
  it.each([
    ['People', 'People'],
    ['Risks: 2025/Q1 [draft]?', 'Risks  2025 Q1  draft'],
    ['A very long register name that Excel would refuse', 'A very long register name that '],
    ['///', 'Data'],
  ])('%s → %s', (name, safe) => {
    expect(safeSheetName(name)).toBe(safe);
  });
});
