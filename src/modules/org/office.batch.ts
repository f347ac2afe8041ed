import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { inScope, regionInScope, type Actor } from '../../core/permissions.js';
import { foldForSearch } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { OfficeRepository, type OfficeRow } from './office.repository.js';
import { officePlacementIssues } from './office.rules.js';
import { officeCreateSchema, officeUpdateSchema, type OfficeCreate } from './org.schema.js';
import { FirstSeen, rowIssues } from './org.validation.js';

/* The rules of batch writes on offices (imports, the demo loader), checked before anything is written. */

/** An office as a caller may send it before validation (e.g. a row read from a file). */
export type OfficeCreateInput = z.input<typeof officeCreateSchema>;

/** One change of a batch: the office and the fields to change, with the version the caller read. */
export interface OfficeBatchUpdate {
  id: string;
  changes: z.input<typeof officeUpdateSchema>;
}

/** An update that passed every rule: what to store, and the record before and after for the audit trail. */
export interface CheckedOfficeUpdate {
  before: OfficeRow;
  version: number;
  stored: Partial<OfficeRow>;
  after: OfficeRow;
}

export function officeSearchText(office: Pick<OfficeRow, 'code' | 'name' | 'city' | 'country_code'>): string {
  return foldForSearch(office.code, office.name, office.city, office.country_code);
}

export function newOfficeRow(input: OfficeCreate, now: string): OfficeRow {
  const fields = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    region_id: input.region_id ?? null,
    country_code: input.country_code ?? null,
    city: input.city || null,
  };
  return {
    id: newId(),
    ...fields,
    search_text: officeSearchText(fields),
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** Only organisation-wide roles may take an office out of its region (a scoped caller would lose sight of it). */
export const LEAVE_REGION_MESSAGE = 'Only organisation-wide roles may take an office out of its region';

/**
 * Checks a batch of new and changed offices against the database `db` (the caller's transaction, or
 * the database itself for a dry run): every problem is reported by row, nothing is written. A region
 * outside the actor's scope answers like an unknown one; codes must be unique.
 */
export class OfficeBatchRules {
  private readonly repo: OfficeRepository;
  private readonly regions = new Map<string, Promise<boolean>>();

  constructor(
    db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly now: string,
  ) {
    this.repo = new OfficeRepository(db);
  }

  async creates(inputs: readonly OfficeCreateInput[]): Promise<{ rows: OfficeRow[]; issues: FieldIssue[] }> {
    const issues: FieldIssue[] = [];
    const rows: { row: number; office: OfficeRow }[] = [];
    const codes = new FirstSeen();
    for (const [index, raw] of inputs.entries()) {
      const row = index + 1;
      const parsed = officeCreateSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error, row));
        continue;
      }
      const office = newOfficeRow(parsed.data, this.now);
      issues.push(...officePlacementIssues(office).map((issue) => ({ ...issue, row })));
      issues.push(...(await this.regionIssues(row, office.region_id)));
      const earlier = codes.claim(office.code, row);
      if (earlier !== null)
        issues.push({ row, path: 'code', message: `code ${office.code} is also on row ${earlier}` });
      rows.push({ row, office });
    }
    const taken = await this.repo.existingCodes(rows.map((r) => r.office.code));
    for (const { row, office } of rows)
      if (taken.has(office.code))
        issues.push({ row, path: 'code', message: `an office with code ${office.code} already exists` });
    return { rows: rows.map((r) => r.office), issues };
  }

  async updates(
    updates: readonly OfficeBatchUpdate[],
  ): Promise<{ checked: CheckedOfficeUpdate[]; issues: FieldIssue[] }> {
    const current = await this.repo.findByIds(updates.map((update) => update.id));
    const issues: FieldIssue[] = [];
    const checked: { row: number; update: CheckedOfficeUpdate }[] = [];
    const codes = new FirstSeen();
    for (const [index, { id, changes: raw }] of updates.entries()) {
      const row = index + 1;
      const parsed = officeUpdateSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error, row));
        continue;
      }
      const { version, ...sent } = parsed.data;
      const changes = sent.city === '' ? { ...sent, city: null } : sent;
      const before = current.get(id);
      if (!before || !inScope(this.actor, before.id)) {
        issues.push({ row, path: 'id', message: `office ${id} was not found` });
        continue;
      }
      if (before.version !== version) {
        issues.push({
          row,
          path: 'version',
          message: `office ${before.code} was changed by someone else (your version ${version}, current ${before.version}); reload and try again`,
        });
        continue;
      }
      const merged = { ...before, ...changes };
      issues.push(...officePlacementIssues(merged).map((issue) => ({ ...issue, row })));
      if (merged.region_id !== before.region_id) {
        if (merged.region_id === null && this.actor.scope.kind !== 'all')
          issues.push({ row, path: 'region_id', message: LEAVE_REGION_MESSAGE });
        issues.push(...(await this.regionIssues(row, merged.region_id)));
      }
      if (merged.code !== before.code) {
        const earlier = codes.claim(merged.code, row);
        if (earlier !== null)
          issues.push({ row, path: 'code', message: `code ${merged.code} is also on row ${earlier}` });
      }
      const stored = { ...changes, search_text: officeSearchText(merged), updated_at: this.now };
      checked.push({
        row,
        update: { before, version, stored, after: { ...merged, ...stored, version: version + 1 } },
      });
    }
    const renamed = checked.filter((c) => c.update.after.code !== c.update.before.code);
    const taken = await this.repo.existingCodes(renamed.map((c) => c.update.after.code));
    for (const { row, update } of renamed)
      if (taken.has(update.after.code))
        issues.push({
          row,
          path: 'code',
          message: `an office with code ${update.after.code} already exists`,
        });
    return { checked: checked.map((c) => c.update), issues };
  }

  /** A region named by a record must exist and be visible to the actor; both failures read the same. */
  private async regionIssues(row: number, regionId: string | null): Promise<FieldIssue[]> {
    if (regionId === null) return [];
    let known = this.regions.get(regionId);
    if (!known) {
      known = regionInScope(this.actor, regionId) ? this.repo.regionExists(regionId) : Promise.resolve(false);
      this.regions.set(regionId, known);
    }
    return (await known) ? [] : [{ row, path: 'region_id', message: `region ${regionId} was not found` }];
  }
}
