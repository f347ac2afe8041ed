import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { inTransaction, throwStale, type ServiceDeps } from '../../core/service-context.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { Asset } from '../inventory/asset.schema.js';
import { labelRank } from './label-policy.js';
import type { LabelPolicy } from './label-policy.schema.js';
import { confirmLabel } from './label-proposal.js';
import { SCAN_DATASET_ENTITY, visibleScan } from './scans.common.js';
import { assetName, canonicalLabel, datasetAsset, presentDataset } from './scans.present.js';
import { ScanRepository } from './scans.repository.js';
import { ASSET_LABELS, type LabelConfirm, type ScanDataset } from './sensitive-data.schema.js';

/**
 * Confirm or override the label of dataset `position` (1-based) of scan `id` ('classification.label';
 * see ScanService.confirm): the label policy's rules decide when a justification is needed (override,
 * or lowering the proposed or the asset's current label). With an asset, the label is written into it
 * (its version must match); with `register`, a new dataset asset is created. The decision, the asset
 * write and their audit events share one transaction: all or nothing.
 */
export async function confirmDatasetLabel(
  deps: ServiceDeps,
  assets: AssetService,
  policy: LabelPolicy,
  ctx: RequestContext,
  id: string,
  position: number,
  input: LabelConfirm,
): Promise<ScanDataset> {
  // Read before the transaction (SQLite has one connection); updateIn re-checks its version inside.
  const current = input.asset_id ? await assets.get(ctx, input.asset_id) : null;
  return inTransaction(deps, ctx, async (trx, audit) => {
    const repo = new ScanRepository(trx);
    const scan = await visibleScan(ctx.actor, repo, id);
    const before = await repo.dataset(id, position);
    if (!before) throw errors.notFound('dataset', `${id}/${position}`);
    if (before.version !== input.version) throwStale(SCAN_DATASET_ENTITY, before.id, input.version, before);
    const writesAsset = input.asset_id !== undefined || input.register !== undefined;
    const decided = confirmLabel(
      {
        proposed: before.proposed_label,
        chosen: canonicalLabel(policy, input.label),
        current: current?.sensitivity_label ?? before.label,
        justification: input.justification,
      },
      policy,
    );
    if (!decided.ok) throw errors.validation(decided.issues[0]!.message, decided.issues);
    if (writesAsset && !ASSET_LABELS.includes(decided.label))
      throw errors.validation(`label: inventory assets carry one of ${ASSET_LABELS.join(', ')}`, [
        { path: 'label', message: 'not a label of the inventory' },
      ]);
    const label = decided.label as Asset['sensitivity_label'];
    const personal = labelRank(policy, decided.label) >= labelRank(policy, 'Confidential');
    let asset: Asset | null = null;
    if (input.asset_id && current)
      asset = await assets.updateIn(trx, audit, ctx, input.asset_id, {
        version: input.asset_version!,
        sensitivity_label: label,
        // As for a registered asset; a label never clears what the asset says of personal data.
        ...(personal && !current.personal_data ? { personal_data: true } : {}),
      });
    else if (input.register)
      asset = await assets.createIn(
        trx,
        audit,
        ctx,
        datasetAsset(ctx, {
          name: input.register.name ?? assetName(before.source),
          office_id: input.register.office_id,
          sensitivity_label: label,
          personal_data: personal,
          description: `Registered from sensitive-data scan ${id} (${before.source})`,
        }),
      );
    const now = isoNow(deps.clock);
    const decision = {
      label: decided.label,
      label_change: decided.change,
      justification: decided.justification,
      asset_id: asset?.id ?? before.asset_id,
      decided_by: ctx.actor.userId,
      decided_by_label: ctx.actor.label,
      decided_at: now,
    };
    if (!(await repo.decide(before.id, before.version, decision)))
      throwStale(SCAN_DATASET_ENTITY, before.id, input.version, await repo.dataset(id, position));
    await audit({
      action: 'label',
      entityType: SCAN_DATASET_ENTITY,
      entityId: before.id,
      officeId: asset?.office_id ?? scan.office_id,
      before: { label: before.label, asset_id: before.asset_id },
      after: {
        scan_id: id,
        source: before.source,
        proposed: before.proposed_label,
        label: decided.label,
        change: decided.change,
        justification: decided.justification,
        asset_id: decision.asset_id,
      },
    });
    return presentDataset({
      ...before,
      ...decision,
      version: before.version + 1,
      updated_at: now,
      asset_name: asset?.name ?? null,
    });
  });
}
