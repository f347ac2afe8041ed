import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.js';
import { SCAN_FORMATS } from './scan-report.js';
import { SCAN_FAILED_EXIT } from './scan.cli.js';

/* The real `custos scan`, spawned as a user runs it; each spawn costs about a second. */
describe('custos scan', { timeout: 60_000 }, () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const custos = (...args: string[]) => runCli(args, 'sqlite::memory:');

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-scan-cli-'));
    fs.writeFileSync(
      file('beneficiarios.csv'),
      [
        'nombre;telefono;religión;report_date',
        ...Array.from({ length: 30 }, (_, i) =>
          [
            `${['Ana', 'Luis', 'Eva'][i % 3]} ${['López', 'Pérez'][i % 2]}`,
            `+57 300 ${1_000_000 + i * 7919}`,
            i % 2 ? 'Católica' : 'Evangélica',
            `2024-03-${10 + (i % 9)}`,
          ].join(';'),
        ),
      ].join('\n'),
    );
    fs.writeFileSync(file('inventory.csv'), 'product,count\nbolts,3\nnuts,5\n');
    fs.writeFileSync(file('binary.csv'), Buffer.from([0, 1, 2, 3, 0, 0, 7, 8, 9]));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--json prints the contract: datasets with label and reasons, columns with detections, errors', () => {
    const run = custos('scan', file('beneficiarios.csv'), file('inventory.csv'), '--json', '--full');
    expect(run.stderr).toBe(''); // --json: no progress either
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['datasets', 'errors']);
    expect(report.errors).toEqual([]);
    const [people, inventory] = report.datasets as Array<Record<string, unknown>>;
    expect(Object.keys(people!)).toEqual(['source', 'format', 'rows_scanned', 'label', 'columns']);
    expect(people).toMatchObject({
      source: file('beneficiarios.csv'),
      format: 'csv',
      rows_scanned: 30,
      label: { proposed: 'Strictly Confidential', rule: expect.any(String), reasons: expect.any(Array) },
    });
    expect(SCAN_FORMATS).toContain(people!.format);
    const columns = people!.columns as Array<{ name: string; detections: Array<Record<string, unknown>> }>;
    expect(columns.map((c) => c.name)).toEqual(['nombre', 'telefono', 'religión', 'report_date']);
    const phone = columns[1]!.detections[0]!;
    expect(Object.keys(phone).sort()).toEqual(['confidence', 'examples', 'matched', 'sampled', 'type']);
    expect(phone).toMatchObject({ type: 'phone', confidence: 'high', matched: 30, sampled: 30 });
    for (const example of phone.examples as string[]) expect(example).toContain('*');
    expect(columns[3]!.detections).toEqual([]);
    expect((people!.label as { reasons: string[] }).reasons).toContain(
      'column `telefono`: phone, high, 30/30 sampled',
    );
    expect(inventory).toMatchObject({ source: file('inventory.csv'), label: { proposed: 'Public' } });
    // No raw value in the output.
    expect(run.stdout).not.toContain('+57 300 1000000');
  });

  it('prints a table by default and exits with 11 when a source failed, after reading the others', () => {
    const run = custos('scan', file('binary.csv'), file('beneficiarios.csv'), '--sample', '10');
    expect(run.status).toBe(SCAN_FAILED_EXIT);
    expect(run.stdout).toContain(
      `${file('beneficiarios.csv')} (csv, 30 rows): Strictly Confidential, proposed`,
    );
    expect(run.stdout).toMatch(/telefono\s+phone\s+high\s+10\/10/);
    expect(run.stdout).toContain('1 source(s) could not be read:');
    expect(run.stdout).toContain(
      `${file('binary.csv')}: Unsupported file type: this looks like a binary file`,
    );
  });

  it('--json with a failed source: the error is in the report and the exit status says so', () => {
    const run = custos('scan', file('inventory.csv'), 'postgres://u:pw@127.0.0.1:1/db', '--json');
    expect(run.status).toBe(SCAN_FAILED_EXIT);
    const report = JSON.parse(run.stdout) as {
      datasets: unknown[];
      errors: Array<{ source: string; message: string }>;
    };
    expect(report.datasets).toHaveLength(1);
    expect(report.errors).toEqual([
      { source: 'postgres://127.0.0.1:1/db', message: expect.stringContaining('connection refused') },
    ]);
  });

  it('refuses --full with --sample before reading anything', () => {
    const both = custos('scan', file('inventory.csv'), '--full', '--sample', '5');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--full and --sample exclude each other');
  });

  it('--register stores through the database, so it is refused without an office of it before scanning', () => {
    const run = custos('scan', file('inventory.csv'), '--register');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--register needs --office');
    expect(run.stdout).toBe('');
    const unknown = custos('scan', file('inventory.csv'), '--register', '--office', 'KE-NBO');
    expect(unknown.status).toBe(5);
    expect(unknown.stderr).toContain('--office: office KE-NBO was not found');
  });

  it('refuses a sample size of 0', () => {
    const zero = custos('scan', file('inventory.csv'), '--sample', '0');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('--sample: a whole number from 1 to 1000000');
  });
});
