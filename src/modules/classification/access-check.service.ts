import type { RequestContext } from '../../core/audit.js';
import { isoDate } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import type { ActionService } from '../actions/actions.service.js';
import type { AssetService } from '../inventory/asset.service.js';
import { ACCESS_SOURCE, accessActionChanges } from './access-actions.js';
import { readAccessListing, type AccessListingRow } from './access-listing.js';
import { checkAccess } from './access-policy.js';
import { readDatabaseGrants } from './db-grants.js';
import type { LabelPolicy } from './label-policy.schema.js';
import type { AccessCheckQuery, AccessCheckResult, GrantsResult } from './sensitive-data.schema.js';

/**
 * Who can access data, against the label policy. Checking a listing needs 'classification.scan';
 * naming an asset (in scope, else 404) takes its label and turns the violations into actions for its
 * custodian (source "access", one per asset, rule, resource and principal; fixed ones close), with
 * one audit event for the check. Reading a database's grants needs 'system.admin': it connects with
 * the credentials given, which are never stored.
 */
export class AccessCheckService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly others: { assets: AssetService; actions: ActionService; policy: () => LabelPolicy },
  ) {}

  async check(ctx: RequestContext, listing: ByteInput, query: AccessCheckQuery): Promise<AccessCheckResult> {
    requirePermission(ctx.actor, 'classification.scan');
    const asset = query.asset_id ? await this.others.assets.get(ctx, query.asset_id) : null;
    const label = this.label(query.label ?? asset?.sensitivity_label ?? null, asset !== null);
    const rows = await readAccessListing(listing);
    const violations = checkAccess(rows, label, this.others.policy());
    if (!asset) return { label, rows: rows.length, violations, asset: null, actions: null };
    const actions = await inTransaction(this.deps, ctx, async (trx, audit) => {
      const stored = await this.others.actions.openIn(trx, ACCESS_SOURCE);
      const changes = accessActionChanges(asset, violations, stored, isoDate(this.deps.clock.now()));
      await this.others.actions.applyIn(trx, changes);
      const counts = { opened: changes.open.length, kept: changes.kept, closed: changes.close.length };
      await audit({
        action: 'access_check',
        entityType: 'asset',
        entityId: asset.id,
        officeId: asset.office_id,
        after: { label, rows: rows.length, violations: violations.length, actions: counts },
      });
      return counts;
    });
    return { label, rows: rows.length, violations, asset: { id: asset.id, name: asset.name }, actions };
  }

  /** A database's grants (PUBLIC included) as listing rows, checked against `label` when given. */
  async grants(ctx: RequestContext, url: string, label?: string): Promise<GrantsResult> {
    requirePermission(ctx.actor, 'system.admin');
    const chosen = label === undefined ? null : this.label(label, false);
    const { source, rows } = await readDatabaseGrants(url);
    return {
      source,
      rows,
      label: chosen,
      violations: chosen ? checkAccess(rows as AccessListingRow[], chosen, this.others.policy()) : [],
    };
  }

  /** The policy's spelling of a label; an unknown or missing one is the caller's mistake (400). */
  private label(label: string | null, forAsset: boolean): string {
    const policy = this.others.policy();
    const names = policy.taxonomy.map((l) => l.name);
    if (label === null)
      throw errors.validation(
        forAsset
          ? 'label: the asset has no sensitivity label yet; confirm one or give the label'
          : `label: give the data's label, one of ${names.join(', ')}`,
        [{ path: 'label', message: 'required' }],
      );
    const found = names.find((n) => n.toLowerCase() === label.trim().toLowerCase());
    if (!found)
      throw errors.validation(`label: unknown label "${label}"; one of ${names.join(', ')}`, [
        { path: 'label', message: 'unknown label' },
      ]);
    return found;
  }
}
