import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { readAllPages } from '../../cli/args.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { systemActor, type Role } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { readWorkbook } from '../frameworks/testing/workbook.js';
import { scopedContext } from '../org/testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import type { ComplianceLinkChecks } from './compliance.links.js';
import type { Assessment } from './compliance.schema.js';
import { ComplianceService } from './compliance.service.js';
import { SHEETS } from './compliance-xlsx.js';

const UNKNOWN = '0190f5d2-0000-7000-8000-000000000000';

/** The risk register as the service sees it (RISK-* risks exist), and the real file store. */
const fakeLinks = (services: Services): ComplianceLinkChecks => ({
  riskExists: (_trx, id) => Promise.resolve(id.startsWith('RISK-')),
  files: services.files,
});

async function failure(work: Promise<unknown>): Promise<{ code: ErrorCode; paths: string[] }> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const issues = ((error as AppError).details as { issues?: { path: string }[] } | undefined)?.issues;
  return { code: (error as AppError).code, paths: (issues ?? []).map((issue) => issue.path) };
}

describeEachDialect('compliance assessment service', ({ db }) => {
  let services: Services;
  let compliance: ComplianceService;
  let world: OrgWorld;
  const clock = fixedClock('2026-12-01T09:00:00.000Z');
  const ctx: RequestContext = { actor: systemActor('test'), requestId: null };
  const kenya = (role: Role) => scopedContext(role, [world.offices.kenya.id], [world.regions.east.id]);
  const count = async (
    table:
      | 'audit_events'
      | 'compliance_requirement_assessments'
      | 'compliance_evidence_links'
      | 'compliance_risk_links',
  ) =>
    Number(
      (
        await db()
          .kysely.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const create = (overrides: Partial<Parameters<ComplianceService['create']>[1]> = {}, as = ctx) =>
    compliance.create(as, {
      framework_id: 'gdpr',
      title: 'GDPR review',
      office_id: world.offices.kenya.id,
      ...overrides,
    });

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    compliance = new ComplianceService({ db: db(), clock }, services.frameworks, fakeLinks(services));
    world = await seedOrgWorld(services, 'CO');
  });

  describe('assessments', () => {
    it('starts an assessment with every requirement of the framework unassessed, and audits it', async () => {
      const audits = await count('audit_events');
      const created = await create({ owner_id: world.people.kenya.id });
      expect(created).toMatchObject({
        framework_id: 'gdpr',
        framework_title: 'GDPR',
        office_code: 'KE-CO',
        owner_name: 'Person kenya CO',
        status: 'in_progress',
        version: 1,
      });
      const detail = await compliance.get(ctx, created.id);
      const requirements = detail.requirements.filter((r) => !r.group);
      expect(requirements).toHaveLength(39);
      expect(requirements.every((r) => r.status === null && r.version === 0)).toBe(true);
      expect(detail.requirements.find((r) => r.requirement_id === 'gdpr.chapter-1')?.group).toBe(true);
      expect(detail.progress.overall).toMatchObject({
        total: 39,
        unassessed: 39,
        score: null,
        assessed_percent: 0,
      });
      expect(await count('audit_events')).toBe(audits + 1);
    });

    it.each([
      ['an unknown framework', { framework_id: 'gdpr-2030' }, 'validation_failed', ['framework_id']],
      ['an unknown office', { office_id: UNKNOWN }, 'not_found', []],
      ['an unknown owner', { owner_id: UNKNOWN }, 'validation_failed', ['owner_id']],
    ] as const)('refuses %s and writes nothing', async (_name, overrides, code, paths) => {
      const audits = await count('audit_events');
      expect(await failure(create(overrides))).toEqual({ code, paths });
      expect(await count('audit_events')).toBe(audits);
    });

    it('changes the title and status, and refuses a stale version with 409 changing nothing', async () => {
      const created = await create({ title: 'Before' });
      const updated = await compliance.update(ctx, created.id, {
        title: 'After',
        status: 'completed',
        version: 1,
      });
      expect(updated).toMatchObject({ title: 'After', status: 'completed', version: 2 });
      expect(await failure(compliance.update(ctx, created.id, { title: 'Lost', version: 1 }))).toMatchObject({
        code: 'version_conflict',
      });
      expect((await compliance.get(ctx, created.id)).title).toBe('After');
    });

    it('deletes an assessment with its statuses and links; a stale delete is 409', async () => {
      const created = await create({ title: 'To delete' });
      await compliance.setRequirement(ctx, created.id, 'gdpr.art-5', {
        status: 'met',
        evidence: [{ kind: 'url', url: 'https://intranet.example.org/policy', title: 'Policy' }],
        risk_ids: ['RISK-1'],
        version: 0,
      });
      const [statuses, evidence, risks] = await Promise.all([
        count('compliance_requirement_assessments'),
        count('compliance_evidence_links'),
        count('compliance_risk_links'),
      ]);
      expect(await failure(compliance.remove(ctx, created.id, 9))).toMatchObject({
        code: 'version_conflict',
      });
      await compliance.remove(ctx, created.id, 1);
      expect(await failure(compliance.get(ctx, created.id))).toMatchObject({ code: 'not_found' });
      expect(await count('compliance_requirement_assessments')).toBe(statuses - 1);
      expect(await count('compliance_evidence_links')).toBe(evidence - 1);
      expect(await count('compliance_risk_links')).toBe(risks - 1);
    });
  });

  describe('scope', () => {
    let orgWide: Assessment;
    let senegal: Assessment;
    let kenyaOwn: Assessment;
    beforeAll(async () => {
      orgWide = await create({
        office_id: null,
        title: 'Organisation-wide AI Act',
        framework_id: 'eu-ai-act',
      });
      senegal = await create({ office_id: world.offices.senegal.id, title: 'Senegal GDPR' });
      kenyaOwn = await create({ title: 'Kenya own' }, kenya('office_focal_point'));
    });

    it('lists only the assessments of the offices in scope; organisation-wide ones only for organisation-wide roles', async () => {
      const seen = (await compliance.list(kenya('office_focal_point'))).items.map((a) => a.id);
      expect(seen).toContain(kenyaOwn.id);
      expect(seen).not.toContain(orgWide.id);
      expect(seen).not.toContain(senegal.id);
      const all = (await compliance.list(ctx)).items.map((a) => a.id);
      expect(all).toEqual(expect.arrayContaining([orgWide.id, senegal.id, kenyaOwn.id]));
      const onlyOrg = (await compliance.list(ctx, { office_id: 'none' })).items;
      expect(onlyOrg.map((a) => a.id)).toEqual([orgWide.id]);
      expect(onlyOrg[0]?.progress.total).toBe(38);
    });

    it('answers 404 for an assessment out of scope, as for one that does not exist', async () => {
      for (const id of [orgWide.id, senegal.id, UNKNOWN])
        expect(await failure(compliance.get(kenya('office_focal_point'), id))).toMatchObject({
          code: 'not_found',
        });
      expect(
        await failure(
          compliance.setRequirement(kenya('office_focal_point'), senegal.id, 'gdpr.art-5', {
            status: 'met',
            version: 0,
          }),
        ),
      ).toMatchObject({ code: 'not_found' });
    });

    it('lets an office role assess only its offices, never the whole organisation', async () => {
      expect(
        await failure(create({ office_id: world.offices.senegal.id }, kenya('office_focal_point'))),
      ).toMatchObject({
        code: 'not_found',
      });
      expect(await failure(create({ office_id: null }, kenya('regional_focal_point')))).toMatchObject({
        code: 'forbidden',
      });
      expect(
        await failure(
          compliance.update(kenya('office_focal_point'), kenyaOwn.id, {
            office_id: world.offices.senegal.id,
            version: kenyaOwn.version,
          }),
        ),
      ).toMatchObject({ code: 'not_found' });
    });

    it.each(['viewer', 'auditor', 'data_custodian'] as const)(
      'lets a %s read but not write',
      async (role) => {
        const as = role === 'auditor' ? { ...ctx, actor: { ...ctx.actor, role } } : kenya(role);
        expect((await compliance.list(as)).items.length).toBeGreaterThan(0);
        expect(await failure(create({}, as))).toMatchObject({ code: 'forbidden' });
        expect(
          await failure(
            compliance.setRequirement(as, kenyaOwn.id, 'gdpr.art-5', { status: 'met', version: 0 }),
          ),
        ).toMatchObject({ code: 'forbidden' });
      },
    );
  });

  describe('list', () => {
    it('pages newest first, ties broken by id, within the caller’s offices', async () => {
      const ethiopia = world.offices.ethiopia.id;
      const createAt = async (at: string, office_id = ethiopia) => {
        clock.set(at);
        return (await create({ office_id, title: `Paged ${at}` })).id;
      };
      const now = clock.now().toISOString();
      let expected: string[];
      try {
        const oldest = [
          await createAt('2025-01-10T08:00:00.000Z'),
          await createAt('2025-01-10T08:00:00.000Z'),
        ];
        const middle = await createAt('2025-06-01T08:00:00.000Z');
        await createAt('2026-01-01T08:00:00.000Z', world.offices.senegal.id);
        const newest = [
          await createAt('2026-01-01T08:00:00.000Z'),
          await createAt('2026-01-01T08:00:00.000Z'),
        ];
        expected = [newest[1]!, newest[0]!, middle, oldest[1]!, oldest[0]!];
      } finally {
        clock.set(now);
      }
      const reader = scopedContext('viewer', [ethiopia]);
      const pages: number[] = [];
      const seen = await readAllPages(async (cursor) => {
        const page = await compliance.list(reader, { limit: 2, cursor });
        pages.push(page.items.length);
        return page;
      });
      expect(seen.map((a) => a.id)).toEqual(expected);
      expect(pages).toEqual([2, 2, 1]);
      // Each item carries its progress: nothing assessed yet.
      for (const a of seen) expect(a.progress.unassessed).toBe(a.progress.total);
      expect(seen[0]!.progress.total).toBeGreaterThan(0);
      expect(await compliance.list(ctx, { office_id: ethiopia, limit: 500 })).toEqual({
        items: seen,
        next_cursor: null,
      });
      expect(await failure(compliance.list(reader, { cursor: 'nonsense' }))).toEqual({
        code: 'validation_failed',
        paths: ['cursor'],
      });
    });
  });

  describe('requirements', () => {
    let assessment: Assessment;
    beforeAll(async () => {
      assessment = await create({ title: 'Requirement checks' });
    });
    const set = (
      requirementId: string,
      input: Parameters<ComplianceService['setRequirement']>[3],
      as = ctx,
    ) => compliance.setRequirement(as, assessment.id, requirementId, input);

    it('assesses a requirement the first time with version 0, then by the version read', async () => {
      const first = await set('gdpr.art-6', {
        status: 'partial',
        notes: 'Lawful bases listed for 3 of 5 processes',
        version: 0,
      });
      expect(first).toMatchObject({
        status: 'partial',
        version: 1,
        assessed_by: 'test',
        assessed_at: '2026-12-01T09:00:00.000Z',
      });
      const second = await set('gdpr.art-6', { status: 'met', version: 1 });
      expect(second).toMatchObject({
        status: 'met',
        notes: 'Lawful bases listed for 3 of 5 processes',
        version: 2,
      });
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      await set('gdpr.art-7', { status: 'not_met', version: 0 });
      const audits = await count('audit_events');
      expect(await failure(set('gdpr.art-7', { status: 'met', version: 0 }))).toMatchObject({
        code: 'version_conflict',
      });
      expect(await failure(set('gdpr.art-9', { status: 'met', version: 3 }))).toMatchObject({
        code: 'version_conflict',
      });
      expect(await count('audit_events')).toBe(audits);
      const detail = await compliance.get(ctx, assessment.id);
      expect(detail.requirements.find((r) => r.requirement_id === 'gdpr.art-7')?.status).toBe('not_met');
    });

    it('lets one of two simultaneous first assessments win; the other is a 409', async () => {
      const race = await create({ title: 'Race' });
      const results = await Promise.allSettled(
        (['met', 'not_met'] as const).map((status) =>
          compliance.setRequirement(ctx, race.id, 'gdpr.art-16', { status, version: 0 }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect((refused?.reason as AppError | undefined)?.code).toBe('version_conflict');
    });

    it('needs a reason to mark a requirement not applicable, and drops it when the status changes', async () => {
      expect(await failure(set('gdpr.art-10', { status: 'not_applicable', version: 0 }))).toEqual({
        code: 'validation_failed',
        paths: ['not_applicable_reason'],
      });
      expect(
        await failure(
          set('gdpr.art-10', { status: 'met', not_applicable_reason: 'No reason needed', version: 0 }),
        ),
      ).toMatchObject({ paths: ['not_applicable_reason'] });
      const na = await set('gdpr.art-10', {
        status: 'not_applicable',
        not_applicable_reason: 'No criminal-offence data is processed',
        version: 0,
      });
      expect(na.not_applicable_reason).toBe('No criminal-offence data is processed');
      expect(await set('gdpr.art-10', { status: 'met', version: 1 })).toMatchObject({
        not_applicable_reason: null,
      });
    });

    it('needs a status the first time', async () => {
      expect(await failure(set('gdpr.art-12', { notes: 'Started', version: 0 }))).toMatchObject({
        code: 'validation_failed',
        paths: ['status'],
      });
    });

    it('answers 404 for a requirement not in the framework and 400 for a heading', async () => {
      expect(await failure(set('eu-ai-act.art-5', { status: 'met', version: 0 }))).toMatchObject({
        code: 'not_found',
      });
      expect(await failure(set('gdpr.nope', { status: 'met', version: 0 }))).toMatchObject({
        code: 'not_found',
      });
      expect(await failure(set('gdpr.chapter-1', { status: 'met', version: 0 }))).toMatchObject({
        code: 'validation_failed',
      });
    });

    it('keeps evidence and risks in the order given, keeps them when left out, replaces them when sent', async () => {
      const uploaded = await compliance.addEvidenceFile(ctx, assessment.id, 'gdpr.art-30', {
        bytes: Buffer.from('Register of processing activities, 2026\n'),
        name: 'ropa-2026.txt',
      });
      expect(uploaded).toMatchObject({
        status: null,
        version: 0,
        evidence: [{ kind: 'file', name: 'ropa-2026.txt' }],
      });
      const file = uploaded.evidence[0]!;
      const links = await set('gdpr.art-30', {
        status: 'partial',
        evidence: [
          { kind: 'url', url: 'https://intranet.example.org/ropa', title: 'Register of processing' },
          file,
        ],
        risk_ids: ['RISK-7', 'RISK-2'],
        version: 0,
      });
      expect(links.evidence.map((e) => e.kind)).toEqual(['url', 'file']);
      expect(links.risk_ids).toEqual(['RISK-7', 'RISK-2']);
      const kept = await set('gdpr.art-30', { status: 'met', version: 1 });
      expect(kept.evidence).toEqual(links.evidence);
      expect(kept.risk_ids).toEqual(['RISK-7', 'RISK-2']);
      const replaced = await set('gdpr.art-30', { evidence: [], risk_ids: ['RISK-2'], version: 2 });
      expect(replaced).toMatchObject({ status: 'met', evidence: [], risk_ids: ['RISK-2'] });
    });

    it('refuses an upload to a completed assessment, and detaches its files when it is deleted', async () => {
      const created = await create({ title: 'Files' });
      const file = { bytes: Buffer.from('Retention schedule\n'), name: 'retention.txt' };
      const uploaded = await compliance.addEvidenceFile(ctx, created.id, 'gdpr.art-5', file);
      expect(uploaded.evidence).toEqual([
        { kind: 'file', sha256: expect.any(String), name: 'retention.txt' },
      ]);
      const completed = await compliance.update(ctx, created.id, { status: 'completed', version: 1 });
      expect(await failure(compliance.addEvidenceFile(ctx, created.id, 'gdpr.art-6', file))).toMatchObject({
        code: 'conflict',
      });
      expect(await services.files.list('compliance_requirement', created.id)).toHaveLength(1);
      await compliance.remove(ctx, created.id, completed.version);
      expect(await services.files.list('compliance_requirement', created.id)).toEqual([]);
    });

    it('refuses unknown risks and files, naming each, and writes nothing', async () => {
      const before = await Promise.all([count('audit_events'), count('compliance_requirement_assessments')]);
      const refused = await failure(
        set('gdpr.art-32', {
          status: 'met',
          evidence: [{ kind: 'file', sha256: 'b'.repeat(64), name: 'missing.pdf' }],
          risk_ids: ['RISK-1', 'R-404', 'R-405'],
          version: 0,
        }),
      );
      expect(refused).toEqual({ code: 'validation_failed', paths: ['evidence', 'risk_ids', 'risk_ids'] });
      expect(await Promise.all([count('audit_events'), count('compliance_requirement_assessments')])).toEqual(
        before,
      );
    });

    it('adds the statuses up by theme', async () => {
      const progress = await compliance.progress(ctx, assessment.id, 'fr');
      const legal = progress.by_theme.find((row) => row.theme === 'legal_basis_consent');
      // Art. 6 met, Art. 7 not met, Art. 10 met (after being not applicable), Art. 9 unassessed.
      expect(legal).toMatchObject({
        label: 'Base juridique et consentement',
        met: 2,
        not_met: 1,
        score: 66.7,
      });
      expect(progress.overall).toMatchObject({ met: 3, partial: 0, not_met: 1, total: 39 });
      expect(progress.by_theme).toHaveLength(13);
    });

    it('refuses changes to a completed assessment until it is reopened', async () => {
      const done = await compliance.update(ctx, assessment.id, {
        status: 'completed',
        version: assessment.version,
      });
      expect(await failure(set('gdpr.art-13', { status: 'met', version: 0 }))).toMatchObject({
        code: 'conflict',
      });
      await compliance.update(ctx, assessment.id, { status: 'in_progress', version: done.version });
      expect(await set('gdpr.art-13', { status: 'met', version: 0 })).toMatchObject({ status: 'met' });
    });

    it('exports the requirements with status, notes and links, and the progress by theme', async () => {
      const file = await compliance.exportXlsx(ctx, assessment.id);
      expect(file.filename).toBe('compliance-gdpr-2026-12-01.xlsx');
      const workbook = await readWorkbook(file.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([SHEETS.requirements, SHEETS.byTheme]);
      const rows = workbook.getWorksheet(SHEETS.requirements)!.getSheetValues() as unknown[][];
      const art30 = rows.find((row) => row?.[1] === 'Art. 30')!;
      expect(art30[4]).toBe('Met');
      expect(art30[8]).toBe('RISK-2');
      const art6 = rows.find((row) => row?.[1] === 'Art. 6')!;
      expect(art6[6]).toBe('Lawful bases listed for 3 of 5 processes');
      expect(rows.filter(Boolean)).toHaveLength(1 + 39);
      const themes = workbook.getWorksheet(SHEETS.byTheme)!.getSheetValues() as unknown[][];
      expect(themes.find((row) => row?.[1] === 'Overall')?.slice(2, 5)).toEqual([39, 4, 0]);
    });
  });
});
