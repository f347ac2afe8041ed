import type { Risk } from '@server/modules/risks/risk.schema';
import { describe, expect, it } from 'vitest';
import { riskPayload, riskValues } from './risk-form-values';

describe('risk form values', () => {
  it('starts a new risk open, with nothing rated', () => {
    expect(riskValues()).toMatchObject({ status: 'open', inherent_likelihood: null, title: '' });
  });

  it('sends trimmed text, null for empty fields, and leaves an accepted risk’s status alone', () => {
    const accepted = { ...riskValues(), status: null, title: ' Flood ', cause: '  ', next_review_date: '' };
    const payload = riskPayload(accepted);
    expect(payload).toMatchObject({ title: 'Flood', cause: null, next_review_date: null });
    expect('status' in payload).toBe(false);
    expect(riskValues({ status: 'accepted' } as Risk).status).toBeNull();
    expect(riskPayload(riskValues()).status).toBe('open');
  });
});
