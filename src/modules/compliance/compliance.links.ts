import type { RequestContext } from '../../core/audit.js';

/*
 * Evidence files and risks live in modules that land separately (the file store and the risk register).
 * The compliance service checks the links it is given through this small interface, wired in the
 * composition root (src/app/services.ts); until those modules are wired, no risk and no file exists,
 * so only web links can be attached.
 */
export interface ComplianceLinkChecks {
  /** The risk exists in the register and the caller may see it. */
  riskExists(id: string, ctx: RequestContext): Promise<boolean>;
  /** A file with this SHA-256 is in the file store and the caller may see it. */
  fileExists(sha256: string, ctx: RequestContext): Promise<boolean>;
}

export const NO_LINKED_MODULES: ComplianceLinkChecks = {
  riskExists: () => Promise.resolve(false),
  fileExists: () => Promise.resolve(false),
};
