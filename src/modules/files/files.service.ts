import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { fileTooLarge } from '../../core/tabular/byte-source.js';
import type { AuditWriter, ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import { cleanFileName, sniffFileType } from './file-type.js';
import { FileRepository } from './files.repository.js';
import type { Attachment, FileRef } from './files.schema.js';

/** Whether the caller may see the record that owns an attachment (its module's own rules). */
export type OwnerAccess = (ctx: RequestContext, ownerId: string) => Promise<boolean>;

export interface AttachTo {
  owner_kind: string;
  owner_id: string;
  owner_slot?: string | null;
  /** The owner's office, recorded on the audit event. */
  office_id?: string | null;
}

export interface StoredFile {
  name: string;
  type: string;
  content: Buffer;
}

/**
 * The content-addressed file store: bytes kept once per SHA-256 in the database, their type sniffed
 * from the content and their size limited, and links (attachments) from the records that own them.
 *
 * It checks no permission of its own: the owning module checks its record before it attaches,
 * detaches or reads. The one direct way in, `download(ctx, sha256)`, serves a file only to a
 * caller who may see at least one record it is attached to, as each owner kind tells through
 * `registerOwner`.
 */
export class FileService {
  private readonly owners = new Map<string, OwnerAccess>();

  constructor(
    private readonly deps: ServiceDeps,
    readonly limitBytes: number,
  ) {}

  registerOwner(kind: string, canRead: OwnerAccess): void {
    this.owners.set(kind, canRead);
  }

  /** Check and store the bytes (deduplicated by hash) in its own transaction. */
  async put(bytes: Buffer, name: string, _ctx: RequestContext): Promise<FileRef> {
    return this.putIn(this.deps.db.kysely, bytes, name);
  }

  /** Check the size and type, then store the bytes unless the same content is already there. */
  async putIn(db: Kysely<Database> | Transaction<Database>, bytes: Buffer, name: string): Promise<FileRef> {
    if (bytes.length > this.limitBytes) throw fileTooLarge(this.limitBytes);
    const clean = cleanFileName(name);
    const { mime } = sniffFileType(bytes, clean);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await new FileRepository(db).insertIfAbsent({
      sha256,
      content_type: mime,
      size: bytes.length,
      content: bytes,
      created_at: isoNow(this.deps.clock),
    });
    return { sha256, name: clean, type: mime, size: bytes.length };
  }

  /** Link a stored file to its owner, auditing the link in the caller's transaction. */
  async attachIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    owner: AttachTo,
    file: FileRef,
  ): Promise<Attachment> {
    const row = {
      id: newId(),
      owner_kind: owner.owner_kind,
      owner_id: owner.owner_id,
      owner_slot: owner.owner_slot ?? null,
      sha256: file.sha256,
      name: cleanFileName(file.name),
      uploaded_by: ctx.actor.label,
      uploaded_at: isoNow(this.deps.clock),
    };
    await new FileRepository(trx).insertAttachment(row);
    const attachment = { ...row, type: file.type, size: file.size };
    await audit({
      action: 'attach',
      entityType: 'file_attachment',
      entityId: row.id,
      officeId: owner.office_id ?? null,
      after: attachment,
    });
    return attachment;
  }

  /** Remove a link (the bytes stay: other records or older versions may still refer to them). */
  async detachIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    attachment: Attachment,
    officeId: string | null = null,
  ): Promise<void> {
    if (!(await new FileRepository(trx).deleteAttachment(attachment.id)))
      throw errors.notFound('attachment', attachment.id);
    await audit({
      action: 'detach',
      entityType: 'file_attachment',
      entityId: attachment.id,
      officeId,
      before: attachment,
    });
  }

  list(
    ownerKind: string,
    ownerId: string,
    db: Kysely<Database> = this.deps.db.kysely,
  ): Promise<Attachment[]> {
    return new FileRepository(db).listAttachments(ownerKind, ownerId);
  }

  findAttachment(id: string, db: Kysely<Database> = this.deps.db.kysely): Promise<Attachment | undefined> {
    return new FileRepository(db).findAttachment(id);
  }

  /** The bytes of a file, for an owner that has already checked the caller may see them. */
  async get(sha256: string, name: string): Promise<StoredFile> {
    const row = await new FileRepository(this.deps.db.kysely).content(sha256);
    if (!row) throw errors.notFound('file', sha256);
    return { name, type: row.content_type, content: row.content };
  }

  /** A file for a caller who may see one of the records it is attached to; 404 otherwise. */
  async download(ctx: RequestContext, sha256: string): Promise<StoredFile> {
    const links = await new FileRepository(this.deps.db.kysely).attachmentsOf(sha256);
    for (const link of links) {
      const canRead = this.owners.get(link.owner_kind);
      if (canRead && (await canRead(ctx, link.owner_id))) return this.get(sha256, link.name);
    }
    throw errors.notFound('file', sha256);
  }
}
