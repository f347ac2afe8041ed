import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import type { ScanReport } from './scan-report.js';
import type { ImportedScan } from './scans.import.js';
import type { ScanDataset, ScanDetail } from './sensitive-data.schema.js';

type RegisteredReport = ScanReport & { register: ImportedScan };

/*
 * `custos scan … --register` in-process on both dialects: the real scanner over files on disk, the
 * scan stored through the scan service as the web's are, assets linked or registered unlabelled, and
 * labels applied only by a person's confirmation.
 */
describeCli('custos scan --register', ({ custos, ok, json, services, ctx }) => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  let people: string;
  let stock: string;
  let peopleAsset: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-scan-register-'));
    people = file('beneficiarios.csv');
    stock = file('stock.csv');
    fs.writeFileSync(
      people,
      [
        'nombre;telefono;religión',
        ...Array.from({ length: 20 }, (_, i) =>
          [
            `${['Ana', 'Luis', 'Eva'][i % 3]} ${['López', 'Pérez'][i % 2]}`,
            `+57 300 ${1_000_000 + i * 7919}`,
            i % 2 ? 'Católica' : 'Evangélica',
          ].join(';'),
        ),
      ].join('\n'),
    );
    fs.writeFileSync(stock, 'product,count\nbolts,3\nnuts,5\n');
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    await ok('office add --code UG-KLA --name Uganda --kind country_office --region ESA --country UG');
    await ok('user add --email fp@example.org --name Focal --role office_focal_point --office KE-NBO');
    await ok('user add --email auditor@example.org --name Audrey --role auditor');
    await ok('user add --email custodian@example.org --name Cus --role data_custodian --office KE-NBO');
    await ok('user add --email gone@example.org --name Gone --role office_focal_point --office KE-NBO');
    await ok('user disable gone@example.org');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const storedScans = async () => (await services().scans.list(ctx, { limit: 500 })).items.length;

  it('refuses bad options before reading or storing anything', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--register'], 2, /--register needs --office/],
      [['--office', 'KE-NBO'], 2, /--office goes with --register/],
      [['--as', 'fp@example.org'], 2, /--as goes with --register/],
      [['--register', '--office', 'NOPE'], 5, /--office: office NOPE was not found/],
      [
        ['--register', '--office', 'KE-NBO', '--as', 'nobody@example.org'],
        5,
        /--as: user nobody@example.org/,
      ],
      [['--register', '--office', 'KE-NBO', '--as', 'gone@example.org'], 3, /gone@example\.org is disabled/],
      [['--register', '--office', 'KE-NBO', '--full', '--sample', '5'], 2, /exclude each other/],
    ];
    for (const [flags, code, message] of cases) {
      const run = await custos('scan', people, ...flags);
      expect(run.code, `${flags.join(' ')}: ${run.stderr}`).toBe(code);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(await storedScans()).toBe(0);
  });

  it('refuses a user without the permission to scan, or an office outside their scope', async () => {
    for (const user of ['auditor@example.org', 'custodian@example.org']) {
      const run = await custos('scan', people, '--register', '--office', 'KE-NBO', '--as', user);
      expect(run.code, run.stderr).toBe(4);
      expect(run.stderr).toContain('You do not have the permission "classification.scan"');
      expect(run.stdout).toBe('');
    }
    const elsewhere = await custos(
      'scan',
      people,
      '--register',
      '--office',
      'UG-KLA',
      '--as',
      'fp@example.org',
    );
    expect(elsewhere.code, elsewhere.stderr).toBe(5);
    expect(elsewhere.stderr).toMatch(/--office: office UG-KLA was not found/);
    expect(await storedScans()).toBe(0);
    expect((await services().assets.list(ctx, { limit: 50 })).items).toEqual([]);
  });

  it('stores the scan for confirmation and registers unlabelled assets, in the acting user’s name', async () => {
    const report = await json<RegisteredReport>(
      'scan',
      people,
      stock,
      '--register',
      '--office',
      'KE-NBO',
      '--as',
      'fp@example.org',
      '--json',
    );
    // The contract, plus the stored scan.
    expect(Object.keys(report)).toEqual(['datasets', 'errors', 'register']);
    expect(Object.keys(report.datasets[0]!)).toEqual([
      'source',
      'format',
      'rows_scanned',
      'label',
      'columns',
    ]);
    expect(report.datasets.map((d) => d.label.proposed)).toEqual(['Strictly Confidential', 'Public']);
    const { scan_id: scanId, assets } = report.register;
    expect(assets).toEqual([
      {
        position: 1,
        source: people,
        asset_id: expect.any(String),
        asset_name: people,
        link: 'registered',
        label: null,
      },
      {
        position: 2,
        source: stock,
        asset_id: expect.any(String),
        asset_name: stock,
        link: 'registered',
        label: null,
      },
    ]);
    // Proposed is not applied: the assets carry no label until a person confirms one.
    const asset = await services().assets.get(ctx, assets![0]!.asset_id!);
    peopleAsset = asset.id;
    expect(asset).toMatchObject({ asset_type: 'dataset', sensitivity_label: null, name: people });

    // The web and API read it as any stored scan: proposals, links, no decision yet.
    const scan = await services().scans.get(ctx, scanId);
    expect(scan).toMatchObject({
      status: 'succeeded',
      created_by_label: expect.stringMatching(/^fp@example\.org \(cli:/),
      sources: [
        { kind: 'file', name: people },
        { kind: 'file', name: stock },
      ],
      dataset_count: 2,
      confirmed_count: 0,
      highest_proposed: 'Strictly Confidential',
    });
    expect(scan.datasets.map((d) => [d.proposal.label, d.asset_id, d.decision])).toEqual([
      ['Strictly Confidential', assets![0]!.asset_id, null],
      ['Public', assets![1]!.asset_id, null],
    ]);

    // Audit: who registered the assets and imported the scan.
    const fp = (await services().accounts.findUserByEmail('fp@example.org'))!;
    const events = (await services().audit.list(ctx, { actor_id: fp.id, limit: 50 })).items;
    expect(events.map((e) => `${e.entity_type}:${e.action}`).sort()).toEqual([
      'asset:create',
      'asset:create',
      'scan:import',
    ]);
    expect(events.find((e) => e.entity_type === 'scan')).toMatchObject({
      entity_id: scanId,
      after: {
        assets: [
          { position: 1, link: 'registered' },
          { position: 2, link: 'registered' },
        ],
      },
    });

    // A person confirms: the label lands in the linked asset, with who and why.
    const confirmed = await json<ScanDataset>(
      `label confirm ${scanId} 1 --label`,
      'Strictly Confidential',
      '--json',
    );
    expect(confirmed).toMatchObject({
      decision: { label: 'Strictly Confidential', change: 'as_proposed' },
      asset_id: asset.id,
    });
    expect(await services().assets.get(ctx, asset.id)).toMatchObject({
      sensitivity_label: 'Strictly Confidential',
      personal_data: true,
    });
    // Lowering it later needs a justification, as anywhere else.
    const lowered = await custos(`label confirm ${scanId} 1 --label Internal`);
    expect(lowered.code).toBe(2);
    expect(lowered.stderr).toMatch(/justification/);
  });

  it('links a source scanned before, or an asset named as the source, instead of registering again', async () => {
    const before = (await services().assets.list(ctx, { limit: 50 })).items.length;
    const named = file('registro.csv');
    fs.writeFileSync(named, 'nombre\nAna López\n');
    const office = (await services().offices.findByCode(ctx, 'KE-NBO'))!;
    const existing = await services().assets.create(ctx, {
      name: named,
      asset_type: 'dataset',
      office_id: office.id,
      sensitivity_label: 'Confidential',
    });
    const run = await custos('scan', people, named, '--register', '--office', 'KE-NBO');
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`Strictly Confidential, proposed`);
    expect(out).toMatch(/\[1\] .*beneficiarios\.csv: linked to asset .*, label Strictly Confidential/);
    expect(out).toMatch(/\[2\] .*registro\.csv: linked to asset .*, label Confidential/);
    expect(out).toMatch(/Confirm with: custos label confirm /);
    expect((await services().assets.list(ctx, { limit: 50 })).items).toHaveLength(before + 1); // only `existing`
    const [latest] = (await services().scans.list(ctx, {})).items;
    const scan: ScanDetail = await services().scans.get(ctx, latest!.id);
    expect(scan.datasets.map((d) => d.asset_id)).toEqual([peopleAsset, existing.id]);
    expect(scan.created_by_label).toMatch(/^cli:/);
    // --scan-only keeps the decision with the scan; the asset keeps its label.
    await ok(`label confirm ${scan.id} 2 --label Confidential --scan-only`);
    expect((await services().assets.get(ctx, existing.id)).version).toBe(existing.version);
  });

  it('stores a source that could not be read as an error of the scan and exits with 11', async () => {
    const run = await custos(
      'scan',
      stock,
      file('missing.csv'),
      '--register',
      '--office',
      'KE-NBO',
      '--json',
    );
    expect(run.code, run.stderr).toBe(11);
    const report = JSON.parse(run.stdout) as RegisteredReport;
    expect(report.errors).toEqual([
      { source: file('missing.csv'), message: expect.stringMatching(/not found/) },
    ]);
    expect(report.register.assets).toEqual([expect.objectContaining({ source: stock, link: 'linked' })]);
    const scan = await services().scans.get(ctx, report.register.scan_id);
    expect(scan.errors).toEqual(report.errors);
  });
});
