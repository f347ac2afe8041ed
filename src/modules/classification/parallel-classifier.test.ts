import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { loadLabelPolicy } from './label-policy.js';
import { shareColumns, type ParallelOptions } from './parallel-classifier.js';
import { seededRandom } from './reservoir.js';
import { createScanRunner } from './scan.js';
import type { ScanOptions } from './scan-report.js';

const clock = fixedClock('2026-11-30T12:00:00Z');
const single = createScanRunner({ clock, parallel: null });
const threaded = createScanRunner({ clock, parallel: { threads: 3, minRows: 200 } });
const FULL: ScanOptions = { sampling: { kind: 'full' }, policy: loadLabelPolicy() };

/*
 * Rows whose classification depends on their order: international numbers teach the phone matcher
 * Kenya, after which Kenyan national numbers are valid; a row-number column; examples (the first
 * distinct values); a column of repeated values (verdict cache); multi-line quoted notes.
 */
function rows(count: number): string[][] {
  const random = seededRandom(9);
  const int = (n: number) => Math.floor(random() * n);
  const names = ['Amina Yusuf', 'José García', 'Fatou Diallo', 'Chloé Martin', 'Wanjiru Kamau'];
  return Array.from({ length: count }, (_, i) => [
    String(i + 1),
    names[int(5)]!,
    i < count / 3
      ? `+2547${String(10_000_000 + int(89_999_999))}`
      : `07${String(10_000_000 + int(89_999_999))}`,
    int(4) === 0 ? '' : `person${i}@example.org`,
    `19${50 + int(50)}-0${1 + int(9)}-1${int(10)}`,
    ['M', 'F', 'Female', 'Male'][int(4)]!,
    `${int(5000)}.${int(100)}`,
    int(3) === 0 ? '"She said: ""my son was beaten""\nat the border"' : 'ok',
    int(10) === 0 ? `KE${String(int(1e9))}` : `ID-${int(1e6)}`,
  ]);
}
const HEADERS = [
  'row',
  'nombre',
  'telefono',
  'email',
  'date_of_birth',
  'sex',
  'amount',
  'notes',
  'national id',
];
const csv = (headers: string[], data: string[][]) =>
  [headers, ...data].map((row) => row.join(',')).join('\n') + '\n';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-parallel-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function both(name: string, text: string, runner = threaded) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const source = [{ kind: 'path' as const, path: file, name }];
  return { one: await single(source, FULL), two: await runner(source, FULL) };
}

/** Threads sharing the columns as given, whatever they cost: the first list is the scanner thread's. */
const sharedAs = (lists: number[][]): ParallelOptions => ({
  threads: lists.length,
  minRows: 200,
  share: () => lists,
});

describe('--full on worker threads', () => {
  it('gives the same report as one thread on a dataset large enough for threads', async () => {
    const { one, two } = await both('people.csv', csv(HEADERS, rows(5000)));
    expect(one.errors).toEqual([]);
    expect(one.datasets[0]!.rows_scanned).toBe(5000);
    expect(one.datasets[0]!.columns.find((c) => c.name === 'telefono')!.detections[0]).toMatchObject({
      type: 'phone',
      matched: 5000,
    });
    expect(two).toEqual(one);
  }, 60_000);

  it('gives the same report whichever thread takes each column', async () => {
    const text = csv(HEADERS, rows(1000));
    for (const lists of [
      [
        [0, 2, 4, 6, 8],
        [1, 5],
        [3, 7],
      ],
      [[], [0, 1, 2, 3, 4, 5, 6, 7, 8]],
      [[0, 1, 2, 3, 4, 5, 6, 7], [8]],
    ]) {
      const runner = createScanRunner({ clock, parallel: sharedAs(lists) });
      const { one, two } = await both('shared.csv', text, runner);
      expect(one.datasets[0]!.rows_scanned).toBe(1000);
      expect(two).toEqual(one);
    }
  }, 60_000);

  it('reads an HXL hashtag row under the headers the same way', async () => {
    const tags = [
      '',
      '#beneficiary+name',
      '#contact+phone',
      '#contact+email',
      '',
      '#beneficiary+gender',
      '',
      '',
      '',
    ];
    const { one, two } = await both('hxl.csv', csv(HEADERS, [tags, ...rows(1000)]));
    expect(one.datasets[0]!.rows_scanned).toBe(1000);
    expect(two).toEqual(one);
  }, 60_000);

  it('classifies a dataset smaller than the threshold in the scanner thread, with the same result', async () => {
    const { one, two } = await both('small.csv', csv(HEADERS, rows(150)));
    expect(two).toEqual(one);
  }, 60_000);
});

describe('shareColumns', () => {
  const classifying = (costs: number[]) => costs.map((classify) => ({ classify, send: 0 }));

  it('gives the costliest columns to the least loaded thread, counting the reading of the scanner thread', () => {
    expect(shareColumns(classifying([10, 1, 1, 8, 1, 1]), 2)).toEqual([
      [0, 4],
      [1, 2, 3, 5],
    ]);
    expect(shareColumns(classifying([5, 5, 5]), 4)).toEqual([[0], [1], [2], []]);
    expect(shareColumns(classifying([4, 4, 4]), 2, 6)).toEqual([[2], [0, 1]]);
  });

  it('keeps a column in the scanner thread when sending it to a worker costs more than it saves', () => {
    expect(shareColumns(classifying([8, 4]), 2, 10)).toEqual([[], [0, 1]]);
    expect(
      shareColumns(
        [
          { classify: 8, send: 0 },
          { classify: 4, send: 3 },
        ],
        2,
        10,
      ),
    ).toEqual([[1], [0]]);
  });
});
