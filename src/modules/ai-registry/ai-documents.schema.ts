import { z } from 'zod';
import { attachmentSchema } from '../files/files.schema.js';

/** What an AI system's document is; kept as the attachment's slot in the file store. */
export const AI_DOCUMENT_KINDS = ['model_card', 'vendor_terms', 'evaluation', 'other'] as const;
export const aiDocumentKindSchema = z.enum(AI_DOCUMENT_KINDS);
export type AiDocumentKind = z.infer<typeof aiDocumentKindSchema>;

export const aiDocumentSchema = attachmentSchema.extend({
  kind: aiDocumentKindSchema.describe('What the document is (the attachment’s slot)'),
});
export type AiDocument = z.infer<typeof aiDocumentSchema>;
