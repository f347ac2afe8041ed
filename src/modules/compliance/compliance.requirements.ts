import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors, type FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { StoredFile } from '../files/files.service.js';
import type { FrameworkService } from '../frameworks/frameworks.service.js';
import { ASSESSMENT, NO_LINKS, REQUIREMENT, throwIssues, visible } from './compliance.common.js';
import { EVIDENCE_OWNER, type ComplianceLinkChecks } from './compliance.links.js';
import { presentEvidence, presentRequirement } from './compliance.present.js';
import { ComplianceRepository, type EvidenceRow, type RequirementRow } from './compliance.repository.js';
import { requirementIssues } from './compliance.rules.js';
import {
  MAX_LINKS,
  type AssessedRequirement,
  type EvidenceLink,
  type RequirementStatus,
  type RequirementUpdate,
} from './compliance.schema.js';

/*
 * The operations on one requirement of an assessment: its status, notes and links, and its evidence
 * files. ComplianceService checks the permission and opens the transaction; these do the rest.
 */

/** The file store, when one is configured (ComplianceService.addEvidenceFile checks). */
export type EvidenceFiles = NonNullable<ComplianceLinkChecks['files']>;

/** What the requirement operations work through. */
export interface RequirementServices {
  deps: ServiceDeps;
  frameworks: FrameworkService;
  links: ComplianceLinkChecks;
}

/**
 * Assess one requirement (`version` 0 the first time). Fields left out keep their value; evidence and
 * risk_ids, when sent, replace the lists. A completed assessment must be reopened first (409).
 */
export async function assessRequirementIn(
  services: RequirementServices,
  trx: Transaction<Database>,
  audit: AuditWriter,
  ctx: RequestContext,
  id: string,
  requirementId: string,
  input: RequirementUpdate,
): Promise<AssessedRequirement> {
  const repo = new ComplianceRepository(trx);
  const { assessment, requirement } = await openRequirement(services, repo, ctx, id, requirementId);

  const before = await repo.findRequirement(id, requirementId);
  const { version, ...given } = input;
  if ((before?.version ?? 0) !== version) {
    if (!before) throw errors.versionConflict(REQUIREMENT, requirementId, version, 0);
    throwStale(REQUIREMENT, requirementId, version, before);
  }
  const linksBefore = (await repo.links(id, requirementId)).get(requirementId) ?? NO_LINKS;
  const evidenceBefore = linksBefore.evidence.map(presentEvidence);
  const status = given.status ?? (before?.status as RequirementStatus | undefined);
  if (!status)
    throw errors.validation('status: give the requirement a status', [
      { path: 'status', message: 'required the first time' },
    ]);
  const reason =
    given.not_applicable_reason !== undefined
      ? given.not_applicable_reason || null
      : status === 'not_applicable'
        ? (before?.not_applicable_reason ?? null)
        : null;
  const evidence = given.evidence ?? evidenceBefore;
  const riskIds = given.risk_ids ?? linksBefore.riskIds;
  throwIssues([
    ...requirementIssues({ status, not_applicable_reason: reason, evidence, risk_ids: riskIds }),
    ...(await linkIssues(
      services.links,
      trx,
      ctx,
      id,
      evidence,
      evidenceBefore,
      riskIds,
      linksBefore.riskIds,
    )),
  ]);

  const now = isoNow(services.deps.clock);
  const after: RequirementRow = {
    id: before?.id ?? newId(),
    assessment_id: id,
    requirement_id: requirementId,
    status,
    not_applicable_reason: reason,
    notes: given.notes === undefined ? (before?.notes ?? null) : given.notes || null,
    assessed_by: ctx.actor.label,
    assessed_at: now,
    version: version + 1,
  };
  if (before) {
    const { id: _id, assessment_id: _a, requirement_id: _r, version: _v, ...changes } = after;
    if (!(await repo.updateRequirement(id, requirementId, version, changes)))
      throwStale(REQUIREMENT, requirementId, version, await repo.findRequirement(id, requirementId));
  } else {
    try {
      await repo.insertRequirement(after);
    } catch (error) {
      // Assessed first by someone else since we looked, or the assessment deleted meanwhile.
      if (isUniqueViolation(error)) throw errors.versionConflict(REQUIREMENT, requirementId, version, 1);
      if (isForeignKeyViolation(error)) throw errors.notFound(ASSESSMENT, id);
      throw error;
    }
  }
  if (given.evidence)
    await repo.replaceEvidence(id, requirementId, evidenceRows(id, requirementId, evidence));
  if (given.risk_ids) await repo.replaceRisks(id, requirementId, riskIds);
  await audit({
    action: before ? 'update' : 'create',
    entityType: REQUIREMENT,
    entityId: after.id,
    officeId: assessment.office_id,
    before: before && { ...before, evidence: evidenceBefore, risk_ids: linksBefore.riskIds },
    after: { ...after, evidence, risk_ids: riskIds },
  });
  const links = (await repo.links(id, requirementId)).get(requirementId) ?? NO_LINKS;
  return presentRequirement(requirement, after, links);
}

/**
 * Upload a file as evidence for a requirement: stored in the file store (type sniffed, size
 * limited), attached to the assessment for this requirement, and added to the requirement's
 * evidence as a `file` link. The requirement's version moves on (an open form must reload).
 */
export async function addEvidenceFileIn(
  services: RequirementServices,
  files: EvidenceFiles,
  trx: Transaction<Database>,
  audit: AuditWriter,
  ctx: RequestContext,
  id: string,
  requirementId: string,
  file: { bytes: Buffer; name: string },
): Promise<AssessedRequirement> {
  const repo = new ComplianceRepository(trx);
  const { assessment, requirement } = await openRequirement(services, repo, ctx, id, requirementId);
  const links = (await repo.links(id, requirementId)).get(requirementId) ?? NO_LINKS;
  const stored = await files.putIn(trx, file.bytes, file.name);
  const attachment = await files.attachIn(
    trx,
    audit,
    ctx,
    {
      owner_kind: EVIDENCE_OWNER,
      owner_id: id,
      owner_slot: requirementId,
      office_id: assessment.office_id,
    },
    stored,
  );
  if (!links.evidence.some((row) => row.sha256 === stored.sha256)) {
    if (links.evidence.length >= MAX_LINKS)
      throwIssues([{ path: 'evidence', message: `at most ${MAX_LINKS} evidence links per requirement` }]);
    const evidence = [
      ...links.evidence.map(presentEvidence),
      { kind: 'file' as const, sha256: stored.sha256, name: attachment.name },
    ];
    await repo.replaceEvidence(id, requirementId, evidenceRows(id, requirementId, evidence));
  }
  const row = await repo.findRequirement(id, requirementId);
  if (row && !(await repo.updateRequirement(id, requirementId, row.version, {})))
    throwStale(REQUIREMENT, requirementId, row.version, await repo.findRequirement(id, requirementId));
  const after = await repo.findRequirement(id, requirementId);
  const linksAfter = (await repo.links(id, requirementId)).get(requirementId) ?? NO_LINKS;
  return presentRequirement(requirement, after, linksAfter);
}

/** An evidence file uploaded to the assessment, for a caller who may see the assessment. */
export async function evidenceFileOf(
  links: ComplianceLinkChecks,
  repo: ComplianceRepository,
  ctx: RequestContext,
  id: string,
  requirementId: string,
  sha256: string,
): Promise<StoredFile> {
  visible(ctx.actor, await repo.find(id), id);
  const attachment = links.files
    ? (await links.files.list(EVIDENCE_OWNER, id)).find(
        (a) => a.sha256 === sha256 && a.owner_slot === requirementId,
      )
    : undefined;
  if (!links.files || !attachment) throw errors.notFound('evidence', sha256);
  return links.files.get(sha256, attachment.name);
}

/** The assessment (visible, not completed) and the requirement of its framework a write targets. */
async function openRequirement(
  services: RequirementServices,
  repo: ComplianceRepository,
  ctx: RequestContext,
  id: string,
  requirementId: string,
) {
  const assessment = visible(ctx.actor, await repo.find(id), id);
  const framework = await services.frameworks.getFlat(ctx, assessment.framework_id);
  const requirement = framework.requirements.find((r) => r.id === requirementId);
  if (!requirement) throw errors.notFound('requirement', requirementId);
  if (requirement.group)
    throw errors.validation(
      `${requirementId} is a heading of ${framework.info.short_title}, not a requirement`,
    );
  if (assessment.status === 'completed')
    throw errors.conflict('The assessment is completed; reopen it (status in_progress) to change it', {
      reason: 'completed',
    });
  return { assessment, requirement };
}

/** Risks and files newly linked must exist (an old link does not block an edit). */
async function linkIssues(
  links: ComplianceLinkChecks,
  trx: Transaction<Database>,
  ctx: RequestContext,
  assessmentId: string,
  evidence: readonly EvidenceLink[],
  evidenceBefore: readonly EvidenceLink[],
  riskIds: readonly string[],
  riskIdsBefore: readonly string[],
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const filesBefore = new Set(evidenceBefore.flatMap((link) => (link.kind === 'file' ? [link.sha256] : [])));
  const newFiles = evidence.flatMap((link) =>
    link.kind === 'file' && !filesBefore.has(link.sha256) ? [link.sha256] : [],
  );
  // A file link points at a file uploaded as evidence to this assessment.
  const uploaded = new Set(
    newFiles.length > 0 && links.files
      ? (await links.files.list(EVIDENCE_OWNER, assessmentId, trx)).map((a) => a.sha256)
      : [],
  );
  for (const sha256 of newFiles)
    if (!uploaded.has(sha256))
      issues.push({
        path: 'evidence',
        message: `file ${sha256} was not uploaded as evidence to this assessment`,
      });
  const risksBefore = new Set(riskIdsBefore);
  for (const riskId of new Set(riskIds))
    if (!risksBefore.has(riskId) && !(await links.riskExists(trx, riskId, ctx)))
      issues.push({ path: 'risk_ids', message: `risk ${riskId} was not found in the risk register` });
  return issues;
}

function evidenceRows(
  assessmentId: string,
  requirementId: string,
  links: readonly EvidenceLink[],
): EvidenceRow[] {
  return links.map((link, position) => ({
    id: newId(),
    assessment_id: assessmentId,
    requirement_id: requirementId,
    position,
    kind: link.kind,
    url: link.kind === 'url' ? link.url : null,
    title: link.kind === 'url' ? link.title : null,
    sha256: link.kind === 'file' ? link.sha256 : null,
    name: link.kind === 'file' ? link.name : null,
  }));
}
