import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../actions/actions.service.js';
import { nextReviewDate, REVIEW_MONTHS } from './ai-classification.rules.js';
import { aiReviewActionKey, planReviewActions, type DueReview } from './ai-review.plan.js';
import type { ReviewMonths } from './ai-review.schema.js';

const due = (id: string, over: Partial<DueReview> = {}): DueReview => ({
  system_id: id,
  office_id: 'office-1',
  tier: 'high',
  next_review_date: '2026-11-01',
  business_owner_id: 'owner',
  technical_owner_id: 'tech',
  ...over,
});

const open = (id: string, over: Partial<StoredAction> = {}): StoredAction => ({
  id: `action-${id}`,
  source_key: aiReviewActionKey(id),
  subject_id: id,
  office_id: 'office-1',
  code: 'review_due',
  reason_codes: ['ai_review.high'],
  assignee_person_id: 'owner',
  due_date: '2026-11-01',
  ...over,
});

describe('review dates by tier and settings', () => {
  const custom: ReviewMonths = { ...REVIEW_MONTHS, high: 3, limited: 18, minimal: 36 };
  it.each([
    ['high', REVIEW_MONTHS, '2026-11-30', '2027-05-30'],
    ['limited', REVIEW_MONTHS, '2026-11-30', '2027-11-30'],
    ['minimal', REVIEW_MONTHS, '2026-11-30', '2028-11-30'],
    ['out_of_scope', REVIEW_MONTHS, '2026-11-30', '2028-11-30'],
    ['prohibited', REVIEW_MONTHS, '2026-11-30', '2026-11-30'],
    ['high', custom, '2026-11-30', '2027-02-28'],
    ['limited', custom, '2026-08-31', '2028-02-29'],
    ['minimal', custom, '2026-11-30', '2029-11-30'],
  ] as const)(
    'a %s classification verified with %o on %s is due on %s',
    (tier, months, verified, expected) => {
      expect(nextReviewDate(tier, verified, months)).toBe(expected);
    },
  );
});

describe('overdue reviews as actions', () => {
  it.each([
    {
      case: 'a due system without an action opens one for the business owner, due on the review date',
      due: [due('a')],
      open: [],
      existing: [],
      opened: [
        {
          subject_id: 'a',
          assignee_person_id: 'owner',
          due_date: '2026-11-01',
          reason_codes: ['ai_review.high'],
        },
      ],
      closed: [],
      updated: [],
      unchanged: 0,
    },
    {
      case: 'without a business owner the technical owner gets it; without either nobody',
      due: [
        due('a', { business_owner_id: null }),
        due('b', { business_owner_id: null, technical_owner_id: null }),
      ],
      open: [],
      existing: [],
      opened: [
        { subject_id: 'a', assignee_person_id: 'tech' },
        { subject_id: 'b', assignee_person_id: null },
      ],
      closed: [],
      updated: [],
      unchanged: 0,
    },
    {
      case: 'a due system with its open action is left alone',
      due: [due('a')],
      open: [open('a')],
      existing: ['a'],
      opened: [],
      closed: [],
      updated: [],
      unchanged: 1,
    },
    {
      case: 'a reviewed (or retired) system closes its action as resolved',
      due: [],
      open: [open('a')],
      existing: ['a'],
      opened: [],
      closed: [{ id: 'action-a', reason: 'resolved' }],
      updated: [],
      unchanged: 0,
    },
    {
      case: 'a deleted system closes its action as subject_removed',
      due: [],
      open: [open('a')],
      existing: [],
      opened: [],
      closed: [{ id: 'action-a', reason: 'subject_removed' }],
      updated: [],
      unchanged: 0,
    },
    {
      case: 'reviewed and due again since the last check: the old action closes, a new one opens',
      due: [due('a', { next_review_date: '2027-05-01' })],
      open: [open('a')],
      existing: ['a'],
      opened: [{ subject_id: 'a', due_date: '2027-05-01' }],
      closed: [{ id: 'action-a', reason: 'resolved' }],
      updated: [],
      unchanged: 0,
    },
    {
      case: 'a new owner, office or tier updates the open action',
      due: [due('a', { business_owner_id: 'new', office_id: 'office-2', tier: 'limited' })],
      open: [open('a')],
      existing: ['a'],
      opened: [],
      closed: [],
      updated: [
        {
          id: 'action-a',
          changes: { assignee_person_id: 'new', office_id: 'office-2', reason_codes: ['ai_review.limited'] },
        },
      ],
      unchanged: 0,
    },
    {
      case: 'a second open action for the same system closes as duplicate',
      due: [due('a')],
      open: [open('a'), open('a', { id: 'action-a2' })],
      existing: ['a'],
      opened: [],
      closed: [{ id: 'action-a2', reason: 'duplicate' }],
      updated: [],
      unchanged: 1,
    },
  ])('$case', (row) => {
    const plan = planReviewActions(row.due, row.open, new Set(row.existing));
    expect(plan.open).toEqual(row.opened.map((o) => expect.objectContaining(o)));
    for (const action of plan.open) {
      expect(action).toMatchObject({ source: 'ai_review', subject_type: 'ai_system', code: 'review_due' });
      expect(action.source_key).toBe(aiReviewActionKey(action.subject_id));
    }
    expect(plan.close).toEqual(row.closed);
    expect(plan.update).toEqual(row.updated);
    expect(plan.unchanged).toBe(row.unchanged);
  });
});
