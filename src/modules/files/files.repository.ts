import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FileAttachmentTable } from '../../db/schema/org.js';
import type { Attachment } from './files.schema.js';

export type AttachmentRow = Selectable<FileAttachmentTable>;

const ATTACHMENT_COLUMNS = [
  'file_attachments.id',
  'file_attachments.owner_kind',
  'file_attachments.owner_id',
  'file_attachments.owner_slot',
  'file_attachments.sha256',
  'file_attachments.name',
  'file_attachments.uploaded_by',
  'file_attachments.uploaded_at',
  'files.content_type as type',
  'files.size',
] as const;

export class FileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Store the content unless a file with the same hash is already there (the bytes are the same). */
  async insertIfAbsent(row: {
    sha256: string;
    content_type: string;
    size: number;
    content: Buffer;
    created_at: string;
  }) {
    await this.db
      .insertInto('files')
      .values(row)
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  async findMeta(sha256: string): Promise<{ content_type: string; size: number } | undefined> {
    return this.db
      .selectFrom('files')
      .select(['content_type', 'size'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  }

  async content(sha256: string): Promise<{ content_type: string; content: Buffer } | undefined> {
    const row = await this.db
      .selectFrom('files')
      .select(['content_type', 'content'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row && { content_type: row.content_type, content: Buffer.from(row.content) };
  }

  async insertAttachment(row: AttachmentRow): Promise<void> {
    await this.db.insertInto('file_attachments').values(row).execute();
  }

  async listAttachments(ownerKind: string, ownerId: string): Promise<Attachment[]> {
    return this.db
      .selectFrom('file_attachments')
      .innerJoin('files', 'files.sha256', 'file_attachments.sha256')
      .select(ATTACHMENT_COLUMNS)
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', '=', ownerId)
      .orderBy('uploaded_at')
      .orderBy('file_attachments.id')
      .execute();
  }

  async findAttachment(id: string): Promise<Attachment | undefined> {
    return this.db
      .selectFrom('file_attachments')
      .innerJoin('files', 'files.sha256', 'file_attachments.sha256')
      .select(ATTACHMENT_COLUMNS)
      .where('file_attachments.id', '=', id)
      .executeTakeFirst();
  }

  /** Every link to a file: whoever may see one of the owners may download it. */
  async attachmentsOf(sha256: string): Promise<Attachment[]> {
    return this.db
      .selectFrom('file_attachments')
      .innerJoin('files', 'files.sha256', 'file_attachments.sha256')
      .select(ATTACHMENT_COLUMNS)
      .where('file_attachments.sha256', '=', sha256)
      .orderBy('uploaded_at')
      .execute();
  }

  async deleteAttachment(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('file_attachments').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
