import { z } from 'zod';
import { cell } from '../../core/tabular/cell-types.js';
import { column, defineTable, type RowOf } from '../../core/tabular/columns.js';
import { officeCodeSchema } from '../org/org.schema.js';
import { ASSET_TYPES, DATA_SUBJECTS, SENSITIVITY_LABELS, SPECIAL_CATEGORIES } from './asset.schema.js';

/*
 * The inventory as a spreadsheet: one table spec serves the template, the export and the import.
 * The headers are the column keys themselves (issue 3); they are matched ignoring case, spaces and
 * punctuation ("Asset ID" reads as asset_id). Values are forgiving: yes/no in English, French and
 * Spanish, labels and types in any case, lists separated by ";" (also "," or "|").
 */

/** The column keys, in the template's order. */
export const INVENTORY_COLUMNS = [
  'asset_id',
  'name',
  'description',
  'asset_type',
  'system',
  'office_code',
  'department',
  'data_owner_email',
  'data_custodian_email',
  'data_steward_email',
  'focal_point_email',
  'sensitivity_label',
  'personal_data',
  'special_categories',
  'data_subjects',
  'legal_basis',
  'purpose',
  'retention',
  'hosting_location',
  'tags',
  'last_reviewed',
  'last_access_review',
] as const;

const email = (role: string) => ({
  ...cell.email(),
  description: `E-mail of the ${role}, a person of the organisation (any office). Empty: on a new asset under a system, taken from the system`,
  example: 'amina.odhiambo@example.org',
  width: 30,
});

const text = (max: number, description: string, example: string) => ({
  ...cell.text({ max }),
  description,
  example,
  width: 30,
});

/** The table, with the office codes the caller may use as the drop-down of office_code. */
export function inventoryTable(options: { officeCodes?: readonly string[] } = {}) {
  const offices = options.officeCodes?.length ? { choices: options.officeCodes } : {};
  return defineTable({
    name: 'Assets',
    columns: [
      column({
        key: 'asset_id',
        header: 'asset_id',
        schema: z
          .string()
          .trim()
          .toLowerCase()
          .pipe(z.uuid({ error: 'not a Custos asset id' })),
        hint: 'Custos asset id (from an export)',
        description: 'Empty for a new asset; the id of an existing asset (as exported) updates that asset',
        example: '',
        width: 38,
      }),
      column({
        key: 'name',
        header: 'name',
        required: true,
        ...text(300, 'Name of the asset as people know it', 'Beneficiary registration database'),
      }),
      column({
        key: 'description',
        header: 'description',
        ...text(5000, 'What the asset holds and what it is used for', 'Registration records of …'),
        width: 40,
      }),
      column({
        key: 'asset_type',
        header: 'asset_type',
        required: true,
        ...cell.choice(ASSET_TYPES, {
          dataset: ['data set', 'jeu de données', 'conjunto de datos'],
          database: ['base de données', 'base de datos'],
          file_share: ['SharePoint', 'SharePoint site', 'file share', 'partage de fichiers'],
          application: ['system', 'app', 'système', 'sistema', 'aplicación'],
          paper_records: ['paper', 'papier', 'archives papier', 'papel'],
        }),
        description: 'Kind of asset; applications and databases are systems that can hold other assets',
        example: 'database',
      }),
      column({
        key: 'system',
        header: 'system',
        ...cell.text({ max: 300 }),
        hint: 'asset id, or name of a system of the same office',
        description:
          'The application or database holding this asset: its asset id, or its name when it is unique in the office',
        example: 'Registration system',
        width: 30,
      }),
      column({
        key: 'office_code',
        header: 'office_code',
        required: true,
        schema: officeCodeSchema,
        hint: 'office code, e.g. KE-NBO',
        ...offices,
        description: 'Code of the office the asset belongs to; one of the offices you manage',
        example: 'KE-NBO',
      }),
      column({
        key: 'department',
        header: 'department',
        ...cell.text({ max: 200 }),
        hint: 'department code or name',
        description: 'A department of that office, by code or name; empty for none',
        example: 'DATA',
      }),
      column({ key: 'data_owner_email', header: 'data_owner_email', ...email('data owner') }),
      column({ key: 'data_custodian_email', header: 'data_custodian_email', ...email('data custodian') }),
      column({ key: 'data_steward_email', header: 'data_steward_email', ...email('data steward') }),
      column({ key: 'focal_point_email', header: 'focal_point_email', ...email('focal point') }),
      column({
        key: 'sensitivity_label',
        header: 'sensitivity_label',
        ...cell.choice(SENSITIVITY_LABELS, {
          Public: ['Publique', 'Público', 'Unclassified'],
          Internal: ['Interne', 'Interno'],
          Confidential: ['Confidentiel', 'Confidencial'],
          'Strictly Confidential': ['Strictement confidentiel', 'Estrictamente confidencial'],
        }),
        description: 'Sensitivity label; empty while not yet classified',
        example: 'Confidential',
        width: 22,
      }),
      column({
        key: 'personal_data',
        header: 'personal_data',
        ...cell.boolean(),
        description:
          'Whether it holds personal data: yes/no (also oui/non, sí/no); empty keeps the current value (new: no)',
        example: 'yes',
      }),
      column({
        key: 'special_categories',
        header: 'special_categories',
        ...cell.choiceList(SPECIAL_CATEGORIES),
        description: 'Special-category data it holds, separated by ; (or , or |)',
        example: 'health; protection_gbv',
        width: 30,
      }),
      column({
        key: 'data_subjects',
        header: 'data_subjects',
        ...cell.choiceList(DATA_SUBJECTS, {
          beneficiaries_migrants: ['beneficiaries', 'migrants', 'bénéficiaires', 'beneficiarios'],
          staff: ['personnel', 'personal'],
          partners: ['partenaires', 'socios'],
        }),
        description: 'Whose data it holds, separated by ; (or , or |)',
        example: 'beneficiaries_migrants; staff',
        width: 30,
      }),
      column({
        key: 'legal_basis',
        header: 'legal_basis',
        ...text(2000, 'Legal basis of the processing of personal data', 'Vital interest'),
      }),
      column({
        key: 'purpose',
        header: 'purpose',
        ...text(2000, 'Why the data is collected and kept', 'Case management'),
      }),
      column({
        key: 'retention',
        header: 'retention',
        ...text(2000, 'How long it is kept, and what happens then', '5 years after case closure'),
      }),
      column({
        key: 'hosting_location',
        header: 'hosting_location',
        ...text(500, 'Where it is stored: country or cloud region', 'Azure West Europe'),
      }),
      column({
        key: 'tags',
        header: 'tags',
        ...cell.textList({ maxItem: 60, commas: true }),
        description: 'Free tags separated by ; (or , or |)',
        example: 'registration; protection',
        width: 30,
      }),
      column({
        key: 'last_reviewed',
        header: 'last_reviewed',
        ...cell.date(),
        description: 'Date of the last review of this record',
        example: '2026-03-31',
      }),
      column({
        key: 'last_access_review',
        header: 'last_access_review',
        ...cell.date(),
        description: 'Date of the last review of who has access',
        example: '2026-03-31',
      }),
    ],
    unique: ['asset_id'],
    instructions: [
      'One row per data asset. A row with an asset_id (as exported) updates that asset; a row without adds a new asset.',
      'An empty cell clears the value of an existing asset (personal_data excepted: empty keeps it). To keep values as they are, remove the whole column.',
      'People are named by their work e-mail; the system by its asset id or by its name within the office; the department by its code or name.',
      'Lists (special_categories, data_subjects, tags) are separated by a semicolon (;); a comma or | also works.',
      'yes/no cells also accept oui/non and sí/no.',
      'Import with "dry run" first: it lists every problem by row and column and changes nothing. A real import writes all rows or none.',
    ],
  });
}

export const INVENTORY_TABLE = inventoryTable();
export type InventoryRow = RowOf<typeof INVENTORY_TABLE.columns>;
export type InventoryColumn = keyof InventoryRow;
