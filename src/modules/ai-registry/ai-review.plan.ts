import type { ActionChanges, NewAction, StoredAction } from '../actions/actions.service.js';
import type { Tier } from './ai-act.schema.js';

/*
 * Overdue reviews as actions for the owner (pure): one open action per system whose review date has
 * been reached; a review done (a newer verification moved the date on), a retired or a deleted system
 * closes it.
 */

export const AI_REVIEW_SOURCE = 'ai_review';
/** The action's code: what has to be done. */
export const AI_REVIEW_CODE = 'review_due';

/** A system whose review date has been reached, as the check reads it. */
export interface DueReview {
  system_id: string;
  office_id: string;
  tier: Tier;
  next_review_date: string;
  business_owner_id: string | null;
  technical_owner_id: string | null;
}

/** The dedupe key: at most one open review action per system. */
export function aiReviewActionKey(systemId: string): string {
  return `${AI_REVIEW_SOURCE}:${systemId}`;
}

/** Why a review action is raised, in words the web app translates (myActions.reasons.*). */
export function aiReviewReason(tier: Tier): string {
  return `ai_review.${tier}`;
}

/**
 * Compare the open review actions with the systems due now:
 * - due with no open action → open one for the business owner (else the technical owner), due on
 *   the review date;
 * - open for a system no longer due → close as `resolved` (reviewed, or retired), or
 *   `subject_removed` when the system is gone;
 * - open for an earlier review date than the one now due → close as `resolved` and open a new one
 *   (the system was reviewed and is due again);
 * - open and still due → update the assignee, office or reason when they moved;
 * - a second open action for a system → close as `duplicate`.
 */
export function planReviewActions(
  due: readonly DueReview[],
  open: readonly StoredAction[],
  existing: ReadonlySet<string>,
): ActionChanges & { unchanged: number } {
  const dueById = new Map(due.map((review) => [review.system_id, review]));
  const close: ActionChanges['close'][number][] = [];
  const update: ActionChanges['update'][number][] = [];
  const kept = new Set<string>();
  let unchanged = 0;
  for (const action of open) {
    const review = dueById.get(action.subject_id);
    if (kept.has(action.subject_id)) close.push({ id: action.id, reason: 'duplicate' });
    else if (!review)
      close.push({ id: action.id, reason: existing.has(action.subject_id) ? 'resolved' : 'subject_removed' });
    else if (action.due_date !== review.next_review_date) close.push({ id: action.id, reason: 'resolved' });
    else {
      kept.add(action.subject_id);
      const changes: ActionChanges['update'][number]['changes'] = {};
      const assignee = assigneeOf(review);
      if (action.assignee_person_id !== assignee) changes.assignee_person_id = assignee;
      if (action.office_id !== review.office_id) changes.office_id = review.office_id;
      const reasons = [aiReviewReason(review.tier)];
      if (action.reason_codes.join() !== reasons.join()) changes.reason_codes = reasons;
      if (Object.keys(changes).length > 0) update.push({ id: action.id, changes });
      else unchanged += 1;
    }
  }
  const opened = due
    .filter((review) => !kept.has(review.system_id))
    .map((review): NewAction => ({
      source: AI_REVIEW_SOURCE,
      source_key: aiReviewActionKey(review.system_id),
      subject_type: 'ai_system',
      subject_id: review.system_id,
      office_id: review.office_id,
      assignee_person_id: assigneeOf(review),
      code: AI_REVIEW_CODE,
      reason_codes: [aiReviewReason(review.tier)],
      due_date: review.next_review_date,
    }));
  return { open: opened, close, update, unchanged };
}

function assigneeOf(review: DueReview): string | null {
  return review.business_owner_id ?? review.technical_owner_id;
}
