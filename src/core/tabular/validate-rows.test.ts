import { describe, expect, it } from 'vitest';
import { cell } from './cell-types.js';
import { column, defineTable, normaliseHeader } from './columns.js';
import { readCsv } from './read-csv.js';
import type { TabularRow } from './table.js';
import { describeIssue, validateRows } from './validate-rows.js';

const people = defineTable({
  name: 'People',
  columns: [
    column({
      key: 'full_name',
      header: 'Full name',
      required: true,
      aliases: ['Name', 'Nom', 'Nombre'],
      ...cell.text({ max: 50 }),
    }),
    column({
      key: 'email',
      header: 'E-mail',
      required: true,
      aliases: ['Courriel', 'Correo electrónico'],
      ...cell.email(),
    }),
    column({
      key: 'office',
      header: 'Office code',
      required: true,
      aliases: ['Bureau', 'Oficina'],
      ...cell.text({ max: 24 }),
    }),
    column({ key: 'roles', header: 'Governance roles', ...cell.choiceList(['data_owner', 'focal_point']) }),
    column({ key: 'start', header: 'Start date', ...cell.date() }),
    column({ key: 'end', header: 'End date', ...cell.date() }),
  ],
  unique: ['email'],
  check: (row) =>
    row.start && row.end && row.end < row.start
      ? [{ column: 'end', message: 'End date is before Start date' }]
      : [],
});

const rows = (...list: Array<[number, Record<string, string>]>): TabularRow[] =>
  list.map(([row, cells]) => ({ row, cells }));

describe('normaliseHeader', () => {
  it.each([
    ['E-mail', 'email'],
    [' EMAIL ', 'email'],
    ['Courriel', 'courriel'],
    ['Correo electrónico', 'correoelectronico'],
    ['Office_code', 'officecode'],
    ['Année', 'annee'],
  ])('%s → %s', (header, key) => {
    expect(normaliseHeader(header)).toBe(key);
  });
});

describe('validateRows', () => {
  it('returns typed records and their sheet rows when every cell is valid', async () => {
    const result = await validateRows(
      {
        headers: ['Nom', 'COURRIEL', 'bureau', 'Governance roles'],
        rows: rows(
          [
            2,
            {
              Nom: ' Amina Diallo ',
              COURRIEL: 'Amina@Custos-Demo.org',
              bureau: 'CO-SN',
              'Governance roles': 'Focal point',
            },
          ],
          [4, { Nom: 'Léa Martin', COURRIEL: 'lea@custos-demo.org', bureau: 'HQ-DPO' }],
        ),
      },
      people,
    );
    expect(result).toEqual({
      valid: [
        {
          full_name: 'Amina Diallo',
          email: 'amina@custos-demo.org',
          office: 'CO-SN',
          roles: ['focal_point'],
        },
        { full_name: 'Léa Martin', email: 'lea@custos-demo.org', office: 'HQ-DPO' },
      ],
      rowNumbers: [2, 4],
      issues: [],
      issueCount: 0,
      rowsRead: 2,
    });
  });

  it('reports every bad cell of every row with its row and the header as written', async () => {
    const result = await validateRows(
      {
        headers: ['Name', 'Correo electrónico', 'Oficina', 'Start date'],
        rows: rows(
          [2, { Name: 'Ok Person', 'Correo electrónico': 'ok@x.org', Oficina: 'CO-CO' }],
          [
            3,
            {
              Name: 'x'.repeat(51),
              'Correo electrónico': 'not-an-email',
              Oficina: 'CO-PE',
              'Start date': '31/12/2024',
            },
          ],
          [5, { 'Correo electrónico': 'someone@x.org' }],
        ),
      },
      people,
    );
    expect(result.valid).toHaveLength(1);
    expect(result.issues).toEqual([
      { path: 'full_name', row: 3, column: 'Name', message: 'at most 50 characters' },
      { path: 'email', row: 3, column: 'Correo electrónico', message: 'not a valid e-mail address' },
      { path: 'start', row: 3, column: 'Start date', message: '"31/12/2024" is not a date as YYYY-MM-DD' },
      { path: 'full_name', row: 5, column: 'Name', message: 'Full name is required' },
      { path: 'office', row: 5, column: 'Oficina', message: 'Office code is required' },
    ]);
    expect(result.issueCount).toBe(5);
  });

  it('reports unknown columns, doubled columns and missing required columns once, on the header row', async () => {
    const result = await validateRows(
      {
        headers: ['Name', 'Email', 'Courriel', 'Phone'],
        headerRow: 3,
        rows: rows(
          [4, { Name: 'Ada', Email: 'ada@x.org', Phone: '123' }],
          [5, { Name: 'Grace', Email: 'grace@x.org' }],
        ),
      },
      people,
    );
    expect(result.issues).toEqual([
      {
        path: 'email',
        row: 3,
        column: 'Courriel',
        message: 'Columns "Email" and "Courriel" both mean "E-mail"; keep one',
      },
      {
        path: 'Phone',
        row: 3,
        column: 'Phone',
        message:
          'Unknown column "Phone"; expected: Full name, E-mail, Office code, Governance roles, Start date, End date',
      },
      { path: 'office', row: 3, column: 'Office code', message: 'Required column "Office code" is missing' },
    ]);
    // The missing column is not reported again on every row.
    expect(result.valid).toHaveLength(2);
  });

  it('reports a value repeated in a unique column with the row it repeats', async () => {
    const result = await validateRows(
      {
        headers: ['Name', 'Email', 'Office code'],
        rows: rows(
          [2, { Name: 'A', Email: 'same@x.org', 'Office code': 'KE' }],
          [3, { Name: 'B', Email: 'SAME@x.org', 'Office code': 'KE' }],
        ),
      },
      people,
    );
    expect(result.issues).toEqual([
      { path: 'email', row: 3, column: 'Email', message: 'E-mail repeats row 2' },
    ]);
    expect(result.rowNumbers).toEqual([2]);
  });

  it('runs row checks across cells and reports them on the named column', async () => {
    const result = await validateRows(
      {
        headers: ['Name', 'Email', 'Office code', 'Start date', 'End date'],
        rows: rows([
          2,
          {
            Name: 'A',
            Email: 'a@x.org',
            'Office code': 'KE',
            'Start date': '2025-05-01',
            'End date': '2025-04-30',
          },
        ]),
      },
      people,
    );
    expect(result.issues).toEqual([
      { path: 'end', row: 2, column: 'End date', message: 'End date is before Start date' },
    ]);
  });

  it('reports values under a blank header by column letter', async () => {
    const table = await readCsv(Buffer.from('Name,Email,Office code,\nAda,ada@x.org,KE,stray\n'));
    const result = await validateRows(table, people);
    expect(result.issues.map(describeIssue)).toEqual(['Row 2, D: Column D has a value but no header']);
    expect(result.valid).toEqual([]);
  });

  it('keeps counting but stops collecting issues at maxIssues', async () => {
    const many = Array.from({ length: 30 }, (_, i): [number, Record<string, string>] => [
      i + 2,
      { Name: 'A', Email: 'bad', 'Office code': 'KE' },
    ]);
    const result = await validateRows(
      { headers: ['Name', 'Email', 'Office code'], rows: rows(...many) },
      people,
      { maxIssues: 10 },
    );
    expect(result.issues).toHaveLength(10);
    expect(result.issueCount).toBe(30);
    expect(result.rowsRead).toBe(30);
  });

  it('skips blank rows without counting them', async () => {
    const result = await validateRows(
      { headers: ['Name'], rows: rows([2, {}], [3, { Name: '  ' }]) },
      people,
    );
    expect(result.rowsRead).toBe(0);
  });
});

describe('defineTable', () => {
  it('refuses two columns accepting the same header', () => {
    expect(() =>
      defineTable({
        name: 'Broken',
        columns: [
          column({ key: 'email', header: 'E-mail', ...cell.email() }),
          column({ key: 'contact', header: 'Contact', aliases: ['email'], ...cell.text() }),
        ],
      }),
    ).toThrow('Columns email and contact both accept the header "email"');
  });

  it('refuses a unique key that is not a column and a reserved sheet name', () => {
    const columns = [column({ key: 'a', header: 'A', ...cell.text() })];
    expect(() => defineTable({ name: 'T', columns, unique: ['b' as 'a'] })).toThrow(
      'unique key b is not a column',
    );
    expect(() => defineTable({ name: 'Instructions', columns })).toThrow('reserved');
  });
});

describe('describeIssue', () => {
  it.each([
    [
      { path: 'email', row: 5, column: 'E-mail', message: 'not a valid e-mail address' },
      'Row 5, E-mail: not a valid e-mail address',
    ],
    [{ path: 'file', message: 'The file is empty' }, 'The file is empty'],
  ])('formats %o', (issue, text) => {
    expect(describeIssue(issue)).toBe(text);
  });
});
