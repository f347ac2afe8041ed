import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  AssessmentFindingTable,
  AssessmentTable,
  AssessmentTemplateTable,
} from '../../db/schema/risk.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';

export type AssessmentRow = Selectable<AssessmentTable>;
export type FindingRow = Selectable<AssessmentFindingTable>;
export type TemplateRow = Selectable<AssessmentTemplateTable>;
export type AssessmentListRow = AssessmentRow & { office_name: string };

export interface AssessmentFilter {
  /** Offices the caller may see: undefined for the whole organisation. */
  scope: ReadonlySet<string> | undefined;
  status?: string;
  officeId?: string;
  templateId?: string;
  subjectId?: string;
}

export class AssessmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async officeExists(id: string): Promise<boolean> {
    return (
      (await this.db.selectFrom('offices').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
    );
  }

  listTemplates(): Promise<TemplateRow[]> {
    return this.db.selectFrom('assessment_templates').selectAll().orderBy('id').execute();
  }

  findTemplate(id: string): Promise<TemplateRow | undefined> {
    return this.db.selectFrom('assessment_templates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertTemplate(row: TemplateRow): Promise<void> {
    await this.db.insertInto('assessment_templates').values(row).execute();
  }

  async deleteTemplate(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'assessment_templates', id, version);
  }

  async list(filter: AssessmentFilter): Promise<AssessmentListRow[]> {
    if (filter.scope && filter.scope.size === 0) return [];
    let query = this.db
      .selectFrom('assessments')
      .innerJoin('offices', 'offices.id', 'assessments.office_id')
      .selectAll('assessments')
      .select('offices.name as office_name');
    if (filter.scope) query = query.where('assessments.office_id', 'in', [...filter.scope]);
    if (filter.status) query = query.where('assessments.status', '=', filter.status);
    if (filter.officeId) query = query.where('assessments.office_id', '=', filter.officeId);
    if (filter.templateId) query = query.where('assessments.template_id', '=', filter.templateId);
    if (filter.subjectId) query = query.where('assessments.subject_id', '=', filter.subjectId);
    return query.orderBy('assessments.updated_at', 'desc').orderBy('assessments.id', 'desc').execute();
  }

  find(id: string): Promise<AssessmentListRow | undefined> {
    return this.db
      .selectFrom('assessments')
      .innerJoin('offices', 'offices.id', 'assessments.office_id')
      .selectAll('assessments')
      .select('offices.name as office_name')
      .where('assessments.id', '=', id)
      .executeTakeFirst();
  }

  async insert(row: AssessmentRow): Promise<void> {
    await this.db.insertInto('assessments').values(row).execute();
  }

  /** A versioned change; false when the version no longer matches (or the row is gone). */
  async update(id: string, version: number, changes: Partial<AssessmentRow>): Promise<boolean> {
    return updateVersioned(this.db, 'assessments', id, version, changes);
  }

  /**
   * Mark the assessment changed by a write to one of its parts (findings, evidence) unless it is
   * completed. On PostgreSQL this also locks the row, so completing waits for the write or the
   * write sees the completion: a completed assessment never gains a part.
   */
  async touchUnlessCompleted(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('assessments')
      .set({ updated_at: at })
      .where('id', '=', id)
      .where('status', '!=', 'completed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  listFindings(assessmentId: string): Promise<FindingRow[]> {
    return this.db
      .selectFrom('assessment_findings')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  findFinding(id: string): Promise<FindingRow | undefined> {
    return this.db.selectFrom('assessment_findings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertFinding(row: FindingRow): Promise<void> {
    await this.db.insertInto('assessment_findings').values(row).execute();
  }

  async updateFinding(id: string, version: number, changes: Partial<FindingRow>): Promise<boolean> {
    return updateVersioned(this.db, 'assessment_findings', id, version, changes);
  }

  /** Link the risk a finding opened, unless one was linked meanwhile. */
  async linkRisk(id: string, riskId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('assessment_findings')
      .set((eb) => ({ risk_id: riskId, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('risk_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteFinding(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'assessment_findings', id, version);
  }

  listVersions(assessmentId: string) {
    return this.db
      .selectFrom('assessment_versions')
      .select(['revision', 'completed_by', 'completed_at'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('revision')
      .execute();
  }

  findVersion(assessmentId: string, revision: number) {
    return this.db
      .selectFrom('assessment_versions')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .where('revision', '=', revision)
      .executeTakeFirst();
  }

  /** The snapshots of every completed revision (to tell whether an old version refers to a file). */
  listSnapshots(assessmentId: string): Promise<{ snapshot: string }[]> {
    return this.db
      .selectFrom('assessment_versions')
      .select('snapshot')
      .where('assessment_id', '=', assessmentId)
      .execute();
  }

  async insertVersion(row: {
    assessment_id: string;
    revision: number;
    snapshot: string;
    completed_by: string;
    completed_at: string;
  }): Promise<void> {
    await this.db.insertInto('assessment_versions').values(row).execute();
  }
}
