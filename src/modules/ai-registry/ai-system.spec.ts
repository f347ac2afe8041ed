import { z } from 'zod';
import { cell } from '../../core/tabular/cell-types.js';
import { column, defineTable, type RowOf } from '../../core/tabular/columns.js';
import { TIERS } from './ai-act.schema.js';
import {
  AFFECTED_PEOPLE,
  APPROVAL_STATUSES,
  DEPLOYMENTS,
  LIFECYCLES,
  PUBLISHABLE_FIELDS,
  countryCodeSchema,
  languageCodeSchema,
  modelSchema,
  usageAppIdSchema,
} from './ai-system.schema.js';

/*
 * The spreadsheet layout of the AI systems register: one spec serves the export and the import.
 * Offices and departments by code, people by e-mail; a row with an id changes that system.
 * Tier and next review date are exported for reading; verification sets them, so the import ignores them.
 */

const codeCell = {
  schema: z.string().trim().toUpperCase().min(1).max(24),
  hint: 'code, e.g. KE-NBO',
};

/** Models as "name | provider | gpai" items separated by ";" (provider and gpai optional). */
const modelsCell = {
  schema: z.string().transform((text, ctx) => {
    const models = [];
    for (const item of text
      .split(/[;\n]/)
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [name = '', provider = '', kind = ''] = item.split('|').map((part) => part.trim());
      const general = kind.toLowerCase();
      if (general !== '' && general !== 'gpai') {
        ctx.addIssue({
          code: 'custom',
          message: `"${kind}": write gpai for a general-purpose model, or nothing`,
        });
        return z.NEVER;
      }
      const parsed = modelSchema.safeParse({
        name,
        provider: provider || null,
        general_purpose: general === 'gpai',
      });
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `"${item}": a model needs a name (name | provider | gpai)` });
        return z.NEVER;
      }
      models.push(parsed.data);
    }
    return models;
  }),
  format: (models: readonly z.infer<typeof modelSchema>[]) =>
    models
      .map((m) =>
        [m.name, m.provider ?? '', m.general_purpose ? 'gpai' : ''].join(' | ').replace(/( \| )+$/, ''),
      )
      .join('; '),
  hint: 'name | provider | gpai; separated by ;',
};

/** Values separated by ; (or commas, spaces, new lines), each as `item` reads it, each once. */
const idList = (item: z.ZodType<string>, what: string) => ({
  schema: z.string().transform((text, ctx) => {
    const ids: string[] = [];
    for (const part of text.split(/[;,\n|\s]+/).filter(Boolean)) {
      const parsed = item.safeParse(part);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not ${what}` });
        return z.NEVER;
      }
      if (!ids.includes(parsed.data)) ids.push(parsed.data);
    }
    return ids;
  }),
  format: (ids: readonly string[]) => ids.join('; '),
  hint: 'ids separated by ;',
});

const text = (max: number) => cell.text({ max });

export const AI_SYSTEMS_TABLE = defineTable({
  name: 'AI systems',
  columns: [
    column({
      key: 'id',
      header: 'Id',
      schema: z.string().trim().uuid({ error: 'not an id of Custos' }),
      description: 'Empty for a new system; the id of a system changes that system',
      width: 38,
    }),
    column({
      key: 'name',
      header: 'Name',
      aliases: ['Nom', 'Nombre'],
      required: true,
      ...text(300),
      width: 30,
    }),
    column({
      key: 'office_code',
      header: 'Office code',
      aliases: ['Office', 'Code du bureau', 'Bureau', 'Código de oficina', 'Oficina'],
      required: true,
      ...codeCell,
    }),
    column({ key: 'department_code', header: 'Department code', aliases: ['Department'], ...codeCell }),
    column({ key: 'business_owner_email', header: 'Business owner', ...cell.email(), width: 28 }),
    column({ key: 'technical_owner_email', header: 'Technical owner', ...cell.email(), width: 28 }),
    column({ key: 'public_description', header: 'Public description', ...text(2000), width: 40 }),
    column({
      key: 'purpose',
      header: 'Purpose and rationale',
      aliases: ['Purpose'],
      ...text(5000),
      width: 40,
    }),
    column({
      key: 'provider',
      header: 'Provider',
      aliases: ['Vendor', 'Fournisseur', 'Proveedor'],
      ...text(300),
    }),
    column({ key: 'contract', header: 'Contract', ...text(1000) }),
    column({ key: 'models', header: 'Models', ...modelsCell, width: 36 }),
    column({ key: 'deployment', header: 'Deployment', ...cell.choice(DEPLOYMENTS) }),
    column({ key: 'lifecycle', header: 'Lifecycle', aliases: ['Phase'], ...cell.choice(LIFECYCLES) }),
    column({ key: 'users', header: 'Users', ...text(2000) }),
    column({ key: 'affected_people', header: 'Affected people', ...cell.choiceList(AFFECTED_PEOPLE) }),
    column({ key: 'decisions_informed', header: 'Decisions informed', ...text(5000), width: 36 }),
    column({ key: 'human_oversight', header: 'Human oversight', ...text(5000), width: 36 }),
    column({ key: 'personal_data', header: 'Personal data', ...cell.boolean() }),
    column({ key: 'approval_status', header: 'Approval status', ...cell.choice(APPROVAL_STATUSES) }),
    column({ key: 'approval_conditions', header: 'Approval conditions', ...text(5000) }),
    column({ key: 'dpia_done', header: 'DPIA done', ...cell.boolean() }),
    column({ key: 'dpia_reference', header: 'DPIA reference', ...text(500) }),
    column({
      key: 'usage_app_ids',
      header: 'AI usage apps',
      ...idList(usageAppIdSchema, 'an app id of the AI usage catalogue'),
    }),
    column({
      key: 'data_asset_ids',
      header: 'Data assets',
      ...idList(z.string().uuid(), 'an id of a data asset'),
      width: 38,
    }),
    column({
      key: 'languages',
      header: 'Languages',
      aliases: ['Langues', 'Idiomas'],
      ...idList(languageCodeSchema, 'an ISO 639-1 language code, such as en, fr, es or ar'),
      hint: 'ISO 639-1 codes separated by ;, e.g. en; fr',
    }),
    column({
      key: 'countries',
      header: 'Countries',
      aliases: ['Pays', 'Países'],
      ...idList(countryCodeSchema, 'an ISO 3166-1 alpha-2 country code, such as KE or SN'),
      hint: 'ISO 3166-1 alpha-2 codes separated by ;, e.g. KE; SN',
    }),
    column({ key: 'alternatives_considered', header: 'Alternatives considered', ...text(5000), width: 36 }),
    column({ key: 'risks_and_mitigations', header: 'Risks and mitigations', ...text(5000), width: 36 }),
    column({ key: 'public', header: 'Public', ...cell.boolean() }),
    column({
      key: 'public_fields',
      header: 'Public fields',
      ...cell.choiceList(PUBLISHABLE_FIELDS),
      description: 'The fields the public register shows besides the name, separated by ;',
      width: 40,
    }),
    column({
      key: 'tier',
      header: 'EU AI Act tier',
      ...cell.choice(TIERS),
      description: 'Set by the verified classification; read-only (the import ignores it)',
    }),
    column({
      key: 'next_review_date',
      header: 'Next review',
      ...cell.date(),
      description: 'Set by the verified classification; read-only (the import ignores it)',
    }),
  ],
  unique: ['id'],
  instructions: [
    'One row per AI system. A row with an id changes that system; a row without adds one.',
    'An empty cell clears the value. To keep values as they are, remove the whole column.',
    'EU AI Act tier and Next review are set by verifying a classification; the import ignores them.',
    'Import with "dry run" first: it lists every problem by row and column and changes nothing.',
  ],
});

export type AiSystemsSheetRow = RowOf<typeof AI_SYSTEMS_TABLE.columns>;
