import { z } from 'zod';
import { cell } from '../../core/tabular/cell-types.js';
import { column, defineTable, type RowOf } from '../../core/tabular/columns.js';
import { RISK_LEVELS } from './risk-scoring.js';
import { RISK_CATEGORIES, RISK_STATUSES, TREATMENTS } from './risk.schema.js';

/*
 * The spreadsheet layout of the risk register: one spec serves the template, the export and the import.
 * Offices and departments by code, people by e-mail; a row with an id changes that risk. The level
 * and the acceptance expiry are exported for reading; the import ignores them (scores decide the level,
 * a sign-off the acceptance).
 */

const codeCell = { schema: z.string().trim().toUpperCase().min(1).max(24), hint: 'code, e.g. KE-NBO' };
const scale = (what: string) => ({
  ...cell.integer({ min: 1, max: 5 }),
  description: `${what}: 1 to 5`,
});
const text = (max: number) => cell.text({ max });
const ids = { ...cell.textList({ commas: true }), hint: 'ids separated by ;' };

export const RISKS_TABLE = defineTable({
  name: 'Risks',
  columns: [
    column({
      key: 'id',
      header: 'Id',
      schema: z.string().trim().uuid({ error: 'not an id of Custos' }),
      description: 'Empty for a new risk; the id of a risk changes that risk',
      width: 38,
    }),
    column({
      key: 'title',
      header: 'Title',
      aliases: ['Titre', 'Título'],
      required: true,
      ...text(300),
      width: 36,
    }),
    column({
      key: 'category',
      header: 'Category',
      aliases: ['Catégorie', 'Categoría'],
      required: true,
      ...cell.choice(RISK_CATEGORIES),
    }),
    column({
      key: 'office_code',
      header: 'Office code',
      aliases: ['Office', 'Bureau', 'Oficina'],
      required: true,
      ...codeCell,
    }),
    column({ key: 'department_code', header: 'Department code', aliases: ['Department'], ...codeCell }),
    column({ key: 'owner_email', header: 'Owner', ...cell.email(), width: 28 }),
    column({ key: 'proposer_email', header: 'Proposer', ...cell.email(), width: 28 }),
    column({ key: 'description', header: 'Description', ...text(5000), width: 40 }),
    column({ key: 'cause', header: 'Cause', ...text(5000), width: 30 }),
    column({ key: 'consequence', header: 'Consequence', ...text(5000), width: 30 }),
    column({
      key: 'inherent_likelihood',
      header: 'Inherent likelihood',
      required: true,
      ...scale('1 Rare … 5 Almost certain'),
    }),
    column({
      key: 'inherent_impact',
      header: 'Inherent impact',
      required: true,
      ...scale('1 Negligible … 5 Severe'),
    }),
    column({ key: 'existing_controls', header: 'Existing controls', ...text(5000), width: 36 }),
    column({
      key: 'residual_likelihood',
      header: 'Residual likelihood',
      ...scale('1 Rare … 5 Almost certain'),
    }),
    column({ key: 'residual_impact', header: 'Residual impact', ...scale('1 Negligible … 5 Severe') }),
    column({ key: 'treatment', header: 'Treatment', ...cell.choice(TREATMENTS) }),
    column({
      key: 'status',
      header: 'Status',
      ...cell.choice(RISK_STATUSES),
      description: 'accepted only through a sign-off; an accepted risk keeps it on import',
    }),
    column({ key: 'next_review_date', header: 'Next review', ...cell.date() }),
    column({ key: 'asset_ids', header: 'Data assets', ...ids, width: 38 }),
    column({ key: 'ai_system_ids', header: 'AI systems', ...ids, width: 38 }),
    column({ key: 'usage_app_ids', header: 'AI usage apps', ...ids }),
    column({
      key: 'office_codes',
      header: 'Other offices',
      ...cell.textList({ commas: true }),
      hint: 'office codes separated by ;',
    }),
    column({
      key: 'level',
      header: 'Level',
      ...cell.choice(RISK_LEVELS),
      description: 'From the scores; read-only (the import ignores it)',
    }),
    column({
      key: 'acceptance_expires_on',
      header: 'Acceptance expires',
      ...cell.date(),
      description: 'Set by the sign-off; read-only (the import ignores it)',
    }),
  ],
  unique: ['id'],
  instructions: [
    'One row per risk. A row with an id changes that risk; a row without adds one.',
    'Likelihood: 1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain. Impact: 1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Severe.',
    'An empty cell clears the value. To keep values as they are, remove the whole column.',
    'Level and Acceptance expires are computed; a risk is accepted only through a sign-off in Custos.',
    'Import with "dry run" first: it lists every problem by row and column and changes nothing.',
  ],
});

export type RisksSheetRow = RowOf<typeof RISKS_TABLE.columns>;
