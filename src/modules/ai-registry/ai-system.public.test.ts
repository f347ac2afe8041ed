import { describe, expect, it } from 'vitest';
import { bodyText } from './ai-system.sheets.js';
import {
  publicCsv,
  publicHtml,
  publicJson,
  publicRecord,
  PUBLIC_FIELDS,
  type PublicNames,
  type PublicRecord,
} from './ai-system.public.js';
import {
  DEFAULT_PUBLIC_FIELDS,
  PUBLISHABLE_FIELDS,
  type AiSystem,
  type PublishableField,
} from './ai-system.schema.js';

/** A system whose every publishable field holds a value found nowhere else (its marker). */
const MARKERS: Record<PublishableField, string> = {
  public_description: 'MARK-description',
  purpose: 'MARK-purpose',
  office_id: 'MARK-office',
  department_id: 'MARK-department',
  business_owner_id: 'MARK-business-owner',
  technical_owner_id: 'MARK-technical-owner',
  provider: 'MARK-provider',
  contract: 'MARK-contract',
  models: 'MARK-model',
  deployment: 'self_hosted',
  lifecycle: 'production',
  users: 'MARK-users',
  affected_people: 'migrants_beneficiaries',
  decisions_informed: 'MARK-decisions',
  human_oversight: 'MARK-oversight',
  personal_data: 'personal_data',
  approval_status: 'approved_with_conditions',
  dpia_done: 'impact_assessment_completed',
  dpia_reference: 'MARK-dpia-link',
  data_asset_ids: 'MARK-asset',
  languages: 'xh; yo',
  countries: 'KE; SN',
  alternatives_considered: 'MARK-alternatives',
  risks_and_mitigations: 'MARK-risks',
  tier: 'limited',
  next_review_date: '2027-06-30',
};

function system(publicFields: readonly PublishableField[]): AiSystem {
  return {
    id: '0190f0c8-0000-7000-8000-000000000001',
    name: 'Case triage',
    public_description: MARKERS.public_description,
    purpose: MARKERS.purpose,
    office_id: '0190f0c8-0000-7000-8000-000000000002',
    department_id: '0190f0c8-0000-7000-8000-000000000003',
    business_owner_id: '0190f0c8-0000-7000-8000-000000000004',
    technical_owner_id: '0190f0c8-0000-7000-8000-000000000005',
    provider: MARKERS.provider,
    contract: MARKERS.contract,
    models: [{ name: MARKERS.models, provider: 'Acme', general_purpose: true }],
    deployment: 'self_hosted',
    lifecycle: 'production',
    users: MARKERS.users,
    affected_people: ['migrants_beneficiaries'],
    decisions_informed: MARKERS.decisions_informed,
    human_oversight: MARKERS.human_oversight,
    personal_data: true,
    approval_status: 'approved_with_conditions',
    approval_conditions: 'MARK-conditions',
    dpia_done: true,
    dpia_reference: MARKERS.dpia_reference,
    usage_app_ids: ['chatgpt'],
    data_asset_ids: ['0190f0c8-0000-7000-8000-000000000006'],
    languages: ['xh', 'yo'],
    countries: ['KE', 'SN'],
    alternatives_considered: MARKERS.alternatives_considered,
    risks_and_mitigations: MARKERS.risks_and_mitigations,
    public: true,
    public_fields: [...publicFields],
    tier: 'limited',
    next_review_date: MARKERS.next_review_date,
    version: 3,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-02T00:00:00.000Z',
  };
}

const NAMES: PublicNames = {
  office: MARKERS.office_id,
  department: MARKERS.department_id,
  business_owner: MARKERS.business_owner_id,
  technical_owner: MARKERS.technical_owner_id,
  data_assets: [MARKERS.data_asset_ids],
};

async function everyOutput(records: PublicRecord[]): Promise<{ json: string; csv: string; html: string }> {
  return {
    json: publicJson(records, '2026-11-30'),
    csv: await bodyText(publicCsv(records)),
    html: publicHtml(records, '2026-11-30'),
  };
}

const keyOf = (field: PublishableField) => PUBLIC_FIELDS.find((f) => f.from === field)!.key;

describe('the public register honours each system’s public fields', () => {
  it.each(PUBLISHABLE_FIELDS)(
    'never shows %s when it is not public, in JSON, CSV or HTML',
    async (hidden) => {
      const record = publicRecord(system(PUBLISHABLE_FIELDS.filter((f) => f !== hidden)), NAMES);
      expect(record).not.toHaveProperty(keyOf(hidden));
      for (const [format, body] of Object.entries(await everyOutput([record]))) {
        expect(body, format).not.toContain(MARKERS[hidden]);
        if (format !== 'html') expect(body, format).not.toContain(`"${keyOf(hidden)}"`);
      }
    },
  );

  it.each(PUBLISHABLE_FIELDS)('shows %s under its register name when it is public', async (shown) => {
    const record = publicRecord(system([shown]), NAMES);
    expect(Object.keys(record).toSorted()).toEqual(['name', keyOf(shown)].toSorted());
    const { json, csv } = await everyOutput([record]);
    expect(json).toContain(`"${keyOf(shown)}"`);
    expect(csv.split('\n')[0]).toContain(keyOf(shown));
  });

  it('shows only the name when no field is public, and never ids, approval conditions or app ids', async () => {
    const record = publicRecord(system([]), NAMES);
    expect(record).toEqual({ name: 'Case triage' });
    const all = publicRecord(system(PUBLISHABLE_FIELDS), NAMES);
    for (const body of Object.values(await everyOutput([all])))
      for (const secret of ['MARK-conditions', 'chatgpt', '0190f0c8-0000-7000-8000-00000000000'])
        expect(body).not.toContain(secret);
  });

  it('uses UK ATRS names where the standard has them', () => {
    const record = publicRecord(system(PUBLISHABLE_FIELDS), NAMES);
    expect(record).toMatchObject({
      description: MARKERS.public_description,
      organisation: MARKERS.office_id,
      team: MARKERS.department_id,
      phase: 'production',
      scope: MARKERS.purpose,
      senior_responsible_owner: MARKERS.business_owner_id,
      process_integration: MARKERS.decisions_informed,
      human_decisions_and_review: MARKERS.human_oversight,
      source_data_name: MARKERS.data_asset_ids,
      impact_assessment_completed: true,
      impact_assessment_link: MARKERS.dpia_reference,
      models: `${MARKERS.models} (Acme), general-purpose`,
      alternatives_considered: MARKERS.alternatives_considered,
      risks: MARKERS.risks_and_mitigations,
      languages: MARKERS.languages,
      countries: MARKERS.countries,
    });
  });

  it('publishes by default what the system does and where, but not people, contracts or links', () => {
    expect(DEFAULT_PUBLIC_FIELDS).toEqual(
      expect.arrayContaining([
        'public_description',
        'purpose',
        'office_id',
        'lifecycle',
        'tier',
        'languages',
        'countries',
      ]),
    );
    for (const kept of [
      'business_owner_id',
      'technical_owner_id',
      'contract',
      'users',
      'dpia_reference',
      'data_asset_ids',
      'alternatives_considered',
      'risks_and_mitigations',
    ] as const)
      expect(DEFAULT_PUBLIC_FIELDS).not.toContain(kept);
  });

  it('gives the CSV a column per field any entry publishes, empty where an entry keeps it private', async () => {
    const a = publicRecord({ ...system(['purpose']), name: 'A' }, NAMES);
    const b = publicRecord({ ...system(['provider']), name: 'B' }, NAMES);
    const lines = (await bodyText(publicCsv([a, b])))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toEqual([
      'name,scope,supplier_or_developer',
      `A,${MARKERS.purpose},`,
      `B,,${MARKERS.provider}`,
    ]);
  });
});
