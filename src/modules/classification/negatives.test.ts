import { describe, expect, it } from 'vitest';
import type { DetectorId } from './classification.schema.js';
import { classifyColumn, values } from './testing/classify.js';

/*
 * Columns that look like personal data to a naive pattern and are not. A false positive here
 * pushes a harmless file to Confidential and teaches people to ignore the labels, so this table
 * matters as much as the detectors' own.
 */
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const uuid = (i: number) => `0190d6c2-7e4b-7c3a-9f1e-${pad(100_000_000_000 + i * 7919, 12)}`;
const day = (i: number) => `2024-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`;

const NEGATIVES: ReadonlyArray<[string, string, readonly string[]]> = [
  ['invoice numbers', 'invoice_number', values(200, (i) => `INV-2024-${pad(i + 1, 4)}`)],
  ['invoice numbers without a telling header', 'ref', values(200, (i) => `INV-2024-${pad(i + 1, 4)}`)],
  ['numeric invoice numbers', 'invoice', values(200, (i) => String(2024_000_100 + i * 37))],
  ['SKU codes', 'sku', values(200, (i) => `SKU-${88_000 + i * 3}`)],
  ['product codes', 'product code', values(200, (i) => `PRD-${pad(i * 13, 6)}-KE`)],
  ['EAN-13 barcodes', 'barcode', values(200, (i) => String(4_006_381_333_931 + i * 1_000_003))],
  ['report dates', 'report_date', values(200, day)],
  ['report dates in French', 'date du rapport', values(200, day)],
  ['report dates in Spanish', 'fecha_informe', values(200, day)],
  ['dates under a plain date header', 'date', values(200, day)],
  [
    'day-first dates',
    'distribution date',
    values(200, (i) => `${pad(1 + (i % 28), 2)}/${pad(1 + (i % 12), 2)}/2024`),
  ],
  ['counts', 'count', values(200, (i) => String((i * 7) % 40))],
  ['counts of people', 'number of children', values(200, (i) => String(i % 9))],
  ['French counts', 'nombre de personnes', values(200, (i) => String(1 + (i % 12)))],
  ['totals', 'total', values(200, (i) => String(1_000 + i * 17))],
  ['amounts', 'amount', values(200, (i) => `${1 + i},${pad((i * 7) % 1000, 3)}.50`)],
  ['opaque row ids', 'id', values(500, (i) => String(i + 1))],
  ['row numbers without a header', 'col', values(500, (i) => String(i + 1))],
  ['large row ids', 'row', values(500, (i) => String(1_000_001 + i))],
  ['row ids from a database sequence', 'record_id', values(500, (i) => String(254_700_000_001 + i))],
  ['UUIDs', 'uuid', values(200, uuid)],
  ['UUIDs without a header', 'col', values(200, uuid)],
  [
    'ISO timestamps of events',
    'created_at',
    values(200, (i) => `${day(i)}T${pad(i % 24, 2)}:${pad(i % 60, 2)}:00Z`),
  ],
  [
    'KoBo submission times',
    '_submission_time',
    values(200, (i) => `${day(i)}T10:${pad(i % 60, 2)}:12.000+03:00`),
  ],
  ['timestamps with a space', 'timestamp', values(200, (i) => `${day(i)} ${pad(i % 24, 2)}:15`)],
  ['years', 'year', values(200, (i) => String(1990 + (i % 35)))],
  ['postal codes', 'postal code', values(200, (i) => pad(10_000 + i * 37, 5))],
  ['version numbers', 'version', values(200, (i) => `1.${i % 10}.${i % 7}`)],
];

const NEVER: readonly DetectorId[] = ['phone', 'date_of_birth', 'national_id'];

describe('negative table: no phone, date of birth or national ID', () => {
  it.each(NEGATIVES)('%s (header %s)', (_name, header, column) => {
    for (const mode of [{ kind: 'full' } as const, { kind: 'sample', size: 100, seed: 3 } as const]) {
      const found = classifyColumn(header, column, { mode }).filter((d) => NEVER.includes(d.type));
      expect(found).toEqual([]);
    }
  });

  it('finds nothing personal at all in invoice numbers, SKUs, counts, row ids, UUIDs and event timestamps', () => {
    const plain = ['invoice_number', 'sku', 'count', 'id', 'uuid', 'created_at'];
    for (const [, header, column] of NEGATIVES.filter(([, h]) => plain.includes(h))) {
      expect({ header, detections: classifyColumn(header, column) }).toEqual({ header, detections: [] });
    }
  });
});
