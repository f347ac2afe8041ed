import { ColumnClassifier, type SamplingMode } from '../src/modules/classification/column-classifier.js';
import { DatasetClassifier } from '../src/modules/classification/dataset-classifier.js';
import { seededRandom } from '../src/modules/classification/reservoir.js';

const ROWS = 200_000;
const MATCH = { today: '2026-11-30', countries: [] };

const FIRST = ['Amina', 'José', 'Fatou', 'Chloé', 'Ahmed', 'María', 'John', 'Wanjiru', 'Hélène', 'Tariq'];
const LAST = ['Yusuf', 'García', 'Diallo', 'Martin', 'Haddad', 'López', 'Smith', 'Kamau', 'Dubois', 'Khan'];
const NOTES = [
  'The mother reports that her son has not attended school since March.',
  'Distribution completed at the warehouse without any incident today.',
  'La señora vive con su esposo y tres hijos en el barrio norte.',
  'ok',
];

export const BENEFICIARY_HEADERS = [
  'id',
  'nombre',
  'telefono',
  'email',
  'date_of_birth',
  'sex',
  'nationality',
  'district',
  'amount',
  'report_date',
  'notes',
];

/** Row `i` of a beneficiary-style table: what a field office exports, with personal and harmless columns. */
export function beneficiaryRow(i: number, int: (n: number) => number): string[] {
  return [
    String(i + 1),
    `${FIRST[int(10)]} ${LAST[int(10)]}`,
    `+2547${String(10_000_000 + int(89_999_999))}`,
    `person${i}@example.org`,
    `19${50 + int(50)}-0${1 + int(9)}-1${int(10)}`,
    int(2) ? 'M' : 'F',
    ['Kenya', 'Somalia', 'South Sudan', 'Ethiopia'][int(4)]!,
    `District ${int(40)}`,
    `${int(5000)}.${int(100)}`,
    `2024-0${1 + int(9)}-1${int(10)}`,
    NOTES[int(4)]!,
  ];
}

function generate(rows: number): { headers: string[]; data: string[][]; bytes: number } {
  const random = seededRandom(2026);
  const int = (n: number) => Math.floor(random() * n);
  const data: string[][] = [];
  let bytes = 0;
  for (let i = 0; i < rows; i++) {
    const row = beneficiaryRow(i, int);
    for (const value of row) bytes += Buffer.byteLength(value) + 1;
    data.push(row);
  }
  return { headers: BENEFICIARY_HEADERS, data, bytes };
}

function mbPerSecond(bytes: number, ms: number): string {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of this process: less disturbed than wall time on a busy machine. */
  cpu: number;
}

function timed(work: () => void): Timing {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1000 };
}

function median(timings: Timing[]): Timing {
  const by = (key: keyof Timing) =>
    timings.map((t) => t[key]).sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
  return { wall: by('wall'), cpu: by('cpu') };
}

function describeRate(bytes: number, t: Timing): string {
  return `wall ${t.wall.toFixed(0)} ms (${mbPerSecond(bytes, t.wall)}), cpu ${t.cpu.toFixed(0)} ms (${mbPerSecond(bytes, t.cpu)})`;
}

function classifyTable(headers: readonly string[], data: readonly string[][], mode: SamplingMode): Timing {
  return timed(() => {
    const classifier = new DatasetClassifier(headers, { match: MATCH, mode, source: 'beneficiaries.csv' });
    for (const row of data) {
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => (cells[h] = row[i]!));
      classifier.feedRow(cells);
    }
    classifier.finish();
  });
}

function classifyColumn(name: string, column: readonly string[]): Timing {
  return timed(() => {
    const classifier = new ColumnClassifier({ name, match: MATCH, mode: { kind: 'full' } });
    for (const value of column) classifier.feed(value);
    classifier.finish();
  });
}

/**
 * Throughput of the column classifier over generated values already in memory (no parsing, no
 * I/O): full mode checks every value with every detector; sample mode keeps 1,000 values per
 * column and checks those. Bytes count the values as UTF-8 plus one separator each.
 */
export async function benchClassification(): Promise<void> {
  const { headers, data, bytes } = generate(ROWS);
  console.log(`${ROWS} rows × ${headers.length} columns, ${(bytes / 1e6).toFixed(1)} MB of values`);
  classifyTable(headers, data.slice(0, 20_000), { kind: 'full' }); // warm-up
  const full = median([1, 2, 3].map(() => classifyTable(headers, data, { kind: 'full' })));
  console.log(`full mode, whole table (median of 3): ${describeRate(bytes, full)}`);
  const withoutPhones = headers.filter((h) => h !== 'telefono');
  const index = withoutPhones.map((h) => headers.indexOf(h));
  const rest = data.map((row) => index.map((i) => row[i]!));
  const restBytes = rest.reduce((n, row) => n + row.reduce((m, v) => m + Buffer.byteLength(v) + 1, 0), 0);
  const noPhone = median([1, 2, 3].map(() => classifyTable(withoutPhones, rest, { kind: 'full' })));
  console.log(`full mode, without the phone column (median of 3): ${describeRate(restBytes, noPhone)}`);
  const sample = median(
    [1, 2, 3].map(() => classifyTable(headers, data, { kind: 'sample', size: 1000, seed: 1 })),
  );
  console.log(`sample mode, 1,000 values per column (median of 3): ${describeRate(bytes, sample)}`);
  console.log('\nfull mode, one column at a time:');
  headers.forEach((header, i) => {
    const column = data.map((row) => row[i]!);
    const columnBytes = column.reduce((n, v) => n + Buffer.byteLength(v) + 1, 0);
    console.log(
      `  ${header.padEnd(14)} ${(columnBytes / 1e6).toFixed(1).padStart(5)} MB  ${describeRate(columnBytes, classifyColumn(header, column))}`,
    );
  });
  await Promise.resolve();
}
