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

  it('keeps a system’s models, apps, assets and public fields, and starts a new one with the default public fields', () => {
    expect(aiSystemValues()).toMatchObject({ models: [], usage_app_ids: [], data_asset_ids: [] });
    expect(aiSystemValues().public_fields).toContain('purpose');
    expect(aiSystemValues().public_fields).not.toContain('business_owner_id');
  });

  it('starts with no languages or countries, and sends the texts on risks and alternatives trimmed or null', () => {
    expect(aiSystemValues()).toMatchObject({ languages: [], countries: [], risks_and_mitigations: '' });
    expect(aiSystemValues().public_fields).toEqual(expect.arrayContaining(['languages', 'countries']));
    expect(aiSystemValues().public_fields).not.toContain('risks_and_mitigations');
    const payload = aiSystemPayload({
      ...aiSystemValues(),
      name: 'Chatbot',
      languages: ['en', 'ar'],
      countries: ['KE'],
      alternatives_considered: ' Manual triage ',
      risks_and_mitigations: '  ',
    });
    expect(payload).toMatchObject({
      languages: ['en', 'ar'],
      countries: ['KE'],
      alternatives_considered: 'Manual triage',
      risks_and_mitigations: null,
    });
  });

  it('sends models trimmed, an empty provider as null, and leaves blank model rows out', () => {
    const payload = aiSystemPayload({
      ...aiSystemValues(),
      name: 'Chatbot',
      models: [
        { name: ' GPT-4o ', provider: ' OpenAI ', general_purpose: true },
        { name: 'In-house', provider: '  ', general_purpose: false },
        { name: ' ', provider: '', general_purpose: false },
      ],
    });
    expect(payload.models).toEqual([
      { name: 'GPT-4o', provider: 'OpenAI', general_purpose: true },
      { name: 'In-house', provider: null, general_purpose: false },
    ]);
  });
});
