import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { simpleXlsx, xlsxBuffer } from '../../core/tabular/testing/files.js';
import { loadLabelPolicy } from './label-policy.js';
import { createScanRunner } from './scan.js';
import type { ScanDataset, ScanOptions, ScanReport } from './scan-report.js';
import { parquetFile } from './testing/parquet.js';

/* Every reader, through the scanner, on files generated here (synthetic people only). */
const runScan = createScanRunner({ clock: fixedClock('2026-11-30T12:00:00Z') });
const FULL: ScanOptions = { sampling: { kind: 'full' }, policy: loadLabelPolicy() };

const HEADER = ['nombre', 'teléfono', 'correo'];
const PEOPLE = [
  ['María José Núñez', '+254712345601', 'maria@example.org'],
  ['Hélène Dubois', '+254712345602', 'helene@example.org'],
  ['Çağrı Öztürk', '+254712345603', 'cagri@example.org'],
];
const csvText = (delimiter: string) =>
  [HEADER, ...PEOPLE].map((row) => row.join(delimiter)).join('\r\n') + '\r\n';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-scan-readers-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function scanFile(name: string, bytes: Buffer | string, options = FULL): Promise<ScanReport> {
  fs.writeFileSync(file(name), bytes);
  return runScan([{ kind: 'path', path: file(name), name }], options);
}

function types(dataset: ScanDataset): Record<string, string[]> {
  return Object.fromEntries(dataset.columns.map((c) => [c.name, c.detections.map((d) => d.type)]));
}

const PEOPLE_TYPES = { nombre: ['person_name'], teléfono: ['phone'], correo: ['email'] };

describe('CSV and TSV in every encoding Excel writes', () => {
  const cases: Array<{ name: string; bytes: Buffer; format: 'csv' | 'tsv' }> = [
    { name: 'utf8.csv', bytes: Buffer.from(csvText(','), 'utf8'), format: 'csv' },
    {
      name: 'bom.csv',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(';'))]),
      format: 'csv',
    },
    {
      name: 'utf16le.csv',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csvText('\t'), 'utf-16le')]),
      format: 'csv',
    },
    {
      name: 'utf16be.csv',
      bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csvText(','), 'utf-16be')]),
      format: 'csv',
    },
    { name: 'utf16le-nobom.csv', bytes: iconv.encode(csvText(','), 'utf-16le'), format: 'csv' },
    // Windows-1252 cannot write Ç/ğ/Ö of the third person: the first two are enough to decide.
    {
      name: 'cp1252.csv',
      bytes: iconv.encode(csvText(';').replace('Çağrı Öztürk', 'Agnès Varda'), 'windows-1252'),
      format: 'csv',
    },
    { name: 'people.tsv', bytes: Buffer.from(csvText('\t')), format: 'tsv' },
  ];
  for (const c of cases) {
    it(`${c.name}: headers and values decoded, detections made`, async () => {
      const report = await scanFile(c.name, c.bytes);
      expect(report.errors).toEqual([]);
      const [dataset] = report.datasets;
      expect(dataset).toMatchObject({ source: c.name, format: c.format, rows_scanned: 3 });
      expect(types(dataset!)).toEqual(PEOPLE_TYPES);
      expect(dataset!.label.proposed).toBe('Confidential');
      expect(dataset!.columns[0]!.detections[0]!.examples[0]).toMatch(/^[MHA]\*+/);
    });
  }
});

describe('XLSX: every sheet, one dataset each', () => {
  it('reads each sheet, hidden ones included, named file.xlsx#Sheet', async () => {
    const bytes = await xlsxBuffer((workbook) => {
      const people = workbook.addWorksheet('Beneficiarios');
      people.addRow(HEADER);
      for (const row of PEOPLE) people.addRow(row);
      const codes = workbook.addWorksheet('Codes', { state: 'hidden' });
      codes.addRow(['code', 'count']);
      codes.addRow(['A1', 3]);
    });
    const report = await scanFile('registro.xlsx', bytes);
    expect(report.errors).toEqual([]);
    expect(report.datasets.map((d) => [d.source, d.format, d.rows_scanned, d.label.proposed])).toEqual([
      ['registro.xlsx#Beneficiarios', 'xlsx', 3, 'Confidential'],
      ['registro.xlsx#Codes', 'xlsx', 1, 'Public'],
    ]);
    expect(types(report.datasets[0]!)).toEqual(PEOPLE_TYPES);
  });

  it('recognises a workbook by its content whatever its name', async () => {
    const report = await scanFile('export.csv', await simpleXlsx([HEADER, ...PEOPLE], 'Hoja1'));
    expect(report.datasets.map((d) => d.source)).toEqual(['export.csv#Hoja1']);
  });
});

describe('JSON, JSON Lines: field paths as columns', () => {
  const records = PEOPLE.map(([name, phone, email], i) => ({
    id: i + 1,
    person: { nombre: name, contact: { teléfono: phone } },
    correos: [{ correo: email }, { correo: `alt${i}@example.org` }],
    tags: ['a', 'b'],
    note: null,
  }));
  const expected = {
    id: [],
    'person.nombre': ['person_name'],
    'person.contact.teléfono': ['phone'],
    'correos[].correo': ['email'],
    'tags[]': [],
  };

  it('JSON Lines, line by line (blank lines skipped)', async () => {
    const report = await scanFile('people.jsonl', records.map((r) => JSON.stringify(r)).join('\n\n') + '\n');
    expect(report.errors).toEqual([]);
    expect(report.datasets[0]).toMatchObject({ format: 'jsonl', rows_scanned: 3 });
    expect(types(report.datasets[0]!)).toEqual(expected);
    // Two addresses per record: every one is checked.
    expect(report.datasets[0]!.columns[3]!.detections[0]).toMatchObject({ matched: 6, sampled: 6 });
  });

  it('a JSON array of records, streamed element by element', async () => {
    const report = await scanFile('people.json', JSON.stringify(records, null, 2));
    expect(report.datasets[0]).toMatchObject({ format: 'json', rows_scanned: 3 });
    expect(types(report.datasets[0]!)).toEqual(expected);
  });

  it('cuts array elements correctly around brackets, braces and escaped quotes in strings', async () => {
    const tricky = [
      { nota: 'a ] b } c { [ "quoted" \\', correo: 'uno@example.org' },
      { nota: '",{"x":1}', correo: 'dos@example.org' },
    ];
    const report = await scanFile(
      'tricky.json',
      `  [ ${tricky.map((t) => JSON.stringify(t)).join(' ,\n ')} ]  \n`,
    );
    expect(report.errors).toEqual([]);
    expect(report.datasets[0]).toMatchObject({ rows_scanned: 2 });
    expect(types(report.datasets[0]!)).toEqual({ nota: [], correo: ['email'] });
  });

  it('streams an array larger than a read chunk, elements spanning chunks', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      correo: `persona${i}@example.org`,
      nota: 'x'.repeat(i % 97),
    }));
    const text = JSON.stringify(many);
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    const report = await scanFile('many.json', text);
    expect(report.errors).toEqual([]);
    expect(report.datasets[0]!.rows_scanned).toBe(3000);
    expect(report.datasets[0]!.columns[0]!.detections[0]).toMatchObject({ type: 'email', matched: 3000 });
  });

  it('refuses text after the closing bracket of the array', async () => {
    const report = await scanFile('trailing.json', '[{"a":1}] x');
    expect(report.errors[0]!.message).toContain('unexpected text after the closing ]');
  });

  it('a JSON document that is not an array is one record', async () => {
    const report = await scanFile('one.json', JSON.stringify({ contacto: { correo: 'ana@example.org' } }));
    expect(report.datasets[0]).toMatchObject({ rows_scanned: 1 });
    expect(types(report.datasets[0]!)).toEqual({ 'contacto.correo': ['email'] });
  });

  it('reports invalid JSON with where it is', async () => {
    const report = await scanFile('bad.jsonl', '{"a":1}\n{"a":\n');
    expect(report.errors).toEqual([
      { source: 'bad.jsonl', message: expect.stringMatching(/^Line 2: not valid JSON/) },
    ]);
  });
});

describe('Parquet', () => {
  it('reads every row group', async () => {
    const bytes = parquetFile(HEADER, [PEOPLE.slice(0, 2), PEOPLE.slice(2)]);
    const report = await scanFile('people.parquet', bytes);
    expect(report.errors).toEqual([]);
    expect(report.datasets[0]).toMatchObject({
      source: 'people.parquet',
      format: 'parquet',
      rows_scanned: 3,
    });
    expect(types(report.datasets[0]!)).toEqual(PEOPLE_TYPES);
  });

  it('refuses a file named .parquet that is not one', async () => {
    const report = await scanFile('fake.parquet', 'a,b\n1,2\n');
    expect(report.errors[0]!.message).toContain('not a Parquet file');
  });
});

describe('plain text and Markdown', () => {
  it('reads paragraphs, and the contacts written in them', async () => {
    const text = [
      '# Visit notes',
      '',
      'The mother told us her son has not been to school since March.',
      'She can be reached at fatou.diallo@example.org or +254 712 345 678.',
      '',
      'Distribution finished without incident.',
    ].join('\n');
    const report = await scanFile('notes.md', text);
    const [dataset] = report.datasets;
    expect(dataset).toMatchObject({ format: 'text', rows_scanned: 3 });
    expect(types(dataset!)).toEqual({
      paragraph: ['free_text_personal'],
      'contact details in the text': expect.arrayContaining(['email', 'phone']),
    });
    expect(dataset!.label.proposed).toBe('Confidential');
  });
});

describe('folders', () => {
  it('reads known files recursively, skips hidden ones, follows a link loop once', async () => {
    const root = file('share');
    fs.mkdirSync(path.join(root, 'sub', '.git'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a.csv'), csvText(','));
    fs.writeFileSync(path.join(root, 'sub', 'b.jsonl'), '{"correo":"x@example.org"}\n');
    fs.writeFileSync(path.join(root, 'sub', '.hidden.csv'), csvText(','));
    fs.writeFileSync(path.join(root, 'sub', '.git', 'c.csv'), csvText(','));
    fs.writeFileSync(path.join(root, 'sub', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
    const report = await runScan([{ kind: 'path', path: root }], FULL);
    expect(report.errors).toEqual([]);
    expect(report.datasets.map((d) => path.relative(root, d.source))).toEqual([
      'a.csv',
      path.join('sub', 'b.jsonl'),
    ]);
  });

  it('a missing path is an error of its own', async () => {
    const report = await runScan([{ kind: 'path', path: file('nowhere') }], FULL);
    expect(report.errors).toEqual([
      { source: file('nowhere'), message: `File or folder ${file('nowhere')} was not found` },
    ]);
  });
});

describe('sampling', () => {
  it('samples up to N values per column over the whole file; --full checks them all', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `persona${i}@example.org`);
    const text = ['correo', ...rows].join('\n');
    const sampled = await scanFile('many.csv', text, { ...FULL, sampling: { kind: 'sample', size: 100 } });
    expect(sampled.datasets[0]!.rows_scanned).toBe(5000);
    expect(sampled.datasets[0]!.columns[0]!.detections[0]).toMatchObject({
      type: 'email',
      matched: 100,
      sampled: 100,
    });
    const full = await scanFile('many.csv', text);
    expect(full.datasets[0]!.columns[0]!.detections[0]).toMatchObject({ matched: 5000, sampled: 5000 });
  });
});
