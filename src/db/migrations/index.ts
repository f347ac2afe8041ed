import type { Migration } from 'kysely';
import * as m20261130010000 from './20261130010000_foundation.js';
import * as m20261130030000 from './20261130030000_auth.js';
import * as m20261130040000 from './20261130040000_instance_marker.js';
import * as m20261130100000 from './20261130100000_inventory.js';
import * as m20261130110000 from './20261130110000_scorecard.js';
import * as m20261130120000 from './20261130120000_rollout.js';
import * as m20261130130000 from './20261130130000_ai_systems.js';
import * as m20261130140000 from './20261130140000_ai_usage.js';
import * as m20261130150000 from './20261130150000_jobs.js';
import * as m20261130151000 from './20261130151000_sensitive_data.js';
import * as m20261130160000 from './20261130160000_risks.js';
import * as m20261130170000 from './20261130170000_files.js';
import * as m20261130171000 from './20261130171000_assessments.js';
import * as m20261130180000 from './20261130180000_ai_registry_reviews.js';
import * as m20261130190000 from './20261130190000_usage_alerts.js';
import * as m20261130210000 from './20261130210000_compliance.js';
import * as m20261130240000 from './20261130240000_ai_system_context.js';
import * as m20261201110000 from './20261201110000_scan_dataset_source.js';
import * as m20261201120000 from './20261201120000_usage_user_sets.js';
import * as m20261201130000 from './20261201130000_asset_search_walk.js';
import * as m20261201140000 from './20261201140000_asset_words.js';
import * as m20261201150000 from './20261201150000_list_order_indexes.js';
import * as m20261201160000 from './20261201160000_asset_office_words.js';

/**
 * Every migration, by name, in order. Listed statically so the compiled server and the tests load
 * the same set; `migrations.test.ts` fails when a file in this folder is missing from the list.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261130010000_foundation': m20261130010000,
  '20261130030000_auth': m20261130030000,
  '20261130040000_instance_marker': m20261130040000,
  '20261130100000_inventory': m20261130100000,
  '20261130110000_scorecard': m20261130110000,
  '20261130120000_rollout': m20261130120000,
  '20261130130000_ai_systems': m20261130130000,
  '20261130140000_ai_usage': m20261130140000,
  '20261130150000_jobs': m20261130150000,
  '20261130151000_sensitive_data': m20261130151000,
  '20261130160000_risks': m20261130160000,
  '20261130170000_files': m20261130170000,
  '20261130171000_assessments': m20261130171000,
  '20261130180000_ai_registry_reviews': m20261130180000,
  '20261130190000_usage_alerts': m20261130190000,
  '20261130210000_compliance': m20261130210000,
  '20261130240000_ai_system_context': m20261130240000,
  '20261201110000_scan_dataset_source': m20261201110000,
  '20261201120000_usage_user_sets': m20261201120000,
  '20261201130000_asset_search_walk': m20261201130000,
  '20261201140000_asset_words': m20261201140000,
  '20261201150000_list_order_indexes': m20261201150000,
  '20261201160000_asset_office_words': m20261201160000,
};
