import { z } from 'zod';

/** A stored file as other records refer to it: its hash, the name it was given, its sniffed type and size. */
export const fileRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  type: z.string().describe('Media type sniffed from the content, never the client’s claim'),
  size: z.number().int(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

/** A file linked to the record that owns it (owner kind and id, optional slot such as a question). */
export const attachmentSchema = fileRefSchema.extend({
  id: z.string(),
  owner_kind: z.string(),
  owner_id: z.string(),
  owner_slot: z.string().nullable(),
  uploaded_by: z.string(),
  uploaded_at: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const sha256ParamsSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
});
