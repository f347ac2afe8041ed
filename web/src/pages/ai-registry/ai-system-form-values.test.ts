import { describe, expect, it } from 'vitest';
import { aiSystemPayload, aiSystemValues } from './ai-system-form-values';

describe('AI system form values', () => {
  it('starts a new system as an idea under review, with empty text', () => {
    const values = aiSystemValues();
    expect(values).toMatchObject({ lifecycle: 'idea', approval_status: 'under_review', purpose: '' });
  });

  it('sends trimmed text and null for cleared fields', () => {
    const payload = aiSystemPayload({
      ...aiSystemValues(),
      name: '  Chatbot ',
      purpose: '  ',
      provider: ' Acme ',
    });
    expect(payload).toMatchObject({ name: 'Chatbot', purpose: null, provider: 'Acme' });
  });
});
