import type { RequestContext } from '../../core/audit.js';
import type { AccessCheckService } from '../classification/access-check.service.js';
import type { ScanService } from '../classification/scans.service.js';
import { syntheticReport } from '../classification/synthetic-reports.js';
import type { AssetService } from '../inventory/asset.service.js';

export interface DemoSensitiveDataServices {
  scans: ScanService;
  accessChecks: AccessCheckService;
  assets: AssetService;
}

/** A SharePoint-style sharing report of a registration list: an anonymous link and everyone. */
const SHARING_REPORT = [
  'resource,principal,principal_type,access_level',
  '/sites/registration/beneficiaries.xlsx,Anyone with the link,anonymous_link,View',
  '/sites/registration/beneficiaries.xlsx,Everyone except external users,everyone,Read',
  '/sites/registration/beneficiaries.xlsx,partner.ngo@example.net,external,Edit',
  '/sites/registration/beneficiaries.xlsx,Registration team,group,Edit',
].join('\n');

/**
 * The demo's sensitive data: two finished scans of fictional files (synthetic reports, masked
 * examples only) in the office of a labelled asset, one dataset's label confirmed into that asset,
 * and a sharing report checked against it, whose violations become actions for its custodian.
 */
export async function loadDemoSensitiveData(
  services: DemoSensitiveDataServices,
  ctx: RequestContext,
): Promise<{ scans: number; violations: number }> {
  const candidates = await services.assets.list(ctx, { sensitivity_label: 'Confidential', limit: 50 });
  const asset = candidates.items.find((a) => a.data_custodian_id !== null) ?? candidates.items[0];
  if (!asset) return { scans: 0, violations: 0 };
  const policy = services.scans.policy();
  const names = ['registro_beneficiarios.xlsx#Hoja1', 'protection_cases.csv', 'counts_by_district.csv'];
  const first = await services.scans.importReport(
    ctx,
    {
      sources: names.map((name) => ({ kind: 'file', name: name.split('#')[0]! })),
      office_id: asset.office_id,
      sampling: { kind: 'sample', size: 1000 },
    },
    syntheticReport(names, policy),
  );
  await services.scans.confirm(ctx, first.scan_id, 1, {
    label: 'Confidential',
    version: 1,
    asset_id: asset.id,
    asset_version: asset.version,
  });
  await services.scans.confirm(ctx, first.scan_id, 3, {
    label: 'Internal',
    justification: 'District totals are published in situation reports but not yet checked for small cells',
    version: 1,
  });
  const second = ['staff_case_list.csv', 'payroll_export_encrypted.xlsx'];
  await services.scans.importReport(
    ctx,
    {
      sources: second.map((name) => ({ kind: 'file', name })),
      office_id: asset.office_id,
      sampling: { kind: 'full' },
    },
    syntheticReport(second, policy),
  );
  const check = await services.accessChecks.check(ctx, Buffer.from(SHARING_REPORT), { asset_id: asset.id });
  return { scans: 2, violations: check.violations.length };
}
