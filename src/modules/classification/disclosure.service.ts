import type { RequestContext } from '../../core/audit.js';
import { requirePermission } from '../../core/permissions.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import { disclosureReport, type DisclosureReport } from './disclosure-report.js';
import type { DisclosureQuery } from './sensitive-data.schema.js';

/** Disclosure risk of an uploaded microdata file before it is shared: 'classification.read'; nothing is stored. */
export class DisclosureService {
  async measure(ctx: RequestContext, file: ByteInput, query: DisclosureQuery): Promise<DisclosureReport> {
    requirePermission(ctx.actor, 'classification.read');
    return disclosureReport(file, {
      quasiIdentifiers: query.qi,
      weight: query.weight ?? null,
      sensitive: query.sensitive ?? [],
      ...(query.top !== undefined ? { topKeys: query.top } : {}),
    });
  }
}
