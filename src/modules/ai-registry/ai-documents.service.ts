import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { hasPermission, inScope, requirePermission } from '../../core/permissions.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { Attachment } from '../files/files.schema.js';
import type { FileService, StoredFile } from '../files/files.service.js';
import { AI_SYSTEM_ENTITY, visibleSystem } from './ai-system.checks.js';
import { AiSystemRepository } from './ai-system.repository.js';
import { AI_DOCUMENT_KINDS, aiDocumentKindSchema, type AiDocument } from './ai-documents.schema.js';

/** The owner kind of an AI system's documents in the file store (the slot holds the document kind). */
export const AI_DOCUMENT_OWNER = AI_SYSTEM_ENTITY;

/**
 * An AI system's documents (model card, vendor terms, evaluations, other), kept in the
 * content-addressed file store with their SHA-256. 'ai.read' to list and download, 'ai.write' to
 * attach and remove, both within the system's office scope (others answer 404). Removing a document
 * removes its link; the bytes stay, as other records may refer to the same content.
 */
export class AiDocumentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly files: FileService,
  ) {
    files.registerOwner(AI_DOCUMENT_OWNER, async (ctx, id) => {
      if (!hasPermission(ctx.actor, 'ai.read')) return false;
      const row = await new AiSystemRepository(this.deps.db.kysely).findById(id);
      return row !== undefined && inScope(ctx.actor, row.office_id);
    });
  }

  async list(ctx: RequestContext, id: string): Promise<AiDocument[]> {
    requirePermission(ctx.actor, 'ai.read');
    await visibleSystem(new AiSystemRepository(this.deps.db.kysely), ctx.actor, id);
    return (await this.files.list(AI_DOCUMENT_OWNER, id)).map(presentDocument);
  }

  /** Attach a document (type sniffed and size limited by the file store); the same content twice answers 409. */
  async attach(
    ctx: RequestContext,
    id: string,
    kind: string,
    file: { bytes: Buffer; name: string },
  ): Promise<AiDocument> {
    requirePermission(ctx.actor, 'ai.write');
    const parsed = aiDocumentKindSchema.safeParse(kind);
    if (!parsed.success)
      throw errors.validation(`kind: one of ${AI_DOCUMENT_KINDS.join(', ')}`, [
        { path: 'kind', message: `one of ${AI_DOCUMENT_KINDS.join(', ')}` },
      ]);
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const system = await visibleSystem(new AiSystemRepository(trx), ctx.actor, id);
      const stored = await this.files.putIn(trx, file.bytes, file.name);
      const same = (await this.files.list(AI_DOCUMENT_OWNER, id, trx)).find(
        (a) => a.sha256 === stored.sha256,
      );
      if (same)
        throw errors.conflict(`This file is already attached to the system as ${same.name}`, {
          attachment_id: same.id,
          sha256: same.sha256,
        });
      const attachment = await this.files.attachIn(
        trx,
        audit,
        ctx,
        { owner_kind: AI_DOCUMENT_OWNER, owner_id: id, owner_slot: parsed.data, office_id: system.office_id },
        stored,
      );
      return presentDocument(attachment);
    });
  }

  /** Remove a document's link (its bytes stay in the store). */
  async detach(ctx: RequestContext, id: string, attachmentId: string): Promise<void> {
    requirePermission(ctx.actor, 'ai.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const system = await visibleSystem(new AiSystemRepository(trx), ctx.actor, id);
      const attachment = await this.files.findAttachment(attachmentId, trx);
      if (!attachment || attachment.owner_kind !== AI_DOCUMENT_OWNER || attachment.owner_id !== id)
        throw errors.notFound('document', attachmentId);
      await this.files.detachIn(trx, audit, attachment, system.office_id);
    });
  }

  /** A document of the system, by its SHA-256, with the name it was attached under. */
  async file(ctx: RequestContext, id: string, sha256: string): Promise<StoredFile> {
    requirePermission(ctx.actor, 'ai.read');
    await visibleSystem(new AiSystemRepository(this.deps.db.kysely), ctx.actor, id);
    const found = (await this.files.list(AI_DOCUMENT_OWNER, id)).find((a) => a.sha256 === sha256);
    if (!found) throw errors.notFound('document', sha256);
    return this.files.get(sha256, found.name);
  }
}

function presentDocument(attachment: Attachment): AiDocument {
  const kind = aiDocumentKindSchema.safeParse(attachment.owner_slot);
  return { ...attachment, kind: kind.success ? kind.data : 'other' };
}
