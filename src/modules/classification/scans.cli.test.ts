import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { newId } from '../../core/ids.js';
import type { Job } from '../jobs/jobs.schema.js';
import type { ScanDataset, ScanDetail, ScanSummary } from './sensitive-data.schema.js';
import { fakeScanner } from './testing/fake-scanner.js';

/* `custos scans|label|jobs ...` in-process on both dialects, over a scan run by the services. */
describeCli('scan, label and job commands', ({ ok, json, custos, services, ctx }) => {
  let scanId: string;

  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    const s = services();
    s.scans.useScanner(fakeScanner());
    await s.jobRunner.start();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-scan-'));
    fs.writeFileSync(path.join(dir, '1.csv'), 'nombre\nAna\n');
    fs.writeFileSync(path.join(dir, '2.csv'), 'case_number\nPRT-1\n');
    const started = await s.scans.start(ctx, {
      kind: 'files',
      files: [
        { path: path.join(dir, '1.csv'), name: 'registro.csv' },
        { path: path.join(dir, '2.csv'), name: 'cases.csv' },
      ],
      uploadDir: dir,
      sampling: { kind: 'sample', size: 1000 },
    });
    await s.jobRunner.idle();
    await s.jobRunner.stop();
    scanId = started.scan_id;
  });

  it('lists and shows scans with their proposals', async () => {
    const list = await json<ScanSummary[]>('scans list --json');
    expect(list.map((s) => [s.id, s.status, s.dataset_count])).toEqual([[scanId, 'succeeded', 2]]);
    expect(await ok(`scans show ${scanId}`)).toMatch(
      /\[2\] cases\.csv \(csv, 412 rows\): proposed Strictly Confidential/,
    );
    expect((await json<ScanDetail>(`scans show ${scanId} --json`)).datasets).toHaveLength(2);
  });

  it('confirms a label, registering an asset, and refuses an override without justification', async () => {
    const refused = await custos(`label confirm ${scanId} 1 --label Internal`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/justification/);
    const done = await json<ScanDataset>(
      `label confirm ${scanId} 1 --label Confidential --register KE-NBO --json`,
    );
    expect(done).toMatchObject({
      decision: { label: 'Confidential', change: 'as_proposed' },
      asset_name: 'registro.csv',
    });
    const asset = await services().assets.get(ctx, done.asset_id!);
    expect(asset.sensitivity_label).toBe('Confidential');
    expect(
      await ok(
        `label confirm ${scanId} 2 --label Confidential --asset ${asset.id} --justification`,
        'Health column is clinic names only',
      ),
    ).toMatch(/cases\.csv: Confidential \(lowered\), written to asset registro\.csv/);
  });

  it('lists and shows the scan job', async () => {
    const jobs = await json<Job[]>('jobs list --kind scan --json');
    expect(jobs.map((j) => j.status)).toEqual(['succeeded']);
    expect(await ok(`jobs show ${jobs[0]!.id}`)).toMatch(/scan job .*: succeeded/);
    expect((await custos('jobs list --status done')).code).toBe(2);
  });

  it('lists every page of scans, newest first, and those of one office with --office', async () => {
    const db = services().db.kysely;
    const scan = await db.selectFrom('scans').selectAll().where('id', '=', scanId).executeTakeFirstOrThrow();
    const job = await db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', scan.job_id)
      .executeTakeFirstOrThrow();
    const kenya = (await services().offices.findByCode(ctx, 'KE-NBO'))!;
    // More scans of Kenya than one page of the command (500) holds, one a minute from 2027.
    const copies = Array.from({ length: 501 }, (_, i) => {
      const created_at = new Date(Date.UTC(2027, 0, 1, 0, i)).toISOString();
      const jobId = newId();
      return {
        job: { ...job, id: jobId, office_id: kenya.id, created_at },
        scan: { ...scan, id: newId(), job_id: jobId, office_id: kenya.id, created_at },
      };
    });
    for (let i = 0; i < copies.length; i += 100) {
      const chunk = copies.slice(i, i + 100);
      await db
        .insertInto('jobs')
        .values(chunk.map((c) => c.job))
        .execute();
      await db
        .insertInto('scans')
        .values(chunk.map((c) => c.scan))
        .execute();
    }
    const newestFirst = copies.map((c) => c.scan.id).reverse();
    const inKenya = await json<ScanSummary[]>('scans list --office KE-NBO --json');
    expect(inKenya.map((s) => s.id)).toEqual(newestFirst);
    const all = await json<ScanSummary[]>('scans list --json');
    expect(all.map((s) => s.id)).toEqual([...newestFirst, scanId]);
    expect((await custos('scans list --office NOPE')).code).not.toBe(0);
  });
});
