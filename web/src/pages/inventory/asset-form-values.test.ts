import { assetCreateSchema, type Asset } from '@server/modules/inventory/asset.schema';
import { describe, expect, it } from 'vitest';
import { changedValues } from '../../components/form/changed-values';
import { assetPayload, assetValues } from './asset-form-values';

const OFFICE = '0190f5d2-0000-7000-8000-000000000001';
const SYSTEM = '0190f5d2-0000-7000-8000-000000000002';

const asset: Asset = {
  id: '0190f5d2-0000-7000-8000-000000000003',
  name: 'Beneficiary registry',
  description: null,
  asset_type: 'dataset',
  system_id: SYSTEM,
  office_id: OFFICE,
  department_id: null,
  data_owner_id: null,
  data_custodian_id: null,
  data_steward_id: null,
  focal_point_id: null,
  sensitivity_label: 'Confidential',
  personal_data: true,
  special_categories: ['health'],
  data_subjects: ['beneficiaries_migrants'],
  legal_basis: 'Vital interest',
  purpose: null,
  retention: null,
  hosting_location: null,
  sharing_agreements: null,
  tags: ['cash'],
  last_reviewed: '2026-01-15',
  last_access_review: null,
  version: 3,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-15T00:00:00.000Z',
};

describe('asset form values', () => {
  it('turn an unchanged asset back into the payload it came from, so an untouched form sends nothing', () => {
    const original = assetPayload(assetValues(asset));
    expect(changedValues(assetPayload(assetValues(asset)), original)).toEqual({});
    expect(original.description).toBeNull();
    expect(original.last_reviewed).toBe('2026-01-15');
  });

  it('send emptied text as null and trim the name', () => {
    const values = { ...assetValues(asset), name: '  Registry ', legal_basis: '   ', last_reviewed: '' };
    const changes = changedValues(assetPayload(values), assetPayload(assetValues(asset)));
    expect(changes).toEqual({ name: 'Registry', legal_basis: null, last_reviewed: null });
  });

  it('start a new asset in the given office or system, and pass the API’s create schema once named', () => {
    const values = assetValues(undefined, { office_id: OFFICE, system_id: SYSTEM });
    expect(values.office_id).toBe(OFFICE);
    expect(values.system_id).toBe(SYSTEM);
    expect(assetCreateSchema.safeParse(assetPayload(values)).success).toBe(false);
    expect(assetCreateSchema.safeParse(assetPayload({ ...values, name: 'Payroll' })).success).toBe(true);
  });
});
