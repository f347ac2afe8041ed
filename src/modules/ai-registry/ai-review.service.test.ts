import { beforeAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { fixedClock } from '../../core/clock.js';
import { rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import { startReviewChecks } from './ai-review.service.js';
import type { AiSystem } from './ai-system.schema.js';
import { as, HIGH_RISK_ANSWERS, LIMITED_ANSWERS } from './testing/ai-world.js';

describeEachDialect('overdue AI system reviews as actions for their owners', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const admin = as('admin', 'admin@example.org');
  const officer = as('governance_officer', 'officer@example.org');
  const otherOfficer = as('governance_officer', 'other@example.org');

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    world = await seedOrgWorld(services, 'AIR');
  });

  const newSystem = (name: string, owner = true) =>
    services.aiSystems.create(admin, {
      name,
      office_id: world.offices.kenya.id,
      lifecycle: 'production',
      business_owner_id: owner ? world.people.kenya.id : null,
    });

  /** Draft, submit (officer), review and verify (another officer): the system takes the tier. */
  async function verify(system: AiSystem, answers: Record<string, boolean> = HIGH_RISK_ANSWERS) {
    const c = services.aiClassifications;
    const draft = await c.create(officer, system.id, { role: 'deployer', answers });
    const submitted = await c.submit(officer, system.id, draft.number, draft.version);
    const reviewing = await c.startReview(otherOfficer, system.id, draft.number, submitted.version);
    await c.verify(otherOfficer, system.id, draft.number, { version: reviewing.version });
    return services.aiSystems.get(admin, system.id);
  }

  const reviewActions = async (status: 'open' | 'closed') =>
    (await services.actions.list(admin, { source: 'ai_review', status, limit: 100 })).items;

  it('opens an action for the owner once the review is overdue, keeps one per system, and closes it once reviewed', async () => {
    clock.set('2026-11-30T09:00:00.000Z');
    const system = await verify(await newSystem('Eligibility scoring'));
    expect(system.next_review_date).toBe('2027-05-30');
    expect((await services.aiReviews.check(officer)).actions.opened).toBe(0);

    clock.set('2027-06-02T09:00:00.000Z');
    const first = await services.aiReviews.check(officer);
    expect(first).toMatchObject({ as_of: '2027-06-02', overdue: 1, actions: { opened: 1, closed: 0 } });
    const [action] = await reviewActions('open');
    expect(action).toMatchObject({
      source: 'ai_review',
      source_key: `ai_review:${system.id}`,
      subject_type: 'ai_system',
      subject_id: system.id,
      subject_name: 'Eligibility scoring',
      office_id: world.offices.kenya.id,
      assignee_person_id: world.people.kenya.id,
      due_date: '2027-05-30',
      overdue: true,
      reason_codes: ['ai_review.high'],
      code_title: expect.objectContaining({ en: expect.stringContaining('Review') }),
    });
    // The owner finds it among their actions, and the office's focal point sees it in scope.
    const focal = as('office_focal_point', 'focal@example.org', [world.offices.kenya.id]);
    expect((await services.actions.list(focal, { source: 'ai_review', limit: 10 })).items).toHaveLength(1);
    const elsewhere = as('office_focal_point', 'far@example.org', [world.offices.senegal.id]);
    expect((await services.actions.list(elsewhere, { source: 'ai_review', limit: 10 })).items).toHaveLength(
      0,
    );

    const again = await services.aiReviews.check(officer);
    expect(again.actions).toEqual({ opened: 0, closed: 0, updated: 0, unchanged: 1 });
    expect(await reviewActions('open')).toHaveLength(1);

    // The review: the same answers verified again move the date on; the action closes as resolved.
    const reviewed = await verify(system);
    expect(reviewed.next_review_date).toBe('2027-12-02');
    expect((await services.aiReviews.check(officer)).actions).toMatchObject({ opened: 0, closed: 1 });
    expect(await reviewActions('open')).toHaveLength(0);
    const [closed] = (await reviewActions('closed')).filter((a) => a.subject_id === system.id);
    expect(closed).toMatchObject({ status: 'closed', close_reason: 'resolved' });
  });

  it('closes the actions of retired and deleted systems, and follows a new owner', async () => {
    clock.set('2026-11-30T09:00:00.000Z');
    const retiring = await verify(await newSystem('Old chatbot'), LIMITED_ANSWERS);
    const deleting = await verify(await newSystem('Forgotten pilot'), LIMITED_ANSWERS);
    const moving = await verify(await newSystem('Translation helper', false), LIMITED_ANSWERS);
    clock.set('2027-12-01T09:00:00.000Z');
    expect((await services.aiReviews.check(officer)).actions.opened).toBe(3);
    expect(
      (await reviewActions('open')).find((a) => a.subject_id === moving.id)?.assignee_person_id,
    ).toBeNull();

    await services.aiSystems.update(admin, retiring.id, { version: retiring.version, lifecycle: 'retired' });
    await services.aiSystems.remove(admin, deleting.id, deleting.version);
    await services.aiSystems.update(admin, moving.id, {
      version: moving.version,
      technical_owner_id: world.people.hq.id,
    });
    const result = await services.aiReviews.check(officer);
    expect(result.actions).toMatchObject({ opened: 0, closed: 2, updated: 1 });
    const closed = await reviewActions('closed');
    expect(closed.find((a) => a.subject_id === retiring.id)?.close_reason).toBe('resolved');
    expect(closed.find((a) => a.subject_id === deleting.id)?.close_reason).toBe('subject_removed');
    expect((await reviewActions('open')).find((a) => a.subject_id === moving.id)?.assignee_person_id).toBe(
      world.people.hq.id,
    );
    const audit = await services.audit.list(admin, { entity_type: 'ai_review_check', limit: 50 });
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('lets only verifiers run the check, and the scheduler runs it hourly', async () => {
    for (const ctx of [
      as('viewer', 'viewer@example.org'),
      as('office_focal_point', 'focal@example.org', [world.offices.kenya.id]),
    ])
      expect((await rejected(services.aiReviews.check(ctx))).code).toBe('forbidden');

    clock.set('2030-01-01T09:00:00.000Z');
    const overdueNow = (await services.aiReviews.check(officer)).overdue;
    const system = await newSystem('Late one');
    await verify(system, { 'ai.definition': true, 'art5.a': true }); // prohibited: due at once
    vi.useFakeTimers();
    try {
      const log = { info: vi.fn(), warn: vi.fn() };
      const scheduler = startReviewChecks(services.aiReviews, log, 3_600_000);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(1));
      await vi.advanceTimersByTimeAsync(3_600_000);
      await scheduler.stop();
      expect(log.info).toHaveBeenCalledTimes(1);
      expect(log.info.mock.calls[0]?.[0]).toMatch(/1 action\(s\) opened/);
      expect(log.warn).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
    expect((await services.aiReviews.check(officer)).overdue).toBe(overdueNow + 1);
  });

  it('keeps review months as settings: admins change them, stale versions conflict, verification uses them', async () => {
    const defaults = await services.aiReviews.getSettings(as('viewer', 'viewer@example.org'));
    expect(defaults).toMatchObject({ version: 0, review_months: { high: 6, limited: 12, minimal: 24 } });
    expect(
      (await rejected(services.aiReviews.updateSettings(officer, { version: 0, review_months: { high: 3 } })))
        .code,
    ).toBe('forbidden');
    const saved = await services.aiReviews.updateSettings(admin, { version: 0, review_months: { high: 3 } });
    expect(saved).toMatchObject({ version: 1, review_months: { high: 3, limited: 12, minimal: 24 } });
    expect(
      (await rejected(services.aiReviews.updateSettings(admin, { version: 0, review_months: { high: 4 } })))
        .code,
    ).toBe('version_conflict');
    expect((await services.aiReviews.getSettings(officer)).review_months.high).toBe(3);

    clock.set('2026-11-30T09:00:00.000Z');
    const system = await verify(await newSystem('Quarterly reviewed'));
    expect(system.next_review_date).toBe('2027-02-28');
    await services.aiReviews.updateSettings(admin, { version: 1, review_months: { high: 6 } });
  });
});
