import type { Kysely, Selectable } from 'kysely';
import { afterCursor, type Cursor } from '../../core/pagination.js';
import type { Database } from '../../db/schema.js';
import type {
  ComplianceAssessmentTable,
  ComplianceEvidenceLinkTable,
  ComplianceRequirementAssessmentTable,
} from '../../db/schema/risk.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';

export type AssessmentRow = Selectable<ComplianceAssessmentTable>;
export type RequirementRow = Selectable<ComplianceRequirementAssessmentTable>;
export type EvidenceRow = Selectable<ComplianceEvidenceLinkTable>;

/** An assessment with the names to show. */
export interface AssessmentView extends AssessmentRow {
  office_code: string | null;
  office_name: string | null;
  owner_name: string | null;
}

export interface AssessmentFilter {
  /** Offices the caller may see: undefined for the whole organisation (organisation-wide ones too). */
  scope: ReadonlySet<string> | undefined;
  frameworkId?: string;
  /** An office, or null for organisation-wide assessments only. */
  officeId?: string | null;
  status?: string;
}

/** A requirement's links, in the order they were given. */
export interface RequirementLinks {
  evidence: EvidenceRow[];
  riskIds: string[];
}

/** SQL for compliance assessments and their requirements' statuses and links; no rules. `db` may be a transaction. */
export class ComplianceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Newest first (ties by id), up to `limit + 1` rows after the cursor, so the caller can tell
   * whether another page follows.
   */
  list(
    filter: AssessmentFilter,
    window: { cursor: Cursor | null; limit: number },
  ): Promise<AssessmentView[]> {
    if (filter.scope?.size === 0) return Promise.resolve([]);
    let query = this.viewQuery();
    // A scoped caller sees the assessments of their offices; organisation-wide ones are not in any scope.
    if (filter.scope) query = query.where('a.office_id', 'in', [...filter.scope]);
    if (filter.frameworkId) query = query.where('a.framework_id', '=', filter.frameworkId);
    if (filter.officeId !== undefined)
      query =
        filter.officeId === null
          ? query.where('a.office_id', 'is', null)
          : query.where('a.office_id', '=', filter.officeId);
    if (filter.status) query = query.where('a.status', '=', filter.status);
    if (window.cursor) query = query.where(afterCursor('a.created_at', 'desc', window.cursor));
    return query
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(window.limit + 1)
      .execute();
  }

  find(id: string): Promise<AssessmentView | undefined> {
    return this.viewQuery().where('a.id', '=', id).executeTakeFirst();
  }

  async insert(row: AssessmentRow): Promise<void> {
    await this.db.insertInto('compliance_assessments').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async update(id: string, version: number, changes: Partial<AssessmentRow>): Promise<boolean> {
    return updateVersioned(this.db, 'compliance_assessments', id, version, changes);
  }

  /** Deletes the assessment and (by cascade) its requirements' statuses and links. */
  async delete(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'compliance_assessments', id, version);
  }

  /** The statuses of one assessment, or of several (for lists). */
  requirements(assessmentIds: readonly string[]): Promise<RequirementRow[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('compliance_requirement_assessments')
      .selectAll()
      .where('assessment_id', 'in', [...assessmentIds])
      .execute();
  }

  findRequirement(assessmentId: string, requirementId: string): Promise<RequirementRow | undefined> {
    return this.db
      .selectFrom('compliance_requirement_assessments')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .where('requirement_id', '=', requirementId)
      .executeTakeFirst();
  }

  async insertRequirement(row: RequirementRow): Promise<void> {
    await this.db.insertInto('compliance_requirement_assessments').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async updateRequirement(
    assessmentId: string,
    requirementId: string,
    version: number,
    changes: Partial<RequirementRow>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('compliance_requirement_assessments')
      .set({ ...changes, version: version + 1 })
      .where('assessment_id', '=', assessmentId)
      .where('requirement_id', '=', requirementId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Every link of an assessment (or of one of its requirements), by requirement id. */
  async links(assessmentId: string, requirementId?: string): Promise<Map<string, RequirementLinks>> {
    let evidenceQuery = this.db
      .selectFrom('compliance_evidence_links')
      .selectAll()
      .where('assessment_id', '=', assessmentId);
    let riskQuery = this.db
      .selectFrom('compliance_risk_links')
      .select(['requirement_id', 'risk_id'])
      .where('assessment_id', '=', assessmentId);
    if (requirementId !== undefined) {
      evidenceQuery = evidenceQuery.where('requirement_id', '=', requirementId);
      riskQuery = riskQuery.where('requirement_id', '=', requirementId);
    }
    const [evidence, risks] = await Promise.all([
      evidenceQuery.orderBy('requirement_id').orderBy('position').execute(),
      riskQuery.orderBy('requirement_id').orderBy('position').execute(),
    ]);
    const byRequirement = new Map<string, RequirementLinks>();
    const entry = (id: string) => {
      let links = byRequirement.get(id);
      if (!links) byRequirement.set(id, (links = { evidence: [], riskIds: [] }));
      return links;
    };
    for (const row of evidence) entry(row.requirement_id).evidence.push(row);
    for (const row of risks) entry(row.requirement_id).riskIds.push(row.risk_id);
    return byRequirement;
  }

  /** Replace a requirement's evidence links with these, in this order. */
  async replaceEvidence(assessmentId: string, requirementId: string, rows: EvidenceRow[]): Promise<void> {
    await this.db
      .deleteFrom('compliance_evidence_links')
      .where('assessment_id', '=', assessmentId)
      .where('requirement_id', '=', requirementId)
      .execute();
    if (rows.length > 0) await this.db.insertInto('compliance_evidence_links').values(rows).execute();
  }

  /** Replace a requirement's linked risks with these, in this order. */
  async replaceRisks(assessmentId: string, requirementId: string, riskIds: readonly string[]): Promise<void> {
    await this.db
      .deleteFrom('compliance_risk_links')
      .where('assessment_id', '=', assessmentId)
      .where('requirement_id', '=', requirementId)
      .execute();
    if (riskIds.length > 0)
      await this.db
        .insertInto('compliance_risk_links')
        .values(
          riskIds.map((riskId, position) => ({
            assessment_id: assessmentId,
            requirement_id: requirementId,
            risk_id: riskId,
            position,
          })),
        )
        .execute();
  }

  office(id: string): Promise<{ id: string } | undefined> {
    return this.db.selectFrom('offices').select('id').where('id', '=', id).executeTakeFirst();
  }

  person(id: string): Promise<{ id: string; active: number } | undefined> {
    return this.db.selectFrom('people').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
  }

  private viewQuery() {
    return this.db
      .selectFrom('compliance_assessments as a')
      .leftJoin('offices', 'offices.id', 'a.office_id')
      .leftJoin('people', 'people.id', 'a.owner_id')
      .selectAll('a')
      .select([
        'offices.code as office_code',
        'offices.name as office_name',
        'people.full_name as owner_name',
      ]);
  }
}
