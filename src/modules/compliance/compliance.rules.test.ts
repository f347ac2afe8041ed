import { describe, expect, it } from 'vitest';
import { requirementIssues, type RequirementValues } from './compliance.rules.js';

const base: RequirementValues = { status: 'met', not_applicable_reason: null, evidence: [], risk_ids: [] };
const link = (url: string) => ({ kind: 'url' as const, url, title: 'Policy' });
const file = (sha256: string) => ({ kind: 'file' as const, sha256, name: 'policy.pdf' });

describe('requirementIssues', () => {
  it.each<[string, Partial<RequirementValues>, string[]]>([
    ['met without links', {}, []],
    ['not applicable with a reason', { status: 'not_applicable', not_applicable_reason: 'No AI' }, []],
    ['not applicable without a reason', { status: 'not_applicable' }, ['not_applicable_reason']],
    ['a reason for a met requirement', { not_applicable_reason: 'why?' }, ['not_applicable_reason']],
    [
      'distinct links and risks',
      { evidence: [link('https://a'), link('https://b')], risk_ids: ['r1', 'r2'] },
      [],
    ],
    ['the same web link twice', { evidence: [link('https://a'), link('https://a')] }, ['evidence']],
    ['the same file twice', { evidence: [file('a'.repeat(64)), file('a'.repeat(64))] }, ['evidence']],
    ['the same risk twice', { risk_ids: ['r1', 'r1', 'r1'] }, ['risk_ids']],
    [
      'every problem at once',
      { status: 'not_applicable', risk_ids: ['r1', 'r1'], evidence: [link('https://a'), link('https://a')] },
      ['not_applicable_reason', 'evidence', 'risk_ids'],
    ],
  ])('%s', (_name, values, paths) => {
    expect(requirementIssues({ ...base, ...values }).map((issue) => issue.path)).toEqual(paths);
  });
});
