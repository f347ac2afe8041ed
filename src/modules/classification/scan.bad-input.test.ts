import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { simpleXlsx } from '../../core/tabular/testing/files.js';
import { loadLabelPolicy } from './label-policy.js';
import { createScanRunner } from './scan.js';
import type { ScanOptions, ScanReport } from './scan-report.js';

/* Hostile and broken input: a clear error for that source, and the other sources still finish. */
const runScan = createScanRunner({ clock: fixedClock('2026-11-30T12:00:00Z') });
const OPTIONS: ScanOptions = { sampling: { kind: 'sample', size: 1000 }, policy: loadLabelPolicy() };
const GOOD = 'nombre,correo\nAna López,ana@example.org\nLuis Pérez,luis@example.org\n';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-scan-bad-'));
  fs.writeFileSync(file('good.csv'), GOOD);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Scan the bad file between two good ones: both good ones must be in the report. */
async function scanBetweenGood(name: string, bytes: Buffer | string): Promise<ScanReport> {
  fs.writeFileSync(file(name), bytes);
  const report = await runScan(
    [
      { kind: 'path', path: file('good.csv'), name: 'first.csv' },
      { kind: 'path', path: file(name), name },
      { kind: 'path', path: file('good.csv'), name: 'last.csv' },
    ],
    OPTIONS,
  );
  expect(report.datasets.map((d) => d.source)).toEqual(expect.arrayContaining(['first.csv', 'last.csv']));
  return report;
}

/** A ZIP whose many directory entries all point at one deflated part of `size` zero bytes. */
function overlappingZipBomb(entries: number, size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const centrals: Buffer[] = [];
  for (let i = 0; i < entries; i++) {
    const entryName = Buffer.from(i === 0 ? 'xl/workbook.xml' : `xl/part${i}.xml`);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(entryName.length, 28);
    central.writeUInt32LE(0, 42);
    centrals.push(central, entryName);
  }
  const directory = Buffer.concat(centrals);
  const start = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([local, name, data, directory, end]);
}

describe('bad input', () => {
  it('a corrupt workbook (truncated)', async () => {
    const bytes = await simpleXlsx([['a'], ['1']]);
    const report = await scanBetweenGood('broken.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(report.errors).toEqual([{ source: 'broken.xlsx', message: expect.stringContaining('damaged') }]);
  });

  it('an encrypted workbook (what Excel writes with a password: an OLE container)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    const report = await scanBetweenGood('secret.xlsx', ole);
    expect(report.errors).toEqual([
      { source: 'secret.xlsx', message: expect.stringContaining('password-protected Office file') },
    ]);
  });

  it('a workbook with an encrypted ZIP part', async () => {
    const bytes = Buffer.from(await simpleXlsx([['a'], ['1']]));
    for (let i = 0; i + 4 < bytes.length; i++)
      if (bytes.readUInt32LE(i) === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(i + 8) | 1, i + 8);
    const report = await scanBetweenGood('zipcrypto.xlsx', bytes);
    expect(report.errors).toEqual([
      { source: 'zipcrypto.xlsx', message: expect.stringContaining('an encrypted workbook') },
    ]);
  });

  it('a zip bomb: refused once the parts expand past 1 GiB, having inflated no more than that', async () => {
    const bomb = overlappingZipBomb(17, 64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const report = await scanBetweenGood('bomb.xlsx', bomb);
    expect(report.errors).toEqual([
      { source: 'bomb.xlsx', message: expect.stringContaining('expands to more than 1 GiB') },
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  }, 60_000);

  it('a binary file named .csv', async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const report = await scanBetweenGood('binary.csv', binary);
    expect(report.errors).toEqual([
      { source: 'binary.csv', message: expect.stringContaining('a binary file') },
    ]);
  });

  it('a PDF named .csv says what it is', async () => {
    const report = await scanBetweenGood('report.csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
    expect(report.errors[0]!.message).toContain('a PDF document');
  });

  it('ragged rows: short rows leave cells empty, long rows do not shift columns', async () => {
    const report = await scanBetweenGood(
      'ragged.csv',
      'nombre,correo,ciudad\nAna López\nLuis Pérez,luis@example.org,Quito,extra,cells\n,,\nEva Ruiz,eva@example.org\n',
    );
    expect(report.errors).toEqual([]);
    const ragged = report.datasets.find((d) => d.source === 'ragged.csv')!;
    expect(ragged.rows_scanned).toBe(4);
    expect(
      ragged.columns.map((c) => [c.name, c.detections.map((d) => `${d.type} ${d.matched}/${d.sampled}`)]),
    ).toEqual([
      ['nombre', ['person_name 3/3']],
      ['correo', ['email 2/2']],
      ['ciudad', []],
    ]);
  });

  it('10,000 columns: every one classified, the sample shrunk to keep memory bounded', async () => {
    const columns = 10_000;
    const header = Array.from({ length: columns }, (_, i) => (i === 9_999 ? 'correo' : `q${i}`));
    const rows = Array.from({ length: 50 }, (_, r) =>
      Array.from({ length: columns }, (_, i) => (i === 9_999 ? `p${r}@example.org` : String((r * i) % 7))),
    );
    const report = await scanBetweenGood(
      'wide.csv',
      [header, ...rows].map((row) => row.join(',')).join('\n'),
    );
    expect(report.errors).toEqual([]);
    const wide = report.datasets.find((d) => d.source === 'wide.csv')!;
    expect(wide.columns).toHaveLength(columns);
    // 200,000 sampled values over 10,000 columns: 20 per column.
    expect(wide.columns[9_999]!.detections[0]).toMatchObject({ type: 'email', matched: 20, sampled: 20 });
  }, 60_000);

  it('a 50 MB single line: refused with the row that is too long, without holding it', async () => {
    const line = Buffer.alloc(50 * 1024 * 1024, 'x');
    const before = process.memoryUsage().rss;
    const report = await scanBetweenGood('oneline.csv', line);
    expect(report.errors).toEqual([
      { source: 'oneline.csv', message: expect.stringMatching(/^Row 1 is longer than 16 Mi characters/) },
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(250 * 1024 * 1024);
  }, 60_000);

  it('a 2 MB quoted cell is read: the value is cut, the rows after it are all read', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    const report = await scanBetweenGood(
      'long-cell.csv',
      `notes\n"${'y'.repeat(2_000_000)}"\n${values.join('\n')}\n`,
    );
    expect(report.errors).toEqual([]);
    expect(report.datasets.find((d) => d.source === 'long-cell.csv')!.rows_scanned).toBe(5001);
  });

  it('an empty file is a dataset with nothing in it', async () => {
    const report = await scanBetweenGood('empty.csv', '');
    expect(report.datasets.find((d) => d.source === 'empty.csv')).toMatchObject({
      rows_scanned: 0,
      columns: [],
    });
  });

  it('unreachable and malformed databases: an error each, named without the password', async () => {
    const report = await runScan(
      [
        { kind: 'database', url: 'postgres://scanner:s3cret@127.0.0.1:1/people' },
        { kind: 'database', url: 'mysql://root:s3cret@127.0.0.1:2/people' },
        { kind: 'database', url: 'postgres://' },
        { kind: 'path', path: file('good.csv'), name: 'good.csv' },
      ],
      OPTIONS,
    );
    expect(report.datasets.map((d) => d.source)).toEqual(['good.csv']);
    expect(report.errors).toEqual([
      { source: 'postgres://127.0.0.1:1/people', message: expect.stringContaining('connection refused') },
      { source: 'mysql://127.0.0.1:2/people', message: expect.stringContaining('connection refused') },
      { source: 'postgres://', message: 'Not a database URL: postgres://' },
    ]);
    expect(JSON.stringify(report)).not.toContain('s3cret');
  });

  it('a cancelled scan keeps what finished and names every unfinished source', async () => {
    const controller = new AbortController();
    const report = await runScan(
      [
        { kind: 'path', path: file('good.csv'), name: 'one.csv' },
        { kind: 'path', path: file('good.csv'), name: 'two.csv' },
      ],
      OPTIONS,
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.sources_done === 1) controller.abort();
        },
      },
    );
    expect(report.datasets.map((d) => d.source)).toEqual(['one.csv']);
    expect(report.errors).toEqual([
      { source: 'two.csv', message: 'The scan was cancelled before this source was finished' },
    ]);
  });
});
