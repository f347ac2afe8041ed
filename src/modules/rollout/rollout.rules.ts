import type { FieldIssue } from '../../core/errors.js';
import type { OnboardingStatus } from './rollout.schema.js';

/* The roll-out's rules on values, pure: each returns the problems it finds (none when all is well). */

/** A wave's planned end may not come before its planned start. */
export function waveDateIssues(wave: {
  planned_start: string | null;
  planned_end: string | null;
}): FieldIssue[] {
  return wave.planned_start !== null && wave.planned_end !== null && wave.planned_end < wave.planned_start
    ? [{ path: 'planned_end', message: 'the planned end comes before the planned start' }]
    : [];
}

/** The actual date says when the office completed: set exactly when the status is complete. */
export function actualDateIssues(record: {
  status: OnboardingStatus;
  actual_date: string | null;
}): FieldIssue[] {
  if (record.status === 'complete' && record.actual_date === null)
    return [{ path: 'actual_date', message: 'give the date the office completed its onboarding' }];
  if (record.status !== 'complete' && record.actual_date !== null)
    return [{ path: 'actual_date', message: 'an actual date is only for offices that are complete' }];
  return [];
}
