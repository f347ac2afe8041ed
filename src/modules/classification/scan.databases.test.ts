import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { loadLabelPolicy } from './label-policy.js';
import { createScanRunner } from './scan.js';
import type { ScanOptions } from './scan-report.js';
import { parseDatabaseUrl } from './sources/database.js';
import { connectMysql } from './sources/mysql.js';
import { connectPostgres } from './sources/postgres.js';
import { MARIADB_URL, mariadbAnswers } from './testing/mariadb.js';

/*
 * Scanning real servers: PostgreSQL (the dialect tests' server) and MariaDB on 127.0.0.1:3306 (root,
 * no password). Each test creates a throwaway schema or table of synthetic people and drops it.
 */
const runScan = createScanRunner({ clock: fixedClock('2026-11-30T12:00:00Z') });
const policy = loadLabelPolicy();
const FULL: ScanOptions = { sampling: { kind: 'full' }, policy };
const SAMPLE: ScanOptions = { sampling: { kind: 'sample', size: 25 }, policy };

const NAMES = ['Amina Yusuf', 'José García', 'Fatou Diallo', 'Hélène Dubois', 'Tariq Khan'];
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: NAMES[i % NAMES.length]!,
    phone: `+2547123${String(10_000 + i).padStart(5, '0')}`,
    born: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    notes: i % 2 ? 'VIH positivo, en tratamiento' : 'Diabetes tipo 2',
    code: `INV-${1000 + i}`,
  }));

const pgUrl = inject('pgUrl');
const suffix = `${process.pid}_${Date.now() % 100_000}`;

describe.skipIf(!pgUrl)('PostgreSQL', () => {
  const schema = `custos_scan_${suffix}`;
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: pgUrl! });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.query(
      `create table ${schema}.beneficiarios (id serial primary key, nombre text, tel text, born date, obs text, code text)`,
    );
    await client.query(
      `comment on column ${schema}.beneficiarios.obs is 'Condición de salud del beneficiario'`,
    );
    await client.query(`create table ${schema}.lookup (code text, label text)`);
    await client.query(`insert into ${schema}.lookup values ('A', 'Alpha'), ('B', 'Beta')`);
    for (const p of people(60))
      await client.query(
        `insert into ${schema}.beneficiarios (nombre, tel, born, obs, code) values ($1, $2, $3, $4, $5)`,
        [p.name, p.phone, p.born, p.notes, p.code],
      );
  });

  afterAll(async () => {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('scans every table of the schema: comments are evidence, no password in the names', async () => {
    const url = new URL(pgUrl!);
    url.searchParams.set('schema', schema);
    const report = await runScan([{ kind: 'database', url: url.toString() }], FULL);
    expect(report.errors).toEqual([]);
    const database = url.pathname.slice(1);
    expect(report.datasets.map((d) => [d.source, d.format, d.rows_scanned])).toEqual([
      [`postgres://${url.host}/${database}/${schema}.beneficiarios`, 'postgres', 60],
      [`postgres://${url.host}/${database}/${schema}.lookup`, 'postgres', 2],
    ]);
    const [people] = report.datasets;
    const types = Object.fromEntries(people!.columns.map((c) => [c.name, c.detections.map((d) => d.type)]));
    expect(types).toMatchObject({ nombre: ['person_name'], tel: ['phone'], obs: ['health'], code: [] });
    expect(people!.label.proposed).toBe('Strictly Confidential');
    expect(people!.label.reasons).toContain('column `obs`: health, high, 60/60 sampled');
    expect(report.datasets[1]!.label.proposed).toBe('Public');
  });

  it('samples rows in a read-only transaction', async () => {
    const url = new URL(pgUrl!);
    url.searchParams.set('schema', schema);
    const report = await runScan([{ kind: 'database', url: url.toString() }], SAMPLE);
    expect(report.datasets[0]!.rows_scanned).toBe(25);
    const tel = report.datasets[0]!.columns.find((c) => c.name === 'tel')!;
    expect(tel.detections[0]).toMatchObject({ type: 'phone', matched: 25, sampled: 25 });
  });

  it("the scanner's session cannot write", async () => {
    const session = await connectPostgres(parseDatabaseUrl(pgUrl!));
    await expect(session.query(`insert into ${schema}.lookup values ('C', 'Gamma')`)).rejects.toThrow(
      /read-only/,
    );
    await session.end();
  });

  it('reports a refused login as an error of that source', async () => {
    const url = new URL(pgUrl!);
    url.username = 'no_such_role_custos';
    url.password = 'wrong-password';
    const report = await runScan([{ kind: 'database', url: url.toString() }], FULL);
    expect(report.datasets).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(/refused the scan/);
    expect(JSON.stringify(report)).not.toContain('wrong-password');
  });
});

const MARIADB = MARIADB_URL;
const mariadb = await mariadbAnswers();

describe.skipIf(!mariadb)('MariaDB (skipped when 127.0.0.1:3306 does not answer)', () => {
  const table = `custos_scan_${suffix}`;
  let connection: mysql.Connection;

  beforeAll(async () => {
    connection = await mysql.createConnection({ uri: MARIADB });
    await connection.query(
      `create table ${table} (id int primary key auto_increment, nombre varchar(100), movil varchar(30) comment 'Teléfono móvil', correo varchar(100), religion varchar(50), huella blob)`,
    );
    for (const [i, p] of people(40).entries())
      await connection.query(
        `insert into ${table} (nombre, movil, correo, religion, huella) values (?, ?, ?, ?, ?)`,
        [
          p.name,
          p.phone,
          `persona${i}@example.org`,
          i % 2 ? 'Católica' : 'Musulmana',
          Buffer.from([0x46, 0x4d, 0x52, 0x00, i]),
        ],
      );
  });

  afterAll(async () => {
    await connection.query(`drop table if exists ${table}`);
    await connection.end();
  });

  it('scans the table read-only, column comments as evidence', async () => {
    const report = await runScan([{ kind: 'database', url: MARIADB }], FULL);
    const dataset = report.datasets.find((d) => d.source === `mysql://127.0.0.1:3306/test.${table}`);
    expect(dataset).toMatchObject({ format: 'mysql', rows_scanned: 40 });
    const types = Object.fromEntries(dataset!.columns.map((c) => [c.name, c.detections.map((d) => d.type)]));
    expect(types).toMatchObject({
      nombre: ['person_name'],
      movil: ['phone'],
      correo: ['email'],
      religion: ['religion'],
    });
    expect(dataset!.label.proposed).toBe('Strictly Confidential');
  });

  it('samples with ORDER BY RAND() LIMIT n', async () => {
    const report = await runScan([{ kind: 'database', url: MARIADB }], SAMPLE);
    expect(report.datasets.find((d) => d.source.endsWith(`.${table}`))!.rows_scanned).toBe(25);
  });

  it("the scanner's session cannot write", async () => {
    const session = await connectMysql(parseDatabaseUrl(MARIADB));
    await expect(session.query(`insert into ${table} (nombre) values ('x')`)).rejects.toThrow(/read only/i);
    await session.end();
  });
});
