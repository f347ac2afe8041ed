import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { samplePdf } from '../files/testing/sample-files.js';
import { scopedContext } from '../org/testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import type { FindingForRisk, RiskOpener } from './assessment-findings.service.js';
import type { AssessmentDetail } from './assessments.schema.js';

async function failure(work: Promise<unknown>): Promise<ErrorCode> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describeEachDialect('assessments service', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const ctx: RequestContext = { actor: systemActor('test'), requestId: null };
  const auditCount = async () =>
    Number(
      (
        await db()
          .kysely.selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const start = (officeId = world.offices.kenya.id, template_id = 'dpia') =>
    services.assessments.create(ctx, {
      template_id,
      title: 'Beneficiary registration',
      subject_kind: 'text',
      subject_text: 'Registration database',
      office_id: officeId,
    });
  /** Answer, send for review and complete. */
  const completed = async (): Promise<AssessmentDetail> => {
    const a = await start();
    const answered = await services.assessments.saveAnswers(ctx, a.id, {
      version: a.version,
      answers: { purpose: 'Register people for cash assistance', minimisation: 'yes' },
    });
    const review = await services.assessments.update(ctx, a.id, {
      version: answered.version,
      status: 'in_review',
    });
    return services.assessments.complete(ctx, a.id, review.version);
  };

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-12-01T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedOrgWorld(services, 'AS');
  });

  it('starts a draft from a template, keeping a copy of the template, and audits it', async () => {
    const before = await auditCount();
    const a = await start();
    expect(a).toMatchObject({ status: 'draft', revision: 1, version: 1, template_id: 'dpia', answered: 0 });
    expect(a.questions).toBeGreaterThan(10);
    expect(a.template.sections[0]!.questions[0]!.id).toBe('purpose');
    expect(await auditCount()).toBe(before + 1);
  });

  it('saves answers section by section and refuses a stale version with 409, changing nothing', async () => {
    const a = await start();
    const first = await services.assessments.saveAnswers(ctx, a.id, {
      version: 1,
      answers: { purpose: 'Cash assistance', legal_basis: 'vital_interest', likelihood: 3 },
    });
    expect(first.version).toBe(2);
    const second = await services.assessments.saveAnswers(ctx, a.id, {
      version: 2,
      answers: { minimisation: 'no' },
    });
    expect(second.answers).toEqual({
      purpose: 'Cash assistance',
      legal_basis: 'vital_interest',
      likelihood: 3,
      minimisation: 'no',
    });
    expect(second.answered).toBe(4);
    expect(
      await failure(
        services.assessments.saveAnswers(ctx, a.id, { version: 2, answers: { purpose: 'Lost' } }),
      ),
    ).toBe('version_conflict');
    const cleared = await services.assessments.saveAnswers(ctx, a.id, {
      version: 3,
      answers: { likelihood: null },
    });
    expect(cleared.answers.likelihood).toBeUndefined();
    expect((await services.assessments.get(ctx, a.id)).answers.purpose).toBe('Cash assistance');
  });

  it.each([
    ['an unknown question', { nope: 'x' }],
    ['a yes/no answer that is neither', { minimisation: 'maybe' }],
    ['an option that does not exist', { legal_basis: 'whim' }],
    ['a scale value out of range', { likelihood: 9 }],
    ['text for a scale', { likelihood: 'high' }],
  ])('refuses %s with 400', async (_what, answers) => {
    const a = await start();
    expect(await failure(services.assessments.saveAnswers(ctx, a.id, { version: 1, answers }))).toBe(
      'validation_failed',
    );
    expect((await services.assessments.get(ctx, a.id)).version).toBe(1);
  });

  it('completes from review only, then locks every write with 409 locked', async () => {
    const a = await start();
    expect(await failure(services.assessments.complete(ctx, a.id, 1))).toBe('conflict');
    const done = await completed();
    expect(done).toMatchObject({ status: 'completed', completed_by: 'test', revision: 1 });
    expect(done.versions.map((v) => v.revision)).toEqual([1]);
    const writes: (() => Promise<unknown>)[] = [
      () =>
        services.assessments.saveAnswers(ctx, done.id, { version: done.version, answers: { purpose: 'x' } }),
      () => services.assessments.update(ctx, done.id, { version: done.version, title: 'x' }),
      () => services.assessments.addEvidence(ctx, done.id, 'purpose', { bytes: samplePdf(), name: 'x.pdf' }),
      () => services.assessmentFindings.add(ctx, done.id, { title: 'x', severity: 'low' }),
    ];
    for (const write of writes) expect(await failure(write())).toBe('locked');
  });

  it('reopens as the next revision and keeps the completed one readable', async () => {
    const done = await completed();
    const reopened = await services.assessments.reopen(ctx, done.id, done.version);
    expect(reopened).toMatchObject({ status: 'draft', revision: 2, completed_at: null });
    await services.assessments.saveAnswers(ctx, done.id, {
      version: reopened.version,
      answers: { purpose: 'Changed' },
    });
    const old = await services.assessments.getVersion(ctx, done.id, 1);
    expect(old.answers.purpose).toBe('Register people for cash assistance');
    expect(old.status).toBe('completed');
    expect((await services.assessments.get(ctx, done.id)).answers.purpose).toBe('Changed');
    expect(await failure(services.assessments.getVersion(ctx, done.id, 2))).toBe('not_found');
    expect(await failure(services.assessments.reopen(ctx, done.id, reopened.version + 1))).toBe('conflict');
  });

  it('attaches evidence per question, keeps it in the completed version after removal', async () => {
    const a = await start();
    const evidence = await services.assessments.addEvidence(ctx, a.id, 'security', {
      bytes: samplePdf('policy'),
      name: 'security-policy.pdf',
    });
    expect(evidence).toMatchObject({
      owner_slot: 'security',
      name: 'security-policy.pdf',
      type: 'application/pdf',
    });
    expect(
      await failure(
        services.assessments.addEvidence(ctx, a.id, 'no_such_question', {
          bytes: samplePdf(),
          name: 'x.pdf',
        }),
      ),
    ).toBe('validation_failed');
    const review = await services.assessments.update(ctx, a.id, { version: 1, status: 'in_review' });
    const done = await services.assessments.complete(ctx, a.id, review.version);
    const reopened = await services.assessments.reopen(ctx, a.id, done.version);
    await services.assessments.removeEvidence(ctx, a.id, evidence.id);
    expect((await services.assessments.get(ctx, a.id)).evidence).toEqual([]);
    expect(reopened.evidence).toHaveLength(1);
    const file = await services.assessments.evidenceFile(ctx, a.id, evidence.sha256);
    expect(file.content.equals(samplePdf('policy'))).toBe(true);
  });

  it('records findings with their own version and opens a risk once through the injected opener', async () => {
    const a = await start();
    const finding = await services.assessmentFindings.add(ctx, a.id, {
      title: 'No retention period',
      severity: 'high',
      recommendation: 'Set one',
      question_id: 'retention',
    });
    expect(
      await failure(
        services.assessmentFindings.add(ctx, a.id, { title: 'x', severity: 'low', question_id: 'zz' }),
      ),
    ).toBe('validation_failed');
    const changed = await services.assessmentFindings.update(ctx, a.id, finding.id, {
      version: 1,
      severity: 'critical',
    });
    expect(changed).toMatchObject({ severity: 'critical', version: 2 });
    expect(
      await failure(services.assessmentFindings.update(ctx, a.id, finding.id, { version: 1, title: 'x' })),
    ).toBe('version_conflict');

    // createServices wires the risk register: a finding opens a real risk in the assessment's office.
    const other = await services.assessmentFindings.add(ctx, a.id, {
      title: 'No DPIA on file',
      severity: 'medium',
    });
    const withRisk = await services.assessmentFindings.openRisk(ctx, a.id, other.id, other.version);
    const risk = await services.risks.get(ctx, withRisk.risk_id!);
    expect(risk).toMatchObject({ title: 'No DPIA on file', office_id: world.offices.kenya.id });

    const opened: FindingForRisk[] = [];
    const fake: RiskOpener = {
      openRisk: async (_ctx, input) => {
        opened.push(input);
        return `risk-${opened.length}`;
      },
    };
    services.assessmentFindings.useRiskOpener(fake);
    const linked = await services.assessmentFindings.openRisk(ctx, a.id, finding.id, 2);
    expect(linked).toMatchObject({ risk_id: 'risk-1', version: 3 });
    expect(opened[0]).toMatchObject({
      finding: { title: 'No retention period', severity: 'critical' },
      assessment: { id: a.id, office_id: world.offices.kenya.id, subject_text: 'Registration database' },
    });
    expect(await failure(services.assessmentFindings.openRisk(ctx, a.id, finding.id, 3))).toBe('conflict');
    expect(opened).toHaveLength(1);
    await services.assessmentFindings.remove(ctx, a.id, finding.id, 3);
    expect((await services.assessments.get(ctx, a.id)).findings.map((f) => f.id)).toEqual([other.id]);
  });

  it('keeps assessments of other offices out of a scoped caller’s sight (404) and list', async () => {
    const senegal = await start(world.offices.senegal.id);
    const kenya = await start(world.offices.kenya.id);
    const kenyan = scopedContext('office_focal_point', [world.offices.kenya.id]);
    const ids = (await services.assessments.list(kenyan)).map((a) => a.id);
    expect(ids).toContain(kenya.id);
    expect(ids).not.toContain(senegal.id);
    expect(await failure(services.assessments.get(kenyan, senegal.id))).toBe('not_found');
    expect(
      await failure(services.assessments.saveAnswers(kenyan, senegal.id, { version: 1, answers: {} })),
    ).toBe('not_found');
    expect(
      await failure(
        services.assessments.create(kenyan, {
          template_id: 'dpia',
          title: 'x',
          subject_kind: 'text',
          subject_text: 'x',
          office_id: world.offices.senegal.id,
        }),
      ),
    ).toBe('not_found');
    const viewer = scopedContext('viewer', [world.offices.kenya.id]);
    expect((await services.assessments.get(viewer, kenya.id)).id).toBe(kenya.id);
    expect(
      await failure(services.assessments.saveAnswers(viewer, kenya.id, { version: 1, answers: {} })),
    ).toBe('forbidden');
  });

  it('starts an assessment about an asset in the asset’s office, refusing an unknown subject', async () => {
    const asset = await services.assets.create(ctx, {
      name: 'Beneficiary register',
      asset_type: 'database',
      office_id: world.offices.ethiopia.id,
    });
    const a = await services.assessments.create(ctx, {
      template_id: 'dpia',
      title: 'DPIA',
      subject_kind: 'asset',
      subject_id: asset.id,
    });
    expect(a).toMatchObject({
      office_id: world.offices.ethiopia.id,
      subject_text: 'Beneficiary register',
      subject_id: asset.id,
    });
    expect(
      await failure(
        services.assessments.create(ctx, {
          template_id: 'dpia',
          title: 'x',
          subject_kind: 'ai_system',
          subject_id: asset.id,
        }),
      ),
    ).toBe('not_found');
    expect(
      await failure(
        services.assessments.create(ctx, {
          template_id: 'nope',
          title: 'x',
          subject_kind: 'text',
          subject_text: 'x',
          office_id: world.offices.kenya.id,
        }),
      ),
    ).toBe('not_found');
  });
});
