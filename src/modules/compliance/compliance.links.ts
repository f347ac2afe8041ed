import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import type { Database } from '../../db/schema.js';
import type { FileService } from '../files/files.service.js';

/*
 * Risks live in the risk register and evidence files in the file store. The compliance service reaches
 * them through this small interface, wired in the composition root (src/app/services.ts). Checks run
 * inside compliance's own transaction (`trx`): SQLite has a single connection, so opening another one
 * there would wait for ever.
 */
export interface ComplianceLinkChecks {
  /** The risk exists in the register and lies in the caller's scope (read in the caller's transaction). */
  riskExists(trx: Transaction<Database>, id: string, ctx: RequestContext): Promise<boolean>;
  /** The file store evidence files are uploaded to; null: no file can be uploaded or linked. */
  files: FileService | null;
}

export const NO_LINKED_MODULES: ComplianceLinkChecks = {
  riskExists: () => Promise.resolve(false),
  files: null,
};

/** The owner kind of compliance evidence files in the file store (owner: the assessment; slot: the requirement). */
export const EVIDENCE_OWNER = 'compliance_requirement';
