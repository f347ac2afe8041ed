import type { ClassificationStatus } from '@server/modules/ai-registry/ai-system.schema';

export type WorkflowAction = 'create' | 'edit' | 'submit' | 'start-review' | 'verify' | 'request-changes';

/**
 * The workflow buttons for the latest classification's status (null: none yet) and the reader's
 * permissions, in the order the page shows them. The API checks again (and the four-eyes rule).
 */
export function workflowActions(
  status: ClassificationStatus | null,
  can: { write: boolean; verify: boolean },
): WorkflowAction[] {
  const actions: WorkflowAction[] = [];
  if (can.write) {
    if (status === null || status === 'verified') actions.push('create');
    if (status === 'draft' || status === 'changes_requested') actions.push('edit', 'submit');
  }
  if (can.verify) {
    if (status === 'submitted') actions.push('start-review');
    if (status === 'under_review') actions.push('verify', 'request-changes');
  }
  return actions;
}
