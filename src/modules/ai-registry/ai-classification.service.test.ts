import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { fixedClock } from '../../core/clock.js';
import { rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import { addMonths, nextReviewDate, REVIEW_MONTHS } from './ai-classification.rules.js';
import type { AiSystem } from './ai-system.schema.js';
import { as, DEROGATION_ANSWERS, HIGH_RISK_ANSWERS, LIMITED_ANSWERS } from './testing/ai-world.js';

describe('review dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 12, '2027-11-30'],
    ['2026-11-30', 0, '2026-11-30'],
  ])('%s plus %i month(s) is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['high', '2027-05-30'],
    ['limited', '2027-11-30'],
    ['minimal', '2028-11-30'],
    ['prohibited', '2026-11-30'],
  ] as const)('a verified %s classification is due on %s', (tier, expected) => {
    expect(nextReviewDate(tier, '2026-11-30')).toBe(expected);
    expect(REVIEW_MONTHS[tier]).toBeGreaterThanOrEqual(0);
  });
});

describeEachDialect('the classification workflow of AI systems', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const officer = as('governance_officer', 'officer@example.org');
  const otherOfficer = as('governance_officer', 'other@example.org');
  const classifications = () => services.aiClassifications;

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    world = await seedOrgWorld(services, 'AIC');
  });

  const newSystem = (office: keyof OrgWorld['offices'] = 'kenya') =>
    services.aiSystems.create(as('admin', 'admin@example.org'), {
      name: 'Screening assistant',
      office_id: world.offices[office].id,
    });
  const writerIn = (system: AiSystem) => as('office_focal_point', 'writer@example.org', [system.office_id]);

  /** A classification taken through submit and start-review, ready for a decision. */
  async function underReview(system: AiSystem, answers: Record<string, boolean> = HIGH_RISK_ANSWERS) {
    const draft = await classifications().create(writerIn(system), system.id, { role: 'deployer', answers });
    const submitted = await classifications().submit(
      writerIn(system),
      system.id,
      draft.number,
      draft.version,
    );
    return classifications().startReview(officer, system.id, submitted.number, submitted.version);
  }

  it('computes the result server-side and walks draft → submitted → under review → verified', async () => {
    const system = await newSystem();
    const draft = await classifications().create(writerIn(system), system.id, {
      role: 'deployer',
      answers: HIGH_RISK_ANSWERS,
    });
    expect(draft).toMatchObject({ number: 1, status: 'draft', tier: 'high', version: 1 });
    expect(draft.result.articles).toContain('Annex III 7(b)');
    expect(draft.result.transparency).toEqual(['art50.1']);
    const submitted = await classifications().submit(writerIn(system), system.id, 1, 1);
    expect(submitted).toMatchObject({ status: 'submitted', submitted_by: 'writer@example.org' });
    const reviewing = await classifications().startReview(otherOfficer, system.id, 1, submitted.version);
    expect(reviewing).toMatchObject({ status: 'under_review', reviewed_by: 'other@example.org' });
    const verified = await classifications().verify(officer, system.id, 1, {
      version: reviewing.version,
      comments: 'Checked with legal',
    });
    expect(verified).toMatchObject({
      status: 'verified',
      reviewed_by: 'officer@example.org',
      review_comments: 'Checked with legal',
    });
    expect(await services.aiSystems.get(officer, system.id)).toMatchObject({
      tier: 'high',
      next_review_date: '2027-05-30',
      version: 2,
    });
    expect((await classifications().list(officer, system.id)).map((c) => c.status)).toEqual(['verified']);
  });

  it('sets the review date by tier when verified', async () => {
    for (const [answers, tier, due] of [
      [LIMITED_ANSWERS, 'limited', '2027-11-30'],
      [{ 'ai.definition': true }, 'minimal', '2028-11-30'],
      [{ 'ai.definition': true, 'art5.c': true }, 'prohibited', '2026-11-30'],
    ] as const) {
      const system = await newSystem();
      const reviewing = await underReview(system, answers);
      await classifications().verify(officer, system.id, 1, { version: reviewing.version });
      expect(await services.aiSystems.get(officer, system.id)).toMatchObject({ tier, next_review_date: due });
    }
  });

  it('holds the four-eyes rule: the submitter may not start the review, verify or request changes', async () => {
    const system = await newSystem();
    const draft = await classifications().create(officer, system.id, {
      role: 'deployer',
      answers: LIMITED_ANSWERS,
    });
    const submitted = await classifications().submit(officer, system.id, 1, draft.version);
    expect(
      (await rejected(classifications().startReview(officer, system.id, 1, submitted.version))).code,
    ).toBe('four_eyes_required');
    const reviewing = await classifications().startReview(otherOfficer, system.id, 1, submitted.version);
    expect(
      (await rejected(classifications().verify(officer, system.id, 1, { version: reviewing.version }))).code,
    ).toBe('four_eyes_required');
    expect(
      (
        await rejected(
          classifications().requestChanges(officer, system.id, 1, {
            version: reviewing.version,
            comments: 'no',
          }),
        )
      ).code,
    ).toBe('four_eyes_required');
    expect((await classifications().get(officer, system.id, 1)).status).toBe('under_review');
  });

  it('lets only verifiers review: focal points may draft and submit but not verify', async () => {
    const system = await newSystem();
    const draft = await classifications().create(writerIn(system), system.id, {
      role: 'deployer',
      answers: LIMITED_ANSWERS,
    });
    const submitted = await classifications().submit(writerIn(system), system.id, 1, draft.version);
    const focal = as('regional_focal_point', 'regional@example.org');
    expect((await rejected(classifications().startReview(focal, system.id, 1, submitted.version))).code).toBe(
      'forbidden',
    );
    const reviewing = await classifications().startReview(officer, system.id, 1, submitted.version);
    expect(
      (await rejected(classifications().verify(focal, system.id, 1, { version: reviewing.version }))).code,
    ).toBe('forbidden');
    const viewer = as('viewer', 'viewer@example.org');
    expect(
      (await rejected(classifications().create(viewer, system.id, { role: 'deployer', answers: {} }))).code,
    ).toBe('forbidden');
  });

  it('sends a classification back with comments; editing makes it a draft to submit again', async () => {
    const system = await newSystem();
    const reviewing = await underReview(system);
    const sent = await classifications().requestChanges(officer, system.id, 1, {
      version: reviewing.version,
      comments: 'Annex III 7(b) does not apply: we are not a public authority',
    });
    expect(sent).toMatchObject({
      status: 'changes_requested',
      review_comments: expect.stringContaining('7(b)'),
    });
    const edited = await classifications().update(writerIn(system), system.id, 1, {
      version: sent.version,
      answers: LIMITED_ANSWERS,
    });
    expect(edited).toMatchObject({ number: 1, status: 'draft', tier: 'limited' });
    await classifications().submit(writerIn(system), system.id, 1, edited.version);
  });

  it('opens a new version in draft when the answers of a verified classification change', async () => {
    const system = await newSystem();
    const reviewing = await underReview(system);
    const verified = await classifications().verify(officer, system.id, 1, { version: reviewing.version });
    const same = await classifications().update(writerIn(system), system.id, 1, {
      version: verified.version,
      answers: HIGH_RISK_ANSWERS,
    });
    expect(same).toEqual(verified);
    const reopened = await classifications().update(writerIn(system), system.id, 1, {
      version: verified.version,
      answers: LIMITED_ANSWERS,
    });
    expect(reopened).toMatchObject({ number: 2, status: 'draft', tier: 'limited', version: 1 });
    expect((await classifications().get(officer, system.id, 1)).status).toBe('verified');
    // The verified tier stands until the new version is verified.
    expect((await services.aiSystems.get(officer, system.id)).tier).toBe('high');
    const again = await rejected(
      classifications().update(writerIn(system), system.id, 1, { version: verified.version, answers: {} }),
    );
    expect(again.details).toMatchObject({ reason: 'not_latest', number: 2 });
    const another = await rejected(
      classifications().create(writerIn(system), system.id, { role: 'deployer', answers: {} }),
    );
    expect(another).toMatchObject({ code: 'conflict', details: { reason: 'open_classification' } });
  });

  it('requires a written justification to submit an Art. 6(3) derogation', async () => {
    const system = await newSystem();
    const draft = await classifications().create(writerIn(system), system.id, {
      role: 'provider',
      answers: DEROGATION_ANSWERS,
    });
    expect(draft.tier).not.toBe('high');
    expect(draft.result.derogation).not.toBeNull();
    const refused = await rejected(classifications().submit(writerIn(system), system.id, 1, draft.version));
    expect(refused).toMatchObject({ code: 'validation_failed' });
    expect((refused.details as { issues: { path: string }[] }).issues[0]?.path).toBe(
      'derogation_justification',
    );
    const justified = await classifications().update(writerIn(system), system.id, 1, {
      version: draft.version,
      derogation_justification: 'Only sorts CVs into folders for a recruiter, who reads all of them',
    });
    expect((await classifications().submit(writerIn(system), system.id, 1, justified.version)).status).toBe(
      'submitted',
    );
  });

  it('refuses steps out of order (409), stale versions (409), unknown ids and out-of-scope systems (404)', async () => {
    const system = await newSystem('senegal');
    const draft = await classifications().create(officer, system.id, {
      role: 'deployer',
      answers: LIMITED_ANSWERS,
    });
    expect(
      (await rejected(classifications().verify(otherOfficer, system.id, 1, { version: draft.version })))
        .details,
    ).toMatchObject({
      reason: 'classification_status',
      status: 'draft',
    });
    const submitted = await classifications().submit(officer, system.id, 1, draft.version);
    expect((await rejected(classifications().submit(officer, system.id, 1, draft.version))).code).toBe(
      'version_conflict',
    );
    expect(
      (
        await rejected(
          classifications().update(officer, system.id, 1, { version: submitted.version, answers: {} }),
        )
      ).code,
    ).toBe('conflict');
    expect((await rejected(classifications().get(officer, system.id, 9))).code).toBe('not_found');
    const kenyaWriter = as('office_focal_point', 'writer@example.org', [world.offices.kenya.id]);
    expect((await rejected(classifications().list(kenyaWriter, system.id))).code).toBe('not_found');
    expect(
      (await rejected(classifications().create(kenyaWriter, system.id, { role: 'deployer', answers: {} })))
        .code,
    ).toBe('not_found');
  });

  it('lists overdue reviews and high-risk systems without a DPIA, and counts them in the summary', async () => {
    const system = await newSystem('ethiopia');
    const reviewing = await underReview(system);
    await classifications().verify(officer, system.id, 1, { version: reviewing.version });
    const before = await services.aiSystems.summary(officer);
    expect(
      (await services.aiSystems.list(officer, { no_dpia: true, office_id: system.office_id })).items.map(
        (s) => s.id,
      ),
    ).toEqual([system.id]);
    expect(
      (await services.aiSystems.list(officer, { review_overdue: true })).items.map((s) => s.id),
    ).not.toContain(system.id);
    clock.set('2027-06-01T09:00:00.000Z');
    try {
      expect(
        (await services.aiSystems.list(officer, { review_overdue: true })).items.map((s) => s.id),
      ).toContain(system.id);
      const after = await services.aiSystems.summary(officer);
      expect(after.review_overdue).toBeGreaterThan(before.review_overdue);
      expect(after.high_risk_without_dpia).toBeGreaterThanOrEqual(1);
      expect(after.by_tier.high).toBeGreaterThanOrEqual(1);
      expect(after.total).toBe(Object.values(after.by_lifecycle).reduce((a, b) => a + b, 0));
    } finally {
      clock.set('2026-11-30T09:00:00.000Z');
    }
  });
});
