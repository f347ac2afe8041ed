import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AiRegistrySettingsTable } from '../../db/schema/ai.js';
import { updateVersioned } from '../../db/versioned.js';

export const AI_REGISTRY_SETTINGS_ID = 'ai_registry';
export type AiRegistrySettingsRow = Selectable<AiRegistrySettingsTable>;

/** SQL for the register's review settings and the review check; no rules. `db` may be a transaction. */
export class AiReviewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  settings(): Promise<AiRegistrySettingsRow | undefined> {
    return this.db
      .selectFrom('ai_registry_settings')
      .selectAll()
      .where('id', '=', AI_REGISTRY_SETTINGS_ID)
      .executeTakeFirst();
  }

  async insertSettings(row: AiRegistrySettingsRow): Promise<void> {
    await this.db.insertInto('ai_registry_settings').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async updateSettings(
    version: number,
    changes: Omit<AiRegistrySettingsRow, 'id' | 'version'>,
  ): Promise<boolean> {
    return updateVersioned(this.db, 'ai_registry_settings', AI_REGISTRY_SETTINGS_ID, version, changes);
  }

  /** Every system, organisation-wide, whose review date is on or before `day` (retired ones excepted). */
  dueBy(day: string) {
    return this.db
      .selectFrom('ai_systems')
      .select(['id', 'office_id', 'tier', 'next_review_date', 'business_owner_id', 'technical_owner_id'])
      .where('next_review_date', '<=', day)
      .where('lifecycle', '<>', 'retired')
      .orderBy('next_review_date')
      .orderBy('id')
      .execute();
  }

  /** Which of these systems still exist. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('ai_systems')
        .select('id')
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }
}
