import { describe, expect, it } from 'vitest';
import { collect } from '../../core/tabular/testing/files.js';
import type { Asset } from './asset.schema.js';
import { dcatCatalogue, dcatDataset } from './inventory-dcat.js';

const office = { id: 'o1', code: 'KE-NBO', name: 'Kenya' };

function asset(overrides: Partial<Asset> = {}): Asset {
  return {
    id: '0190f5d2-0000-7000-8000-000000000001',
    name: 'Market prices',
    description: 'Monthly market prices',
    asset_type: 'dataset',
    system_id: null,
    office_id: 'o1',
    department_id: null,
    data_owner_id: 'p-owner',
    data_custodian_id: 'p-custodian',
    data_steward_id: null,
    focal_point_id: null,
    sensitivity_label: 'Public',
    personal_data: true,
    special_categories: ['health'],
    data_subjects: ['beneficiaries_migrants'],
    legal_basis: 'Consent of Amina Odhiambo',
    purpose: 'Programme design',
    retention: '5 years',
    hosting_location: 'Azure West Europe',
    sharing_agreements: 'DSA with partner X',
    tags: ['prices', 'markets'],
    last_reviewed: '2026-01-01',
    last_access_review: null,
    version: 3,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-06-15T10:00:00.000Z',
    ...overrides,
  };
}

describe('DCAT export of the inventory', () => {
  it.each([
    ['Public', 'PUBLIC'],
    ['Internal', 'RESTRICTED'],
  ] as const)('publishes a %s asset with access rights %s', (label, right) => {
    expect(dcatDataset(asset({ sensitivity_label: label }), office)).toEqual({
      '@id': 'urn:uuid:0190f5d2-0000-7000-8000-000000000001',
      '@type': 'dcat:Dataset',
      'dct:identifier': '0190f5d2-0000-7000-8000-000000000001',
      'dct:title': 'Market prices',
      'dct:description': 'Monthly market prices',
      'dcat:keyword': ['prices', 'markets'],
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': 'Kenya', 'dct:identifier': 'KE-NBO' },
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': 'Kenya (KE-NBO): data governance focal point',
      },
      'dct:modified': { '@value': '2026-06-15', '@type': 'xsd:date' },
      'dct:accessRights': {
        '@id': `http://publications.europa.eu/resource/authority/access-right/${right}`,
      },
    });
  });

  it.each([['Confidential'], ['Strictly Confidential'], [null]] as const)(
    'leaves out an asset labelled %s',
    (label) => {
      expect(dcatDataset(asset({ sensitivity_label: label }), office)).toBeNull();
    },
  );

  it('never publishes people, legal basis, hosting, special categories or subjects', () => {
    const text = JSON.stringify(dcatDataset(asset(), office));
    for (const secret of [
      'p-owner',
      'p-custodian',
      'Amina',
      'Azure',
      'health',
      'beneficiaries',
      'DSA',
      '5 years',
    ])
      expect(text).not.toContain(secret);
  });

  it('streams a JSON-LD catalogue of the publishable assets only', async () => {
    async function* pages() {
      yield [asset(), asset({ id: 'x2', sensitivity_label: 'Confidential' })];
      yield [asset({ id: 'x3', name: 'Staff survey', sensitivity_label: 'Internal', description: null })];
    }
    const file = dcatCatalogue(pages(), new Map([['o1', office]]), {
      baseUrl: 'https://custos.example.org',
      issued: '2026-11-30',
    });
    const catalogue = JSON.parse((await collect(file.stream)).toString('utf8')) as Record<string, unknown>;
    expect(file.datasetCount()).toBe(2);
    expect(catalogue).toMatchObject({
      '@type': 'dcat:Catalog',
      '@id': 'https://custos.example.org/api/assets/dcat.jsonld',
      '@context': expect.objectContaining({ dcat: 'http://www.w3.org/ns/dcat#' }),
    });
    const datasets = catalogue['dcat:dataset'] as { 'dct:title': string }[];
    expect(datasets.map((d) => d['dct:title'])).toEqual(['Market prices', 'Staff survey']);
  });

  it('writes a valid catalogue with no datasets', async () => {
    const file = dcatCatalogue((async function* () {})(), new Map(), {
      baseUrl: 'http://x',
      issued: '2026-11-30',
    });
    expect(JSON.parse((await collect(file.stream)).toString('utf8'))).toMatchObject({ 'dcat:dataset': [] });
  });
});
