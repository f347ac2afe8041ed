import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import type { AuditWriter } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { Attachment } from '../files/files.schema.js';
import type { FileService, StoredFile } from '../files/files.service.js';
import type { AssessmentListRow, AssessmentRepository } from './assessments.repository.js';
import type { AssessmentDetail } from './assessments.schema.js';
import { templateOf } from './assessments.present.js';

/*
 * Evidence files of an assessment's questions, kept in the file store under EVIDENCE_OWNER.
 * AssessmentService checks the permission and locks the assessment (`lockForPartWrite`) first.
 */

/** The owner kind of evidence files in the file store. */
export const EVIDENCE_OWNER = 'assessment';

/** Attach an evidence file to question `questionId` of the (locked) assessment `row`. */
export async function attachEvidenceIn(
  files: FileService,
  trx: Transaction<Database>,
  audit: AuditWriter,
  ctx: RequestContext,
  row: AssessmentListRow,
  questionId: string,
  file: { bytes: Buffer; name: string },
): Promise<Attachment> {
  if (!templateOf(row).sections.some((s) => s.questions.some((q) => q.id === questionId)))
    throw errors.validation(`question_id: no question ${questionId} in this assessment`, [
      { path: 'question_id', message: 'no such question in this assessment' },
    ]);
  const stored = await files.putIn(trx, file.bytes, file.name);
  return files.attachIn(
    trx,
    audit,
    ctx,
    { owner_kind: EVIDENCE_OWNER, owner_id: row.id, owner_slot: questionId, office_id: row.office_id },
    stored,
  );
}

/** Remove evidence attachment `attachmentId` of the (locked) assessment `row`. */
export async function detachEvidenceIn(
  files: FileService,
  trx: Transaction<Database>,
  audit: AuditWriter,
  row: AssessmentListRow,
  attachmentId: string,
): Promise<void> {
  const attachment = await files.findAttachment(attachmentId, trx);
  if (!attachment || attachment.owner_kind !== EVIDENCE_OWNER || attachment.owner_id !== row.id)
    throw errors.notFound('evidence', attachmentId);
  await files.detachIn(trx, audit, attachment, row.office_id);
}

/** An evidence file of assessment `id`, now or in one of its completed versions. */
export async function evidenceFileOf(
  files: FileService,
  repo: AssessmentRepository,
  id: string,
  sha256: string,
): Promise<StoredFile> {
  const current = (await files.list(EVIDENCE_OWNER, id)).find((a) => a.sha256 === sha256);
  if (current) return files.get(sha256, current.name);
  for (const { snapshot } of await repo.listSnapshots(id)) {
    const old = (JSON.parse(snapshot) as AssessmentDetail).evidence.find((a) => a.sha256 === sha256);
    if (old) return files.get(sha256, old.name);
  }
  throw errors.notFound('evidence', sha256);
}
