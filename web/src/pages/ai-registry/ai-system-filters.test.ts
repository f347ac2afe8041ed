import { describe, expect, it } from 'vitest';
import { aiSystemQuery } from './ai-system-filters';

describe('aiSystemQuery', () => {
  it.each([
    [{ tier: 'high' }, { tier: 'high' }],
    [{ tier: 'unclassified' }, { tier: 'unclassified' }],
    [{ tier: 'huge' }, { tier: undefined }],
    [{ approval_status: 'approved_with_conditions' }, { approval_status: 'approved_with_conditions' }],
    [{ approval_status: 'maybe' }, { approval_status: undefined }],
    [{ lifecycle: 'pilot' }, { lifecycle: 'pilot' }],
    [{ lifecycle: 'beta' }, { lifecycle: undefined }],
    [
      { review_overdue: 'true', no_dpia: 'true' },
      { review_overdue: 'true', no_dpia: 'true' },
    ],
    [
      { review_overdue: 'false', no_dpia: 'yes' },
      { review_overdue: undefined, no_dpia: undefined },
    ],
  ])('keeps only valid choices from %j', (filters, expected) => {
    expect(aiSystemQuery(filters)).toMatchObject(expected);
  });

  it('passes the search words and office through', () => {
    expect(aiSystemQuery({ q: 'chatbot', office_id: 'o1' })).toMatchObject({ q: 'chatbot', office_id: 'o1' });
  });
});
