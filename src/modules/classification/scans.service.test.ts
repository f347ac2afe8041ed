import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { readAllPages } from '../../cli/args.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { systemActor, type Role } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import type { Asset } from '../inventory/asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import { scopedContext } from '../org/testing/org-import.js';
import type { ScanSource } from './scan-report.js';
import { syntheticReport } from './synthetic-reports.js';
import { fakeScanner } from './testing/fake-scanner.js';

const admin: RequestContext = { actor: systemActor('test'), requestId: null };

function upload(names: string[]): { files: { path: string; name: string }[]; uploadDir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-scan-test-'));
  return {
    uploadDir: dir,
    files: names.map((name, i) => {
      const file = path.join(dir, `${i}`);
      fs.writeFileSync(file, 'nombre,telefono\nAna,+573001234567\n');
      return { path: file, name };
    }),
  };
}

describeEachDialect('sensitive-data scans and labels', ({ db }) => {
  let services: Services;
  let world: InventoryWorld;
  let asset: Asset;
  const seen: ScanSource[][] = [];
  const clock = fixedClock('2026-11-30T10:00:00.000Z');
  const kenya = (role: Role, personId: string | null = null): RequestContext => {
    const ctx = scopedContext(role, [world.offices.kenya.id]);
    return { ...ctx, actor: { ...ctx.actor, personId } };
  };

  const scanNow = async (ctx: RequestContext, names: string[], office = world.offices.kenya.id) => {
    const started = await services.scans.start(ctx, {
      kind: 'files',
      ...upload(names),
      office_id: office,
      sampling: { kind: 'sample', size: 1000 },
    });
    await services.jobRunner.idle();
    return services.scans.get(admin, started.scan_id);
  };

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    services.scans.useScanner(fakeScanner(seen));
    await services.jobRunner.start();
    world = await seedInventoryWorld(services, 'SC');
    asset = await addAsset(services, {
      name: 'Registration Kenya',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      data_custodian_id: world.staff.custodianA.id,
      sensitivity_label: 'Confidential',
    });
  });
  afterAll(() => services.jobRunner.stop());

  it('runs a scan as a job and stores each dataset with its proposal and masked evidence', async () => {
    const scan = await scanNow(admin, ['registro.csv', 'cases.csv', 'broken.xlsx']);
    expect(scan).toMatchObject({
      status: 'succeeded',
      dataset_count: 2,
      error_count: 1,
      highest_proposed: 'Strictly Confidential',
      sources: [
        { kind: 'file', name: 'registro.csv' },
        { kind: 'file', name: 'cases.csv' },
        { kind: 'file', name: 'broken.xlsx' },
      ],
    });
    expect(scan.datasets.map((d) => [d.position, d.source, d.proposal.label, d.version])).toEqual([
      [1, 'registro.csv', 'Confidential', 1],
      [2, 'cases.csv', 'Strictly Confidential', 1],
    ]);
    expect(scan.datasets[0]!.proposal.reasons[0]).toMatch(/column `\w+`: \w+, high, \d+\/1000 sampled/);
    expect(scan.datasets[0]!.columns.find((c) => c.name === 'telefono')?.detections[0]?.examples).toContain(
      '+5731******12',
    );
    expect(scan.errors).toEqual([{ source: 'broken.xlsx', message: expect.stringMatching(/encrypted/) }]);
    expect(scan.job).toMatchObject({ status: 'succeeded', result: { datasets: 2, errors: 1 } });
  });

  it('removes the uploaded files once the job has ended', async () => {
    const files = upload(['registro.csv']);
    const started = await services.scans.start(admin, {
      kind: 'files',
      ...files,
      sampling: { kind: 'full' },
    });
    await services.jobRunner.idle();
    expect(fs.existsSync(files.uploadDir)).toBe(false);
    expect((await services.scans.get(admin, started.scan_id)).sampling).toEqual({ kind: 'full' });
  });

  it('never stores the password of a scanned database', async () => {
    const started = await services.scans.start(admin, {
      kind: 'database',
      url: 'postgres://scanner:s3cret@db.example.org:5432/cases',
      sampling: { kind: 'sample', size: 50 },
    });
    await services.jobRunner.idle();
    expect(seen.at(-1)).toEqual([
      { kind: 'database', url: 'postgres://scanner:s3cret@db.example.org:5432/cases' },
    ]);
    const stored = await db()
      .kysely.selectFrom('scans')
      .selectAll()
      .where('id', '=', started.scan_id)
      .executeTakeFirstOrThrow();
    const job = await db()
      .kysely.selectFrom('jobs')
      .selectAll()
      .where('id', '=', started.job_id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify([stored, job])).not.toContain('s3cret');
    expect(JSON.parse(stored.sources_json)).toEqual([
      { kind: 'database', name: 'postgres://scanner@db.example.org:5432/cases' },
    ]);
  });

  it('lets only administrators scan a database, and scoped callers scan only for their offices', async () => {
    await expect(
      services.scans.start(kenya('office_focal_point'), {
        kind: 'database',
        url: 'postgres://h/db',
        sampling: { kind: 'full' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const files = upload(['x.csv']);
    await expect(
      services.scans.start(kenya('office_focal_point'), {
        kind: 'files',
        ...files,
        office_id: world.offices.senegal.id,
        sampling: { kind: 'full' },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.existsSync(files.uploadDir)).toBe(false);
    await expect(
      services.scans.start(kenya('office_focal_point'), {
        kind: 'files',
        ...upload(['x.csv']),
        sampling: { kind: 'full' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      services.scans.start(kenya('data_custodian'), {
        kind: 'files',
        ...upload(['x.csv']),
        sampling: { kind: 'full' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows scoped readers the scans of their offices only', async () => {
    const senegal = await scanNow(admin, ['counts.csv'], world.offices.senegal.id);
    const visible = (await services.scans.list(kenya('auditor'), {})).items;
    expect(visible.map((s) => s.id)).not.toContain(senegal.id);
    await expect(services.scans.get(kenya('auditor'), senegal.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(services.scans.list(kenya('viewer'), {})).rejects.toMatchObject({ code: 'forbidden' });
    expect(senegal.highest_proposed).toBe('Public');
  });

  it('pages scans newest first, ties broken by id, keeping out scans of other offices', async () => {
    const ethiopia = world.offices.ethiopia.id;
    const storeAt = async (at: string, officeId = ethiopia) => {
      clock.set(at);
      const report = syntheticReport(['paged.csv'], services.scans.policy());
      const input = { sources: [{ kind: 'file' as const, name: 'paged.csv' }], office_id: officeId };
      return (await services.scans.importReport(admin, { ...input, sampling: { kind: 'full' } }, report))
        .scan_id;
    };
    const now = clock.now().toISOString();
    let expected: string[];
    try {
      const oldest = [await storeAt('2025-01-10T08:00:00.000Z'), await storeAt('2025-01-10T08:00:00.000Z')];
      const middle = await storeAt('2025-06-01T08:00:00.000Z');
      await storeAt('2026-01-01T08:00:00.000Z', world.offices.senegal.id);
      const newest = [await storeAt('2026-01-01T08:00:00.000Z'), await storeAt('2026-01-01T08:00:00.000Z')];
      expected = [newest[1]!, newest[0]!, middle, oldest[1]!, oldest[0]!];
    } finally {
      clock.set(now);
    }
    const reader = scopedContext('auditor', [ethiopia]);
    const pages: string[][] = [];
    const seen = await readAllPages(async (cursor) => {
      const page = await services.scans.list(reader, { limit: 2, cursor });
      pages.push(page.items.map((s) => s.id));
      return page;
    });
    expect(seen.map((s) => s.id)).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const filtered = await services.scans.list(admin, { office_id: ethiopia, limit: 500 });
    expect(filtered).toEqual({ items: seen, next_cursor: null });
    await expect(services.scans.list(reader, { cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'cursor' }] },
    });
  });

  it('confirms the proposed label and writes it into the asset with audit events', async () => {
    const scan = await scanNow(admin, ['registro.csv']);
    const confirmed = await services.scans.confirm(admin, scan.id, 1, {
      label: 'confidential',
      version: 1,
      asset_id: asset.id,
      asset_version: asset.version,
    });
    expect(confirmed).toMatchObject({
      decision: { label: 'Confidential', change: 'as_proposed', justification: null },
      asset_id: asset.id,
      asset_name: 'Registration Kenya',
      version: 2,
    });
    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'entity_type', 'after_json'])
      .where('entity_id', 'in', [confirmed.id, asset.id])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'asset:create',
      'asset:update',
      'scan_dataset:label',
    ]);
    asset = await services.assets.get(admin, asset.id);
  });

  it('asks a justification to override or lower a label, and refuses a stale decision with 409', async () => {
    const scan = await scanNow(admin, ['cases.csv']);
    await expect(
      services.scans.confirm(admin, scan.id, 1, { label: 'Internal', version: 1 }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'justification' }] } });
    const lowered = await services.scans.confirm(admin, scan.id, 1, {
      label: 'Confidential',
      justification: 'Health column holds clinic names only, checked with the protection officer',
      version: 1,
    });
    expect(lowered.decision).toMatchObject({ label: 'Confidential', change: 'lowered' });
    await expect(
      services.scans.confirm(admin, scan.id, 1, { label: 'Strictly Confidential', version: 1 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(
      services.scans.confirm(admin, scan.id, 9, { label: 'Public', version: 1 }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses a stale asset version and writes nothing', async () => {
    const scan = await scanNow(admin, ['registro.csv']);
    await expect(
      services.scans.confirm(admin, scan.id, 1, {
        label: 'Confidential',
        version: 1,
        asset_id: asset.id,
        asset_version: asset.version - 1,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await services.scans.get(admin, scan.id)).datasets[0]!.decision).toBeNull();
  });

  it('lets a data custodian label their own asset only', async () => {
    const scan = await scanNow(admin, ['registro.csv', 'registro2.csv']);
    const other = await addAsset(services, {
      name: 'Someone else’s',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      data_custodian_id: world.staff.custodianB.id,
    });
    const custodian = kenya('data_custodian', world.staff.custodianA.id);
    const mine = await services.scans.confirm(custodian, scan.id, 1, {
      label: 'Confidential',
      version: 1,
      asset_id: asset.id,
      asset_version: asset.version,
    });
    expect(mine.asset_id).toBe(asset.id);
    await expect(
      services.scans.confirm(custodian, scan.id, 2, {
        label: 'Confidential',
        version: 1,
        asset_id: other.id,
        asset_version: other.version,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await services.scans.get(admin, scan.id)).datasets[1]!.decision).toBeNull();
  });

  it('registers a new asset with the confirmed label when asked', async () => {
    const scan = await scanNow(admin, ['cases.csv']);
    const done = await services.scans.confirm(admin, scan.id, 1, {
      label: 'Strictly Confidential',
      version: 1,
      register: { office_id: world.offices.kenya.id },
    });
    const registered = await services.assets.get(admin, done.asset_id!);
    expect(registered).toMatchObject({
      name: 'cases.csv',
      asset_type: 'dataset',
      sensitivity_label: 'Strictly Confidential',
      personal_data: true,
      office_id: world.offices.kenya.id,
    });
  });

  it('imports a report with register: links known assets, registers the others unlabelled, never applies a proposal', async () => {
    const policy = services.scans.policy();
    const input = (names: string[]) => ({
      sources: names.map((name) => ({ kind: 'file' as const, name })),
      office_id: world.offices.kenya.id,
      sampling: { kind: 'full' as const },
      register: true,
    });
    for (const name of ['twice.csv', 'twice.csv'])
      await addAsset(services, { name, asset_type: 'dataset', office_id: world.offices.kenya.id });
    const names = ['Registration Kenya', 'fresh-cases.csv', 'twice.csv', 'fresh-cases.csv'];
    const first = await services.scans.importReport(admin, input(names), syntheticReport(names, policy));
    expect(first.assets!.map((a) => [a.position, a.source, a.link, a.label])).toEqual([
      [1, 'Registration Kenya', 'linked', asset.sensitivity_label],
      [2, 'fresh-cases.csv', 'registered', null],
      [3, 'twice.csv', 'ambiguous', null],
      [4, 'fresh-cases.csv', 'registered', null], // the same source: the same asset, registered once
    ]);
    expect(first.assets![3]!.asset_id).toBe(first.assets![1]!.asset_id);
    const fresh = await services.assets.get(admin, first.assets![1]!.asset_id!);
    expect(fresh).toMatchObject({
      office_id: world.offices.kenya.id,
      sensitivity_label: null,
      personal_data: false,
    });
    const stored = await services.scans.get(admin, first.scan_id);
    expect(stored.datasets.map((d) => [d.asset_id, d.decision])).toEqual([
      [asset.id, null],
      [fresh.id, null],
      [null, null],
      [fresh.id, null],
    ]);
    // A second scan of the source finds the asset the first one registered.
    const again = await services.scans.importReport(
      admin,
      input(['fresh-cases.csv']),
      syntheticReport(['fresh-cases.csv'], policy),
    );
    expect(again.assets).toMatchObject([{ asset_id: fresh.id, link: 'linked' }]);
    // Confirming writes the label into the linked asset, and marks it as holding personal data.
    await services.scans.confirm(admin, again.scan_id, 1, {
      label: 'Strictly Confidential',
      version: 1,
      asset_id: fresh.id,
      asset_version: fresh.version,
    });
    expect(await services.assets.get(admin, fresh.id)).toMatchObject({
      sensitivity_label: 'Strictly Confidential',
      personal_data: true,
    });
  });

  it('refuses to register without an office, or for someone who may not scan', async () => {
    const report = syntheticReport(['x.csv'], services.scans.policy());
    const sampling = { kind: 'full' as const };
    await expect(
      services.scans.importReport(admin, { sources: [], sampling, register: true }, report),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'office_id' }] } });
    for (const role of ['data_custodian', 'auditor'] as const)
      await expect(
        services.scans.checkImport(kenya(role), {
          sources: [],
          office_id: world.offices.kenya.id,
          sampling,
          register: true,
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await services.assets.list(admin, { q: 'x.csv', limit: 10 })).items).toEqual([]);
  });
});
