import { describe, expect, it } from 'vitest';
import { workflowActions } from './classification-workflow';

const all = { write: true, verify: true };

describe('workflowActions', () => {
  it.each([
    [null, all, ['create']],
    ['draft', all, ['edit', 'submit']],
    ['changes_requested', all, ['edit', 'submit']],
    ['submitted', all, ['start-review']],
    ['under_review', all, ['verify', 'request-changes']],
    ['verified', all, ['create']],
    ['draft', { write: false, verify: true }, []],
    ['submitted', { write: true, verify: false }, []],
    [null, { write: false, verify: false }, []],
  ] as const)('status %s with %j offers %j', (status, can, expected) => {
    expect(workflowActions(status, can)).toEqual(expected);
  });
});
